import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SharedAgreementStatus, SharedConsentMethod } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** An agreement between a lending and a borrowing firm: active once both signed and every lent worker consented. */
@Entity({ name: 'shared_staff_agreements' })
@Index('idx_shared_agreements_lender', ['lenderId'])
@Index('idx_shared_agreements_borrower', ['borrowerId'])
@Index('idx_shared_agreements_status', ['status', 'from'])
export class SharedAgreement {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'offer_id', type: 'varchar', length: 36, nullable: true })
  offerId!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 36, nullable: true })
  requestId!: string | null;

  @Column({ name: 'lender_id', type: 'varchar', length: 36 })
  lenderId!: string;

  @Column({ name: 'borrower_id', type: 'varchar', length: 36 })
  borrowerId!: string;

  @Column({ name: 'from_date', type: 'varchar', length: 10 })
  from!: string;

  @Column({ name: 'to_date', type: 'varchar', length: 10 })
  to!: string;

  @Column({ type: 'text' })
  work!: string;

  @Column({ type: 'text' })
  pay!: string;

  @Column({ name: 'injury_cover', type: 'varchar', length: 16 })
  injuryCover!: 'lender';

  /** The trade (from the offer or request), for the district's figures. */
  @Column({ name: 'occupation_code', type: 'varchar', length: 16, nullable: true })
  occupationCode!: string | null;

  /** Where the work is (the borrower's 镇街). */
  @Column({ name: 'town_code', type: 'varchar', length: 12 })
  townCode!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SharedAgreementStatus;

  @Column({ name: 'lender_signed_at', ...DATETIME, nullable: true })
  lenderSignedAt!: Date | null;

  @Column({ name: 'lender_signed_by', type: 'varchar', length: 36, nullable: true })
  lenderSignedBy!: string | null;

  @Column({ name: 'borrower_signed_at', ...DATETIME, nullable: true })
  borrowerSignedAt!: Date | null;

  @Column({ name: 'borrower_signed_by', type: 'varchar', length: 36, nullable: true })
  borrowerSignedBy!: string | null;

  @Column({ name: 'activated_at', ...DATETIME, nullable: true })
  activatedAt!: Date | null;

  @Column({ name: 'ended_at', ...DATETIME, nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 200, nullable: true })
  endReason!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** A lent worker on an agreement, and their consent (in the app, or a signature or words their liaison recorded). */
@Entity({ name: 'shared_staff_workers' })
@Index('idx_shared_workers_resident', ['residentId'])
export class SharedWorker {
  @PrimaryColumn({ name: 'agreement_id', type: 'varchar', length: 36 })
  agreementId!: string;

  @PrimaryColumn({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  @Column({ name: 'added_by', type: 'varchar', length: 36 })
  addedBy!: string;

  @Column({ name: 'consent_at', ...DATETIME, nullable: true })
  consentAt!: Date | null;

  @Column({ name: 'consent_method', type: 'varchar', length: 16, nullable: true })
  consentMethod!: SharedConsentMethod | null;

  @Column({ name: 'consent_by', type: 'varchar', length: 36, nullable: true })
  consentBy!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}
