import Taro from '@tarojs/taro';
import { GIG_DEFAULT_WORK_START, GIG_FREE_CANCEL_HOURS, chinaDateOf, gigDayStart, monthDayText, type GigDay, type GigItem, type GigSignupItem } from '@zaogong/shared';
import { postUrl } from './routes';

/** The 零工 pages. The API's messages and its QR text name `mine` and `checkIn` by these very paths. */
export const GIG_ROUTES = {
  /** The list of one day (?day=0|1|2: 今天/明天/后天). */
  list: '/pages/gigs/index',
  /** 我的零工: the person's days, and what to do on each. */
  mine: '/pages/gigs/mine/index',
  /** What the 现场码's QR opens (?code=NNNNNN). */
  checkIn: '/pages/gigs/check-in/index',
  /** A 权益维护 case (?id=). */
  dispute: '/pages/gigs/dispute/index',
  /** The liaison's 今天的零工. */
  liaisonToday: '/packages/liaison/pages/gigs-today/index',
  /** The liaison's 代农户招零工 (零工驿站). */
  liaisonHouseholds: '/packages/liaison/pages/households/index',
} as const;

/** 今天 / 明天 / 后天: the days the list offers (the API's default window is the same three). */
export const GIG_DAY_WORDS = ['今天', '明天', '后天'] as const;

/** When a post does not say, work starts at 08:00 (the API's rule, in libs/shared). */
export const DEFAULT_WORK_START = GIG_DEFAULT_WORK_START;

/** YYYY-MM-DD plus n days (calendar arithmetic on the date itself). */
export function addDays(ymd: string, n: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date in China, whatever the phone's time zone. */
export function chinaToday(now: number = Date.now()): string {
  return chinaDateOf(new Date(now));
}

/** The China date of 今天 + offset (0, 1, 2). */
export function gigDate(offset: number, now: number = Date.now()): string {
  return addDays(chinaToday(now), offset);
}

/** "今天", "明天", "后天", or '' for another day. */
export function dayWord(ymd: string, now: number = Date.now()): string {
  const today = chinaToday(now);
  const i = GIG_DAY_WORDS.findIndex((_, n) => addDays(today, n) === ymd);
  return i >= 0 ? GIG_DAY_WORDS[i] : '';
}

/** "明天 12月8日", or "12月10日" for a day further off. */
export function dayText(ymd: string, now: number = Date.now()): string {
  const word = dayWord(ymd, now);
  return word ? `${word} ${monthDayText(ymd)}` : monthDayText(ymd);
}

/** "8点", "7点半", "13点20分": a start time the way it is said. */
export function clockText(hm: string): string {
  const [h, m] = hm.split(':').map(Number);
  if (!m) return `${h}点`;
  return m === 30 ? `${h}点半` : `${h}点${m}分`;
}

/** The instant work starts on a day (China time). */
export const startOf = gigDayStart;

/** Cancelling now would be a late cancel: within 12 hours of the start. */
export function isLateCancel(s: Pick<GigSignupItem, 'date' | 'workStartTime'>, now: number = Date.now()): boolean {
  return now >= startOf(s.date, s.workStartTime) - GIG_FREE_CANCEL_HOURS * 3600_000;
}

/** "约 0.9 公里" from the person; "本村" / "本镇" when the list placed it by 村居 or 镇街; else ''. */
export function nearText(item: Pick<GigItem, 'distanceKm' | 'nearness'>): string {
  if (typeof item.distanceKm === 'number') {
    const km = item.distanceKm;
    return km < 10 ? `约 ${Math.max(0.1, Math.round(km * 10) / 10).toFixed(1)} 公里` : `约 ${Math.round(km)} 公里`;
  }
  if (item.nearness === 'village') return '本村';
  if (item.nearness === 'town') return '本镇';
  return '';
}

/** "还差2人", "已满，可排队", or "不再招人" (the employer closed the day). */
export function spotsText(day: Pick<GigDay, 'spotsLeft' | 'closed'>): string {
  if (day.closed) return '不再招人';
  return day.spotsLeft > 0 ? `还差${day.spotsLeft}人` : '已满，可排队';
}

/** The browser gives only GPS (WGS-84) positions; WeChat gives the GCJ-02 ones maps in China use. */
export async function currentPoint(timeoutMs = 8000): Promise<{ lat: number; lng: number }> {
  const asked = Taro.getLocation({ type: process.env.TARO_ENV === 'weapp' ? 'gcj02' : 'wgs84' });
  // A browser that never answers the permission question must not hold the page.
  const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('location timeout')), timeoutMs));
  const loc = await Promise.race([asked, late]);
  return { lat: loc.latitude, lng: loc.longitude };
}

/** The link of a page with its query. */
export function gigListUrl(offset: number): string {
  return `${GIG_ROUTES.list}?day=${offset}`;
}

export function checkInUrl(code?: string, out?: boolean): string {
  const q = [code ? `code=${encodeURIComponent(code)}` : '', out ? 'out=1' : ''].filter(Boolean).join('&');
  return q ? `${GIG_ROUTES.checkIn}?${q}` : GIG_ROUTES.checkIn;
}

export function disputeUrl(id: string): string {
  return `${GIG_ROUTES.dispute}?id=${encodeURIComponent(id)}`;
}

/** A gig post opened for signing up on a day (?date=). */
export function gigPostUrl(postId: string, date?: string): string {
  return date ? `${postUrl(postId)}&date=${date}` : postUrl(postId);
}
