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
