import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

describe.each(DATABASE_KINDS)('schema on %s', (kind) => {
  let db: TestDatabase | null;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    ds = new DataSource(dataSourceOptions(db.config));
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  it('migrates an empty database, and the entities then need no further migration', async () => {
    if (!db) return;
    const ran = await ds.runMigrations({ transaction: 'each' });
    expect(ran.length).toBeGreaterThan(0);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('rolls every migration back to an empty schema', async () => {
    if (!db) return;
    const count = ds.migrations.length;
    for (let i = 0; i < count; i++) await ds.undoLastMigration({ transaction: 'each' });
    const qr = ds.createQueryRunner();
    const tables = await qr.getTables(['regions', 'users', 'job_postings']);
    await qr.release();
    expect(tables).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
  });
});
