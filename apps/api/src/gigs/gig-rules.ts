import { createHmac } from 'node:crypto';
import { GIG_DEFAULT_WORK_START, GIG_FREE_CANCEL_HOURS, chinaDateOf, gigDayStart } from '@zaogong/shared';

/**
 * The rules of a gig day that need no database: its working days, when it starts, the free-cancel line,
 * and the 现场码 (docs/business-logic/gigs.md).
 */

/** When a post does not say, work starts at 08:00 (China time). */
export const DEFAULT_WORK_START = GIG_DEFAULT_WORK_START;
/** A check-in farther than this from the site is flagged for a look (never refused). */
export const FAR_CHECK_IN_KM = 1;
/** Three no-shows within 30 days pause sign-ups for 7 days. */
export const NO_SHOW_LIMIT = 3;
export const NO_SHOW_WINDOW_DAYS = 30;
export const PAUSE_DAYS = 7;
/** A case open longer than this puts a warning on the employer's gig posts. */
export const DISPUTE_WARNING_DAYS = 7;
/** Default window of GET /gigs: today and the next 2 days. */
export const GIG_WINDOW_DAYS = 3;
/** A post lists at most this many working days (a long 季节 run is not a 零工). */
export const MAX_GIG_DAYS = 62;

/** YYYY-MM-DD plus n days (calendar arithmetic on the date itself, no time zone involved). */
export function addDays(ymd: string, n: number): string {
  const t = Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The working days of a gig post: startDate to endDate (or the one day), at most MAX_GIG_DAYS. */
export function workDays(startDate: string | null, endDate: string | null): string[] {
  if (!startDate) return [];
  const last = endDate && endDate > startDate ? endDate : startDate;
  const out: string[] = [];
  for (let d = startDate; d <= last && out.length < MAX_GIG_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The instant work starts on a day (China time). */
export function dayStart(date: string, workStartTime: string | null): Date {
  return new Date(gigDayStart(date, workStartTime));
}

/** Whether cancelling now is still free (more than 12 h before the start). */
export function freeToCancel(date: string, workStartTime: string | null, now: Date): boolean {
  return now.getTime() < gigDayStart(date, workStartTime) - GIG_FREE_CANCEL_HOURS * 3600_000;
}

/** Today's and the next days' China dates, for the default list window. */
export function windowDates(now: Date, days = GIG_WINDOW_DAYS): string[] {
  const today = chinaDateOf(now);
  return Array.from({ length: days }, (_, i) => addDays(today, i));
}

/** The minute number a code belongs to. */
export function minuteOf(at: Date): number {
  return Math.floor(at.getTime() / 60_000);
}

/**
 * The 现场码 of a post's day in a given minute: 6 digits from an HMAC of the post, the day and the minute
 * under a key derived from the server's secret. Nothing is stored: the check-in computes it again.
 */
export function siteCode(secret: string, postId: string, date: string, minute: number): string {
  const mac = createHmac('sha256', `gig-site-code:${secret}`).update(`${postId}|${date}|${minute}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** A code is good in the minute it was shown and the next (it changes every 60 s; a phone may be slow). */
export function siteCodeMatches(secret: string, postId: string, date: string, code: string, now: Date): boolean {
  const m = minuteOf(now);
  return code === siteCode(secret, postId, date, m) || code === siteCode(secret, postId, date, m - 1);
}

/** A day's pay far above the agreed rate is asked about once (a slip of the finger: 2000 for 200). */
export function unusualPay(amount: number, wageMax: number, wageUnit: string): boolean {
  const perDay = wageUnit === 'hour' ? wageMax * 12 : wageUnit === 'day' ? wageMax : wageMax * 50;
  return amount > perDay * 3;
}
