import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

@Entity({ name: 'users' })
@Index('uq_users_wechat_openid', ['wechatOpenid'], { unique: true })
@Index('uq_users_dev_key', ['devKey'], { unique: true })
@Index('uq_users_phone_index', ['phoneIndex'], { unique: true })
@Index('idx_users_role_region', ['role', 'regionCode'])
export class User {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** A liaison's 村居 or 镇街; a 镇街 officer's 镇街. */
  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'employer_id', type: 'varchar', length: 36, nullable: true })
  employerId!: string | null;

  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid!: string | null;

  @Column({ name: 'wechat_unionid', type: 'varchar', length: 64, nullable: true })
  wechatUnionid!: string | null;

  /** Identity of a development login: role, name, region and employer. */
  @Column({ name: 'dev_key', type: 'varchar', length: 191, nullable: true })
  devKey!: string | null;

  /** The account's mobile number, encrypted (AES-GCM), and its keyed blind index for SMS login. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 120, nullable: true })
  phoneCipher!: string | null;

  @Column({ name: 'phone_index', type: 'varchar', length: 64, nullable: true })
  phoneIndex!: string | null;

  /**
   * Bumped on every change of role, region, employer or enabled state: a token carrying an older
   * version makes every API process re-read the account at once (see account-state.cache.ts).
   */
  @Column({ name: 'auth_version', type: 'integer', default: 1 })
  authVersion!: number;

  @Column({ name: 'disabled_at', ...DATETIME, nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 200, nullable: true })
  disabledReason!: string | null;

  @Column({ name: 'last_login_at', ...DATETIME, nullable: true })
  lastLoginAt!: Date | null;

  /** Two-factor (TOTP) secret, encrypted; set up once confirmed (mfaEnabledAt). */
  @Column({ name: 'mfa_secret_cipher', type: 'varchar', length: 200, nullable: true })
  mfaSecretCipher!: string | null;

  @Column({ name: 'mfa_enabled_at', ...DATETIME, nullable: true })
  mfaEnabledAt!: Date | null;

  /** The last accepted TOTP time step: a code is never accepted twice. */
  @Column({ name: 'mfa_last_step', type: 'integer', nullable: true })
  mfaLastStep!: number | null;

  @Column({ name: 'mfa_failures', type: 'integer', default: 0 })
  mfaFailures!: number;

  @Column({ name: 'mfa_locked_until', ...DATETIME, nullable: true })
  mfaLockedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
