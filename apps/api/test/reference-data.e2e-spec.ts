import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';

describe.each(DATABASE_KINDS)('regions, occupations and health on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (db) t = await startTestApp(db);
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('answers /health and /health/ready', async () => {
    if (!db) return;
    expect((await request(t.server).get(`${API}/health`).expect(200)).body).toEqual({ status: 'ok' });
    const ready = await request(t.server).get(`${API}/health/ready`).expect(200);
    expect(ready.body.details.database.status).toBe('up');
  });

  it('lists the 11 镇街 of 山亭区 and the 村居 of each', async () => {
    if (!db) return;
    const towns = (await request(t.server).get(`${API}/regions?parent=370406`).expect(200)).body.items;
    expect(towns).toHaveLength(11);
    // No centre point until an admin imports one (POST /regions/centres): never invented.
    expect(towns).toContainEqual({ code: '370406103', name: '桑村镇', level: 'town', parentCode: '370406', lat: null, lng: null });
    expect((await request(t.server).get(`${API}/regions?parent=370406103`).expect(200)).body.items).toHaveLength(20);
    expect((await request(t.server).get(`${API}/regions?parent=370406106`).expect(200)).body.items).toHaveLength(42);
    let villages = 0;
    for (const town of towns) villages += (await request(t.server).get(`${API}/regions?parent=${town.code}`)).body.items.length;
    expect(villages).toBe(280);
    expect((await request(t.server).get(`${API}/regions`).expect(200)).body.items).toHaveLength(11);
  });

  it('refuses a malformed or made-up parent (400); an unknown region by path is 404', async () => {
    if (!db) return;
    const bad = await request(t.server).get(`${API}/regions?parent=abc`).expect(400);
    expect(bad.body.errors[0].field).toBe('parent');
    expect((await request(t.server).get(`${API}/regions?parent=370406999`).expect(400)).body.errors[0].field).toBe('parent');
    await request(t.server).get(`${API}/regions/370406999999`).expect(404);
    expect((await request(t.server).get(`${API}/regions/370406106`).expect(200)).body.name).toBe('徐庄镇');
  });

  it('finds occupations by name or synonym, exact names first', async () => {
    if (!db) return;
    const weld = (await request(t.server).get(`${API}/occupations`).query({ q: '电焊' }).expect(200)).body.items;
    expect(weld[0]).toMatchObject({ name: '电焊工', group: '6-05', majorGroup: '6' });
    const names = (await request(t.server).get(`${API}/occupations`).query({ q: '焊工' }).expect(200)).body.items.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(['电焊工', '氩弧焊工']));
    const clean = (await request(t.server).get(`${API}/occupations`).query({ q: '打扫卫生' }).expect(200)).body.items;
    expect(clean.map((o: { name: string }) => o.name)).toContain('保洁员');
    expect((await request(t.server).get(`${API}/occupations`).query({ q: '%' }).expect(200)).body.items).toEqual([]);
  });

  it('has at least 150 leaves under the 8 major groups of 职业分类大典', async () => {
    if (!db) return;
    const all = (await request(t.server).get(`${API}/occupations?limit=300`).expect(200)).body.items;
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((o: { majorGroup: string }) => o.majorGroup)).size).toBeGreaterThanOrEqual(6);
    const group = (await request(t.server).get(`${API}/occupations?group=6-05`).expect(200)).body.items;
    expect(group.every((o: { group: string }) => o.group === '6-05')).toBe(true);
  });

  it('refuses bad occupation queries with a Chinese 400', async () => {
    if (!db) return;
    for (const q of ['group=9', 'limit=0', 'limit=abc', `q=${'长'.repeat(21)}`, 'unknown=1']) {
      const res = await request(t.server).get(`${API}/occupations?${encodeURI(q)}`).expect(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    await request(t.server).get(`${API}/occupations/9-99-99`).expect(404);
  });

  it('unknown routes are a JSON 404 in Chinese', async () => {
    if (!db) return;
    expect((await request(t.server).get(`${API}/no-such-route`).expect(404)).body).toEqual({ statusCode: 404, message: '未找到该资源' });
  });

  it('serves the Swagger document', async () => {
    if (!db) return;
    const doc = (await request(t.server).get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/regions', '/api/v1/auth/dev-login', '/api/v1/posts']));
  });
});
