import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OutreachStatus } from '@zaogong/shared';
import { DATETIME } from '../../database/column-types';

/**
 * A person (or firm) found eligible for a policy: written the first time, so they and their liaison are told
 * once per policy; kept when they stop qualifying (eligible false), with what the liaison has done about it.
 */
@Entity({ name: 'policy_matches' })
@Index('idx_policy_matches_town', ['policyId', 'townCode', 'villageCode'])
@Index('idx_policy_matches_subject', ['subjectId'])
export class PolicyMatch {
  @PrimaryColumn({ name: 'policy_id', type: 'varchar', length: 36 })
  policyId!: string;

  /** A resident's id (person policies) or an employer's. */
  @PrimaryColumn({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId!: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 16 })
  subjectKind!: 'person' | 'employer';

  @Column({ name: 'town_code', type: 'varchar', length: 12 })
  townCode!: string;

  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode!: string | null;

  /** Qualifies as of the last check. */
  @Column({ type: 'boolean', default: true })
  eligible!: boolean;

  @Column({ type: 'simple-json' })
  reasons!: string[];

  @Column({ name: 'first_eligible_at', ...DATETIME })
  firstEligibleAt!: Date;

  @Column({ name: 'checked_at', ...DATETIME })
  checkedAt!: Date;

  @Column({ name: 'notified_at', ...DATETIME, nullable: true })
  notifiedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'not_contacted' })
  outreach!: OutreachStatus;

  @Column({ name: 'outreach_note', type: 'varchar', length: 200, nullable: true })
  outreachNote!: string | null;

  @Column({ name: 'outreach_by', type: 'varchar', length: 36, nullable: true })
  outreachBy!: string | null;

  @Column({ name: 'outreach_at', ...DATETIME, nullable: true })
  outreachAt!: Date | null;
}
