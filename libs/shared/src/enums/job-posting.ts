export const POST_TYPES = ['full_time', 'part_time', 'gig', 'seasonal', 'shared_staff'] as const;
export type PostType = (typeof POST_TYPES)[number];
export const POST_TYPE_LABELS: Record<PostType, string> = {
  full_time: '全职',
  part_time: '兼职',
  gig: '零工',
  seasonal: '季节工',
  shared_staff: '共享员工',
};

export const WAGE_UNITS = ['month', 'day', 'hour', 'piece'] as const;
export type WageUnit = (typeof WAGE_UNITS)[number];
export const WAGE_UNIT_LABELS: Record<WageUnit, string> = {
  month: '元/月',
  day: '元/天',
  hour: '元/小时',
  piece: '元/件',
};

export const BENEFITS = ['meals', 'housing', 'social_insurance', 'housing_fund', 'shuttle', 'training'] as const;
export type Benefit = (typeof BENEFITS)[number];
export const BENEFIT_LABELS: Record<Benefit, string> = {
  meals: '包吃',
  housing: '包住',
  social_insurance: '五险',
  housing_fund: '公积金',
  shuttle: '班车接送',
  training: '岗前培训',
};

export const POST_STATUSES = ['draft', 'pending_review', 'published', 'rejected', 'closed', 'expired'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const POST_STATUS_LABELS: Record<PostStatus, string> = {
  draft: '草稿',
  pending_review: '待审核',
  published: '已发布',
  rejected: '已驳回',
  closed: '已关闭',
  expired: '已过期',
};

/** Orders of the public list. `distance` needs the seeker's `lat` and `lng`. */
export const POST_SORTS = ['newest', 'wage', 'distance'] as const;
export type PostSort = (typeof POST_SORTS)[number];
export const POST_SORT_LABELS: Record<PostSort, string> = {
  newest: '最新',
  wage: '工资最高',
  distance: '离我最近',
};

/** Why a seeker reports (举报) a post. */
export const REPORT_REASONS = ['fake', 'fee', 'scam', 'discrimination', 'wage_mismatch', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  fake: '虚假招聘',
  fee: '收取押金或费用',
  scam: '刷单、诈骗',
  discrimination: '歧视性要求',
  wage_mismatch: '工资待遇不实',
  other: '其他',
};

export const REPORT_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  open: '待处理',
  upheld: '举报属实，岗位已下架',
  dismissed: '经核实未发现问题',
};

/** Open reports that hide a post from the public list until an admin reviews them. */
export const REPORTS_TO_HIDE = 3;
/** Days before expiry from which the employer is reminded to refresh. */
export const POST_EXPIRY_REMINDER_DAYS = 3;
