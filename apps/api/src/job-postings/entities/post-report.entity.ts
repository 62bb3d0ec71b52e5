import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReportReason, ReportStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** A seeker's 举报 of a post, waiting for an admin. */
@Entity({ name: 'post_reports' })
@Index('idx_post_reports_post_status', ['postId', 'status'])
@Index('idx_post_reports_status_created', ['status', 'createdAt'])
export class PostReport {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId!: string;

  @Column({ name: 'reporter_id', type: 'varchar', length: 36 })
  reporterId!: string;

  @Column({ type: 'varchar', length: 16 })
  reason!: ReportReason;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ReportStatus;

  @Column({ name: 'resolution_note', type: 'varchar', length: 200, nullable: true })
  resolutionNote!: string | null;

  @Column({ name: 'resolved_by', type: 'varchar', length: 36, nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolved_at', ...DATETIME, nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}
