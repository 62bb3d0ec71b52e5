import type { Role } from '@zaogong/shared';
import { isStatusChange, linkDecision, mayManageResident } from './residents.policy';

const who = (role: Role, regionCode: string | null, userId = 'u1') => ({ userId, role, regionCode, employerId: null });
const r = { villageCode: '370406103200', userId: null as string | null };

describe('mayManageResident', () => {
  it.each([
    ['district admin', who('admin', null), r, true],
    ['town officer of the town', who('admin', '370406103'), r, true],
    ['town officer elsewhere', who('admin', '370406105'), r, false],
    ['village liaison of the village', who('liaison', '370406103200'), r, true],
    ['liaison of the neighbouring village', who('liaison', '370406103201'), r, false],
    ['town liaison of the town', who('liaison', '370406103'), r, true],
    ['seeker, not theirs', who('seeker', null), r, false],
    ['seeker, their own', who('seeker', null, 'me'), { ...r, userId: 'me' }, true],
    ['employer', who('employer', null), r, false],
  ])('%s', (_l, user, resident, expected) => {
    expect(mayManageResident(user, resident)).toBe(expected);
  });
});

describe('isStatusChange', () => {
  it('is a change only when the status differs', () => {
    expect(isStatusChange('seeking', 'employed')).toBe(true);
    expect(isStatusChange('seeking', 'seeking')).toBe(false);
    expect(isStatusChange('seeking', undefined)).toBe(false);
    expect(isStatusChange(null, 'seeking')).toBe(true);
  });
});

describe('linkDecision', () => {
  it.each([
    [null, 'create'],
    [{ userId: null }, 'link'],
    [{ userId: 'me' }, 'update'],
    [{ userId: 'someone-else' }, 'conflict'],
  ] as const)('%j → %s', (existing, expected) => {
    expect(linkDecision(existing, 'me')).toBe(expected);
  });
});
