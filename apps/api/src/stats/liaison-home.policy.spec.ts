import { cardLevelOf, daysSince, worklistMoments } from './liaison-home.policy';

describe('liaison home dates and levels', () => {
  it('takes today and the year from the China date, whatever the server’s zone', () => {
    // 31 Dec 2026 16:30 UTC is already 1 Jan 2027 in China.
    const m = worklistMoments(new Date('2026-12-31T16:30:00Z'));
    expect(m).toMatchObject({ today: '2027-01-01', year: 2027 });
    expect(worklistMoments(new Date('2026-12-31T15:59:00Z'))).toMatchObject({ today: '2026-12-31', year: 2026 });
  });

  it('puts the stale line 7 days and the quiet line 30 days back', () => {
    const now = new Date('2026-06-15T04:00:00Z');
    const m = worklistMoments(now);
    expect(m.staleBefore.toISOString()).toBe('2026-06-08T04:00:00.000Z');
    expect(m.quietBefore.toISOString()).toBe('2026-05-16T04:00:00.000Z');
  });

  it.each([
    ['2026-06-05T04:00:00Z', 10],
    ['2026-06-14T04:00:01Z', 0],
    ['2026-06-14T04:00:00Z', 1],
    ['2026-06-20T04:00:00Z', 0], // a clock ahead is never negative
  ])('counts whole days since %s: %i', (then, days) => {
    expect(daysSince(new Date(then), new Date('2026-06-15T04:00:00Z'))).toBe(days);
  });

  it.each([
    ['370406', 'town', 'town_code'],
    ['370406103', 'village', 'village_code'],
    ['370406103201', 'village', 'village_code'],
  ] as const)('cards of %s are per %s', (area, level, column) => {
    expect(cardLevelOf(area)).toEqual({ level, column });
  });
});
