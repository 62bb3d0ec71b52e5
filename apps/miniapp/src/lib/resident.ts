import {
  GENDER_LABELS,
  RESIDENT_STATUS_LABELS,
  ROLE_LABELS,
  WAGE_UNIT_LABELS,
  type ResidentItem,
  type ResidentStatus,
  type ResidentStatusChange,
  type Role,
} from '@zaogong/shared';

/** The tag class of each status: seeking stands out, work found is green, the rest are plain. */
export const STATUS_TAG_CLASS: Record<ResidentStatus, string> = {
  seeking: 'zg-tag zg-tag-warn',
  employed: 'zg-tag zg-tag-ok',
  self_employed: 'zg-tag zg-tag-ok',
  not_seeking: 'zg-tag zg-tag-plain',
  migrated: 'zg-tag zg-tag-plain',
};

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Now as ISO 8601 with the device's own offset, e.g. "2026-11-20T09:00:00+08:00". */
export function localIsoNow(now: Date = new Date()): string {
  const off = -now.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return (
    `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}` +
    `T${pad2(now.getHours())}:${pad2(now.getMinutes())}:${pad2(now.getSeconds())}` +
    `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`
  );
}

/** "2026年3月5日 14:30" in China time (Asia/Shanghai). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  // China time (UTC+8, no daylight saving) whatever time zone the phone or PC is set to.
  const d = new Date(t + 8 * 3600 * 1000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** "2000 元/月 起", or '' when none was given. */
export function formatExpectedWage(r: Pick<ResidentItem, 'expectedWageMin' | 'wageUnit'>): string {
  if (r.expectedWageMin === null || r.expectedWageMin === undefined) return '';
  const unit = r.wageUnit ? WAGE_UNIT_LABELS[r.wageUnit] : '元';
  const n = Number.isInteger(r.expectedWageMin) ? String(r.expectedWageMin) : r.expectedWageMin.toFixed(1);
  return `${n} ${unit} 起`;
}

/** "桑村镇 东庄村", whichever names are known. */
/**
 * "男 · 45岁", or nothing when the 身份证号 (where both are read from) is not given yet; `parts` follow,
 * joined the same way, empty ones left out.
 */
export function personLine(p: { gender: 'male' | 'female' | null; age: number | null }, ...parts: (string | null | undefined)[]): string {
  return [p.gender ? GENDER_LABELS[p.gender] : null, p.age === null ? null : `${p.age}岁`, ...parts].filter(Boolean).join(' · ');
}

export function placeOf(r: Pick<ResidentItem, 'townName' | 'villageName' | 'villageCode'>): string {
  const parts = [r.townName, r.villageName].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' ') : r.villageCode;
}

/** "刘书记（联络员）", or "系统" when nobody is named. */
export function whoChanged(c: ResidentStatusChange): string {
  const name = c.changedBy.name;
  const role = c.changedBy.role && c.changedBy.role in ROLE_LABELS ? ROLE_LABELS[c.changedBy.role as Role] : null;
  if (name && role) return `${name}（${role}）`;
  return name ?? role ?? '系统';
}

/** "登记，求职中" for the first entry; "求职中 → 已就业" after. */
export function changeTitle(c: ResidentStatusChange): string {
  if (!c.previousStatus) return `登记，${RESIDENT_STATUS_LABELS[c.status]}`;
  if (c.previousStatus === c.status) return RESIDENT_STATUS_LABELS[c.status];
  return `${RESIDENT_STATUS_LABELS[c.previousStatus]} → ${RESIDENT_STATUS_LABELS[c.status]}`;
}

/** Newest first, whatever order the API used. */
export function newestFirst(history: readonly ResidentStatusChange[]): ResidentStatusChange[] {
  return [...history].sort((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt));
}

/** API field names (as in ResidentInput) in the words the form uses. */
export const RESIDENT_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  villageCode: '村居',
  townCode: '镇街',
  education: '文化程度',
  graduationDate: '毕业时间',
  skills: '会的手艺',
  desiredOccupations: '想干的活',
  desiredTownCodes: '想在哪干',
  maxCommuteKm: '最远能去多远',
  expectedWageMin: '期望工资',
  wageUnit: '工资单位',
  availability: '干活方式',
  keyGroups: '重点人群',
  consent: '本人同意',
  status: '就业状态',
  statusNote: '备注',
};

/** "skills[0]" or "consent.at" → the form field it belongs to ("skills", "consent"). */
export function fieldKey(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}

export function fieldLabel(field: string): string {
  return RESIDENT_FIELD_LABELS[fieldKey(field)] ?? field;
}
