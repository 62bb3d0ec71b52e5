import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ResidentStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** Every status a resident has had: who changed it, when, and why. */
@Entity({ name: 'resident_status_changes' })
@Index('idx_resident_status_changes_resident', ['residentId', 'changedAt'])
export class ResidentStatusChange {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ResidentStatus;

  @Column({ name: 'previous_status', type: 'varchar', length: 16, nullable: true })
  previousStatus!: ResidentStatus | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ name: 'changed_by', type: 'varchar', length: 36, nullable: true })
  changedBy!: string | null;

  @Column({ name: 'changed_at', ...DATETIME })
  changedAt!: Date;
}
