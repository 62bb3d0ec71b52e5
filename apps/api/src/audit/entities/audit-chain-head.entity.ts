import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The newest link of the audit chain, in one row (id 1). Appending locks this row (SELECT … FOR UPDATE
 * on MySQL/MariaDB) until the appending transaction ends, so links are added one at a time and in the
 * order they commit (see AuditService.record).
 */
@Entity({ name: 'audit_chain_head' })
export class AuditChainHead {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
