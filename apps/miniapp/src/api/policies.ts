import type {
  MyPolicyItem,
  OutreachInput,
  OutreachStatus,
  Page,
  PolicyAudience,
  PolicyEligibleItem,
  PolicyInput,
  PolicyItem,
  PolicyPreview,
  PolicyRule,
  PolicyStatsItem,
  PolicyStatus,
} from '@zaogong/shared';
import { request, type RequestOptions } from './client';

type Opts = Pick<RequestOptions, 'toast'>;

const at = (id: string) => `/policies/${encodeURIComponent(id)}`;

/** 政策找人: API.md "政策找人". */
export const policiesApi = {
  /** Anyone, no login: those in force, newest first. `all` (the district admin) adds drafts, withdrawn and ended ones. */
  list: (query: { all?: boolean; audience?: PolicyAudience; cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<PolicyItem>>('/policies', { query: { ...query, all: query.all ? 'true' : undefined }, ...o }),
  /** Anyone when published; a draft or withdrawn one for the district admin only. */
  get: (id: string, o?: Opts) => request<PolicyItem>(at(id), { ...o }),
  /** The district admin; `draft: true` saves without publishing. */
  create: (body: PolicyInput, o?: Opts) => request<PolicyItem>('/policies', { method: 'POST', body, ...o }),
  patch: (id: string, body: Partial<PolicyInput> & { status?: PolicyStatus }, o?: Opts) =>
    request<PolicyItem>(at(id), { method: 'PATCH', body, ...o }),
  /** Who the rules find now, before saving: "现在符合的有 37 人，桑村镇 12 人…". */
  previewRules: (audience: PolicyAudience, rules: PolicyRule[], o?: Opts) =>
    request<PolicyPreview>('/policies/preview', { method: 'POST', body: { audience, rules }, ...o }),
  preview: (id: string, o?: Opts) => request<PolicyPreview>(`${at(id)}/preview`, { ...o }),

  /** 可能适合您的政策: a seeker's (or a firm's) policies in force, with the reasons in words. */
  mine: (o?: Opts) => request<{ items: MyPolicyItem[] }>('/me/policies', { ...o }),

  /** A liaison's villagers (an admin's area's people) on a policy's list, with what has been done. */
  eligible: (id: string, query: { outreach?: OutreachStatus; cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<PolicyEligibleItem>>(`${at(id)}/eligible`, { query: { ...query }, ...o }),
  outreach: (id: string, residentId: string, body: OutreachInput, o?: Opts) =>
    request<PolicyEligibleItem>(`${at(id)}/outreach/${encodeURIComponent(residentId)}`, { method: 'PUT', body, ...o }),

  /** Per policy: 符合 / 已通知 / 已告知 ⊇ 办理中 ⊇ 已享受, and by 镇街 (the caller's area). */
  stats: (o?: Opts) => request<{ items: PolicyStatsItem[] }>('/stats/policies', { ...o }),
};
