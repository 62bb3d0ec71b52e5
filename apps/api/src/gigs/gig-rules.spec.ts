import { addDays, dayStart, freeToCancel, siteCode, siteCodeMatches, unusualPay, windowDates, workDays } from './gig-rules';

describe('gig rules', () => {
  it('counts working days across month ends, capped', () => {
    expect(workDays('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(workDays('2026-12-30', null)).toEqual(['2026-12-30']);
    expect(workDays('2026-12-30', '2026-12-01')).toEqual(['2026-12-30']);
    expect(workDays('2026-01-01', '2026-12-31')).toHaveLength(62);
    expect(workDays(null, null)).toEqual([]);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('starts a day in China time, and cancelling is free until 12 h before', () => {
    expect(dayStart('2026-12-08', null).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(dayStart('2026-12-08', '07:30').toISOString()).toBe('2026-12-07T23:30:00.000Z');
    expect(freeToCancel('2026-12-08', null, new Date('2026-12-07T11:59:00Z'))).toBe(true);
    expect(freeToCancel('2026-12-08', null, new Date('2026-12-07T12:00:00Z'))).toBe(false);
    // 23:30 UTC on 12-07 is already 12-08 in China: the window starts there.
    expect(windowDates(new Date('2026-12-07T23:30:00Z'))).toEqual(['2026-12-08', '2026-12-09', '2026-12-10']);
  });

  it('makes a 6-digit code per post, day and minute, good for the minute shown and the next', () => {
    const at = new Date('2026-12-08T01:00:30Z');
    const code = siteCode('s', 'p1', '2026-12-08', Math.floor(at.getTime() / 60_000));
    expect(code).toMatch(/^\d{6}$/);
    expect(siteCodeMatches('s', 'p1', '2026-12-08', code, at)).toBe(true);
    expect(siteCodeMatches('s', 'p1', '2026-12-08', code, new Date(at.getTime() + 60_000))).toBe(true);
    expect(siteCodeMatches('s', 'p1', '2026-12-08', code, new Date(at.getTime() + 120_000))).toBe(false);
    expect(siteCodeMatches('s', 'p2', '2026-12-08', code, at)).toBe(false);
    expect(siteCodeMatches('s', 'p1', '2026-12-09', code, at)).toBe(false);
    expect(siteCodeMatches('other', 'p1', '2026-12-08', code, at)).toBe(false);
  });

  it('asks about pay far above the agreed rate', () => {
    expect(unusualPay(200, 220, 'day')).toBe(false);
    expect(unusualPay(2000, 220, 'day')).toBe(true);
    expect(unusualPay(300, 25, 'hour')).toBe(false);
  });
});
