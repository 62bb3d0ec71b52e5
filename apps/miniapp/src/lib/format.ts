import { WAGE_UNIT_LABELS, type JobPostingItem } from '@zaogong/shared';

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

/** "2026年3月5日" (local time). Accepts "YYYY-MM-DD" or a full ISO timestamp. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}
