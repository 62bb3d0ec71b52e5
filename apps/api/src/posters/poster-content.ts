import {
  BENEFIT_LABELS,
  EVENT_KIND_LABELS,
  EVENT_SERIES_LABELS,
  LIVE_PLATFORM_LABELS,
  POST_TYPE_LABELS,
  WAGE_UNIT_LABELS,
  chinaDateOf,
  monthDayText,
  type Benefit,
  type EventKind,
  type EventSeries,
  type LivePlatform,
  type PostType,
  type WageUnit,
} from '@zaogong/shared';

/**
 * What a printed poster says, in words a villager reads from two metres (docs/business-logic/posters.md).
 * Pure: the post or event and the phones in, the lines out; poster-svg.ts lays them out.
 */

export type PosterKind = 'post' | 'event';

export interface PosterPhone {
  /** Who answers: "本村联络员 王芳", "活动咨询", "人社服务热线". */
  label: string;
  number: string;
}

export interface PosterContent {
  kind: PosterKind;
  /** The word on the red band: 招工 or 招聘会. */
  banner: string;
  /** Under it: the kind of work or the campaign ("零工 · 按天结钱", "春风行动 · 现场招聘会"). */
  tag: string;
  title: string;
  /** The big red line: the pay of a post, the kind of an event. */
  highlight: string;
  rows: { label: string; text: string }[];
  /** The phones to call, the first the main one (at most two). */
  phones: PosterPhone[];
  /** Under the code. */
  call: string;
}

/** The post as the poster needs it. */
export interface PosterPostFacts {
  title: string;
  type: PostType;
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  headcount: number;
  townName: string | null;
  villageName: string | null;
  address: string | null;
  benefits: Benefit[];
  startDate: string | null;
  endDate: string | null;
  workStartTime: string | null;
  expiresAt: Date | null;
  employerName: string;
}

export interface PosterEventFacts {
  title: string;
  series: EventSeries;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  townName: string | null;
  villageName: string | null;
  address: string | null;
  livePlatform: LivePlatform | null;
  /** Approved employers, the posts they bring and the people those posts want (0 when none yet). */
  employers: number;
  posts: number;
  headcount: number;
}

export const POSTER_CALL = '微信扫码 查看/报名';

function amount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * The pay as a seeker reads it (the mini-app's formatPay, apps/miniapp/src/lib/format.ts): a 零工 by the
 * day or hour "每天 200 元", "每小时 25–30 元"; every other post "5000–6500 元/月".
 */
export function payText(p: Pick<PosterPostFacts, 'wageMin' | 'wageMax' | 'wageUnit' | 'type'>): string {
  const min = amount(p.wageMin);
  const max = amount(p.wageMax);
  const range = min === max ? min : `${min}–${max}`;
  if (p.type === 'gig' && (p.wageUnit === 'day' || p.wageUnit === 'hour')) return `${p.wageUnit === 'day' ? '每天' : '每小时'} ${range} 元`;
  return `${range} ${WAGE_UNIT_LABELS[p.wageUnit] ?? '元'}`;
}

/** "上午9点", "下午2点半", "中午12点", "晚上7点20分": a China clock time the way it is said. */
export function clockWords(h: number, m: number): string {
  const part = h < 5 ? '凌晨' : h < 12 ? '上午' : h === 12 ? '中午' : h < 18 ? '下午' : '晚上';
  const hour = h > 12 ? h - 12 : h;
  const min = m === 0 ? '' : m === 30 ? '半' : `${m}分`;
  return `${part}${hour}点${min}`;
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The China date, weekday and clock of an instant, whatever the server's time zone. */
function chinaClock(at: Date): { ymd: string; h: number; m: number; weekday: string } {
  const shifted = new Date(at.getTime() + 8 * 3600_000);
  return { ymd: chinaDateOf(at), h: shifted.getUTCHours(), m: shifted.getUTCMinutes(), weekday: WEEKDAYS[shifted.getUTCDay()] };
}

/** "12月9日", with the year when it is not the year of `now`. */
function dayText(ymd: string, now: Date): string {
  const year = ymd.slice(0, 4);
  return year === chinaDateOf(now).slice(0, 4) ? monthDayText(ymd) : `${Number(year)}年${monthDayText(ymd)}`;
}

/** "12月9日 星期二 上午9点到下午4点"; across days "12月9日 上午9点 到 12月10日 下午4点". */
export function eventTimeText(startsAt: Date, endsAt: Date, now: Date): string {
  const s = chinaClock(startsAt);
  const e = chinaClock(endsAt);
  if (s.ymd === e.ymd) return `${dayText(s.ymd, now)} ${s.weekday} ${clockWords(s.h, s.m)}到${clockWords(e.h, e.m)}`;
  return `${dayText(s.ymd, now)} ${clockWords(s.h, s.m)} 到 ${dayText(e.ymd, now)} ${clockWords(e.h, e.m)}`;
}

/** The working days of a dated post, with the hour work starts: "12月9日–12月11日，每天上午7点半开工". */
export function workDatesText(p: Pick<PosterPostFacts, 'type' | 'startDate' | 'endDate' | 'workStartTime'>, now: Date): string {
  // A 零工 without an end date is that one day.
  const end = p.type === 'gig' ? (p.endDate ?? p.startDate) : p.endDate;
  let days = '';
  if (p.startDate && end) days = p.startDate === end ? dayText(p.startDate, now) : `${dayText(p.startDate, now)}–${dayText(end, now)}`;
  else if (p.startDate) days = `${dayText(p.startDate, now)}起`;
  else if (end) days = `到${dayText(end, now)}为止`;
  if (!days) return '';
  const m = p.workStartTime ? /^(\d{2}):(\d{2})$/.exec(p.workStartTime) : null;
  if (!m) return days;
  const start = clockWords(Number(m[1]), Number(m[2]));
  const multi = p.startDate !== null && end !== null && p.startDate !== end;
  return `${days}，${multi ? '每天' : ''}${start}开工`;
}

function placeText(townName: string | null, villageName: string | null, address: string | null): string {
  // "桑村镇，桑村镇政府广场" says the 镇 twice: names the address already holds are left out.
  const area = [townName, villageName].filter((n): n is string => !!n && !(address ?? '').includes(n)).join(' ');
  return [area, address].filter(Boolean).join('，');
}

const TYPE_TAGS: Record<PostType, string> = {
  full_time: '全职 · 长期干',
  part_time: '兼职',
  gig: '零工 · 干一天算一天',
  seasonal: '季节工',
  shared_staff: '共享员工',
};

export function postPosterContent(p: PosterPostFacts, phones: PosterPhone[], now: Date): PosterContent {
  const rows: PosterContent['rows'] = [];
  const dates = workDatesText(p, now);
  if (dates) rows.push({ label: '日期', text: dates });
  rows.push({ label: '地点', text: placeText(p.townName, p.villageName, p.address) || '山亭区' });
  rows.push({ label: '单位', text: p.employerName });
  rows.push({ label: '人数', text: `招${p.headcount}人` });
  if (p.benefits.length) rows.push({ label: '福利', text: p.benefits.map((b) => BENEFIT_LABELS[b] ?? b).join('、') });
  if (p.expiresAt && p.type !== 'gig') rows.push({ label: '截止', text: `招到${dayText(chinaDateOf(p.expiresAt), now)}` });
  return {
    kind: 'post',
    banner: p.type === 'gig' ? '招零工' : '招工',
    tag: TYPE_TAGS[p.type] ?? POST_TYPE_LABELS[p.type],
    title: p.title,
    highlight: payText(p),
    rows,
    phones: phones.slice(0, 2),
    call: POSTER_CALL,
  };
}

export function eventPosterContent(e: PosterEventFacts, phones: PosterPhone[], now: Date): PosterContent {
  const rows: PosterContent['rows'] = [{ label: '时间', text: eventTimeText(e.startsAt, e.endsAt, now) }];
  if (e.kind === 'livestream') rows.push({ label: '在哪看', text: `${LIVE_PLATFORM_LABELS[e.livePlatform ?? 'other']}直播，扫码看怎么进` });
  else if (e.kind === 'online') rows.push({ label: '在哪', text: '线上：扫码在小程序里看岗位、报名' });
  else rows.push({ label: '地点', text: placeText(e.townName, e.villageName, e.address) || '地点见小程序' });
  if (e.employers > 0) rows.push({ label: '企业', text: `${e.employers}家企业，${e.posts}个岗位，招${e.headcount}人` });
  rows.push({ label: '费用', text: '免费参加' });
  const series = e.series === 'other' ? '' : EVENT_SERIES_LABELS[e.series];
  return {
    kind: 'event',
    banner: e.kind === 'livestream' ? '直播带岗' : '招聘会',
    tag: [series, EVENT_KIND_LABELS[e.kind]].filter(Boolean).join(' · '),
    title: e.title,
    highlight: e.kind === 'onsite' ? '现场找工作 当面谈' : e.kind === 'livestream' ? '看直播 找工作' : '在手机上找工作',
    rows,
    phones: phones.slice(0, 2),
    call: POSTER_CALL,
  };
}
