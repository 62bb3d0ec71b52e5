import { INDUSTRY_CODES, INDUSTRY_SECTIONS, type IndustryCode } from '../enums/employer';
import { EDUCATION_LABELS, EDUCATION_LEVELS, GENDER_LABELS, GENDERS, KEY_GROUP_LABELS, KEY_GROUPS, RESIDENT_STATUSES, RESIDENT_STATUS_LABELS, type EducationLevel, type Gender, type KeyGroup, type ResidentStatus } from '../enums/resident';

/**
 * 政策找人: who a policy is for, as rules over the ledger. Pure: facts in, a decision and its reasons in words
 * out; a missing fact means "not eligible", never an error. docs/business-logic/policies.md.
 */

export const POLICY_AUDIENCES = ['person', 'employer'] as const;
export type PolicyAudience = (typeof POLICY_AUDIENCES)[number];
export const POLICY_AUDIENCE_LABELS: Record<PolicyAudience, string> = { person: '个人', employer: '企业' };

export const RULE_OPS = ['eq', 'ne', 'in', 'contains', 'gte', 'lte'] as const;
export type RuleOp = (typeof RULE_OPS)[number];
export const RULE_OP_LABELS: Record<RuleOp, string> = { eq: '是', ne: '不是', in: '是其中之一', contains: '包含', gte: '不少于', lte: '不超过' };

export interface PolicyRule {
  field: string;
  op: RuleOp;
  value: unknown;
}

/** What is known of a person on a day; null where the ledger does not say. */
export interface PersonFacts {
  keyGroups: KeyGroup[];
  age: number | null;
  gender: Gender | null;
  education: EducationLevel | null;
  status: ResidentStatus;
  townCode: string;
  villageCode: string;
  /** Days of day work (checked in) in the last 90 days. */
  gigDays90: number;
  /** Whole months since graduating; null when the ledger has no 毕业时间. */
  monthsSinceGraduation: number | null;
  /** Whole months since the start of the latest counted hire; null when none. */
  hiredWithinMonths: number | null;
}

export interface EmployerFacts {
  industryCode: IndustryCode;
  townCode: string;
  /** People of a key group hired (counted) in the last 12 months. */
  keyGroupHires12m: number;
}

type Kind = 'list' | 'enum' | 'ordered' | 'number' | 'region';

interface FieldSpec {
  label: string;
  kind: Kind;
  /** The values an enum (or list) field takes, with their words. */
  values?: Readonly<Record<string, string>>;
  /** For an ordered enum: its values in order (education). */
  order?: readonly string[];
}

const labelsOf = <T extends string>(keys: readonly T[], labels: Record<T, string>) => Object.fromEntries(keys.map((k) => [k, labels[k]])) as Record<string, string>;

export const PERSON_RULE_FIELDS: Readonly<Record<keyof PersonFacts, FieldSpec>> = {
  keyGroups: { label: '重点人群', kind: 'list', values: labelsOf(KEY_GROUPS, KEY_GROUP_LABELS) },
  age: { label: '年龄', kind: 'number' },
  gender: { label: '性别', kind: 'enum', values: labelsOf(GENDERS, GENDER_LABELS) },
  education: { label: '学历', kind: 'ordered', values: labelsOf(EDUCATION_LEVELS, EDUCATION_LABELS), order: EDUCATION_LEVELS },
  status: { label: '就业状态', kind: 'enum', values: labelsOf(RESIDENT_STATUSES, RESIDENT_STATUS_LABELS) },
  townCode: { label: '镇街', kind: 'region' },
  villageCode: { label: '村居', kind: 'region' },
  gigDays90: { label: '近90天打零工天数', kind: 'number' },
  monthsSinceGraduation: { label: '毕业月数', kind: 'number' },
  hiredWithinMonths: { label: '就业后月数', kind: 'number' },
};

export const EMPLOYER_RULE_FIELDS: Readonly<Record<keyof EmployerFacts, FieldSpec>> = {
  industryCode: { label: '行业', kind: 'enum', values: Object.fromEntries(INDUSTRY_CODES.map((c) => [c, INDUSTRY_SECTIONS[c]])) },
  townCode: { label: '镇街', kind: 'region' },
  keyGroupHires12m: { label: '近12个月吸纳重点人群人数', kind: 'number' },
};

const OPS_BY_KIND: Record<Kind, readonly RuleOp[]> = {
  list: ['contains', 'in'],
  enum: ['eq', 'ne', 'in'],
  ordered: ['eq', 'ne', 'in', 'gte', 'lte'],
  number: ['eq', 'ne', 'gte', 'lte'],
  region: ['eq', 'ne', 'in'],
};

export const MAX_RULES = 12;

export function fieldsOf(audience: PolicyAudience): Readonly<Record<string, FieldSpec>> {
  return audience === 'person' ? PERSON_RULE_FIELDS : EMPLOYER_RULE_FIELDS;
}

/** Whether `code` is shaped like a region code of the level the field names (the API checks it is real). */
const REGION_SHAPE: Record<string, RegExp> = { townCode: /^\d{9}$/, villageCode: /^\d{12}$/ };

/**
 * The first problem with a policy's rules, in words, or null when they are well formed: a known field of the
 * audience, an operator that field takes, a value of the right type (a known value for enums; a whole number
 * 0–1200 for numbers; a non-empty list for `in`).
 */
export function ruleProblem(audience: PolicyAudience, rules: unknown): { index: number | null; message: string } | null {
  if (!Array.isArray(rules)) return { index: null, message: '条件应为列表' };
  if (rules.length === 0) return { index: null, message: '请至少写一条条件（政策是给谁的）' };
  if (rules.length > MAX_RULES) return { index: null, message: `条件最多${MAX_RULES}条` };
  const fields = fieldsOf(audience);
  for (const [index, rule] of rules.entries()) {
    const at = (message: string) => ({ index, message: `第${index + 1}条条件：${message}` });
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return at('应为 { field, op, value }');
    const { field, op, value } = rule as Record<string, unknown>;
    const spec = typeof field === 'string' && Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
    if (!spec) return at(`没有这个条件项：${String(field).slice(0, 40)}（${audience === 'person' ? '个人' : '企业'}政策可用：${Object.keys(fields).join('、')}）`);
    if (typeof op !== 'string' || !(OPS_BY_KIND[spec.kind] as readonly string[]).includes(op)) return at(`“${spec.label}”可用的比较：${OPS_BY_KIND[spec.kind].join('、')}`);
    const one = (v: unknown): string | null => {
      if (spec.kind === 'number') return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1200 ? null : `“${spec.label}”应为0到1200的整数`;
      if (spec.kind === 'region') return typeof v === 'string' && REGION_SHAPE[field as string].test(v) ? null : `“${spec.label}”应为${field === 'townCode' ? '9' : '12'}位地区代码`;
      return typeof v === 'string' && spec.values && Object.prototype.hasOwnProperty.call(spec.values, v) ? null : `“${spec.label}”没有这个值：${String(v).slice(0, 40)}`;
    };
    if (op === 'in') {
      if (!Array.isArray(value) || value.length === 0 || value.length > 50) return at(`“${spec.label}”的“是其中之一”应为1到50个值的列表`);
      for (const v of value) {
        const p = one(v);
        if (p) return at(p);
      }
    } else {
      const p = one(value);
      if (p) return at(p);
    }
  }
  return null;
}

export interface RuleOutcome {
  eligible: boolean;
  /** Why, in words a person reads ("您是高校毕业生", "毕业不到2年"), one per rule that held; duplicates dropped. */
  reasons: string[];
}

/** Names of regions for the reasons ("您在桑村镇"); codes are shown when a name is missing. */
export type RegionNames = (code: string) => string | undefined;

/**
 * Whether every rule holds for the facts, with the reasons. Never throws: a missing fact, an unknown field or a
 * malformed rule makes that rule fail (so the person is not eligible).
 */
export function evaluateRules(audience: PolicyAudience, rules: readonly PolicyRule[], facts: PersonFacts | EmployerFacts, names: RegionNames = () => undefined): RuleOutcome {
  const fields = fieldsOf(audience);
  const reasons: string[] = [];
  for (const rule of rules) {
    const spec = Object.prototype.hasOwnProperty.call(fields, rule.field) ? fields[rule.field] : undefined;
    if (!spec) return { eligible: false, reasons: [] };
    const fact = (facts as unknown as Record<string, unknown>)[rule.field];
    const matched = holds(spec, rule, fact);
    if (matched === null) return { eligible: false, reasons: [] };
    const reason = reasonOf(audience, rule, spec, fact, matched, names);
    if (reason && !reasons.includes(reason)) reasons.push(reason);
  }
  return { eligible: rules.length > 0, reasons };
}

/** The value that made the rule hold (for list fields, the matched group), or null when it does not hold. */
function holds(spec: FieldSpec, rule: PolicyRule, fact: unknown): unknown {
  if (fact === null || fact === undefined) return null;
  const v = rule.value;
  switch (spec.kind) {
    case 'list': {
      if (!Array.isArray(fact)) return null;
      if (rule.op === 'contains') return fact.includes(v) ? v : null;
      if (rule.op === 'in' && Array.isArray(v)) return fact.find((x) => v.includes(x)) ?? null;
      return null;
    }
    case 'number': {
      if (typeof fact !== 'number' || typeof v !== 'number') return null;
      const ok = rule.op === 'eq' ? fact === v : rule.op === 'ne' ? fact !== v : rule.op === 'gte' ? fact >= v : rule.op === 'lte' ? fact <= v : false;
      return ok ? fact : null;
    }
    case 'ordered': {
      if (rule.op === 'gte' || rule.op === 'lte') {
        const order = spec.order ?? [];
        const a = order.indexOf(String(fact));
        const b = order.indexOf(String(v));
        if (a < 0 || b < 0) return null;
        return (rule.op === 'gte' ? a >= b : a <= b) ? fact : null;
      }
      return matchEq(rule, fact);
    }
    default:
      return matchEq(rule, fact);
  }
}

function matchEq(rule: PolicyRule, fact: unknown): unknown {
  if (rule.op === 'eq') return fact === rule.value ? fact : null;
  if (rule.op === 'ne') return fact !== rule.value ? fact : null;
  if (rule.op === 'in') return Array.isArray(rule.value) && rule.value.includes(fact) ? fact : null;
  return null;
}

const yearsOrMonths = (months: number) => (months % 12 === 0 ? `${months / 12}年` : `${months}个月`);

/** The reason a rule held, in words; the person is "您", a firm "贵单位". */
function reasonOf(audience: PolicyAudience, rule: PolicyRule, spec: FieldSpec, fact: unknown, matched: unknown, names: RegionNames): string | null {
  const you = audience === 'person' ? '您' : '贵单位';
  const value = rule.value;
  switch (rule.field) {
    case 'keyGroups':
      return `${you}是${spec.values?.[String(matched)] ?? String(matched)}`;
    case 'age':
      return `${you}今年${String(fact)}岁`;
    case 'gender':
      return rule.op === 'ne' ? null : `${you}是${spec.values?.[String(fact)] ?? ''}性`;
    case 'education':
      return `${you}的学历是${spec.values?.[String(fact)] ?? String(fact)}`;
    case 'status':
      return rule.op === 'ne' ? null : `${you}现在${spec.values?.[String(fact)] ?? String(fact)}`;
    case 'townCode':
    case 'villageCode':
    case 'industryCode':
      if (rule.op === 'ne') return null;
      if (rule.field === 'industryCode') return `${you}属于${spec.values?.[String(fact)] ?? String(fact)}`;
      return `${you}在${names(String(fact)) ?? String(fact)}`;
    case 'gigDays90':
      return `近90天打零工${String(fact)}天`;
    case 'monthsSinceGraduation':
      return rule.op === 'lte' && typeof value === 'number' ? `毕业不到${yearsOrMonths(value)}` : `毕业${String(fact)}个月`;
    case 'hiredWithinMonths':
      return rule.op === 'lte' && typeof value === 'number' ? `${yearsOrMonths(value)}内找到了工作` : `就业${String(fact)}个月`;
    case 'keyGroupHires12m':
      return `近12个月吸纳重点人群${String(fact)}人`;
    default:
      return null;
  }
}

/** Whole months from a month (YYYY-MM) or date (YYYY-MM-DD) to a China date (YYYY-MM-DD); null when unknown or ahead. */
export function monthsBetween(from: string | null, to: string): number | null {
  if (!from) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(from);
  if (!m) return null;
  const [ty, tm, td] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))];
  let months = (ty - Number(m[1])) * 12 + (tm - Number(m[2]));
  if (m[3] && td < Number(m[3])) months -= 1;
  return months < 0 ? null : months;
}
