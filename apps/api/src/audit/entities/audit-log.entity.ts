import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * Who did what to which record, from where. `detail` never holds personal data. Each row is a link of
 * a hash chain (see ../audit-chain.ts): `seq` without holes, the previous row's hash, its own hash.
 */
@Entity({ name: 'audit_logs' })
@Index('uq_audit_logs_seq', ['seq'], { unique: true })
@Index('idx_audit_logs_at', ['at'])
@Index('idx_audit_logs_target', ['targetType', 'targetId'])
@Index('idx_audit_logs_actor', ['actorId'])
export class AuditLog {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  /** e.g. resident.create, resident.update, resident.reveal, residents.import, residents.export */
  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole!: string | null;

  @Column({ name: 'target_type', type: 'varchar', length: 32 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 36, nullable: true })
  targetId!: string | null;

  @Column({ type: 'simple-json' })
  detail!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ ...DATETIME })
  at!: Date;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
