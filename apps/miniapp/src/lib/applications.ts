import {
  APPLICATION_STATUS_LABELS,
  CLOSED_APPLICATION_STATUSES,
  chinaDateOf,
  monthDayText,
  ROLE_LABELS,
  type ApplicationItem,
  type ApplicationStatus,
  type ApplicationStep,
  type Role,
} from '@zaogong/shared';
import { ROUTES } from './routes';

export { monthDayText, notStartedText } from '@zaogong/shared';

/** The applicants of one post as a pipeline (its employer). */
export function applicantsUrl(postId: string): string {
  return `${ROUTES.applicants}?postId=${encodeURIComponent(postId)}`;
}

/** Open applications can still move; 已入职, 未通过 and 已撤回 are the end. */
export function isOpen(status: ApplicationStatus): boolean {
  return !CLOSED_APPLICATION_STATUSES.includes(status);
}

/** The tag of each status: what needs the person's attention stands out, the end states are plain. */
export const APPLICATION_TAG_CLASS: Record<ApplicationStatus, string> = {
  invited: 'zg-tag zg-tag-warn',
  applied: 'zg-tag',
  viewed: 'zg-tag',
  interview: 'zg-tag zg-tag-warn',
  offered: 'zg-tag zg-tag-ok',
  hired: 'zg-tag zg-tag-ok',
  rejected: 'zg-tag zg-tag-plain',
  withdrawn: 'zg-tag zg-tag-plain',
};


/** The first working day is still ahead (China date, whatever the device's time zone): nobody confirms "已上班" yet. */
export function beforeFirstDay(startDate: string | null | undefined, now: Date = new Date()): boolean {
  return Boolean(startDate) && (startDate as string) > chinaDateOf(now);
}


/**
 * What comes next, said to the person who applied (`you` = 您) or to their liaison (TA); the status
 * itself is on the tag beside the title. `startDate`: the hire's first working day, when known.
 */
export function nextStepText(status: ApplicationStatus, you: string, startDate?: string | null): string {
  switch (status) {
    case 'invited':
      return `企业邀请${you}报名，等${you}回复`;
    case 'applied':
      return `等企业查看，企业会打电话给${you}`;
    case 'viewed':
      return `企业看过了，等企业打电话给${you}`;
    case 'interview':
      return '记好面试的时间和地点';
    case 'offered':
      return `企业决定录用${you}，等企业通知哪天上班`;
    case 'hired':
      return beforeFirstDay(startDate) ? `${monthDayText(startDate as string)}上班` : '已经上班了';
    case 'rejected':
      return '这次没成，看看别的岗位吧';
    case 'withdrawn':
      return '已经撤回了';
  }
}

/** One step of the timeline as a plain title. */
export function stepTitle(step: ApplicationStep, first: boolean): string {
  if (first && step.status === 'applied') return step.by.role === 'liaison' ? '联络员代为投递' : '投递';
  if (step.status === 'applied') return '接受邀请，报名';
  if (step.status === 'invited') return '企业邀请报名';
  if (step.status === 'interview') return '约面试';
  if (step.status === 'withdrawn') return step.by.role === 'employer' ? '企业撤回邀请' : '撤回';
  return APPLICATION_STATUS_LABELS[step.status];
}

/** "王经理（企业）", "刘书记（联络员）", or "系统" when nobody is named. */
export function stepWho(step: ApplicationStep): string {
  const role = step.by.role && step.by.role in ROLE_LABELS ? ROLE_LABELS[step.by.role as Role] : null;
  const name = step.by.name;
  if (name && role) return `${name}（${role}）`;
  return name ?? role ?? '系统';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "12月2日 星期二 上午9:00" (local time), the way an interview is told on the phone. */
export function formatInterview(iso: string | null, now: number = Date.now()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const h = d.getHours();
  const part = h < 12 ? '上午' : h < 18 ? '下午' : '晚上';
  const h12 = h <= 12 ? h : h - 12;
  const year = d.getFullYear() === new Date(now).getFullYear() ? '' : `${d.getFullYear()}年`;
  return `${year}${d.getMonth() + 1}月${d.getDate()}日 星期${WEEKDAYS[d.getDay()]} ${part}${h12}:${pad2(d.getMinutes())}`;
}

/**
 * A local date ("YYYY-MM-DD") and time ("HH:mm") as ISO 8601 with the device's offset, which the API
 * takes as the interview time.
 */
export function localDateTimeIso(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const at = new Date(y, m - 1, d, hh, mm, 0);
  const off = -at.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${date}T${pad2(hh)}:${pad2(mm)}:00${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** The steps newest first, as a parcel's tracking is read: where it is now comes on top. */
export function newestStepsFirst(app: ApplicationItem): ApplicationStep[] {
  return [...app.steps].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
