import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { IndustryCode, VerificationState } from '@zaogong/shared';
import { DATETIME, ID_COLUMN, decimalToNumber } from '../../database/column-types';

/** A firm, or a household (农户) a liaison posts day work for. */
export type EmployerKind = 'firm' | 'household';

@Entity({ name: 'employers' })
@Index('uq_employers_credit_code', ['creditCode'], { unique: true })
@Index('idx_employers_town', ['townCode'])
@Index('idx_employers_village', ['villageCode'])
export class Employer {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  /**
   * 'firm' (an enterprise, with its 统一社会信用代码 and member accounts) or 'household' (a 农户 with neither,
   * registered by the liaison of its 村, who posts its day work and runs its gig days: docs/business-logic/gigs.md).
   */
  @Column({ type: 'varchar', length: 16, default: 'firm' })
  kind!: EmployerKind;

  /** 统一社会信用代码 (GB 32100); public business data. Every firm has one; a household none (NULL). */
  @Column({ name: 'credit_code', type: 'varchar', length: 18, nullable: true })
  creditCode!: string | null;

  /** A household's 村居 (its liaison's); null for a firm. */
  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode!: string | null;

  /** GB/T 4754-2017 门类 letter. */
  @Column({ name: 'industry_code', type: 'varchar', length: 1 })
  industryCode!: IndustryCode;

  @Column({ name: 'town_code', type: 'varchar', length: 12 })
  townCode!: string;

  @Column({ type: 'varchar', length: 255 })
  address!: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 64 })
  contactName!: string;

  /** Encrypted with DATA_KEY (AES-256-GCM). */
  @Column({ name: 'contact_phone_cipher', type: 'text' })
  contactPhoneCipher!: string;

  @Column({ type: 'varchar', length: 16 })
  verification!: VerificationState;

  /** Why an admin refused verification; the employer sees it. */
  @Column({ name: 'verification_reason', type: 'varchar', length: 200, nullable: true })
  verificationReason!: string | null;

  /** The user who registered it. */
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'verified_at', ...DATETIME, nullable: true })
  verifiedAt!: Date | null;

  /**
   * When an admin revoked its verification (撤销认证; the reason is in verification_reason), until the next
   * decision on it (verified again, or refused).
   */
  @Column({ name: 'revoked_at', ...DATETIME, nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lat!: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lng!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
