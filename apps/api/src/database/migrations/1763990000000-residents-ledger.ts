import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index } from './table-helpers';

/**
 * The real-name ledger: status history, the audit log, and resident indexes shaped for the
 * liaison's list (filter by area and status, newest first).
 */
export class ResidentsLedger1763990000000 implements MigrationInterface {
  name = 'ResidentsLedger1763990000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'resident_status_changes',
        columns: [
          col.id(),
          col.varchar('resident_id', 36),
          col.varchar('status', 16),
          col.varchar('previous_status', 16, true),
          col.varchar('note', 200, true),
          col.varchar('changed_by', 36, true),
          col.datetime('changed_at'),
        ],
        indices: [index('idx_resident_status_changes_resident', ['resident_id', 'changed_at'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'audit_logs',
        columns: [
          col.id(),
          col.varchar('action', 40),
          col.varchar('actor_id', 36, true),
          col.varchar('actor_role', 16, true),
          col.varchar('target_type', 32),
          col.varchar('target_id', 36, true),
          col.text('detail'),
          col.varchar('ip', 64, true),
          col.datetime('at'),
        ],
        indices: [
          index('idx_audit_logs_at', ['at']),
          index('idx_audit_logs_target', ['target_type', 'target_id']),
          index('idx_audit_logs_actor', ['actor_id']),
        ],
      }),
    );
    await qr.dropIndex('residents', 'idx_residents_village');
    await qr.dropIndex('residents', 'idx_residents_town_status');
    for (const i of LIST_INDEXES) await qr.createIndex('residents', new TableIndex(i));
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const i of LIST_INDEXES) await qr.dropIndex('residents', i.name as string);
    await qr.createIndex('residents', new TableIndex(index('idx_residents_village', ['village_code'])));
    await qr.createIndex('residents', new TableIndex(index('idx_residents_town_status', ['town_code', 'status'])));
    await qr.dropTable('audit_logs');
    await qr.dropTable('resident_status_changes');
  }
}

/** The list is ordered by (created_at, id) descending within an area, optionally one status. */
const LIST_INDEXES = [
  index('idx_residents_village_created', ['village_code', 'created_at', 'id']),
  index('idx_residents_village_status_created', ['village_code', 'status', 'created_at', 'id']),
  index('idx_residents_town_created', ['town_code', 'created_at', 'id']),
  index('idx_residents_town_status_created', ['town_code', 'status', 'created_at', 'id']),
  index('idx_residents_status_created', ['status', 'created_at', 'id']),
  index('idx_residents_created', ['created_at', 'id']),
];
