import { monthlyEquivalent, WAGE_UNIT_LABELS, type JobPostingItem } from '@zaogong/shared';

/** "5000–6500 元/月", or "200 元/天" when the range is a single figure. */
export function formatWage(post: Pick<JobPostingItem, 'wageMin' | 'wageMax' | 'wageUnit'>): string {
  const unit = WAGE_UNIT_LABELS[post.wageUnit] ?? '';
  const min = formatAmount(post.wageMin);
  const max = formatAmount(post.wageMax);
  return min === max ? `${min} ${unit}` : `${min}–${max} ${unit}`;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * The pay the way a seeker reads it on a card: a 零工 by the day or the hour ("每天 200 元",
 * "每小时 25–30 元"), what it is; every other post as formatWage ("5000–6500 元/月").
 */
export function formatPay(post: Pick<JobPostingItem, 'wageMin' | 'wageMax' | 'wageUnit' | 'type'>): string {
  if (post.type !== 'gig' || (post.wageUnit !== 'day' && post.wageUnit !== 'hour')) return formatWage(post);
  const min = formatAmount(post.wageMin);
  const max = formatAmount(post.wageMax);
  return `${post.wageUnit === 'day' ? '每天' : '每小时'} ${min === max ? min : `${min}–${max}`} 元`;
}

/**
 * "约合 4350–5220 元/月" for day and hour wages, so they compare with monthly ones (the list's wage
 * filter uses the same conversion); empty for monthly and piece wages, and for a 零工 (a day or a
 * few: a month of it is not what it pays).
 */
export function formatMonthlyWage(post: Pick<JobPostingItem, 'wageMin' | 'wageMax' | 'wageUnit'> & { type?: JobPostingItem['type'] }): string {
  if (post.type === 'gig') return '';
  if (post.wageUnit !== 'day' && post.wageUnit !== 'hour') return '';
  const min = monthlyEquivalent(post.wageMin, post.wageUnit);
  const max = monthlyEquivalent(post.wageMax, post.wageUnit);
  if (min === null || max === null) return '';
  return min === max ? `约合 ${min} 元/月` : `约合 ${min}–${max} 元/月`;
}

/** "离您约800米", "离您约3.2公里": a straight line, so 约. */
export function formatDistance(km: number): string {
  if (km < 1) return `离您约${Math.max(100, Math.round(km * 10) * 100)}米`;
  if (km < 10) return `离您约${km.toFixed(1)}公里`;
  return `离您约${Math.round(km)}公里`;
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** "刚刚发布", "5小时前发布", "3天前发布", or the date for older posts. */
export function formatPublished(iso: string | null, now: number = Date.now()): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = now - t;
  if (diff < HOUR) return '刚刚发布';
  if (diff < DAY) return `${Math.floor(diff / HOUR)}小时前发布`;
  if (diff < 30 * DAY) return `${Math.floor(diff / DAY)}天前发布`;
  return `${formatDate(iso)}发布`;
}

/** Calendar days between two instants on the local calendar (0 = the same day). */
function calendarDaysBetween(earlier: number, later: number): number {
  const a = new Date(earlier);
  const b = new Date(later);
  const dayA = Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());
  const dayB = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate());
  return Math.round((dayB - dayA) / DAY);
}

/**
 * When a message came, the way people say it: "刚刚", "5分钟前", "3小时前" (today), "昨天 14:05",
 * "3月5日", or "2025年3月5日" for another year.
 */
export function formatMessageTime(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = now - t;
  if (diff < 60_000) return '刚刚';
  if (diff < HOUR) return `${Math.floor(diff / 60_000)}分钟前`;
  const days = calendarDaysBetween(t, now);
  if (days === 0) return `${Math.floor(diff / HOUR)}小时前`;
  const at = new Date(t);
  if (days === 1) return `昨天 ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const md = `${at.getMonth() + 1}月${at.getDate()}日`;
  return at.getFullYear() === new Date(now).getFullYear() ? md : `${at.getFullYear()}年${md}`;
}

/**
 * How fresh a post is, from its last 一键刷新 (`refreshedAt`) or else its publication: "今天更新",
 * "昨天发布", "3天前更新", or the date for older ones. It says 发布 until the employer has refreshed
 * it, so a seeker is not told a post was "updated" when it never was.
 */
export function formatFreshness(
  post: Pick<JobPostingItem, 'publishedAt' | 'refreshedAt'>,
  now: number = Date.now(),
): string {
  const published = post.publishedAt ? Date.parse(post.publishedAt) : Number.NaN;
  const refreshed = post.refreshedAt ? Date.parse(post.refreshedAt) : Number.NaN;
  const at = Number.isNaN(refreshed) ? published : refreshed;
  if (Number.isNaN(at)) return '';
  // Publishing sets both stamps in the same moment; only a later refresh counts as 更新.
  const verb = !Number.isNaN(refreshed) && (Number.isNaN(published) || refreshed - published > 60_000) ? '更新' : '发布';
  const days = calendarDaysBetween(at, now);
  if (days <= 0) return `今天${verb}`;
  if (days === 1) return `昨天${verb}`;
  if (days < 30) return `${days}天前${verb}`;
  return `${formatDate(new Date(at).toISOString())}${verb}`;
}

/** "12月1日" for a YYYY-MM-DD date, with the year when it is not this year. */
export function formatShortDate(ymd: string, now: number = Date.now()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) return '';
  const md = `${Number(m[2])}月${Number(m[3])}日`;
  return Number(m[1]) === new Date(now).getFullYear() ? md : `${Number(m[1])}年${md}`;
}

/** "12月1日–12月20日", one day as "12月1日", an open end as "12月1日起". */
export function formatDateRange(start: string | null, end: string | null, now: number = Date.now()): string {
  if (start && end) {
    return start === end ? formatShortDate(start, now) : `${formatShortDate(start, now)}–${formatShortDate(end, now)}`;
  }
  if (start) return `${formatShortDate(start, now)}起`;
  if (end) return `到${formatShortDate(end, now)}为止`;
  return '';
}

/** "2026年3月5日" (local time). Accepts "YYYY-MM-DD" or a full ISO timestamp. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}
