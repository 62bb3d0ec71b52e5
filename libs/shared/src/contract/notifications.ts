import type { DeliveryChannel, DeliveryStatus, NotificationType, TemplateKind } from '../enums/notification';

/** GET /notifications: the caller's inbox, newest first. */
export interface NotificationItem {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  /** The mini-app page to open (with its query), or null. */
  page: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationQuery {
  cursor?: string;
  limit?: number;
  /** Only unread ones. */
  unread?: boolean;
}

/** GET /notifications/unread-count */
export interface UnreadCount {
  count: number;
}

/** GET /me/subscriptions/templates: what the mini-app asks the user to accept (wx.requestSubscribeMessage). */
export interface SubscriptionTemplate {
  kind: TemplateKind;
  templateId: string;
  /** What the user is asked to accept, in Chinese. */
  title: string;
}

/** POST /me/subscriptions */
export interface SubscriptionAcceptance {
  /** The template ids the user accepted; each acceptance allows one message of that template. */
  templateIds: string[];
}

export interface SubscriptionBalance {
  kind: TemplateKind;
  templateId: string;
  /** Messages of this template that may still be sent to the user. */
  remaining: number;
}

/** GET|PUT /me/notification-settings */
export interface NotificationSettings {
  /** No WeChat message or SMS for these types (the inbox keeps them; a muted digest is not made at all). */
  mutedTypes: NotificationType[];
  /** Also send a text message (SMS) to the phone on the user's 求职信息. */
  sms: boolean;
  /** Whether an SMS provider is configured on this server. */
  smsAvailable: boolean;
  subscriptions: SubscriptionBalance[];
}

export interface NotificationSettingsInput {
  mutedTypes: NotificationType[];
  sms: boolean;
}

/** Admin: one outgoing message (GET /admin/notifications/deliveries). Nothing personal in it. */
export interface DeliveryItem {
  id: string;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  type: NotificationType;
  title: string;
  /** Masked name of who it is for. */
  recipient: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface DeliveryQuery {
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
  cursor?: string;
  limit?: number;
}

/** GET /admin/notifications/summary */
export interface DeliverySummary {
  byStatus: Record<DeliveryStatus, number>;
  /** The queue's own counts (null when it cannot be reached). */
  queue: { waiting: number; active: number; delayed: number; failed: number } | null;
  queueKind: 'redis' | 'memory';
  /** bull-board, for admins, when the queue is on Redis (open with ?token=<JWT>). */
  boardPath: string | null;
}
