import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DeletionRequestSource, DeletionRequestStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * 个人信息删除申请: a person asks for their data to be erased; a liaison or admin of their area carries it
 * out or declines it with a reason. Erasures done at the village window are kept here too (source in_person).
 */
@Entity({ name: 'deletion_requests' })
@Index('uq_deletion_requests_open', ['openKey'], { unique: true })
@Index('idx_deletion_requests_status_created', ['status', 'createdAt'])
@Index('idx_deletion_requests_user', ['userId', 'createdAt'])
@Index('idx_deletion_requests_resident', ['residentId'])
export class DeletionRequest {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  /** The account that asked (null: a resident without an account, erased at the village window). */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  /** The 求职信息 to erase; null for an account without one. Scope follows this record's 村居. */
  @Column({ name: 'resident_id', type: 'varchar', length: 36, nullable: true })
  residentId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  source!: DeletionRequestSource;

  @Column({ type: 'varchar', length: 12 })
  status!: DeletionRequestStatus;

  /** The account id while pending, null after: at most one pending request per person (unique). */
  @Column({ name: 'open_key', type: 'varchar', length: 36, nullable: true })
  openKey!: string | null;

  /** The person's own words; cleared when the erasure is carried out. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 36, nullable: true })
  requestedBy!: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true })
  decidedBy!: string | null;

  /** The staff's note on completion, or why it was declined. */
  @Column({ name: 'decision_note', type: 'varchar', length: 200, nullable: true })
  decisionNote!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'decided_at', ...DATETIME, nullable: true })
  decidedAt!: Date | null;
}
