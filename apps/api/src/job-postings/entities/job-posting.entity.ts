import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Benefit, ComplianceFinding, PostStatus, PostType, WageUnit } from '@zaogong/shared';
import { DATETIME, ID_COLUMN, decimalToNumber } from '../../database/column-types';
import { Employer } from '../../employers/entities/employer.entity';

@Entity({ name: 'job_postings' })
@Index('idx_job_postings_status_published', ['status', 'publishedAt'])
@Index('idx_job_postings_status_expires', ['status', 'expiresAt'])
@Index('idx_job_postings_employer', ['employerId'])
@Index('idx_job_postings_town', ['townCode'])
@Index('idx_job_postings_occupation', ['occupationCode'])
@Index('idx_job_postings_status_refreshed', ['status', 'refreshedAt', 'id'])
@Index('idx_job_postings_employer_status', ['employerId', 'status', 'updatedAt'])
@Index('idx_job_postings_status_submitted', ['status', 'submittedAt'])
@Index('idx_job_postings_point', ['type', 'status', 'geoLat', 'geoLng'])
export class JobPosting {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;

  @ManyToOne(() => Employer, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ name: 'occupation_code', type: 'varchar', length: 16 })
  occupationCode!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'simple-json' })
  skills!: string[];

  @Column({ name: 'wage_min', type: 'decimal', precision: 10, scale: 2, transformer: decimalToNumber })
  wageMin!: number;

  @Column({ name: 'wage_max', type: 'decimal', precision: 10, scale: 2, transformer: decimalToNumber })
  wageMax!: number;

  @Column({ name: 'wage_unit', type: 'varchar', length: 8 })
  wageUnit!: WageUnit;

  /** wageMin in 元/月 equivalent, for filtering and sorting across units; null for piece rates. */
  @Column({ name: 'monthly_wage_min', type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: decimalToNumber })
  monthlyWageMin!: number | null;

  @Column({ type: 'varchar', length: 16 })
  type!: PostType;

  @Column({ type: 'integer' })
  headcount!: number;

  @Column({ name: 'town_code', type: 'varchar', length: 12 })
  townCode!: string;

  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  address!: string | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lat!: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lng!: number | null;

  @Column({ type: 'simple-json' })
  benefits!: Benefit[];

  @Column({ name: 'start_date', type: 'varchar', length: 10, nullable: true })
  startDate!: string | null;

  @Column({ name: 'end_date', type: 'varchar', length: 10, nullable: true })
  endDate!: string | null;

  /**
   * The point "nearest first" uses: lat/lng, else the 村居's or 镇街's imported centre (post-points.ts keeps
   * it; never written from a request).
   */
  @Column({ name: 'geo_lat', type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber, select: false, insert: false, update: false })
  geoLat!: number | null;

  @Column({ name: 'geo_lng', type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber, select: false, insert: false, update: false })
  geoLng!: number | null;

  /** HH:mm (China time) work starts each day, e.g. "07:30"; a 零工 day's sign-ups close then (08:00 when not given). */
  @Column({ name: 'work_start_time', type: 'varchar', length: 5, nullable: true })
  workStartTime!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: PostStatus;

  @Column({ name: 'compliance_flags', type: 'simple-json' })
  complianceFlags!: ComplianceFinding[];

  /** Why a reviewer rejected it, or closed it on reports; the employer sees it. */
  @Column({ name: 'review_note', type: 'varchar', length: 200, nullable: true })
  reviewNote!: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 36, nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', ...DATETIME, nullable: true })
  reviewedAt!: Date | null;

  /** When it last entered the review queue (the queue is oldest first). */
  @Column({ name: 'submitted_at', ...DATETIME, nullable: true })
  submittedAt!: Date | null;

  /** Reports not yet reviewed; at REPORTS_TO_HIDE the post leaves the public list. */
  @Column({ name: 'open_reports', type: 'integer', default: 0 })
  openReports!: number;

  @Column({ name: 'published_at', ...DATETIME, nullable: true })
  publishedAt!: Date | null;

  /** Publication or the last 一键刷新; the public list is newest first by it. */
  @Column({ name: 'refreshed_at', ...DATETIME, nullable: true })
  refreshedAt!: Date | null;

  @Column({ name: 'expires_at', ...DATETIME, nullable: true })
  expiresAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
