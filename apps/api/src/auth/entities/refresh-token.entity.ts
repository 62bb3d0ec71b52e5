import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * A refresh token, kept as its SHA-256 only. Each one works once: using it marks it used and issues the
 * next; presenting a used one again means it was copied, and the whole session ends.
 */
@Entity({ name: 'auth_refresh_tokens' })
@Index('idx_auth_refresh_tokens_session', ['sessionId'])
export class RefreshToken {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'session_id', ...ID_COLUMN })
  sessionId!: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt!: Date;

  @Column({ name: 'used_at', ...DATETIME, nullable: true })
  usedAt!: Date | null;
}
