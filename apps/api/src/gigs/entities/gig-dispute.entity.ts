import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DisputeItem, DisputeReason, DisputeStatus } from '@zaogong/shared';
import { ID_COLUMN } from '../../database/column-types';

/** 权益维护: a worker's case about one day's pay, with the evidence as it stood when it was opened. */
@Entity({ name: 'gig_disputes' })
@Index('uq_gig_disputes_signup', ['signupId'], { unique: true })
@Index('idx_gig_disputes_town_status', ['townCode', 'status', 'createdAt'])
@Index('idx_gig_disputes_employer', ['employerId', 'status', 'createdAt'])
export class GigDispute {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'signup_id', type: 'varchar', length: 36 })
  signupId!: string;

  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId!: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  /** Where the work was (the post's 镇街): whose officer sees the case. */
  @Column({ name: 'town_code', type: 'varchar', length: 12 })
  townCode!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DisputeStatus;

  @Column({ type: 'varchar', length: 16 })
  reason!: DisputeReason;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'simple-json' })
  evidence!: DisputeItem['evidence'];

  @Column({ name: 'opened_by', type: 'varchar', length: 36 })
  openedBy!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
