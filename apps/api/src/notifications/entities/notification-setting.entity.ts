import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NotificationType } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** A user's choices: muted types, and whether they also want text messages. */
@Entity({ name: 'notification_settings' })
export class NotificationSetting {
  @PrimaryColumn({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  @Column({ name: 'muted_types', type: 'simple-json' })
  mutedTypes!: NotificationType[];

  @Column({ type: 'boolean', default: false })
  sms!: boolean;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}
