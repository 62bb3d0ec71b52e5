import type { OutreachStatus } from '../policy/outreach';
import type { PolicyAudience, PolicyRule } from '../policy/rules';

/** 政策找人 (API.md "政策找人"); the rules in words: docs/business-logic/policies.md. Dates are China dates. */

export const POLICY_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' };

/** POST /policies (the district admin); PATCH /policies/:id takes any of these, and `status`. */
export interface PolicyInput {
  title: string;
  issuer: string;
  docNumber?: string;
  /** What it is, in plain words. */
  summary: string;
  /** What one gets, in words, amounts only as published ("以人社部门公布为准" is shown beside it). */
  benefit: string;
  audience: PolicyAudience;
  rules: PolicyRule[];
  /** What to bring. */
  materials?: string;
  howToApply: string;
  contactPhone?: string;
  validFrom: string;
  validTo?: string;
  sourceUrl?: string;
  /** Save without publishing (preview first); default false: published at once. */
  draft?: boolean;
}

export interface PolicyItem {
  id: string;
  title: string;
  issuer: string;
  docNumber: string | null;
  summary: string;
  benefit: string;
  audience: PolicyAudience;
  rules: PolicyRule[];
  /** The rules in words ("重点人群包含高校毕业生；毕业月数不超过24"). */
  rulesText: string[];
  materials: string | null;
  howToApply: string;
  contactPhone: string | null;
  validFrom: string;
  validTo: string | null;
  sourceUrl: string | null;
  status: PolicyStatus;
  /** Published and within its dates today. */
  inForce: boolean;
  disclaimer: string;
  createdAt: string;
  updatedAt: string;
}

/** GET /policies/:id/preview: who qualifies now, by 镇街 (the caller's area). */
export interface PolicyPreview {
  policyId: string;
  audience: PolicyAudience;
  total: number;
  byTown: { code: string; name: string; count: number }[];
  /** "现在符合的有 37 人，桑村镇 12 人…" */
  text: string;
}

/** GET /me/policies: a policy the seeker may qualify for, and why. */
export interface MyPolicyItem {
  policy: PolicyItem;
  reasons: string[];
}

/** GET /policies/:id/eligible: one resident (or firm) who qualifies, and what has been done about it. */
export interface PolicyEligibleItem {
  subjectId: string;
  /** A resident's id (person policies) — also `subjectId`. */
  residentId: string | null;
  employerId: string | null;
  name: string;
  villageName: string | null;
  townName: string | null;
  reasons: string[];
  /** Still qualifies today (a person who no longer does stays listed, marked). */
  stillEligible: boolean;
  firstEligibleAt: string;
  /** When the person (or firm) was told by the app. */
  notifiedAt: string | null;
  outreach: OutreachStatus;
  outreachNote: string | null;
  outreachAt: string | null;
}

/** PUT /policies/:id/outreach/:residentId. */
export interface OutreachInput {
  outreach: OutreachStatus;
  note?: string;
}

/** GET /stats/policies: the funnel per policy (told ⊇ applying ⊇ received), by 镇街. */
export interface PolicyStatsItem {
  policyId: string;
  title: string;
  audience: PolicyAudience;
  inForce: boolean;
  eligible: number;
  notified: number;
  told: number;
  applying: number;
  received: number;
  declined: number;
  byTown: { code: string; name: string; eligible: number; told: number; applying: number; received: number }[];
}
