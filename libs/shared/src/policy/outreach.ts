/** What a liaison has done about a policy for one of their villagers (or the district for a firm). */
export const OUTREACH_STATUSES = ['not_contacted', 'told', 'applying', 'received', 'declined'] as const;
export type OutreachStatus = (typeof OUTREACH_STATUSES)[number];
export const OUTREACH_STATUS_LABELS: Record<OutreachStatus, string> = {
  not_contacted: '未联系',
  told: '已告知',
  applying: '办理中',
  received: '已享受',
  declined: '不需要',
};

/** Every policy the demo data carries says this: the amounts and terms are the 人社部门's, as published. */
export const POLICY_DISCLAIMER = '以人社部门公布为准';
