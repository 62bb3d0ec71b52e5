import { chinaDateOf, DISTRICT_CODE, type AuthUser } from '@zaogong/shared';

const DAY_MS = 24 * 3600 * 1000;
const TOWN_CODE_LENGTH = 9;

/** "1,234": thousands grouped by hand, because Intl is not on every WeChat client. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The part as a width for a bar: "0%" to "100%". */
export function barWidth(part: number, whole: number): string {
  if (whole <= 0 || part <= 0) return '0%';
  return `${Math.min(100, (part / whole) * 100).toFixed(2)}%`;
}

/**
 * "41.1%": rounded down, so a count one short of the target never reads 100%. Above 100% it says
 * so (a 镇街 may do better than its share).
 */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const tenths = Math.floor((part / whole) * 1000);
  // A few people against thousands still shows that something has been done.
  if (tenths === 0 && part > 0) return '不到0.1%';
  return `${(tenths / 10).toFixed(1)}%`;
}

/** Today's date in China (YYYY-MM-DD): the year and the day count follow the 人社局's calendar. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDateOf(now);
}

export function chinaYear(now: Date = new Date()): number {
  return Number(chinaToday(now).slice(0, 4));
}

/** The current month in China (1–12). */
export function chinaMonth(now: Date = new Date()): number {
  return Number(chinaToday(now).slice(5, 7));
}

export interface Pace {
  /** Where the count should be by today: target × days elapsed ÷ days in the year. */
  expected: number;
  /** The same as a share of the target, for the marker on the bar. */
  expectedShare: number;
  /** count − expected: positive is ahead. */
  ahead: number;
  /** The year is over: expected is the whole target. */
  yearOver: boolean;
}

/** Where the count stands against an even spread of the target over the year, as of `today`. */
export function paceOf(year: number, target: number, count: number, today: string = chinaToday()): Pace {
  const [y, m, d] = today.split('-').map(Number);
  const daysInYear = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  let elapsed: number;
  if (y > year) elapsed = daysInYear;
  else if (y < year) elapsed = 0;
  else elapsed = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / DAY_MS + 1; // today counts as a day done
  const expected = Math.round((target * elapsed) / daysInYear);
  return { expected, expectedShare: elapsed / daysInYear, ahead: count - expected, yearOver: elapsed >= daysInYear };
}

/** A 镇街 officer: a liaison whose area is a whole 镇街 (a 9-digit code). */
export function isTownOfficer(user: AuthUser): boolean {
  return user.role === 'liaison' && (user.regionCode ?? '').length === TOWN_CODE_LENGTH;
}

/** An admin over the whole district: the only one who sets targets (the split covers every 镇街). */
export function isDistrictAdmin(user: AuthUser): boolean {
  return user.role === 'admin' && (!user.regionCode || user.regionCode === DISTRICT_CODE);
}
