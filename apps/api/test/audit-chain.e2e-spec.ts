import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { linkHash } from '../src/audit/audit-chain';
import { AuditService } from '../src/audit/audit.service';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { AuditChainAndErasure1764510000000 } from '../src/database/migrations/1764510000000-audit-chain-and-erasure';
import { residentBody } from './support/identity';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';
const V1 = '370406103200'; // 桑村镇 桑村村

/** Rows as a database migrated from before the chain holds them: no seq, no hashes. */
const LEGACY = [
  { id: randomUUID(), action: 'resident.create', at: '2025-03-01 08:00:00.125', detail: { fields: ['name'], nested: { b: 2, a: [1, '二'] } } },
  { id: randomUUID(), action: 'resident.reveal', at: '2025-03-01 08:00:00.125', detail: { reason: '核实就业登记' } },
  { id: randomUUID(), action: 'residents.export', at: '2025-02-01 10:30:00.000', detail: {} },
  { id: randomUUID(), action: 'employer.verify', at: '2025-04-15 23:59:59.999', detail: { reason: null } },
];

describe.each(DATABASE_KINDS)('the audit log as a hash chain on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    // A database from before the chain: migrated up to the migration that adds it, with audit rows in it.
    const before = new DataSource({ ...dataSourceOptions(db.config), migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(AuditChainAndErasure1764510000000)) });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    for (const r of LEGACY) {
      await before.query('INSERT INTO audit_logs (id, action, actor_id, actor_role, target_type, target_id, detail, ip, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [r.id, r.action, null, 'admin', 'resident', null, JSON.stringify(r.detail), '127.0.0.1', r.at]);
    }
    await before.destroy();
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      officer: { role: 'admin', name: '桑村镇干部', regionCode: '370406103' },
      liaison: { role: 'liaison', name: '桑村联络员', regionCode: V1 },
      seeker: { role: 'seeker', name: '王秀英' },
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const verify = async () => (await request(t.server).get(`${API}/audit/verify`).set(as('admin')).expect(200)).body;
  const rowsBySeq = () => t.dataSource.getRepository(AuditLog).find({ order: { seq: 'ASC' } });
  let seq = 100;
  const person = () => residentBody(seq++);

  it('links the rows written before the chain, oldest first, and the chain verifies', async () => {
    if (!db) return;
    const rows = await rowsBySeq();
    const legacy = rows.filter((r) => LEGACY.some((l) => l.id === r.id));
    // Ordered by time, then id for the two written in the same millisecond.
    const sameMs = LEGACY.slice(0, 2).map((l) => l.id).sort();
    expect(legacy.map((r) => r.id)).toEqual([LEGACY[2].id, ...sameMs, LEGACY[3].id]);
    expect(legacy.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(legacy[0].prevHash).toBe('0'.repeat(64));
    expect(legacy[1].prevHash).toBe(legacy[0].hash);
    expect(legacy.find((r) => r.id === LEGACY[0].id)?.detail).toEqual(LEGACY[0].detail);
    const v = await verify();
    expect(v).toMatchObject({ ok: true, firstBroken: null });
    expect(v.checked).toBe(rows.length);
    expect(v.head).toEqual({ seq: rows[rows.length - 1].seq, hash: rows[rows.length - 1].hash });
  });

  it('appends every audited action as the next link, in and out of the callers’ transactions', async () => {
    if (!db) return;
    const before = (await rowsBySeq()).length;
    const created = await request(t.server).post(`${API}/residents`).set(as('liaison')).send(person()).expect(201);
    await request(t.server).post(`${API}/residents/${created.body.id}/reveal`).set(as('admin')).send({ reason: '核实就业登记，需要联系本人' }).expect(200);
    const rows = await rowsBySeq();
    expect(rows.length).toBe(before + 2);
    const [create, reveal] = rows.slice(-2);
    expect(create).toMatchObject({ action: 'resident.create', targetId: created.body.id, seq: before + 1 });
    expect(reveal).toMatchObject({ action: 'resident.reveal', seq: before + 2, prevHash: create.hash });
    expect(await verify()).toMatchObject({ ok: true, checked: before + 2, firstBroken: null });
  });

  it('names a row whose detail was edited with raw SQL', async () => {
    if (!db) return;
    const rows = await rowsBySeq();
    const target = rows[Math.floor(rows.length / 2)];
    const [raw] = await t.dataSource.query('SELECT detail FROM audit_logs WHERE id = ?', [target.id]);
    await t.dataSource.query('UPDATE audit_logs SET detail = ? WHERE id = ?', [JSON.stringify({ reason: '改过的理由' }), target.id]);
    const v = await verify();
    expect(v).toMatchObject({ ok: false, checked: target.seq, firstBroken: { id: target.id, seq: target.seq, at: target.at.toISOString(), reason: 'hash_mismatch' } });
    expect(v.firstBroken.message).toMatch(/改动/);
    await t.dataSource.query('UPDATE audit_logs SET detail = ? WHERE id = ?', [raw.detail, target.id]);
    expect((await verify()).ok).toBe(true);
  });

  it('names the next row when an edited row was given a freshly computed hash', async () => {
    if (!db) return;
    const rows = await rowsBySeq();
    const target = rows[1];
    const forged = { ...target, detail: { reason: '伪造' } };
    await t.dataSource.query('UPDATE audit_logs SET detail = ?, hash = ? WHERE id = ?', [JSON.stringify(forged.detail), linkHash(target.prevHash, forged), target.id]);
    const v = await verify();
    expect(v.firstBroken).toMatchObject({ id: rows[2].id, seq: rows[2].seq, reason: 'prev_hash_mismatch' });
    await t.dataSource.query('UPDATE audit_logs SET detail = ?, hash = ? WHERE id = ?', [JSON.stringify(target.detail), target.hash, target.id]);
    expect((await verify()).ok).toBe(true);
  });

  it('names the gap a deleted row leaves, and a deleted newest row against the chain head', async () => {
    if (!db) return;
    const rows = await rowsBySeq();
    const victim = rows[2];
    const [raw] = await t.dataSource.query('SELECT * FROM audit_logs WHERE id = ?', [victim.id]);
    await t.dataSource.query('DELETE FROM audit_logs WHERE id = ?', [victim.id]);
    const v = await verify();
    expect(v).toMatchObject({ ok: false, checked: victim.seq, firstBroken: { id: rows[3].id, seq: victim.seq + 1, reason: 'seq_gap' } });
    expect(v.firstBroken.message).toContain(`第 ${victim.seq} 条`);
    await reinsert(raw);
    expect((await verify()).ok).toBe(true);

    const newest = rows[rows.length - 1];
    const [rawNewest] = await t.dataSource.query('SELECT * FROM audit_logs WHERE id = ?', [newest.id]);
    await t.dataSource.query('DELETE FROM audit_logs WHERE id = ?', [newest.id]);
    expect(await verify()).toMatchObject({ ok: false, checked: rows.length - 1, firstBroken: { id: null, seq: newest.seq, at: null, reason: 'tail_missing' } });
    await reinsert(rawNewest);
    expect((await verify()).ok).toBe(true);
  });

  async function reinsert(raw: Record<string, unknown>): Promise<void> {
    const cols = Object.keys(raw);
    await t.dataSource.query(`INSERT INTO audit_logs (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, cols.map((c) => raw[c]));
  }

  it('stays one line under 20 concurrent audited writes, and a rolled-back write leaves no hole', async () => {
    if (!db) return;
    const before = (await rowsBySeq()).length;
    const audit = t.app.get(AuditService);
    // On MariaDB/MySQL a second API instance with its own connection pool writes too, as a second
    // process would. (SQLite is the one-process embedded mode.)
    const other = kind === 'sqlite' ? t : await startTestApp(db);
    const server = (i: number) => (i % 2 ? other.server : t.server);
    const writes = [
      // Audited inside their own transactions (registration), and outside any (reveal).
      ...Array.from({ length: 12 }, (_, i) => request(server(i)).post(`${API}/residents`).set(as('liaison')).send(person())),
      ...Array.from({ length: 8 }, async (_, i) => {
        const created = await request(server(i)).post(`${API}/residents`).set(as('liaison')).send(person());
        return request(server(i + 1)).post(`${API}/residents/${created.body.id}/reveal`).set(as('admin')).send({ reason: '核实就业登记，需要联系本人' });
      }),
    ];
    // Transactions that write a link and then fail: their links must vanish with them. On SQLite they
    // run after the others: TypeORM gives the process one SQLite connection and nests concurrent
    // transactions on it as savepoints, so a failing one cannot be rolled back alone while others are open.
    const fail = (i: number) =>
      t.dataSource.transaction(async (em) => {
        await audit.record({ action: 'test.rolled_back', actor: null, targetType: 'test', targetId: String(i) }, em);
        throw new Error('rolled back on purpose');
      });
    const concurrent = kind !== 'sqlite';
    const failing = concurrent ? Promise.allSettled([0, 1, 2, 3, 4].map(fail)) : Promise.resolve([]);
    const done = await Promise.all(writes);
    let failed = await failing;
    if (!concurrent) {
      failed = [];
      for (const i of [0, 1, 2, 3, 4]) failed.push(...(await Promise.allSettled([fail(i)])));
    }
    expect(failed).toHaveLength(5);
    expect(done.map((r) => r.status).filter((s) => s !== 201 && s !== 200)).toEqual([]);
    expect(failed.every((f) => f.status === 'rejected')).toBe(true);
    const rows = await rowsBySeq();
    expect(rows.length).toBe(before + 12 + 8 * 2);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.some((r) => r.action === 'test.rolled_back')).toBe(false);
    expect(await verify()).toMatchObject({ ok: true, checked: rows.length, firstBroken: null });
    if (other !== t) await other.close();
  }, 60_000);

  it('appends entries written outside a transaction together, and one bad entry fails only its own caller', async () => {
    if (!db) return;
    const audit = t.app.get(AuditService);
    const before = (await rowsBySeq()).length;
    const entry = (i: number) => ({ action: 'test.read', actor: null, targetType: 'job_posting', targetId: `post-${i}`, detail: { shown: i } });
    const transactions = jest.spyOn(t.dataSource, 'transaction');
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => audit.record(entry(i))));
    const calls = transactions.mock.calls.length;
    transactions.mockRestore();
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    // MariaDB/MySQL: the first entry goes at once, the 29 that came meanwhile in one group.
    if (kind === 'mysql') expect([1, 2]).toContain(calls);
    if (kind === 'mysql') {
      // A target type longer than its column (32): MariaDB/MySQL refuse that row (SQLite does not check lengths).
      const bad = { ...entry(999), targetType: 'x'.repeat(40) };
      const mixed = await Promise.allSettled([30, 31, 32].map((i) => audit.record(entry(i))).concat(audit.record(bad), audit.record(entry(33))));
      expect(mixed.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    }
    const written = kind === 'mysql' ? 34 : 30;
    const rows = await rowsBySeq();
    expect(rows.length).toBe(before + written);
    expect(rows.filter((r) => r.action === 'test.read').map((r) => r.targetId).sort()).toEqual(Array.from({ length: written }, (_, i) => `post-${i}`).sort());
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(await verify()).toMatchObject({ ok: true, checked: rows.length, firstBroken: null });
  });

  it('is for the district admin only; GET /audit is unchanged', async () => {
    if (!db) return;
    await request(t.server).get(`${API}/audit/verify`).set(as('officer')).expect(403);
    await request(t.server).get(`${API}/audit/verify`).set(as('liaison')).expect(403);
    const seeker = await request(t.server).get(`${API}/audit/verify`).set(as('seeker')).expect(403);
    expect(seeker.body.message).toMatch(/[\u4e00-\u9fa5]/);
    await request(t.server).get(`${API}/audit/verify`).expect(401);
    const list = await request(t.server).get(`${API}/audit?action=resident.reveal&limit=2`).set(as('admin')).expect(200);
    expect(list.body.items).toHaveLength(2);
    expect(Object.keys(list.body.items[0]).sort()).toEqual(['action', 'actor', 'at', 'detail', 'id', 'ip', 'targetId', 'targetType']);
    await request(t.server).get(`${API}/audit`).set(as('officer')).expect(403);
  });
});
