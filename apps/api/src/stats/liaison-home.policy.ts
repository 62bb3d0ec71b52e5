import { DISTRICT_CODE, LIAISON_QUIET_SEEKER_DAYS, LIAISON_STALE_APPLICATION_DAYS, chinaDateOf, regionLevelOf } from '@zaogong/shared';

// The rules of the liaison home (docs/business-logic/liaison-home.md), pure: the clock comes in.

const DAY_MS = 86_400_000;

export interface WorklistMoments {
  /** Today as a China date (YYYY-MM-DD): a hire waits for confirmation from its first day on. */
  today: string;
  /** The calendar year of `today`: 今年已就业 counts hires whose first day falls in it. */
  year: number;
  /** An open application last changed before this is 没有动静. */
  staleBefore: Date;
  /** Nobody registered or applied since this: 很久没动静, worth a call. */
  quietBefore: Date;
}

export function worklistMoments(now: Date): WorklistMoments {
  const today = chinaDateOf(now);
  return {
    today,
    year: Number(today.slice(0, 4)),
    staleBefore: new Date(now.getTime() - LIAISON_STALE_APPLICATION_DAYS * DAY_MS),
    quietBefore: new Date(now.getTime() - LIAISON_QUIET_SEEKER_DAYS * DAY_MS),
  };
}

/** Whole days between `then` and `now` (never negative). */
export function daysSince(then: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - then.getTime()) / DAY_MS));
}

/**
 * The rows of the 村居 cards: the one 村居 of a 村居 area, the 村居 of a 镇街, the 镇街 of the district (a
 * district-wide list of 280 村居 would be no card). `column` is the residents' (and new_employment's)
 * column the numbers are grouped by.
 */
export function cardLevelOf(area: string): { level: 'town' | 'village'; column: 'town_code' | 'village_code' } {
  const level = regionLevelOf(area);
  if (area === DISTRICT_CODE || level === 'district') return { level: 'town', column: 'town_code' };
  return { level: 'village', column: 'village_code' };
}
