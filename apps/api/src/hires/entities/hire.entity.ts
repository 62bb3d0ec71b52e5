import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { HireKind, HireSource, WageUnit } from '@zaogong/shared';
import { DATETIME, ID_COLUMN, decimalToNumber } from '../../database/column-types';

/** 就业登记: a person started work with an employer. Counts only once verified. */
@Entity({ name: 'hires' })
@Index('idx_hires_resident', ['residentId', 'startDate'])
@Index('idx_hires_year_verified', ['startYear', 'verified', 'residentId'])
@Index('idx_hires_employer', ['employerId', 'createdAt'])
export class Hire {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  /** A job with an employer, or 灵活就业 (no employer; counts only once an admin verifies it). */
  @Column({ type: 'varchar', length: 16, default: 'job' })
  kind!: HireKind;

  /** Null for 灵活就业. */
  @Column({ name: 'employer_id', type: 'varchar', length: 36, nullable: true })
  employerId!: string | null;

  /** 灵活就业: what shows it, e.g. "近90天零工出勤42天". */
  @Column({ type: 'varchar', length: 200, nullable: true })
  evidence!: string | null;

  @Column({ name: 'post_id', type: 'varchar', length: 36, nullable: true })
  postId!: string | null;

  @Column({ name: 'application_id', type: 'varchar', length: 36, nullable: true })
  applicationId!: string | null;

  /** YYYY-MM-DD, the first working day. */
  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ name: 'start_year', type: 'integer' })
  startYear!: number;

  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: decimalToNumber })
  wage!: number | null;

  @Column({ name: 'wage_unit', type: 'varchar', length: 8, nullable: true })
  wageUnit!: WageUnit | null;

  @Column({ type: 'varchar', length: 16 })
  source!: HireSource;

  @Column({ name: 'employer_confirmed_at', ...DATETIME, nullable: true })
  employerConfirmedAt!: Date | null;

  @Column({ name: 'employer_confirmed_by', type: 'varchar', length: 36, nullable: true })
  employerConfirmedBy!: string | null;

  /** Confirmed by the person themself or by their liaison. */
  @Column({ name: 'person_confirmed_at', ...DATETIME, nullable: true })
  personConfirmedAt!: Date | null;

  @Column({ name: 'person_confirmed_by', type: 'varchar', length: 36, nullable: true })
  personConfirmedBy!: string | null;

  @Column({ name: 'admin_verified_by', type: 'varchar', length: 36, nullable: true })
  adminVerifiedBy!: string | null;

  @Column({ name: 'admin_verified_reason', type: 'varchar', length: 200, nullable: true })
  adminVerifiedReason!: string | null;

  @Column({ type: 'boolean', default: false })
  verified!: boolean;

  @Column({ name: 'verified_at', ...DATETIME, nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
