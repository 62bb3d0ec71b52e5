/** 招聘活动: the district's recruitment events (春风行动, 职等你来, 直播带岗) and who takes part. */

/** The campaigns an event belongs to (the season summary adds them up per series). */
export const EVENT_SERIES = ['chunfeng', 'zhidengnilai', 'private_firms_month', 'golden_autumn', 'village_fair', 'other'] as const;
export type EventSeries = (typeof EVENT_SERIES)[number];
export const EVENT_SERIES_LABELS: Record<EventSeries, string> = {
  chunfeng: '春风行动',
  zhidengnilai: '职等你来',
  private_firms_month: '民营企业招聘月',
  golden_autumn: '金秋招聘月',
  village_fair: '村居小型招聘会',
  other: '其他招聘活动',
};

/** A series given as its code or its Chinese name (a clerk types "春风行动"); null when neither. */
export function eventSeriesOf(value: string): EventSeries | null {
  if ((EVENT_SERIES as readonly string[]).includes(value)) return value as EventSeries;
  const hit = EVENT_SERIES.find((s) => EVENT_SERIES_LABELS[s] === value.trim());
  return hit ?? null;
}

/** 现场 (a place and a map), 线上 (posts and applications in the app), 直播 (a stream on another platform). */
export const EVENT_KINDS = ['onsite', 'online', 'livestream'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = { onsite: '现场招聘会', online: '线上招聘会', livestream: '直播带岗' };

/** Where a stream is watched: the mini-app cannot embed another app's stream, so it says where to go. */
export const LIVE_PLATFORMS = ['kuaishou', 'douyin', 'channels', 'other'] as const;
export type LivePlatform = (typeof LIVE_PLATFORMS)[number];
export const LIVE_PLATFORM_LABELS: Record<LivePlatform, string> = { kuaishou: '快手', douyin: '抖音', channels: '微信视频号', other: '直播平台' };

/** Stored: scheduled or cancelled. Shown: scheduled splits by the clock into upcoming, ongoing and ended. */
export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_PHASES = ['upcoming', 'ongoing', 'ended', 'cancelled'] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];
export const EVENT_PHASE_LABELS: Record<EventPhase, string> = { upcoming: '未开始', ongoing: '进行中', ended: '已结束', cancelled: '已取消' };

/** An employer's request to take part: the organiser approves it (with a booth) or turns it down. */
export const EVENT_EMPLOYER_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type EventEmployerStatus = (typeof EVENT_EMPLOYER_STATUSES)[number];
export const EVENT_EMPLOYER_STATUS_LABELS: Record<EventEmployerStatus, string> = { pending: '待审核', approved: '已通过', rejected: '未通过', withdrawn: '已退出' };

/** A seeker's place: registered (with a ticket), waitlisted (over capacity) or cancelled. Checking in is a time on it. */
export const EVENT_SIGNUP_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type EventSignupStatus = (typeof EVENT_SIGNUP_STATUSES)[number];
export const EVENT_SIGNUP_STATUS_LABELS: Record<EventSignupStatus, string> = { registered: '已报名', waitlisted: '排队中', cancelled: '已取消' };

/** How someone came in: staff scanned their ticket, they scanned the venue's code, or staff typed the short code. */
export const EVENT_CHECK_IN_VIA = ['ticket', 'venue'] as const;
export type EventCheckInVia = (typeof EVENT_CHECK_IN_VIA)[number];

/** Ticket codes: 8 characters a person can read out over the phone (no 0/O, 1/I/L). */
export const TICKET_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TICKET_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;
/** The text in a ticket's QR (what staff scan with Taro.scanCode). */
export const ticketQrText = (ticketCode: string): string => `zgkd:ticket:${ticketCode}`;
/** The ticket code out of a scanned QR text or a typed code (lower case and spaces forgiven). */
export function ticketCodeOf(scanned: string): string | null {
  const raw = scanned.trim().replace(/^zgkd:ticket:/i, '').replace(/\s+/g, '').toUpperCase();
  return TICKET_CODE_PATTERN.test(raw) ? raw : null;
}

const CHINA_MS = 8 * 3_600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "上午9:00", "下午2:30", "晚上7:00": an instant's China time of day in words a villager reads. */
export function clockText(at: Date): string {
  const t = new Date(at.getTime() + CHINA_MS);
  const h = t.getUTCHours();
  const m = String(t.getUTCMinutes()).padStart(2, '0');
  const part = h < 6 ? '凌晨' : h < 12 ? '上午' : h < 13 ? '中午' : h < 18 ? '下午' : '晚上';
  return `${part}${h > 12 ? h - 12 : h}:${m}`;
}

/** "12月12日（周六）" of an instant, China time. */
export function dayText(at: Date): string {
  const t = new Date(at.getTime() + CHINA_MS);
  return `${t.getUTCMonth() + 1}月${t.getUTCDate()}日（周${WEEKDAYS[t.getUTCDay()]}）`;
}

/** An event's time in words: "12月12日（周六）上午9:00–中午12:00", or over several days "12月12日（周六）上午9:00 至 12月14日（周一）下午5:00". */
export function eventTimeText(startsAt: string | Date, endsAt: string | Date): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  const sameDay = new Date(s.getTime() + CHINA_MS).toISOString().slice(0, 10) === new Date(e.getTime() + CHINA_MS).toISOString().slice(0, 10);
  return sameDay ? `${dayText(s)}${clockText(s)}–${clockText(e)}` : `${dayText(s)}${clockText(s)} 至 ${dayText(e)}${clockText(e)}`;
}
