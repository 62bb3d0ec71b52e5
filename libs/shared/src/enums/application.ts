export const APPLICATION_STATUSES = ['applied', 'viewed', 'interview', 'offered', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  applied: '已投递',
  viewed: '已查看',
  interview: '面试',
  offered: '录用',
  hired: '已入职',
  rejected: '未通过',
  withdrawn: '已撤回',
};
