const DAY = 24 * 3600 * 1000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The device's local date as "YYYY-MM-DD", `days` from today. */
export function localDate(days = 0, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/**
 * Whole days until `iso` counted the way a person does ("明天过期" is 1 even 30 hours ahead);
 * negative once it has passed.
 */
export function daysUntil(iso: string | null, now: Date = new Date()): number | null {
  if (!iso) return null;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return null;
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const startOfThatDay = new Date(t.getFullYear(), t.getMonth(), t.getDate()).getTime();
  return Math.round((startOfThatDay - startOfToday) / DAY);
}

/** "今天过期", "明天过期", "3天后过期". */
export function expiryText(days: number): string {
  if (days <= 0) return '今天过期';
  if (days === 1) return '明天过期';
  return `${days}天后过期`;
}

/** "3月5日 14:30" (local time), for a join code's expiry. */
export function shortDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}
