import { isStatusChange, linkDecision } from './residents.policy';

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
