import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { GigPayMethod, GigSignupStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN, decimalToNumber } from '../../database/column-types';

/** A person's place (or place in the queue) on one working day of a gig, and what happened that day. */
@Entity({ name: 'gig_signups' })
@Index('uq_gig_signups_person_day', ['postId', 'workDate', 'residentId'], { unique: true })
@Index('idx_gig_signups_day', ['postId', 'workDate', 'status', 'seq'])
@Index('idx_gig_signups_resident', ['residentId', 'workDate'])
@Index('idx_gig_signups_employer', ['employerId', 'workDate'])
export class GigSignup {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId!: string;

  /** The post's employer, kept here so the employer's and the stats' queries need no join. */
  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;

  @Column({ name: 'work_date', type: 'varchar', length: 10 })
  workDate!: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: GigSignupStatus;

  /** Order of signing up on that day (the waiting list moves up in this order). */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 8 })
  source!: 'self' | 'liaison';

  @Column({ name: 'signed_up_by', type: 'varchar', length: 36 })
  signedUpBy!: string;

  @Column({ name: 'cancelled_at', ...DATETIME, nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'check_in_at', ...DATETIME, nullable: true })
  checkInAt!: Date | null;

  @Column({ name: 'check_in_lat', type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  checkInLat!: number | null;

  @Column({ name: 'check_in_lng', type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  checkInLng!: number | null;

  /** More than 1 km from the site: flagged for a look, never refused. */
  @Column({ name: 'check_in_far', type: 'boolean', default: false })
  checkInFar!: boolean;

  /** A liaison vouched for the person on site (their user id), instead of the 现场码. */
  @Column({ name: 'check_in_vouched_by', type: 'varchar', length: 36, nullable: true })
  checkInVouchedBy!: string | null;

  @Column({ name: 'check_in_note', type: 'varchar', length: 200, nullable: true })
  checkInNote!: string | null;

  @Column({ name: 'check_out_at', ...DATETIME, nullable: true })
  checkOutAt!: Date | null;

  @Column({ name: 'check_out_by', type: 'varchar', length: 36, nullable: true })
  checkOutBy!: string | null;

  @Column({ name: 'pay_amount', type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: decimalToNumber })
  payAmount!: number | null;

  @Column({ name: 'pay_method', type: 'varchar', length: 8, nullable: true })
  payMethod!: GigPayMethod | null;

  @Column({ name: 'paid_at', ...DATETIME, nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'pay_recorded_at', ...DATETIME, nullable: true })
  payRecordedAt!: Date | null;

  @Column({ name: 'pay_confirmed_at', ...DATETIME, nullable: true })
  payConfirmedAt!: Date | null;

  @Column({ name: 'dispute_id', type: 'varchar', length: 36, nullable: true })
  disputeId!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
