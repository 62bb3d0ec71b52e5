const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * When a message came, the way people say it: "刚刚", "5分钟前", "3小时前" (today), "昨天 14:05",
 * "3月5日", or "2025年3月5日" for another year.
 */
export function messageTime(iso: string, now: number = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const diff = now - t;
  if (diff < MINUTE) return '刚刚';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)}分钟前`;
  const at = new Date(t);
  const today = new Date(now);
  const sameDay = (a: Date, b: Date) =>
    a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  if (sameDay(at, today)) return `${Math.floor(diff / HOUR)}小时前`;
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (sameDay(at, yesterday)) return `昨天 ${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
  const md = `${at.getMonth() + 1}月${at.getDate()}日`;
  return at.getFullYear() === today.getFullYear() ? md : `${at.getFullYear()}年${md}`;
}
