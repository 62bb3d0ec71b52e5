import { TEMPLATE_KINDS, TEMPLATE_OF_TYPE, NOTIFICATION_TYPES } from '@zaogong/shared';
import { TEMPLATE_FIELDS, quietUntil } from './wechat-templates';

describe('quietUntil (21:00–08:00 in 山亭, UTC+8)', () => {
  it.each([
    // now (UTC)                   local    → waits until (UTC)
    ['2026-12-01T00:00:00.000Z', '08:00', null],
    ['2026-12-01T04:00:00.000Z', '12:00', null],
    ['2026-12-01T12:59:59.999Z', '20:59', null],
    ['2026-12-01T13:00:00.000Z', '21:00', '2026-12-02T00:00:00.000Z'],
    ['2026-12-01T15:59:00.000Z', '23:59', '2026-12-02T00:00:00.000Z'],
    ['2026-12-01T16:00:00.000Z', '00:00', '2026-12-02T00:00:00.000Z'],
    ['2026-12-01T23:59:59.000Z', '07:59', '2026-12-02T00:00:00.000Z'],
    ['2026-12-31T14:00:00.000Z', '22:00 on New Year’s Eve', '2027-01-01T00:00:00.000Z'],
  ])('at %s (%s) → %s', (now, _local, expected) => {
    expect(quietUntil(new Date(now))?.toISOString() ?? null).toBe(expected);
  });
});

describe('WeChat template fields', () => {
  const long = '山亭区桑村镇某某塑编制品有限公司第二分厂编织车间';

  it('every notification type has a template kind with fields', () => {
    for (const type of NOTIFICATION_TYPES) expect(TEMPLATE_KINDS).toContain(TEMPLATE_OF_TYPE[type]);
  });

  it.each(TEMPLATE_KINDS)('%s: thing ≤ 20 characters, phrase ≤ 5, times in Chinese form', (kind) => {
    const data = TEMPLATE_FIELDS[kind]({ subject: long, party: long, status: '已经录用了您', time: new Date('2026-12-03T01:00:00Z'), place: long, date: '2026-12-03', note: long, count: 12 });
    for (const [key, { value }] of Object.entries(data)) {
      if (key.startsWith('thing')) expect([...value].length).toBeLessThanOrEqual(20);
      if (key.startsWith('phrase')) expect([...value].length).toBeLessThanOrEqual(5);
      if (key.startsWith('time')) expect(value).toBe('2026年12月03日 09:00');
      if (key.startsWith('date')) expect(value).toBe('2026年12月03日');
      if (key.startsWith('number')) expect(value).toBe('12');
      expect(value).not.toBe('');
    }
  });

  it('fills missing parts with a dash or 待定 rather than an empty value WeChat would refuse', () => {
    expect(TEMPLATE_FIELDS.interview({ subject: '保洁员' })).toMatchObject({ thing2: { value: '—' }, time3: { value: '待定' } });
  });
});
