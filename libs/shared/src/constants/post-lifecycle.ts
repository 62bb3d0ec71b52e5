import type { PostStatus, PostType } from '../enums/job-posting';

/** Days a post stays published unless its own dates end it sooner. */
export const POST_DEFAULT_LIFETIME_DAYS = 30;

/**
 * The post state machine: 草稿 → 待审核 → 已发布 / 已驳回 → 已关闭 / 已过期. A status not listed as
 * a target of another cannot be reached from it; the API answers 409 for such a change.
 * pending_review → pending_review is an edit while waiting; published → published is 一键刷新; an
 * edit of a published post goes back to review (or is rejected by the automatic check).
 */
export const POST_TRANSITIONS: Record<PostStatus, readonly PostStatus[]> = {
  draft: ['draft', 'pending_review', 'rejected', 'closed'],
  pending_review: ['draft', 'pending_review', 'published', 'rejected', 'closed'],
  rejected: ['draft', 'pending_review', 'rejected', 'closed'],
  published: ['published', 'pending_review', 'rejected', 'closed', 'expired'],
  expired: ['published', 'closed'],
  closed: [],
};

export function canTransition(from: PostStatus, to: PostStatus): boolean {
  return POST_TRANSITIONS[from].includes(to);
}

/** 一键刷新 at most once in this many hours, so a post cannot be kept on top all day. */
export const POST_REFRESH_INTERVAL_HOURS = 20;

/** Types whose work has dates: 零工 (the day or days), 季节工 and 共享员工 (the period). */
export const DATED_POST_TYPES: readonly PostType[] = ['gig', 'seasonal', 'shared_staff'];

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The calendar date in China (UTC+8) of an instant, as YYYY-MM-DD. */
export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 零工: when a post does not say, work starts at 08:00 (China time); a day's sign-ups close then. */
export const GIG_DEFAULT_WORK_START = '08:00';
/** 零工: cancelling is free until this long before the day's start; later it is a late cancel. */
export const GIG_FREE_CANCEL_HOURS = 12;

/** 零工: the instant (ms) work starts on a day, China time. */
export function gigDayStart(date: string, workStartTime: string | null | undefined): number {
  return Date.parse(`${date}T${workStartTime ?? GIG_DEFAULT_WORK_START}:00+08:00`);
}

/** 12月8日 from 2026-12-08. */
export function monthDayText(ymd: string): string {
  return `${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
}

/** Why nobody confirms "已上班" before the first working day (the API's 409 and the screens say the same). */
export function notStartedText(startDate: string): string {
  return `还没到上班日期（${monthDayText(startDate)}），到了那天再确认`;
}

/** The last millisecond of a China calendar day (YYYY-MM-DD). */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T23:59:59.999+08:00`));
}

/**
 * When a post published (or refreshed) at `at` stops being shown: 30 days on, or sooner at the end
 * of its last working day (gig and seasonal work end with their dates).
 */
export function postExpiresAt(at: Date, lastDay: string | null): Date {
  const byLifetime = new Date(at.getTime() + POST_DEFAULT_LIFETIME_DAYS * 86_400_000);
  if (!lastDay) return byLifetime;
  const byDates = endOfChinaDay(lastDay);
  return byDates < byLifetime ? byDates : byLifetime;
}
