import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DisputeStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** One step of a 权益维护 case: opened, a call made, mediated, resolved, referred to 劳动监察. */
@Entity({ name: 'gig_dispute_steps' })
@Index('idx_gig_dispute_steps_dispute', ['disputeId', 'at'])
export class GigDisputeStep {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'dispute_id', type: 'varchar', length: 36 })
  disputeId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DisputeStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'by_user', type: 'varchar', length: 36, nullable: true })
  byUser!: string | null;

  @Column({ ...DATETIME })
  at!: Date;
}
