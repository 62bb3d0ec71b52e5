/**
 * The application pipeline: 已投递 → 已查看 → 面试 → 录用 → 已入职, or 未通过 (the employer) / 已撤回 (the
 * applicant) from any open step. 待接受 is an employer's invitation the person has not yet accepted.
 */
export const APPLICATION_STATUSES = ['invited', 'applied', 'viewed', 'interview', 'offered', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  invited: '待接受邀请',
  applied: '已投递',
  viewed: '已查看',
  interview: '面试',
  offered: '录用',
  hired: '已入职',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** Steps after which nothing more happens. */
export const CLOSED_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['hired', 'rejected', 'withdrawn'];

/** Who may move an application to a status, and from where. Anything else is a 409. */
export const APPLICATION_TRANSITIONS: Record<ApplicationStatus, { employer: readonly ApplicationStatus[]; applicant: readonly ApplicationStatus[] }> = {
  invited: { employer: ['withdrawn'], applicant: ['applied', 'withdrawn'] },
  applied: { employer: ['viewed', 'interview', 'offered', 'hired', 'rejected'], applicant: ['withdrawn'] },
  viewed: { employer: ['interview', 'offered', 'hired', 'rejected'], applicant: ['withdrawn'] },
  interview: { employer: ['interview', 'offered', 'hired', 'rejected'], applicant: ['withdrawn'] },
  offered: { employer: ['hired', 'rejected'], applicant: ['withdrawn'] },
  hired: { employer: [], applicant: [] },
  rejected: { employer: [], applicant: [] },
  withdrawn: { employer: [], applicant: [] },
};

/** How an application came about. */
export const APPLICATION_SOURCES = ['self', 'liaison', 'invitation'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

/** How a hire came to be recorded. */
export const HIRE_SOURCES = ['application', 'employer', 'liaison', 'admin'] as const;
export type HireSource = (typeof HIRE_SOURCES)[number];

/** A job with an employer, or 灵活就业 (flexible employment: no employer, evidence instead, verified by an admin). */
export const HIRE_KINDS = ['job', 'flexible'] as const;
export type HireKind = (typeof HIRE_KINDS)[number];
