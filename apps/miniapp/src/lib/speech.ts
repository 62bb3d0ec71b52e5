import { NOTIFICATION_TYPE_LABELS, type JobPostingItem, type NotificationItem } from '@zaogong/shared';
import { formatDate, formatDateRange, formatPay } from './format';

/** Work that runs for set dates: the day(s) of a 零工, the season, the loan of 共享员工. */
export function workDates(post: Pick<JobPostingItem, 'type' | 'startDate' | 'endDate'>, now: number = Date.now()): string {
  // A 零工 without an end date is that one day, not "from" it.
  return formatDateRange(post.startDate, post.type === 'gig' ? (post.endDate ?? post.startDate) : post.endDate, now);
}

/** "西集镇 西集村，西集工业园3号": the 镇街 and 村居, then the address (山亭区 when neither is known). */
export function postPlace(post: Pick<JobPostingItem, 'townName' | 'villageName' | 'address'>): string {
  const area = [post.townName, post.villageName].filter(Boolean).join(' ');
  return [area || '山亭区', post.address].filter(Boolean).join('，');
}

/** formatPay said aloud: "5000–6500 元/月" → "5000到6500元一个月", "每天 200 元" → "每天200元". */
export function spokenPay(post: Pick<JobPostingItem, 'wageMin' | 'wageMax' | 'wageUnit' | 'type'>): string {
  return formatPay(post)
    .replace('–', '到')
    .replace(/\s*元\/月/, '元一个月')
    .replace(/\s*元\/天/, '元一天')
    .replace(/\s*元\/小时/, '元一小时')
    .replace(/\s*元\/件/, '元一件')
    .replace(/\s+/g, '');
}

type SpokenPost = Pick<
  JobPostingItem,
  'title' | 'type' | 'wageMin' | 'wageMax' | 'wageUnit' | 'townName' | 'villageName' | 'address' | 'startDate' | 'endDate' | 'expiresAt'
>;

/**
 * What 读给我听 says on a post, in this order: the work, the pay, the place, the dates, how to apply.
 * Short sentences in plain words, the way a neighbour would read it out.
 */
export function postSpeech(post: SpokenPost, now: number = Date.now()): string {
  const parts = [`${post.title}。`, `工资：${spokenPay(post)}。`, `地点：${postPlace(post)}。`];
  const dates = workDates(post, now);
  if (dates) parts.push(`干活的日子：${dates.replace('–', '到')}。`);
  else if (post.expiresAt) parts.push(`招到${formatDate(post.expiresAt)}。`);
  parts.push(
    post.type === 'gig'
      ? '想去干，点页面最下面的“报名”按钮。'
      : '想去，点页面最下面的“我要报名”按钮，报名前要先登录。',
  );
  return parts.join('');
}

/** What 读给我听 says on a message: what kind it is, its title, then what it says. */
export function messageSpeech(item: Pick<NotificationItem, 'type' | 'title' | 'body'>): string {
  const kind = NOTIFICATION_TYPE_LABELS[item.type] ?? '消息';
  const parts = [`${kind}。`, endSentence(item.title)];
  if (item.body) parts.push(endSentence(item.body));
  return parts.join('');
}

function endSentence(text: string): string {
  const t = text.trim();
  return /[。！？.!?]$/.test(t) ? t : `${t}。`;
}

/** What voice input heard, for a field: without the full stop the recogniser adds at the end. */
export function cleanHeard(text: string): string {
  return text.trim().replace(/[。．.！!？?，,]+$/, '');
}

/** Heard words added to what a long field already says: after a comma unless it ends a sentence. */
export function appendHeard(current: string, heard: string, max = Infinity): string {
  const before = current.trimEnd();
  if (!before) return heard.slice(0, max);
  const sep = /[。！？，、；：,.!?;:]$/.test(before) ? '' : '，';
  return `${before}${sep}${heard}`.slice(0, max);
}
