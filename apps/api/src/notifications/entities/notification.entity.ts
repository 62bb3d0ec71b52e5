import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationType } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * One message to one person: a row of their inbox (user_id), written in the same transaction as the
 * change it tells about. A resident without an account of their own gets rows with user_id null,
 * which no inbox shows and only an SMS carries.
 */
@Entity({ name: 'notifications' })
@Index('idx_notifications_user_created', ['userId', 'createdAt'])
@Index('uq_notifications_event', ['eventKey'], { unique: true })
export class Notification {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  @Column({ name: 'resident_id', type: 'varchar', length: 36, nullable: true })
  residentId!: string | null;

  @Column({ type: 'varchar', length: 24 })
  type!: NotificationType;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'varchar', length: 300 })
  body!: string;

  /** The mini-app page to open, with its query. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  page!: string | null;

  /** What happened and to whom: at most one notification per event and person. */
  @Column({ name: 'event_key', type: 'varchar', length: 191 })
  eventKey!: string;

  /** The WeChat template's fields (JSON), already cut to WeChat's lengths. */
  @Column({ name: 'wechat_data', type: 'text', nullable: true })
  wechatData!: string | null;

  @Column({ name: 'sms_text', type: 'varchar', length: 200, nullable: true })
  smsText!: string | null;

  @Column({ name: 'read_at', ...DATETIME, nullable: true })
  readAt!: Date | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}
