import Taro from '@tarojs/taro';
import { GIG_DEFAULT_WORK_START, chinaDateOf, gigDayStart, monthDayText, type GigSignupItem, type JobPostingItem } from '@zaogong/shared';
import { api } from '../../../api/endpoints';
import { ROUTES } from '../../../lib/routes';

/**
 * 零工 on the employer's side: the working days of a gig, the day's start, and China times (a gig's day
 * is a China calendar day, whatever time zone the phone is set to). The rules themselves are the API's
 * (apps/api/src/gigs/gig-rules.ts); these only decide what the screen offers.
 */

/** When a post does not say, work starts at 08:00 (the API's default, in libs/shared). */
export const DEFAULT_WORK_START = GIG_DEFAULT_WORK_START;
/** The API lists at most this many working days of one post. */
const MAX_GIG_DAYS = 62;
const CHINA_OFFSET_MS = 8 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** YYYY-MM-DD plus n days (calendar arithmetic on the date itself). */
export function addDays(ymd: string, n: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Today in China. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDateOf(now);
}

/** The working days of a gig post: startDate to endDate (or the one day). */
export function gigDays(post: Pick<JobPostingItem, 'startDate' | 'endDate'>): string[] {
  if (!post.startDate) return [];
  const last = post.endDate && post.endDate > post.startDate ? post.endDate : post.startDate;
  const out: string[] = [];
  for (let d = post.startDate; d <= last && out.length < MAX_GIG_DAYS; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The day to open first: the asked one, else today, else the next working day, else the last. */
export function firstDay(days: readonly string[], asked: string | undefined, today: string): string | undefined {
  if (asked && days.includes(asked)) return asked;
  return days.find((d) => d >= today) ?? days[days.length - 1];
}

/** "今天 12月8日 周二", "明天 12月9日 周三", "12月12日 周六". */
export function dayLabel(ymd: string, today: string): string {
  const weekday = WEEKDAYS[new Date(`${ymd}T00:00:00Z`).getUTCDay()];
  const near = ymd === today ? '今天 ' : ymd === addDays(today, 1) ? '明天 ' : ymd === addDays(today, -1) ? '昨天 ' : '';
  return `${near}${monthDayText(ymd)} 周${weekday}`;
}

/** The instant work starts on a day (China time). */
export const dayStart = gigDayStart;

/** "08:05" in China time. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const d = new Date(t + CHINA_OFFSET_MS);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** "12月8日 18:00" in China time. */
export function chinaDayTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return `${monthDayText(chinaDateOf(new Date(t)))} ${chinaTime(iso)}`;
}

/** An ISO 8601 instant from a China date and "HH:mm". */
export function chinaInstant(ymd: string, hm: string): string {
  return `${ymd}T${hm}:00+08:00`;
}

/** "每天180–220元", "每天200元" (the agreed rate of a sign-up). */
export function agreedText(w: GigSignupItem['agreedWage']): string {
  const n = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, ''));
  const per = w.unit === 'hour' ? '每小时' : w.unit === 'piece' ? '每件' : w.unit === 'month' ? '每月' : '每天';
  return `${per}${w.min === w.max ? n(w.min) : `${n(w.min)}–${n(w.max)}`}元`;
}

/** 报名名单 of a gig (a day, or the first one that fits). */
export function gigRosterUrl(postId: string, date?: string): string {
  const q = `postId=${encodeURIComponent(postId)}`;
  return `${ROUTES.gigRoster}?${q}${date ? `&date=${encodeURIComponent(date)}` : ''}`;
}

/** Today's 现场码 of a gig. */
export function siteCodeUrl(postId: string): string {
  return `${ROUTES.gigSiteCode}?postId=${encodeURIComponent(postId)}`;
}

/** WeChat's action sheet holds six lines. */
const SHEET_MAX = 6;

/**
 * 零工：报名名单和现场码 from the employer home: the published gig posts; one opens straight away, a few are
 * picked from a list, many are left to 我的岗位 (`onMany` scrolls there), none says how to post one.
 */
export async function openGigRoster(onMany: () => void): Promise<void> {
  let gigs: JobPostingItem[];
  try {
    gigs = (await api.myPosts({ status: 'published', limit: 100 }, { toast: false })).items.filter((p) => p.type === 'gig');
  } catch {
    void Taro.showToast({ title: '没有连上，请再试一次', icon: 'none', duration: 2000 });
    return;
  }
  if (gigs.length === 0) {
    void Taro.showToast({ title: '还没有在招的零工。点“发布招工”，用工方式选“零工”', icon: 'none', duration: 3000 });
    return;
  }
  if (gigs.length === 1) {
    void Taro.navigateTo({ url: gigRosterUrl(gigs[0].id) });
    return;
  }
  if (gigs.length > SHEET_MAX) {
    onMany();
    void Taro.showToast({ title: '在零工岗位下面点“看报名名单/现场码”', icon: 'none', duration: 2500 });
    return;
  }
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: gigs.map((p) => p.title) });
    void Taro.navigateTo({ url: gigRosterUrl(gigs[tapIndex].id) });
  } catch {
    // Closed without picking.
  }
}
