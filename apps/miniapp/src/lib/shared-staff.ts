import type { SharedAgreementItem, SharedAgreementStatus, SharedMatch, SharedOfferItem } from '@zaogong/shared';
import { formatDate, formatShortDate } from './format';

/**
 * The 共享员工 pages. Notifications of type 'shared_staff' open `agreement` (the two firms) and `worker` (a lent
 * worker) with ?id=; the QR on the agreement page opens `liaisonConsent` (a village liaison records consent).
 */
export const SHARED_STAFF_ROUTES = {
  /** 我有富余工人 / 我缺人手, the firm's own with the other side's that fit, and its agreements. */
  employer: '/packages/employer/pages/shared-staff/index',
  /** One agreement (?id=) for the two firms (and the admins of its 镇街): sign, extend, end, print. */
  agreement: '/packages/employer/pages/shared-agreement/index',
  /** The lent worker's own page (?id=): where, when, who pays, 工伤, and 我同意. Without id: their agreements. */
  worker: '/pages/shared-staff/index',
  /** A liaison records a villager's consent on an agreement (?id=); without id, their villagers' agreements. */
  liaisonConsent: '/packages/liaison/pages/shared-consent/index',
  /** Agreements, workers and worker-days by trade and 镇街 (admins). */
  stats: '/packages/admin/pages/shared-staff-stats/index',
} as const;

export const agreementUrl = (id: string) => `${SHARED_STAFF_ROUTES.agreement}?id=${encodeURIComponent(id)}`;
export const workerAgreementUrl = (id: string) => `${SHARED_STAFF_ROUTES.worker}?id=${encodeURIComponent(id)}`;
export const liaisonConsentUrl = (id: string) => `${SHARED_STAFF_ROUTES.liaisonConsent}?id=${encodeURIComponent(id)}`;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The agreement id in a scanned or pasted link (…shared-consent/index?id=…), or a bare id; null otherwise. */
export function agreementIdOf(text: string): string | null {
  const m = /[?&#]id=([0-9a-f-]{36})/i.exec(text) ?? UUID.exec(text);
  return m ? (m[1] ?? m[0]).toLowerCase() : null;
}

const DAY = 86_400_000;

/** Days from `from` to `to`, both counted (YYYY-MM-DD). */
export function daysOf(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
}

/** "2027年1月10日 至 2027年2月10日" (the agreement's own words). */
export function datesText(p: { from: string; to: string }): string {
  return `${formatDate(p.from)} 至 ${formatDate(p.to)}`;
}

/** "2027年1月10日 至 2027年2月10日（共32天）", for the printed summary. */
export function periodText(p: { from: string; to: string }): string {
  return `${datesText(p)}（共${daysOf(p.from, p.to)}天）`;
}

/** "12月7日 至 2027年1月5日 · 30天" (the year only when it is not this year), for cards. */
export function periodShort(p: { from: string; to: string }): string {
  return `${formatShortDate(p.from)} 至 ${formatShortDate(p.to)} · ${daysOf(p.from, p.to)}天`;
}

const UNIT_WORDS: Record<string, string> = { day: '每天', month: '每月', hour: '每小时' };

/** "每天 150 元", or '' when there is no pay (an offer). */
export function wageText(w: { wage: number | null; wageUnit: string | null }): string {
  if (w.wage === null || !w.wageUnit) return '';
  return `${UNIT_WORDS[w.wageUnit] ?? ''} ${Number.isInteger(w.wage) ? w.wage : w.wage.toFixed(2)} 元`;
}

export const STATUS_TAG: Record<SharedAgreementStatus, string> = {
  draft: 'zg-tag zg-tag-warn',
  active: 'zg-tag zg-tag-ok',
  ended: 'zg-tag zg-tag-plain',
};

/** The later of two dates. */
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/**
 * The agreement a match suggests, from one of the firm's own posts and a match of the other side: who lends,
 * who borrows, the overlapping days, the work and the pay in words (both may be changed before sending).
 */
export function draftFromMatch(mine: SharedOfferItem, match: SharedMatch, today: string) {
  const lending = mine.kind === 'offer';
  const request = lending ? match : mine;
  const trade = mine.occupationName ?? match.occupationName ?? '';
  const headcount = Math.min(mine.headcount, match.headcount);
  const pay = wageText(request);
  return {
    offerId: lending ? mine.id : match.id,
    requestId: lending ? match.id : mine.id,
    lenderId: lending ? mine.employerId : match.employerId,
    lenderName: lending ? mine.employerName : match.employerName,
    borrowerId: lending ? match.employerId : mine.employerId,
    borrowerName: lending ? match.employerName : mine.employerName,
    from: later(later(mine.from, match.from), today),
    to: earlier(mine.to, match.to),
    work: `${trade}，${headcount}人`,
    pay: pay ? `借入方按${pay}结算，经出借方发给工人` : '借入方按约定结算，经出借方发给工人',
  };
}

/** The caller's side of an agreement, by their firm's id. */
export function sideOf(a: Pick<SharedAgreementItem, 'lender' | 'borrower'>, employerId: string | undefined): 'lender' | 'borrower' | null {
  if (!employerId) return null;
  if (a.lender.id === employerId) return 'lender';
  if (a.borrower.id === employerId) return 'borrower';
  return null;
}
