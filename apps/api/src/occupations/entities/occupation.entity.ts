import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type OccupationLevel = 'major' | 'group' | 'leaf';

/** The occupation taxonomy: 职业分类大典 (2022) major groups → local groups → leaves with synonyms. */
@Entity({ name: 'occupations' })
@Index('idx_occupations_parent', ['parentCode'])
export class Occupation {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 8 })
  level!: OccupationLevel;

  @Column({ name: 'parent_code', type: 'varchar', length: 16, nullable: true })
  parentCode!: string | null;

  @Column({ name: 'major_group', type: 'varchar', length: 2 })
  majorGroup!: string;

  @Column({ type: 'simple-json' })
  synonyms!: string[];

  /** Name and synonyms joined with '|', for LIKE search that works the same on MySQL and SQLite. */
  @Column({ type: 'varchar', length: 500 })
  keywords!: string;
}
