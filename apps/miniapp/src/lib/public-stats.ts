import { chinaDateOf } from '@zaogong/shared';

/** 山亭区就业服务: the public page, in the main package (reached from the home and from shared links). */
export const PUBLIC_STATS_ROUTE = '/pages/public/index';

/** The page for `year`; this year's is the plain address. */
export function publicStatsUrl(year?: number): string {
  return year ? `${PUBLIC_STATS_ROUTE}?year=${year}` : PUBLIC_STATS_ROUTE;
}

/** What a figure of 1 to 4 people shows instead of itself (the API sends null). */
export const HIDDEN = '—';
export const HIDDEN_NOTE = '少于5人的数字不显示，保护个人信息';

/** "1,234": thousands grouped by hand, because Intl is not on every WeChat client. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count of people, or "—" where it is hidden. */
export function countOrHidden(n: number | null): string {
  return n === null ? HIDDEN : formatCount(n);
}

/** The part as a width for a bar: "0%" to "100%". */
export function barWidth(part: number, whole: number): string {
  if (whole <= 0 || part <= 0) return '0%';
  return `${Math.min(100, (part / whole) * 100).toFixed(2)}%`;
}

/** "41.1%", rounded down so one short of the target never reads 100%; a few people against thousands still shows. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  const tenths = Math.floor((part / whole) * 1000);
  if (tenths === 0 && part > 0) return '不到0.1%';
  return `${(tenths / 10).toFixed(1)}%`;
}

/** The year in China (the 人社局's calendar), whatever the phone's time zone. */
export function chinaYear(now: Date = new Date()): number {
  return Number(chinaDateOf(now).slice(0, 4));
}

/** The month in China, 1–12. */
export function chinaMonth(now: Date = new Date()): number {
  return Number(chinaDateOf(now).slice(5, 7));
}

/** "14:05" in China time, from an ISO instant; empty when unreadable. */
export function chinaClock(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const china = new Date(t + 8 * 3600_000);
  return `${String(china.getUTCHours()).padStart(2, '0')}:${String(china.getUTCMinutes()).padStart(2, '0')}`;
}

/** A ratio to one decimal without a trailing ".0": 1.5, 2, 0.3. */
function oneDecimal(x: number): string {
  const s = x.toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/**
 * 求人倍率 in plain words: "每个求职者约有1.5个岗位", or below one "约3个求职者争1个岗位" (0.3 of a post each
 * means little to a villager). `seekers` null: fewer than 5 people seek this work (the number is not shown); 0: nobody yet.
 */
export function ratioWords(openHeadcount: number, seekers: number | null, ratio: number | null): string {
  // Fewer than 5 seekers: against 5 or more places there are surely more places than people.
  if (seekers === null) return openHeadcount >= 5 ? '岗位比找活的人多，好找' : '找这类活的人不多';
  if (seekers === 0 || ratio === null) return openHeadcount > 0 ? '还没有人登记找这类活，正缺人' : '';
  if (ratio <= 0) return '现在没有在招的岗位';
  if (ratio >= 0.95) return `每个求职者约有${oneDecimal(ratio)}个岗位`;
  return `约${oneDecimal(1 / ratio)}个求职者争1个岗位`;
}

/** The title of a share card: the year's progress in one line. */
export function shareTitle(year: number, count: number, target: number, thisYear: boolean): string {
  const when = thisYear ? '今年' : `${year}年`;
  const done = target > 0 ? `，完成目标的${formatPercent(count, target)}` : '';
  return `山亭区${when}新增就业${formatCount(count)}人${done}`;
}
