import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index } from './table-helpers';

/** The first answers to writes sent with an Idempotency-Key, kept 24 hours (a retry gets the same answer). */
export class IdempotencyRecords1764930000000 implements MigrationInterface {
  name = 'IdempotencyRecords1764930000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [{ ...col.varchar('id', 64), isPrimary: true }, col.varchar('method', 8), col.varchar('path', 255), col.varchar('body_hash', 64), col.varchar('state', 8), col.int('status_code', true), col.text('response', true), col.datetime('created_at')],
        indices: [index('idx_idempotency_created', ['created_at'])],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('idempotency_records');
  }
}
