import { EVENT_KIND_LABELS, LIVE_PLATFORM_LABELS, chinaDateOf, monthDayText, type EventItem, type EventPhase, type EventSignupItem } from '@zaogong/shared';
import { addDays, chinaToday } from './gigs';

/** The 招聘活动 pages. */
export const EVENT_ROUTES = {
  /** All events by date (?all=1: with ended and cancelled ones, for the organiser). */
  list: '/pages/events/index',
  /** One event (?id=). */
  detail: '/pages/events/detail/index',
  /** 我的活动: a seeker's tickets; a liaison's villagers' (?eventId= for one event). */
  mine: '/pages/events/mine/index',
  /** 新建活动, or edit one (?id=). */
  form: '/packages/admin/pages/event-form/index',
  /** 验票入场, the door list and the venue code (?id=). */
  door: '/packages/admin/pages/event-door/index',
  /** 活动报表 (?id=). */
  report: '/packages/admin/pages/event-report/index',
  /** 活动汇总 by series, for a year. */
  summary: '/packages/admin/pages/event-summary/index',
  /** The printable poster (built by the poster page: ?kind=event&id=). */
  poster: '/pages/poster/index',
} as const;

const q = (id: string) => encodeURIComponent(id);
export const eventUrl = (id: string) => `${EVENT_ROUTES.detail}?id=${q(id)}`;
export const eventFormUrl = (id?: string) => (id ? `${EVENT_ROUTES.form}?id=${q(id)}` : EVENT_ROUTES.form);
export const eventDoorUrl = (id: string) => `${EVENT_ROUTES.door}?id=${q(id)}`;
export const eventReportUrl = (id: string) => `${EVENT_ROUTES.report}?id=${q(id)}`;
export const eventPosterUrl = (id: string) => `${EVENT_ROUTES.poster}?kind=event&id=${q(id)}`;
export const myEventsUrl = (eventId?: string) => (eventId ? `${EVENT_ROUTES.mine}?eventId=${q(eventId)}` : EVENT_ROUTES.mine);

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The China date (YYYY-MM-DD) and clock (hours, minutes) of an instant, whatever the phone's time zone. */
function chinaClock(iso: string): { ymd: string; h: number; m: number } {
  const d = new Date(iso);
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return { ymd: chinaDateOf(d), h: shifted.getUTCHours(), m: shifted.getUTCMinutes() };
}

/** 星期六 of a YYYY-MM-DD date. */
export function weekdayOf(ymd: string): string {
  return WEEKDAYS[new Date(`${ymd}T00:00:00Z`).getUTCDay()];
}

/** "今天", "明天", "后天" or ''. */
function nearDayWord(ymd: string, now: number): string {
  const today = chinaToday(now);
  if (ymd === today) return '今天';
  if (ymd === addDays(today, 1)) return '明天';
  if (ymd === addDays(today, 2)) return '后天';
  return '';
}

/** "3月8日 星期六", with the year when it is not this one, and 今天/明天 in front when near. */
export function dayHeading(ymd: string, now: number = Date.now()): string {
  const year = Number(ymd.slice(0, 4));
  const md = year === Number(chinaToday(now).slice(0, 4)) ? monthDayText(ymd) : `${year}年${monthDayText(ymd)}`;
  const word = nearDayWord(ymd, now);
  return [word, md, weekdayOf(ymd)].filter(Boolean).join(' ');
}

/** "上午9点", "下午2点半", "中午12点", "晚上7点20分": the time the way it is said. */
export function clockWords(h: number, m: number): string {
  const part = h < 5 ? '凌晨' : h < 12 ? '上午' : h === 12 ? '中午' : h < 18 ? '下午' : '晚上';
  const hour = h > 12 ? h - 12 : h;
  const min = m === 0 ? '' : m === 30 ? '半' : `${m}分`;
  return `${part}${hour}点${min}`;
}

/** The China date of an event's start (how the list groups them). */
export function startDay(e: Pick<EventItem, 'startsAt'>): string {
  return chinaClock(e.startsAt).ymd;
}

/**
 * When, in words: "3月8日 星期六 上午9点到下午4点"; across days "3月8日 星期六 上午9点 到 3月9日 星期日 下午4点".
 * `short` leaves out the date (the list already heads the group with it).
 */
export function whenText(e: Pick<EventItem, 'startsAt' | 'endsAt'>, { short = false, now = Date.now() } = {}): string {
  const s = chinaClock(e.startsAt);
  const t = chinaClock(e.endsAt);
  const from = clockWords(s.h, s.m);
  const to = clockWords(t.h, t.m);
  if (s.ymd === t.ymd) return short ? `${from}到${to}` : `${dayHeading(s.ymd, now)} ${from}到${to}`;
  return `${short ? '' : `${dayHeading(s.ymd, now)} `}${from} 到 ${dayHeading(t.ymd, now)} ${to}`.trim();
}

/** "3月8日 上午9点" (a short line for a ticket or a table). */
export function startText(e: Pick<EventItem, 'startsAt'>, now: number = Date.now()): string {
  const s = chinaClock(e.startsAt);
  return `${dayHeading(s.ymd, now)} ${clockWords(s.h, s.m)}`;
}

/** "08:05" in China time. */
export function hhmm(iso: string): string {
  const c = chinaClock(iso);
  return `${String(c.h).padStart(2, '0')}:${String(c.m).padStart(2, '0')}`;
}

/** Where, in one line: the place of a 现场 fair, the platform of a 直播, or 线上. */
export function placeText(e: Pick<EventItem, 'kind' | 'address' | 'townName' | 'villageName' | 'livePlatform'>): string {
  if (e.kind === 'livestream') return `${LIVE_PLATFORM_LABELS[e.livePlatform ?? 'other']}直播`;
  if (e.kind === 'online') return '线上：在小程序里看岗位、报名';
  // The 镇街 and 村 first, unless the address already says them ("桑村镇政府西广场").
  const area = [e.townName, e.villageName].filter((x): x is string => Boolean(x) && !(e.address ?? '').includes(x as string)).join(' ');
  return [area, e.address].filter(Boolean).join('，') || '地点待定';
}

export const kindLabel = (e: Pick<EventItem, 'kind'>) => EVENT_KIND_LABELS[e.kind];

/** The colour class of a phase label. */
export const PHASE_CLASS: Record<EventPhase, string> = {
  upcoming: 'ev-phase-upcoming',
  ongoing: 'ev-phase-ongoing',
  ended: 'ev-phase-ended',
  cancelled: 'ev-phase-cancelled',
};

/** First and last day of this month in China, as YYYY-MM-DD. */
export function thisMonth(now: number = Date.now()): { from: string; to: string } {
  const today = chinaToday(now);
  const [y, m] = today.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** "ABCD 2345": a ticket code read out in two halves. */
export function spacedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** What a ticket is now, in words. */
export function ticketState(s: Pick<EventSignupItem, 'status' | 'checkedInAt' | 'waitlistPosition'>): string {
  if (s.status === 'cancelled') return '已取消';
  if (s.status === 'waitlisted') return `排队第${s.waitlistPosition ?? 1}个`;
  return s.checkedInAt ? `已入场 ${hhmm(s.checkedInAt)}` : '已报名，未入场';
}

/** A venue code scanned at the door: `zgkd:venue:<eventId>:<code>`; the code when it is this event's, else null. */
export function venueCodeOf(scanned: string, eventId: string): { code: string } | { otherEvent: true } | null {
  const text = scanned.trim();
  const m = /^zgkd:venue:([^:]+):(\d{6})$/i.exec(text);
  if (m) return m[1] === eventId ? { code: m[2] } : { otherEvent: true };
  return /^\d{6}$/.test(text) ? { code: text } : null;
}

/** An instant as the China date and time a form shows: { date: '2026-03-08', time: '09:00' }. */
export function chinaDateTime(iso: string): { date: string; time: string } {
  return { date: chinaClock(iso).ymd, time: hhmm(iso) };
}

/** A China date and time from a form as an instant with its offset: 2026-03-08T09:00:00+08:00. */
export function chinaInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}
