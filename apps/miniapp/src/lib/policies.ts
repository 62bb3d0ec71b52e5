import {
  EDUCATION_LEVELS,
  fieldsOf,
  type AuthUser,
  type EducationLevel,
  type KeyGroup,
  type OutreachStatus,
  type PolicyAudience,
  type PolicyItem,
  type PolicyRule,
  type RuleOp,
} from '@zaogong/shared';
import { formatDate } from './format';

/** The 政策找人 pages. Notifications of type 'policy' open `detail` (seekers, firms) and `people` (liaisons). */
export const POLICY_ROUTES = {
  /** 政策 in force for anyone (?all=1: every policy, drafts too, for the district admin). */
  list: '/pages/policies/index',
  /** One policy (?id=). */
  detail: '/pages/policies/detail/index',
  /** A liaison's list of policies with how many of their villagers may qualify. */
  liaisonList: '/packages/liaison/pages/policies/index',
  /** A liaison's villagers who qualify for one policy (?id=), with what has been done. */
  people: '/packages/liaison/pages/policy-people/index',
  /** 新建政策, or edit one (?id=): the district admin. */
  form: '/packages/admin/pages/policy-form/index',
  /** 政策落实情况: per policy the funnel and by 镇街. */
  stats: '/packages/admin/pages/policy-stats/index',
} as const;

const q = (id: string) => encodeURIComponent(id);
export const policyUrl = (id: string) => `${POLICY_ROUTES.detail}?id=${q(id)}`;
export const policyPeopleUrl = (id: string) => `${POLICY_ROUTES.people}?id=${q(id)}`;
export const policyFormUrl = (id?: string) => (id ? `${POLICY_ROUTES.form}?id=${q(id)}` : POLICY_ROUTES.form);
export const allPoliciesUrl = () => `${POLICY_ROUTES.list}?all=1`;

/** Only the district admin (an admin without a 镇街) writes and changes policies. */
export function isDistrictAdmin(user: AuthUser | null | undefined): boolean {
  return user?.role === 'admin' && !user.regionCode;
}

/** "2026年1月1日起" or "2026年1月1日到2027年12月31日". */
export function validText(p: Pick<PolicyItem, 'validFrom' | 'validTo'>): string {
  return p.validTo ? `${formatDate(p.validFrom)}到${formatDate(p.validTo)}` : `${formatDate(p.validFrom)}起，长期有效`;
}

/** Outreach states and the tag colour each is shown in. */
export const OUTREACH_TAG_CLASS: Record<OutreachStatus, string> = {
  not_contacted: 'zg-tag zg-tag-warn',
  told: 'zg-tag',
  applying: 'zg-tag',
  received: 'zg-tag zg-tag-ok',
  declined: 'zg-tag zg-tag-plain',
};

/** A 毕业时间 is asked when the person went to college (大专 or above) or is marked a 高校毕业生. */
export function asksGraduation(education: EducationLevel | null | undefined, keyGroups: readonly KeyGroup[]): boolean {
  if (keyGroups.includes('graduate')) return true;
  return education ? EDUCATION_LEVELS.indexOf(education) >= EDUCATION_LEVELS.indexOf('college') : false;
}

/** "2025年6月" from "2025-06". */
export function monthText(ym: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})/.exec(ym ?? '');
  return m ? `${Number(m[1])}年${Number(m[2])}月` : '';
}

/** This month in China as YYYY-MM. */
export function chinaMonth(now: number = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 7);
}

// ---------- the rules editor ----------

export type FieldKind = 'list' | 'enum' | 'ordered' | 'number' | 'region';

export interface FieldChoice {
  field: string;
  label: string;
  kind: FieldKind;
  values: Readonly<Record<string, string>> | undefined;
}

/** The fields a policy of `audience` may name, in the shared list's order. */
export function ruleFields(audience: PolicyAudience): FieldChoice[] {
  return Object.entries(fieldsOf(audience)).map(([field, spec]) => ({ field, label: spec.label, kind: spec.kind as FieldKind, values: spec.values }));
}

/** The comparisons each kind of field takes (the API's OPS_BY_KIND). */
export const OPS_BY_KIND: Record<FieldKind, readonly RuleOp[]> = {
  list: ['contains', 'in'],
  enum: ['eq', 'ne', 'in'],
  ordered: ['gte', 'lte', 'eq', 'ne', 'in'],
  number: ['lte', 'gte', 'eq', 'ne'],
  region: ['eq', 'ne', 'in'],
};

/** A unit after a number field's value, so "毕业月数 不超过 24" reads "24 个月". */
export const NUMBER_UNITS: Record<string, string> = {
  age: '岁',
  gigDays90: '天',
  monthsSinceGraduation: '个月',
  hiredWithinMonths: '个月',
  keyGroupHires12m: '人',
};

/** A rule row as the editor keeps it: the value may be unfinished (an empty number box, nothing picked). */
export interface RuleDraft {
  key: number;
  field: string;
  op: RuleOp;
  /** One value (eq, ne, contains, gte, lte) or several (in); numbers as typed. */
  values: string[];
}

/** A new row for `field`: its first comparison, nothing picked. */
export function newRule(audience: PolicyAudience, field: string, key: number): RuleDraft {
  const kind = ruleFields(audience).find((f) => f.field === field)?.kind ?? 'enum';
  return { key, field, op: OPS_BY_KIND[kind][0], values: [] };
}

/** The rows as the API takes them, or the first row that is not finished yet (its index and what is missing). */
export function rulesOf(audience: PolicyAudience, drafts: readonly RuleDraft[]): { rules: PolicyRule[] } | { index: number; message: string } {
  const fields = ruleFields(audience);
  const rules: PolicyRule[] = [];
  for (const [index, d] of drafts.entries()) {
    const spec = fields.find((f) => f.field === d.field);
    if (!spec) return { index, message: '请选条件项' };
    const picked = d.values.map((v) => v.trim()).filter(Boolean);
    if (picked.length === 0) return { index, message: spec.kind === 'number' ? '请写上数字' : '请选一个值' };
    if (spec.kind === 'number') {
      const n = Number(picked[0]);
      if (!Number.isInteger(n) || n < 0 || n > 1200) return { index, message: '请写0到1200的整数' };
      rules.push({ field: d.field, op: d.op, value: n });
    } else {
      rules.push({ field: d.field, op: d.op, value: d.op === 'in' ? picked : picked[0] });
    }
  }
  return { rules };
}

/** Rows for the editor from a saved policy's rules. */
export function draftsOf(rules: readonly PolicyRule[]): RuleDraft[] {
  return rules.map((r, i) => ({
    key: i + 1,
    field: r.field,
    op: r.op,
    values: (Array.isArray(r.value) ? r.value : [r.value]).map((v) => String(v)),
  }));
}

/** A rule in words as the API gives it, with the unit a number needs ("毕业月数不超过24" → "…24个月"). */
export function ruleLines(p: Pick<PolicyItem, 'rules' | 'rulesText'>): string[] {
  return p.rulesText.map((text, i) => {
    const rule = p.rules[i];
    const unit = rule ? NUMBER_UNITS[rule.field] : undefined;
    return unit && typeof rule?.value === 'number' && text.endsWith(String(rule.value)) ? `${text}${unit}` : text;
  });
}

/** A reason as the liaison reads it about a villager: "您是高校毕业生" → "TA是高校毕业生". */
export function aboutThem(reason: string): string {
  return reason.replace(/^您/, 'TA');
}
