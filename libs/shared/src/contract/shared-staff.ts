import type { WageUnit } from '../enums/job-posting';

/**
 * 共享员工 (staff lent between firms, 人社厅发〔2020〕98号): the worker's labour contract and social insurance stay
 * with the lender, which carries 工伤; the borrower pays through the lender; placements never count as 新增就业.
 * docs/business-logic/shared-staff.md. Dates are China dates (YYYY-MM-DD).
 */

export const SHARED_AGREEMENT_STATUSES = ['draft', 'active', 'ended'] as const;
export type SharedAgreementStatus = (typeof SHARED_AGREEMENT_STATUSES)[number];
export const SHARED_AGREEMENT_STATUS_LABELS: Record<SharedAgreementStatus, string> = { draft: '待签署', active: '进行中', ended: '已结束' };

export const SHARED_CONSENT_METHODS = ['app', 'signature', 'verbal'] as const;
export type SharedConsentMethod = (typeof SHARED_CONSENT_METHODS)[number];
export const SHARED_CONSENT_METHOD_LABELS: Record<SharedConsentMethod, string> = { app: '本人在小程序确认', signature: '本人签字', verbal: '口头同意（联络员记录）' };

/** POST /shared-staff/offers (a firm with idle staff). */
export interface SharedOfferInput {
  occupationCode: string;
  headcount: number;
  from: string;
  to: string;
  townCode: string;
  note?: string;
}

/** POST /shared-staff/requests (a firm short of hands). */
export interface SharedRequestInput extends SharedOfferInput {
  wage: number;
  wageUnit: Extract<WageUnit, 'day' | 'month' | 'hour'>;
}

/** The other side that fits, best first, with the reasons. */
export interface SharedMatch {
  id: string;
  employerId: string;
  employerName: string;
  occupationCode: string;
  occupationName: string | null;
  headcount: number;
  from: string;
  to: string;
  townCode: string;
  townName: string | null;
  wage: number | null;
  wageUnit: string | null;
  score: number;
  reasons: string[];
}

export interface SharedOfferItem {
  id: string;
  kind: 'offer' | 'request';
  employerId: string;
  employerName: string;
  occupationCode: string;
  occupationName: string | null;
  headcount: number;
  from: string;
  to: string;
  townCode: string;
  townName: string | null;
  /** Requests only. */
  wage: number | null;
  wageUnit: string | null;
  note: string | null;
  status: 'open' | 'closed';
  createdAt: string;
  /** The other side's that fit (shown to the owner and admins). */
  matches: SharedMatch[];
}

/** POST /shared-staff/agreements. */
export interface SharedAgreementInput {
  offerId?: string;
  requestId?: string;
  lenderId: string;
  borrowerId: string;
  from: string;
  to: string;
  work: string;
  pay: string;
  /** 工伤 cover stays with the lender (the rule of 共享用工). */
  injuryCover: 'lender';
  /** The lent workers (residents); more may be added as they consent. */
  workerIds?: string[];
}

export interface SharedWorkerItem {
  residentId: string;
  name: string;
  villageName: string | null;
  consentAt: string | null;
  consentMethod: string | null;
}

export interface SharedAgreementItem {
  id: string;
  offerId: string | null;
  requestId: string | null;
  lender: { id: string; name: string };
  borrower: { id: string; name: string };
  from: string;
  to: string;
  work: string;
  /** Where the work is: the borrower's 镇街 and address. */
  place: string;
  pay: string;
  injuryCover: 'lender';
  status: SharedAgreementStatus;
  lenderSignedAt: string | null;
  borrowerSignedAt: string | null;
  workers: SharedWorkerItem[];
  endedAt: string | null;
  endReason: string | null;
  /** What is still missing before it is active, in words ("出借方未签署", "王某未同意"). */
  waitingFor: string[];
  /** The rules that stay true, in words, for the printable summary. */
  terms: string[];
  createdAt: string;
}

/** GET /stats/shared-staff?year=: never part of 新增就业. */
export interface SharedStaffStats {
  year: number;
  agreements: number;
  active: number;
  workers: number;
  workerDays: number;
  byOccupation: { code: string; name: string; agreements: number; workers: number; workerDays: number }[];
  byTown: { code: string; name: string; agreements: number; workers: number; workerDays: number }[];
}
