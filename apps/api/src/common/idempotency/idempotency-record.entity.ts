import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/column-types';

/**
 * The first answer to a write sent with an `Idempotency-Key` (docs/business-logic/idempotency.md): a retry with
 * the same key and body within 24 hours gets this answer again and changes nothing. In the database, so it holds
 * across API processes and restarts.
 */
@Entity({ name: 'idempotency_records' })
@Index('idx_idempotency_created', ['createdAt'])
export class IdempotencyRecord {
  /** sha256 of the caller (user id, or none) and the key. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  method!: string;

  @Column({ type: 'varchar', length: 255 })
  path!: string;

  /** sha256 of the JSON body, so the same key with another body is told apart (422). */
  @Column({ name: 'body_hash', type: 'varchar', length: 64 })
  bodyHash!: string;

  /** pending while the first request runs; done once its answer is stored. */
  @Column({ type: 'varchar', length: 8 })
  state!: 'pending' | 'done';

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  /** The answer's JSON (at most 60,000 characters; a larger answer is not kept). */
  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}
