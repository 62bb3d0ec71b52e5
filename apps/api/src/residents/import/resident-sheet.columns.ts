import {
  AVAILABILITY_LABELS,
  CONSENT_METHOD_LABELS,
  EDUCATION_LABELS,
  KEY_GROUP_LABELS,
  WAGE_UNIT_LABELS,
  type Availability,
  type ConsentMethod,
  type EducationLevel,
  type FieldError,
  type KeyGroup,
  type WageUnit,
} from '@zaogong/shared';

/**
 * The columns of the 居民信息 sheet: what the template writes, what the importer reads, and the
 * labels a person types in place of codes. Pure data and pure functions (no Nest, no database).
 */
export type ColumnKey =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'village'
  | 'education'
  | 'graduation'
  | 'skills'
  | 'occupations'
  | 'availability'
  | 'wage'
  | 'wageUnit'
  | 'commute'
  | 'keyGroups'
  | 'consentMethod'
  | 'consentAt';

export interface SheetColumn {
  key: ColumnKey;
  /** The header the template writes. */
  header: string;
  /** Other headers people use for the same column (read, never written). */
  aliases: string[];
  /** The request field (as in POST /residents) that a problem in this column is reported against. */
  field: string;
  required: boolean;
  width: number;
  /** Plain Chinese for the 说明 sheet and the header's note. */
  help: string;
  /** Example row value. */
  example: string | number;
}

export const SHEET_NAME = '居民信息';
export const HELP_SHEET_NAME = '说明';
export const VILLAGE_LIST_SHEET_NAME = '村居列表';
/** Rows whose 姓名 starts with this are the template's example and are skipped. */
export const EXAMPLE_MARK = '示例';
/** Rows the template prepares (dropdowns, text format) below the header. */
export const TEMPLATE_ROWS = 1000;
/** At most this many data rows per file. */
export const MAX_IMPORT_ROWS = 20_000;
export const LIST_SEPARATORS = /[、，,；;／/\s]+/;

const education = Object.values(EDUCATION_LABELS).join('、');
const availability = Object.values(AVAILABILITY_LABELS).join('、');
const keyGroups = Object.values(KEY_GROUP_LABELS).join('、');
const wageUnits = Object.values(WAGE_UNIT_LABELS).join('、');

export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'name', header: '姓名', aliases: ['居民姓名'], field: 'name', required: true, width: 12, help: '本人的真实姓名，2到32个字。', example: `${EXAMPLE_MARK}：王秀英` },
  {
    key: 'idNumber',
    header: '身份证号',
    aliases: ['身份证号码', '公民身份号码', '身份证'],
    field: 'idNumber',
    required: true,
    width: 22,
    help: '18位身份证号，最后一位可以是X。这一列已设为“文本”格式，请不要改成数字格式，否则后几位会变成0。同一个身份证号再次导入时，会更新原来的档案，不会重复登记。',
    example: '', // filled in by the template with a number that passes the check digit
  },
  { key: 'phone', header: '手机号', aliases: ['手机号码', '联系电话', '电话', '手机'], field: 'phone', required: true, width: 14, help: '本人的11位手机号。', example: '13905460000' },
  {
    key: 'village',
    header: '村居名称',
    aliases: ['村居', '村居代码', '所在村居', '村'],
    field: 'villageCode',
    required: true,
    width: 20,
    help: '户籍或常住的村居：从下拉列表里选，也可以填12位村居代码。只能填您管辖范围内的村居。',
    example: '',
  },
  { key: 'education', header: '文化程度', aliases: ['学历'], field: 'education', required: false, width: 12, help: `从下拉列表里选：${education}。不知道可以空着。`, example: '初中' },
  { key: 'skills', header: '技能', aliases: ['特长', '技能特长'], field: 'skills', required: false, width: 20, help: '会干的活、有的证，多个用顿号“、”隔开，如：电焊、叉车证。', example: '缝纫、包装' },
  {
    key: 'occupations',
    header: '想干的活',
    aliases: ['求职意向', '意向职业', '想从事的工作', '想干的工作'],
    field: 'desiredOccupations',
    required: false,
    width: 20,
    help: '想找的工作，用职业名称，如：电焊工、保洁员、包装工；多个用顿号“、”隔开（最多10个）。也可以填职业代码，如 6-05-01。名称要和小程序里“职业”列表中的一致。',
    example: '包装工、保洁员',
  },
  {
    key: 'availability',
    header: '可接受的用工方式',
    aliases: ['用工方式', '工作方式'],
    field: 'availability',
    required: true,
    width: 18,
    help: `${availability}，至少填一种，多个用顿号“、”隔开，如：全职、零工。`,
    example: '全职、零工',
  },
  { key: 'wage', header: '期望工资', aliases: ['期望工资（元）', '期望薪资', '工资要求'], field: 'expectedWageMin', required: false, width: 10, help: '最少想拿多少钱，只填数字（元），如 3000。不知道可以空着。', example: 3000 },
  { key: 'wageUnit', header: '工资单位', aliases: ['工资计算方式'], field: 'wageUnit', required: false, width: 10, help: `填了期望工资就要选：${wageUnits}。`, example: WAGE_UNIT_LABELS.month },
  { key: 'commute', header: '最远通勤公里', aliases: ['最远通勤距离', '最远通勤', '通勤距离'], field: 'maxCommuteKm', required: false, width: 12, help: '每天上班最远能去多少公里，只填整数，如 15。不知道可以空着。', example: 15 },
  { key: 'keyGroups', header: '重点群体', aliases: ['人员类别', '人员类型'], field: 'keyGroups', required: false, width: 16, help: `属于哪类就填哪类：${keyGroups}；都不是就空着，多个用顿号“、”隔开。`, example: KEY_GROUP_LABELS.returning_migrant },
  {
    key: 'consentMethod',
    header: '同意方式',
    aliases: ['本人同意方式'],
    field: 'consent.method',
    required: true,
    width: 12,
    help: `本人怎样同意登记的：${CONSENT_METHOD_LABELS.signature}（在纸质登记表上签了字）或${CONSENT_METHOD_LABELS.verbal}。没有本人同意不能登记。`,
    example: CONSENT_METHOD_LABELS.signature,
  },
  {
    key: 'consentAt',
    header: '同意时间',
    aliases: ['同意日期', '登记日期', '登记时间'],
    field: 'consent.at',
    required: true,
    width: 18,
    help: '本人同意的日期，如 2026-11-20；也可以写上时间，如 2026-11-20 09:30。不能晚于今天。',
    example: '',
  },
  // Last, so sheets filled in before it was added still line up.
  { key: 'graduation', header: '毕业时间', aliases: ['毕业年月'], field: 'graduationDate', required: false, width: 12, help: '高校毕业生填毕业的年月，如 2025-06（找适合的就业政策要用）。不是可以空着。', example: '' },
];

/** A header as people write it: without spaces, a required-mark * and a hint in brackets. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[*＊]/g, '')
    .replace(/[（(][^）)]*[）)]$/, '');
}

const HEADER_INDEX: ReadonlyMap<string, ColumnKey> = new Map(SHEET_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normaliseHeader(h), c.key] as const)));

export function columnForHeader(text: string): ColumnKey | undefined {
  return HEADER_INDEX.get(normaliseHeader(text));
}

export const COLUMN_BY_KEY: ReadonlyMap<ColumnKey, SheetColumn> = new Map(SHEET_COLUMNS.map((c) => [c.key, c]));
const COLUMN_BY_FIELD: ReadonlyMap<string, SheetColumn> = new Map(SHEET_COLUMNS.map((c) => [c.field, c]));

/** The column a request field is read from (for messages), e.g. 'consent.at' → 同意时间. */
export function columnForField(field: string): SheetColumn | undefined {
  return COLUMN_BY_FIELD.get(field) ?? COLUMN_BY_FIELD.get(field.split('.')[0]);
}

/** label or code → code, for the columns whose values are a fixed list. */
function lookup<T extends string>(labels: Record<T, string>, extra: Record<string, T> = {}): (text: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as Array<[T, string]>) {
    map.set(code, code);
    map.set(label, code);
  }
  for (const [text, code] of Object.entries(extra)) map.set(text, code);
  return (text) => map.get(text.replace(/\s+/g, '').toLowerCase()) ?? map.get(text.replace(/\s+/g, ''));
}

export const educationFromText = lookup<EducationLevel>(EDUCATION_LABELS, {
  中专: 'vocational',
  技校: 'vocational',
  职高: 'vocational',
  中专技校: 'vocational',
  高中中专: 'senior_high',
  专科: 'college',
  大学本科: 'bachelor',
  大学: 'bachelor',
  硕士: 'master_plus',
  博士: 'master_plus',
  研究生: 'master_plus',
  文盲: 'primary',
  小学以下: 'primary',
});
export const availabilityFromText = lookup<Availability>(AVAILABILITY_LABELS, { 全日制: 'full_time', 临时工: 'gig', 短工: 'gig', 季节性: 'seasonal' });
export const keyGroupFromText = lookup<KeyGroup>(KEY_GROUP_LABELS, {
  毕业生: 'graduate',
  大学毕业生: 'graduate',
  退役士兵: 'veteran',
  残疾: 'disabled',
  返乡人员: 'returning_migrant',
  返乡创业人员: 'returning_migrant',
  就业困难: 'hard_to_employ',
  脱贫户: 'low_income',
  脱贫劳动力: 'low_income',
});
export const wageUnitFromText = lookup<WageUnit>(WAGE_UNIT_LABELS, {
  月: 'month',
  每月: 'month',
  元月: 'month',
  天: 'day',
  日: 'day',
  每天: 'day',
  元日: 'day',
  元天: 'day',
  小时: 'hour',
  时: 'hour',
  元时: 'hour',
  元小时: 'hour',
  件: 'piece',
  元件: 'piece',
});
/** A liaison's import records consent taken on paper or by word of mouth; 本人线上填写 is the person's own sign-up. */
export const consentMethodFromText = lookup<Exclude<ConsentMethod, 'self'>>(
  { signature: CONSENT_METHOD_LABELS.signature, verbal: CONSENT_METHOD_LABELS.verbal },
  { 签字: 'signature', 本人签名: 'signature', 签名: 'signature', 书面: 'signature', 书面同意: 'signature', 口头: 'verbal' },
);

export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One cell as the importer sees it. */
export type CellInput = string | number | Date | null;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The consent time as ISO 8601 in Beijing time. Excel dates carry no time zone: exceljs gives them as
 * UTC, so their UTC fields are the wall-clock time the person typed. Text like 2026-11-20,
 * 2026/11/20 09:30 or 2026年11月20日 is read the same way. Undefined when it is not a date.
 */
export function consentTimeFromCell(v: CellInput): string | undefined {
  let parts: number[] | undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    parts = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds()];
  } else if (typeof v === 'number') {
    // An Excel date serial number in a cell without a date format.
    if (v < 1 || v > 100_000) return undefined;
    return consentTimeFromCell(new Date(Math.round((v - 25569) * 86_400_000)));
  } else if (typeof v === 'string') {
    const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?$/.exec(v.trim());
    if (!m) return undefined;
    parts = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  }
  if (!parts) return undefined;
  const [y, mo, d, h, mi, s] = parts;
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
}

/** A number typed as 3000, "3000元" or "3,000". Undefined when it is not one. */
export function numberFromCell(v: CellInput): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.replace(/[,，\s]/g, '').replace(/(元|块|公里|千米|km)$/i, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** A cell's text: numbers as typed (no exponent for whole numbers), dates as YYYY-MM-DD. */
/** 毕业时间 as typed (2025-06, 2025.6, 2025/06, 2025年6月, a date cell) → YYYY-MM; null when it is none of those. */
export function yearMonthFromText(text: string): string | null {
  const m = /^(\d{4})\s*[-./年]\s*(\d{1,2})(?:\s*月|[-./]\d{1,2}日?)?$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
}

export function textFromCell(v: CellInput): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return v.trim();
}

/**
 * A validation message as a row error: named by the sheet's column (身份证号, 同意时间 …) rather than
 * the request field, without the field label the API's own messages start with.
 */
export function inColumn(e: FieldError): FieldError {
  const column = columnForField(e.field);
  if (!column) return e;
  let message = e.message.replace(/^[\w.]+：/, '');
  const label = /^[\u4e00-\u9fff]{1,8}：/.exec(message);
  if (label) message = message.slice(label[0].length);
  const named = message.startsWith(column.header) || message.startsWith(column.header.slice(0, 2));
  return { field: e.field, message: named ? message : `${column.header}：${message}` };
}
