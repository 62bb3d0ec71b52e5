export const EDUCATION_LEVELS = [
  'primary',
  'junior_high',
  'senior_high',
  'vocational',
  'college',
  'bachelor',
  'master_plus',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LABELS: Record<EducationLevel, string> = {
  primary: '小学',
  junior_high: '初中',
  senior_high: '高中',
  vocational: '中专/技校',
  college: '大专',
  bachelor: '本科',
  master_plus: '硕士及以上',
};

export const KEY_GROUPS = [
  'graduate',
  'veteran',
  'disabled',
  'returning_migrant',
  'hard_to_employ',
  'low_income',
] as const;
export type KeyGroup = (typeof KEY_GROUPS)[number];
export const KEY_GROUP_LABELS: Record<KeyGroup, string> = {
  graduate: '高校毕业生',
  veteran: '退役军人',
  disabled: '残疾人',
  returning_migrant: '返乡农民工',
  hard_to_employ: '就业困难人员',
  low_income: '脱贫人口',
};

export const AVAILABILITIES = ['full_time', 'part_time', 'gig', 'seasonal'] as const;
export type Availability = (typeof AVAILABILITIES)[number];
export const AVAILABILITY_LABELS: Record<Availability, string> = {
  full_time: '全职',
  part_time: '兼职',
  gig: '零工',
  seasonal: '季节工',
};

export const RESIDENT_STATUSES = ['seeking', 'employed', 'self_employed', 'not_seeking', 'migrated'] as const;
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];
export const RESIDENT_STATUS_LABELS: Record<ResidentStatus, string> = {
  seeking: '求职中',
  employed: '已就业',
  self_employed: '自主创业',
  not_seeking: '暂不求职',
  migrated: '外出务工',
};

export const CONSENT_METHODS = ['signature', 'verbal', 'self'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  signature: '本人签字',
  verbal: '口头同意',
  self: '本人线上填写',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };
