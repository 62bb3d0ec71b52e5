import { QUIET_HOURS, type TemplateKind } from '@zaogong/shared';

/** What a message says, in parts; each template picks the parts its fields hold. */
export interface MessageFields {
  /** The post (or, for an employer, the person) it is about. */
  subject: string;
  /** The employer. */
  party?: string;
  /** A short state: 已查看, 已录用, 未通过, 通过, 驳回 (WeChat's phrase: at most 5 characters). */
  status?: string;
  time?: Date;
  place?: string;
  /** YYYY-MM-DD */
  date?: string;
  note?: string;
  count?: number;
}

type TemplateData = Record<string, { value: string }>;

/** WeChat's field kinds: thing ≤ 20 characters, phrase ≤ 5, time and date in Chinese form. */
const thing = (s: string | undefined) => ({ value: [...(s || '—')].slice(0, 20).join('') });
const phrase = (s: string | undefined) => ({ value: [...(s || '—')].slice(0, 5).join('') });
const CHINA_OFFSET_MS = 8 * 3600_000;
function time(d: Date | undefined): { value: string } {
  if (!d) return { value: '待定' };
  const t = new Date(d.getTime() + CHINA_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return { value: `${t.getUTCFullYear()}年${p(t.getUTCMonth() + 1)}月${p(t.getUTCDate())}日 ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}` };
}
const date = (s: string | undefined) => ({ value: s ? `${s.slice(0, 4)}年${s.slice(5, 7)}月${s.slice(8, 10)}日` : '待定' });

/**
 * The fields each template must have when it is chosen in the WeChat console (docs/notifications.md):
 * a template with other field names gets error 47003, which lands in the dead letters.
 */
export const TEMPLATE_FIELDS: Record<TemplateKind, (f: MessageFields) => TemplateData> = {
  application_update: (f) => ({ thing1: thing(f.subject), thing2: thing(f.party), phrase3: phrase(f.status), thing4: thing(f.note) }),
  interview: (f) => ({ thing1: thing(f.subject), thing2: thing(f.party), time3: time(f.time), thing4: thing(f.place || '请与企业电话确认') }),
  hire_confirm: (f) => ({ thing1: thing(f.subject), thing2: thing(f.party), date3: date(f.date), thing4: thing(f.note) }),
  post_review: (f) => ({ thing1: thing(f.subject), phrase2: phrase(f.status), thing3: thing(f.note) }),
  job_digest: (f) => ({ thing1: thing(f.subject), number2: { value: String(f.count ?? 1) }, thing3: thing(f.note) }),
};

/** The end of the quiet hours (08:00 Asia/Shanghai) when `now` lies in them (21:00–08:00), else null. */
export function quietUntil(now: Date): Date | null {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const hour = local.getUTCHours();
  if (hour >= QUIET_HOURS.to && hour < QUIET_HOURS.from) return null;
  const end = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_HOURS.to) - CHINA_OFFSET_MS);
  return hour >= QUIET_HOURS.from ? new Date(end.getTime() + 86_400_000) : end;
}
