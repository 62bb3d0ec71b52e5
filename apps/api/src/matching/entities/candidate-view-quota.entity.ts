import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many candidates an employer has viewed on one China calendar day. */
@Entity({ name: 'candidate_view_quotas' })
export class CandidateViewQuota {
  @PrimaryColumn({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;

  /** YYYY-MM-DD, China time. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'integer' })
  views!: number;
}
