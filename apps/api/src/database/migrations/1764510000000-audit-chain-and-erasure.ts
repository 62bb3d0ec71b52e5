import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { GENESIS_HASH, linkHash } from '../../audit/audit-chain';
import { col, index } from './table-helpers';

const BACKFILL_BATCH = 500;

/**
 * The audit log becomes a hash chain (seq, prev_hash, hash, and the one-row chain head); rows written
 * before are linked here, oldest first, so the chain verifies from its first row. Residents get
 * erased_at, and personal-data deletion requests get their table.
 */
export class AuditChainAndErasure1764510000000 implements MigrationInterface {
  name = 'AuditChainAndErasure1764510000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('audit_logs', [new TableColumn(col.int('seq', true)), new TableColumn(col.varchar('prev_hash', 64, true)), new TableColumn(col.varchar('hash', 64, true))]);
    const head = await linkExistingRows(qr);
    await qr.changeColumn('audit_logs', 'seq', new TableColumn(col.int('seq')));
    await qr.changeColumn('audit_logs', 'prev_hash', new TableColumn(col.varchar('prev_hash', 64)));
    await qr.changeColumn('audit_logs', 'hash', new TableColumn(col.varchar('hash', 64)));
    await qr.createIndex('audit_logs', new TableIndex(index('uq_audit_logs_seq', ['seq'], true)));
    await qr.createTable(new Table({ name: 'audit_chain_head', columns: [{ ...col.int('id'), isPrimary: true }, col.int('seq'), col.varchar('hash', 64)] }));
    await qr.query('INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, ?, ?)', [head.seq, head.hash]);

    await qr.addColumn('residents', new TableColumn(col.datetime('erased_at', true)));

    await qr.createTable(
      new Table({
        name: 'deletion_requests',
        columns: [
          col.id(),
          col.varchar('user_id', 36, true),
          col.varchar('resident_id', 36, true),
          col.varchar('source', 12),
          col.varchar('status', 12),
          col.varchar('open_key', 36, true),
          col.varchar('reason', 200, true),
          col.varchar('requested_by', 36, true),
          col.varchar('decided_by', 36, true),
          col.varchar('decision_note', 200, true),
          col.datetime('created_at'),
          col.datetime('decided_at', true),
        ],
        indices: [
          index('uq_deletion_requests_open', ['open_key'], true),
          index('idx_deletion_requests_status_created', ['status', 'created_at']),
          index('idx_deletion_requests_user', ['user_id', 'created_at']),
          index('idx_deletion_requests_resident', ['resident_id']),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('deletion_requests');
    await qr.dropColumn('residents', 'erased_at');
    await qr.dropTable('audit_chain_head');
    await qr.dropIndex('audit_logs', 'uq_audit_logs_seq');
    await qr.dropColumns('audit_logs', ['hash', 'prev_hash', 'seq']);
  }
}

interface RawAuditRow {
  id: string;
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  target_type: string;
  target_id: string | null;
  detail: string | null;
  ip: string | null;
  at: Date | string;
}

/**
 * Links the rows already there in the order they were written (at, then id), a batch at a time, with
 * the same hash the application computes; returns the chain's head.
 */
async function linkExistingRows(qr: QueryRunner): Promise<{ seq: number; hash: string }> {
  let seq = 0;
  let hash = GENESIS_HASH;
  let after: { at: Date | string; id: string } | null = null;
  for (;;) {
    const rows: RawAuditRow[] = after
      ? await qr.query(`SELECT id, action, actor_id, actor_role, target_type, target_id, detail, ip, at FROM audit_logs WHERE at > ? OR (at = ? AND id > ?) ORDER BY at, id LIMIT ${BACKFILL_BATCH}`, [after.at, after.at, after.id])
      : await qr.query(`SELECT id, action, actor_id, actor_role, target_type, target_id, detail, ip, at FROM audit_logs ORDER BY at, id LIMIT ${BACKFILL_BATCH}`);
    for (const r of rows) {
      seq += 1;
      const prevHash = hash;
      hash = linkHash(prevHash, {
        id: r.id,
        seq,
        action: r.action,
        actorId: r.actor_id,
        actorRole: r.actor_role,
        targetType: r.target_type,
        targetId: r.target_id,
        detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {},
        ip: r.ip,
        at: hydratedDate(r.at),
      });
      await qr.query('UPDATE audit_logs SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?', [seq, prevHash, hash, r.id]);
    }
    if (rows.length < BACKFILL_BATCH) break;
    const last = rows[rows.length - 1];
    after = { at: last.at, id: last.id };
  }
  return { seq, hash };
}

/**
 * A datetime as TypeORM hands it to the entity: MySQL's driver gives a Date (UTC, timezone 'Z');
 * SQLite stores "YYYY-MM-DD HH:MM:SS.SSS" in UTC, which TypeORM reads as that UTC instant.
 */
function hydratedDate(v: Date | string): Date {
  if (v instanceof Date) return v;
  let s = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(v) ? v.replace(' ', 'T') : v;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?$/.test(s)) s += 'Z';
  return new Date(s);
}
