import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PolicyAudience, PolicyRule, PolicyStatus } from '@zaogong/shared';
import { ID_COLUMN } from '../../database/column-types';

/** A policy as data: what it gives, how to apply, and who it is for as rules over the ledger. */
@Entity({ name: 'policies' })
@Index('idx_policies_status', ['status', 'validFrom'])
export class Policy {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  title!: string;

  @Column({ type: 'varchar', length: 80 })
  issuer!: string;

  @Column({ name: 'doc_number', type: 'varchar', length: 60, nullable: true })
  docNumber!: string | null;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  benefit!: string;

  @Column({ type: 'varchar', length: 16 })
  audience!: PolicyAudience;

  @Column({ type: 'simple-json' })
  rules!: PolicyRule[];

  @Column({ type: 'text', nullable: true })
  materials!: string | null;

  @Column({ name: 'how_to_apply', type: 'text' })
  howToApply!: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone!: string | null;

  /** YYYY-MM-DD, China dates. */
  @Column({ name: 'valid_from', type: 'varchar', length: 10 })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo!: string | null;

  @Column({ name: 'source_url', type: 'varchar', length: 500, nullable: true })
  sourceUrl!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: PolicyStatus;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
