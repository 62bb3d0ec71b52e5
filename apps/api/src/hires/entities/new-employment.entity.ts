import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { KeyGroup } from '@zaogong/shared';

/**
 * 城镇新增就业 as counted: one row per person and year, for the earliest verified hire of that person
 * starting in that year. The statistics read only this table (docs/business-logic/employment-count.md).
 */
@Entity({ name: 'new_employment' })
@Index('idx_new_employment_year_town', ['year', 'townCode', 'villageCode', 'month'])
@Index('idx_new_employment_year_month', ['year', 'month'])
@Index('idx_new_employment_year_village', ['year', 'villageCode'])
export class NewEmployment {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @PrimaryColumn({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  @Column({ name: 'hire_id', type: 'varchar', length: 36 })
  hireId!: string;

  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate!: string;

  @Column({ type: 'integer' })
  month!: number;

  /** The person's 镇街 when the hire was verified. */
  @Column({ name: 'town_code', type: 'varchar', length: 12 })
  townCode!: string;

  @Column({ name: 'village_code', type: 'varchar', length: 12 })
  villageCode!: string;

  @Column({ name: 'key_groups', type: 'simple-json' })
  keyGroups!: KeyGroup[];
}
