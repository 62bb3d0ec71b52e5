import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** WeChat's one-time subscriptions: each acceptance of a template allows one message of it. */
@Entity({ name: 'wechat_subscriptions' })
export class WechatSubscription {
  @PrimaryColumn({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  @PrimaryColumn({ name: 'template_id', type: 'varchar', length: 64 })
  templateId!: string;

  @Column({ type: 'integer', default: 0 })
  remaining!: number;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}
