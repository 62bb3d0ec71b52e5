import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * One login of one account on one device: access tokens name it (`sid`), refresh tokens belong to it.
 * Ended by logout, by a reused refresh token, by 30 minutes without a request (staff), or by disabling
 * the account.
 */
@Entity({ name: 'auth_sessions' })
@Index('idx_auth_sessions_user', ['userId'])
export class AuthSession {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  /** wechat | sms | qr: how the session began. */
  @Column({ type: 'varchar', length: 16 })
  method!: string;

  /** When this session gave the second factor (admins); null until then. */
  @Column({ name: 'mfa_at', ...DATETIME, nullable: true })
  mfaAt!: Date | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  /** The last request seen (written at most once a minute). */
  @Column({ name: 'last_seen_at', ...DATETIME })
  lastSeenAt!: Date;

  @Column({ name: 'ended_at', ...DATETIME, nullable: true })
  endedAt!: Date | null;

  /** logout | refresh_reuse | idle | disabled | role_change | erased */
  @Column({ name: 'ended_reason', type: 'varchar', length: 16, nullable: true })
  endedReason!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
