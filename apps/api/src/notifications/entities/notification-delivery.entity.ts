import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeliveryChannel, DeliveryStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * The outbox: one row per notification and channel (WeChat, SMS). The database, not the queue, knows
 * whether it went out: a worker claims a pending row before sending, so a job that runs twice sends
 * once; rows never queued (Redis was down) are found and queued by the sweeper.
 */
@Entity({ name: 'notification_deliveries' })
@Index('uq_deliveries_key', ['idempotencyKey'], { unique: true })
@Index('idx_deliveries_status_queued', ['status', 'queuedAt'])
@Index('idx_deliveries_status_updated', ['status', 'updatedAt'])
@Index('idx_deliveries_notification', ['notificationId'])
export class NotificationDelivery {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'notification_id', type: 'varchar', length: 36 })
  notificationId!: string;

  @Column({ type: 'varchar', length: 8 })
  channel!: DeliveryChannel;

  @Column({ type: 'varchar', length: 8 })
  status!: DeliveryStatus;

  /** The event's key and the channel: at most one message per event and channel. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 191 })
  idempotencyKey!: string;

  @Column({ name: 'template_id', type: 'varchar', length: 64, nullable: true })
  templateId!: string | null;

  /** Tries made so far. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Bumped by an admin's retry, so the queue takes the row again under a new job id. */
  @Column({ type: 'integer', default: 0 })
  generation!: number;

  /** One of the user's WeChat subscriptions is used by this message (given back if it never goes out). */
  @Column({ name: 'quota_taken', type: 'boolean', default: false })
  quotaTaken!: boolean;

  /** Not before this time (the digest waits out the night). */
  @Column({ name: 'not_before', ...DATETIME, nullable: true })
  notBefore!: Date | null;

  /** When it was last handed to the queue; null: never (the sweeper's work). */
  @Column({ name: 'queued_at', ...DATETIME, nullable: true })
  queuedAt!: Date | null;

  @Column({ name: 'sent_at', ...DATETIME, nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}
