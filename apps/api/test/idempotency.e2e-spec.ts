import request from 'supertest';
import { createHash } from 'node:crypto';
import { Clock } from '../src/common/clock';
import { IdempotencyRecord } from '../src/common/idempotency/idempotency-record.entity';
import { STALE_PENDING_MS } from '../src/common/idempotency/idempotency.interceptor';
import { Application } from '../src/applications/entities/application.entity';
import { Notification } from '../src/notifications/entities/notification.entity';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * Idempotent writes (docs/business-logic/idempotency.md): a write sent again with the same Idempotency-Key gets
 * the first answer and changes nothing — in the same process or another one on the same database; the same key
 * with another body is a 422; a status an application already has changes nothing and tells nobody.
 */

const API = '/api/v1';
const V1 = '370406103201';

describe.each(DATABASE_KINDS)('idempotent writes on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let other: TestApp;
  let tok: Record<string, string>;
  let seeker: string;
  let posts: string[];

  const apply = (app: TestApp, postId: string, key?: string) => {
    const r = request(app.server).post(`${API}/applications`).set({ Authorization: `Bearer ${seeker}` });
    return (key ? r.set('Idempotency-Key', key) : r).send({ postId });
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    // A second API process on the same database, as behind nginx (its own memory, the same records).
    other = await startTestApp(db, {}, { runProcessors: false });
    tok = await devLogins(t.server, { admin: { role: 'admin', name: '区人社局' }, boss: { role: 'employer', name: '张经理' } });
    await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1J3R', '山亭区桑村豆制品有限公司');
    posts = [];
    for (const title of ['豆腐师傅', '送货司机', '包装工', '仓库保管员']) posts.push((await publishedPost(t, tok.boss, tok.admin, { title })).id);
    seeker = (await devLogins(t.server, { s: { role: 'seeker', name: '刘芳' } })).s;
    await request(t.server).post(`${API}/me/profile/quick`).set({ Authorization: `Bearer ${seeker}` }).send({ name: '刘芳', phone: '13905512345', villageCode: V1 }).expect(201);
  });

  afterAll(async () => {
    await other?.close();
    await t?.close();
    await db?.drop();
  });

  it('a retry with the same key gets the first answer, in this process or another, and nothing is made twice', async () => {
    if (!db) return;
    const first = await apply(t, posts[0], 'apply-post0-0001').expect(201);
    const again = await apply(t, posts[0], 'apply-post0-0001').expect(201);
    expect(again.body).toEqual(first.body);
    const elsewhere = await apply(other, posts[0], 'apply-post0-0001').expect(201);
    expect(elsewhere.body.id).toBe(first.body.id);
    expect(await t.dataSource.getRepository(Application).countBy({ postId: posts[0] })).toBe(1);
    // Without a key the second is what it always was: a 409.
    await apply(t, posts[0]).expect(409);
    // The same key with another body: refused, and nothing done.
    expect((await apply(t, posts[1], 'apply-post0-0001').expect(422)).body.message).toMatch(/另一个请求/);
    expect(await t.dataSource.getRepository(Application).countBy({ postId: posts[1] })).toBe(0);
    // Another account's same key is another key.
    const liaisonKey = await request(t.server).post(`${API}/posts/${posts[1]}/reports`).set({ Authorization: `Bearer ${tok.admin}` }).set('Idempotency-Key', 'apply-post0-0001').send({ reason: 'fee' });
    expect(liaisonKey.status).not.toBe(422);
  });

  it('a refusal is the first answer too; a malformed key is a 400', async () => {
    if (!db) return;
    await request(t.server).post(`${API}/posts/${posts[2]}/close`).set({ Authorization: `Bearer ${tok.boss}` }).expect(200);
    const refused = await apply(t, posts[2], 'apply-closed-0001').expect(409);
    expect((await apply(other, posts[2], 'apply-closed-0001').expect(409)).body.message).toBe(refused.body.message);
    for (const bad of ['short', 'x'.repeat(101), 'has spaces in it', 'semi;colon;key']) expect((await apply(t, posts[3], bad).expect(400)).body.message).toMatch(/Idempotency-Key/);
  });

  it('two taps at once with one key make one application', async () => {
    if (!db) return;
    const answers = await Promise.all([apply(t, posts[3], 'apply-twice-0001'), apply(other, posts[3], 'apply-twice-0001'), apply(t, posts[3], 'apply-twice-0001')]);
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(await t.dataSource.getRepository(Application).countBy({ postId: posts[3] })).toBe(1);
  });

  it('a first try whose process died (left running) holds retries off for a minute, then one retry runs it, once', async () => {
    if (!db) return;
    const me = (await request(t.server).get(`${API}/me`).set({ Authorization: `Bearer ${seeker}` }).expect(200)).body as { id: string };
    const key = 'apply-died-0001';
    const sha = (x: string) => createHash('sha256').update(x).digest('hex');
    const died = new Date();
    // What a process killed in the middle of the request leaves behind: the record, still running.
    await t.dataSource.getRepository(IdempotencyRecord).insert({ id: sha(`${me.id}|${key}`), method: 'POST', path: `${API}/applications`, bodyHash: sha(JSON.stringify({ postId: posts[1] })), state: 'pending', statusCode: null, response: null, createdAt: died });
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    try {
      clock.mockReturnValue(new Date(died.getTime() + 30_000));
      expect((await apply(t, posts[1], key).expect(409)).body.message).toMatch(/正在处理/);
      clock.mockReturnValue(new Date(died.getTime() + STALE_PENDING_MS + 1_000));
      const ran = await apply(t, posts[1], key).expect(201);
      // And from then on every retry, in any process, gets that answer.
      expect((await apply(other, posts[1], key).expect(201)).body).toEqual(ran.body);
      expect(await t.dataSource.getRepository(Application).countBy({ postId: posts[1] })).toBe(1);
    } finally {
      clock.mockRestore();
    }
  });

  it('moving an application to the status it has changes nothing and tells nobody', async () => {
    if (!db) return;
    const app = (await t.dataSource.getRepository(Application).findOneByOrFail({ postId: posts[0] })).id;
    const patch = (key: string) => request(t.server).patch(`${API}/applications/${app}`).set({ Authorization: `Bearer ${tok.boss}` }).set('Idempotency-Key', key).send({ status: 'viewed' });
    await patch('view-once-0001').expect(200);
    const told = await t.dataSource.getRepository(Notification).count();
    await patch('view-once-0001').expect(200);
    await patch('view-again-0002').expect(200);
    expect(await t.dataSource.getRepository(Notification).count()).toBe(told);
    const steps = (await request(t.server).get(`${API}/applications/${app}`).set({ Authorization: `Bearer ${seeker}` }).expect(200)).body.steps as { status: string }[];
    expect(steps.map((s) => s.status)).toEqual(['applied', 'viewed']);
  });
});
