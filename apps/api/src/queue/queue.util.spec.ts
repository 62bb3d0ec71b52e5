import { dailyCron, exponentialBackoffMs, nextDailyRun, nextEveryRun, parseTimeOfDay } from './queue.util';

describe('nextDailyRun (Asia/Shanghai, UTC+8)', () => {
  it.each([
    // now (UTC)                   HH:mm    expected (UTC)               why
    ['2026-01-01T00:00:00.000Z', '09:00', '2026-01-01T01:00:00.000Z'], // 08:00 local, later today
    ['2026-01-01T00:00:00.000Z', '08:00', '2026-01-02T00:00:00.000Z'], // exactly now: strictly after → tomorrow
    ['2026-01-01T00:00:00.001Z', '08:00', '2026-01-02T00:00:00.000Z'], // just past
    ['2026-01-01T00:00:00.000Z', '07:59', '2026-01-01T23:59:00.000Z'], // earlier today → tomorrow
    ['2026-01-01T15:59:59.999Z', '00:00', '2026-01-01T16:00:00.000Z'], // local midnight is 16:00 UTC
    ['2026-01-01T16:30:00.000Z', '00:15', '2026-01-02T16:15:00.000Z'], // 00:30 local on Jan 2 → Jan 3 00:15 local
    ['2026-01-01T16:30:00.000Z', '01:00', '2026-01-01T17:00:00.000Z'], // UTC date still Jan 1, local Jan 2
    ['2026-01-01T10:00:00.000Z', '03:00', '2026-01-01T19:00:00.000Z'], // 18:00 local → 03:00 local next day
    ['2026-12-31T15:00:00.000Z', '23:59', '2026-12-31T15:59:00.000Z'], // year end
    ['2026-12-31T16:00:00.000Z', '23:59', '2027-01-01T15:59:00.000Z'], // local new year just began
    ['2028-02-28T20:00:00.000Z', '03:00', '2028-02-29T19:00:00.000Z'], // leap day local → Mar 1 local
  ])('from %s at %s → %s', (now, hhmm, expected) => {
    expect(nextDailyRun(new Date(now), hhmm).toISOString()).toBe(expected);
  });

  it.each(['24:00', '9:00', '09:60', 'ab:cd', '', '09:00:00'])('rejects "%s"', (hhmm) => {
    expect(() => nextDailyRun(new Date('2026-01-01T00:00:00Z'), hhmm)).toThrow(/Invalid time of day/);
  });

  it('rejects an invalid date', () => {
    expect(() => nextDailyRun(new Date('nope'), '03:00')).toThrow(/Invalid date/);
  });
});

describe('queue utilities', () => {
  it('parses HH:mm', () => {
    expect(parseTimeOfDay('07:05')).toEqual({ hours: 7, minutes: 5 });
  });

  it('builds the daily cron expression bull evaluates in Asia/Shanghai', () => {
    expect(dailyCron('03:30')).toBe('30 3 * * *');
    expect(dailyCron('00:00')).toBe('0 0 * * *');
  });

  it.each([
    [0, 1000, 1000],
    [999, 1000, 1000],
    [1000, 1000, 2000],
    [1500, 500, 2000],
  ])('nextEveryRun(%i, %i) = %i', (now, every, expected) => {
    expect(nextEveryRun(now, every)).toBe(expected);
  });

  it.each([
    [1, 2000, 2000],
    [2, 2000, 6000],
    [3, 2000, 14000],
    [4, 2000, 30000],
  ])('backoff after %i failed tries with base %i is %i ms (as bull)', (tries, base, expected) => {
    expect(exponentialBackoffMs(tries, base)).toBe(expected);
  });
});
