import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DATETIME } from '../../database/column-types';

/**
 * A printed poster of a post or an event, one per 村居 board (and per printer when no 村居): its short id is
 * the `scene` of the mini-program code, so each scan is counted to the board it hangs on.
 */
@Entity({ name: 'posters' })
@Index('idx_posters_target', ['kind', 'targetId', 'villageCode'])
export class Poster {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: 'post' | 'event';

  @Column({ name: 'target_id', type: 'varchar', length: 36 })
  targetId!: string;

  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Column({ type: 'integer', default: 0 })
  scans!: number;

  @Column({ name: 'last_scan_at', ...DATETIME, nullable: true })
  lastScanAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
