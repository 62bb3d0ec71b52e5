/** 零工市场: the states of a day's sign-up, the ways pay is made, and the 权益维护 cases. */

export const GIG_SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'checked_in', 'checked_out', 'no_show', 'cancelled', 'late_cancel'] as const;
export type GigSignupStatus = (typeof GIG_SIGNUP_STATUSES)[number];

export const GIG_SIGNUP_STATUS_LABELS: Record<GigSignupStatus, string> = {
  confirmed: '已报上',
  waitlisted: '排队中',
  checked_in: '已上工',
  checked_out: '已收工',
  no_show: '没来',
  cancelled: '已取消',
  late_cancel: '临时取消',
};

export const GIG_PAY_METHODS = ['cash', 'wechat', 'bank'] as const;
export type GigPayMethod = (typeof GIG_PAY_METHODS)[number];
export const GIG_PAY_METHOD_LABELS: Record<GigPayMethod, string> = { cash: '现金', wechat: '微信', bank: '银行转账' };

export const DISPUTE_STATUSES = ['open', 'mediating', 'resolved', 'referred'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  open: '已受理',
  mediating: '调解中',
  resolved: '已解决',
  referred: '已转劳动监察',
};

/** Why a worker disputes a day's pay. */
export const DISPUTE_REASONS = ['unpaid', 'underpaid', 'late', 'other'] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];
export const DISPUTE_REASON_LABELS: Record<DisputeReason, string> = {
  unpaid: '没给工钱',
  underpaid: '给少了',
  late: '拖着不给',
  other: '别的问题',
};
