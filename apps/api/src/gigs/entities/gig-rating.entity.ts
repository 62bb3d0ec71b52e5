import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { ID_COLUMN } from '../../database/column-types';

/** After a day: one side rates the other, once (stars and a few tags). */
@Entity({ name: 'gig_ratings' })
@Index('uq_gig_ratings_signup_side', ['signupId', 'side'], { unique: true })
export class GigRating {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'signup_id', type: 'varchar', length: 36 })
  signupId!: string;

  /** Who rated: the employer (of the worker), or the worker (of the employer). */
  @Column({ type: 'varchar', length: 8 })
  side!: 'employer' | 'worker';

  @Column({ type: 'integer' })
  stars!: number;

  @Column({ type: 'simple-json' })
  tags!: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @Column({ name: 'by_user', type: 'varchar', length: 36 })
  byUser!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
