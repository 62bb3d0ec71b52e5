import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A year's target of new employment for the district (370406) or one 镇街. */
@Entity({ name: 'employment_targets' })
export class EmploymentTarget {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'integer' })
  target!: number;
}
