import type {
  Page,
  SharedAgreementInput,
  SharedAgreementItem,
  SharedConsentMethod,
  SharedOfferInput,
  SharedOfferItem,
  SharedRequestInput,
  SharedStaffStats,
} from '@zaogong/shared';
import { request, type RequestOptions } from './client';

type Opts = Pick<RequestOptions, 'toast'>;

const at = (id: string) => `/shared-staff/agreements/${encodeURIComponent(id)}`;

/** 共享员工 (staff lent between firms): API.md "共享员工", docs/business-logic/shared-staff.md. */
export const sharedStaffApi = {
  /** A verified firm with idle staff (我有富余工人). */
  postOffer: (body: SharedOfferInput, o?: Opts) => request<SharedOfferItem>('/shared-staff/offers', { method: 'POST', body, ...o }),
  /** A verified firm short of hands (我缺人手), with the pay. */
  postRequest: (body: SharedRequestInput, o?: Opts) => request<SharedOfferItem>('/shared-staff/requests', { method: 'POST', body, ...o }),
  /** A firm's own, each with the other side's that fit (best first, with reasons); an admin's area's. */
  offers: (o?: Opts) => request<Page<SharedOfferItem>>('/shared-staff/offers', { ...o }),
  requests: (o?: Opts) => request<Page<SharedOfferItem>>('/shared-staff/requests', { ...o }),

  /** Drafted by the lender or the borrower; 工伤 always with the lender. */
  createAgreement: (body: SharedAgreementInput, o?: Opts) => request<SharedAgreementItem>('/shared-staff/agreements', { method: 'POST', body, ...o }),
  /** A firm's; a worker's own; a liaison's villagers'; an admin's area's. */
  agreements: (o?: Opts) => request<Page<SharedAgreementItem>>('/shared-staff/agreements', { ...o }),
  agreement: (id: string, o?: Opts) => request<SharedAgreementItem>(at(id), { ...o }),
  /** The caller's firm's signature (each side once). */
  sign: (id: string, o?: Opts) => request<SharedAgreementItem>(`${at(id)}/sign`, { method: 'POST', ...o }),
  /** The lender puts one of its people on it (by their resident record). */
  addWorker: (id: string, residentId: string, o?: Opts) =>
    request<SharedAgreementItem>(`${at(id)}/workers`, { method: 'POST', body: { residentId }, ...o }),
  /** The lender adds one of its people by name and phone (both must match the person's record). */
  addWorkerByPhone: (id: string, body: { name: string; phone: string }, o?: Opts) => request<SharedAgreementItem>(`${at(id)}/workers`, { method: 'POST', body, ...o }),
  /**
   * The worker's consent: the person themself (no method), or their liaison recording a signature or spoken
   * consent (which also puts a villager of theirs on the agreement).
   */
  consent: (id: string, residentId: string, method: Exclude<SharedConsentMethod, 'app'> | undefined, o?: Opts) =>
    request<SharedAgreementItem>(`${at(id)}/workers/${encodeURIComponent(residentId)}/consent`, { method: 'POST', body: method ? { method } : {}, ...o }),
  extend: (id: string, body: { to: string; reason: string }, o?: Opts) => request<SharedAgreementItem>(`${at(id)}/extend`, { method: 'POST', body, ...o }),
  end: (id: string, reason: string, o?: Opts) => request<SharedAgreementItem>(`${at(id)}/end`, { method: 'POST', body: { reason }, ...o }),

  /** Agreements, workers and worker-days of a year (admins and liaisons, their area); never 新增就业. */
  stats: (year: number, o?: Opts) => request<SharedStaffStats>('/stats/shared-staff', { query: { year }, ...o }),
};
