import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EventEmployerStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** An employer's request to take part in an event; approved with a booth (展位号) or turned down with a reason. */
@Entity({ name: 'event_employers' })
@Index('uq_event_employers', ['eventId', 'employerId'], { unique: true })
@Index('idx_event_employers_employer', ['employerId'])
export class EventEmployer {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: EventEmployerStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  booth!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 36 })
  requestedBy!: string;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 36, nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', ...DATETIME, nullable: true })
  reviewedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
