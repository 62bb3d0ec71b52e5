import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/column-types';

/** A short code a member gives a colleague so they can join the same employer. */
@Entity({ name: 'employer_join_codes' })
@Index('idx_employer_join_codes_employer', ['employerId'])
export class EmployerJoinCode {
  @PrimaryColumn({ type: 'varchar', length: 8 })
  code!: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt!: Date;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}
