import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/column-types';

/**
 * Three no-shows in 30 days pause a worker's sign-ups for 7 days. The worker may ask their liaison, who
 * can lift it with a note.
 */
@Entity({ name: 'gig_pauses' })
export class GigPause {
  @PrimaryColumn({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  @Column({ name: 'paused_until', ...DATETIME })
  pausedUntil!: Date;

  @Column({ name: 'started_at', ...DATETIME })
  startedAt!: Date;

  @Column({ name: 'lifted_at', ...DATETIME, nullable: true })
  liftedAt!: Date | null;

  @Column({ name: 'lifted_by', type: 'varchar', length: 36, nullable: true })
  liftedBy!: string | null;

  @Column({ name: 'lift_note', type: 'varchar', length: 200, nullable: true })
  liftNote!: string | null;
}
