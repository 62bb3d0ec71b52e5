import type { Role } from './roles';

/**
 * What a notification is about. Users mute by type (no WeChat message or SMS for it; the inbox keeps
 * it, except the daily digest, which a muted user does not get at all).
 */
export const NOTIFICATION_TYPES = [
  'application_update',
  'interview',
  'hire_confirm',
  'new_application',
  'post_review',
  'resident_update',
  'job_digest',
  'saved_search',
  'gig',
  'dispute',
  'event',
  'policy',
  'shared_staff',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, string> = {
  application_update: '投递进展',
  interview: '面试邀请',
  hire_confirm: '入职待确认',
  new_application: '新的投递',
  post_review: '岗位审核结果',
  resident_update: '村民求职动态',
  job_digest: '每日岗位推荐',
  saved_search: '有了告诉我',
  gig: '零工报名和工钱',
  dispute: '权益维护进展',
  event: '招聘活动',
  policy: '可能适合的政策',
  shared_staff: '共享用工协议',
};

/**
 * The types each role can receive (the settings screen lists these). saved_search is not listed: the
 * seeker asked for it search by search (有了告诉我), and stops it by deleting the saved search.
 */
export const NOTIFICATION_TYPES_BY_ROLE: Record<Role, readonly NotificationType[]> = {
  seeker: ['application_update', 'interview', 'hire_confirm', 'job_digest', 'gig', 'dispute', 'event', 'policy', 'shared_staff'],
  employer: ['new_application', 'post_review', 'hire_confirm', 'gig', 'dispute', 'event', 'policy', 'shared_staff'],
  liaison: ['resident_update', 'hire_confirm', 'gig', 'event', 'policy'],
  admin: [],
};

/**
 * WeChat subscribe-message templates, by kind (WECHAT_TEMPLATES maps each kind to the template id
 * registered for the mini-program). Several notification types share a template.
 */
export const TEMPLATE_KINDS = ['application_update', 'interview', 'hire_confirm', 'post_review', 'job_digest'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_OF_TYPE: Record<NotificationType, TemplateKind> = {
  application_update: 'application_update',
  interview: 'interview',
  hire_confirm: 'hire_confirm',
  new_application: 'application_update',
  post_review: 'post_review',
  resident_update: 'application_update',
  job_digest: 'job_digest',
  saved_search: 'job_digest',
  gig: 'application_update',
  dispute: 'application_update',
  event: 'application_update',
  policy: 'application_update',
  shared_staff: 'application_update',
};

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  application_update: '求职进展通知',
  interview: '面试邀请通知',
  hire_confirm: '入职确认提醒',
  post_review: '岗位审核结果通知',
  job_digest: '岗位推荐通知',
};

/** Outgoing channels besides the inbox. */
export const DELIVERY_CHANNELS = ['wechat', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * pending: written, waiting for (or between) tries · sending: a worker has it · sent · skipped: not
 * sendable (no subscription left, user refused, muted) · failed: every try failed (dead letter; an
 * admin may retry it).
 */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已送达',
  skipped: '未发送',
  failed: '发送失败',
};

/** The daily digest is never sent between these hours (Asia/Shanghai): 21:00–08:00. */
export const QUIET_HOURS = { from: 21, to: 8 } as const;
