import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ApplicationSource, ApplicationStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** One person's application to one post (投递), whoever made it. */
@Entity({ name: 'applications' })
@Index('uq_applications_post_resident', ['postId', 'residentId'], { unique: true })
@Index('idx_applications_employer_updated', ['employerId', 'updatedAt'])
@Index('idx_applications_post_updated', ['postId', 'updatedAt', 'id'])
@Index('idx_applications_resident_updated', ['residentId', 'updatedAt'])
@Index('idx_applications_event', ['eventId'])
export class Application {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId!: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  /** The post's employer, kept here so an employer's list needs no join. */
  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ApplicationStatus;

  @Column({ type: 'varchar', length: 16 })
  source!: ApplicationSource;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  /** The 招聘活动 it was made at (at a booth, one tap): the event is credited with it and its hire. */
  @Column({ name: 'event_id', type: 'varchar', length: 36, nullable: true })
  eventId!: string | null;

  @Column({ name: 'interview_at', ...DATETIME, nullable: true })
  interviewAt!: Date | null;

  @Column({ name: 'interview_place', type: 'varchar', length: 120, nullable: true })
  interviewPlace!: string | null;

  @Column({ name: 'hire_id', type: 'varchar', length: 36, nullable: true })
  hireId!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
