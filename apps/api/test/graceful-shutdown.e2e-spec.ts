import request from 'supertest';
import { idNumberCheckChar } from '@zaogong/shared';
import type { AddressInfo } from 'node:net';
import { NotificationDelivery } from '../src/notifications/entities/notification-delivery.entity';
import { startFakeSms, type FakeSms } from './support/fake-sms';
import { startOwnRedis, type OwnRedis } from './support/own-redis';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';
import { until } from './support/wait';

const API = '/api/v1';
const VILLAGE = '370406103201'; // 桑村镇
const ID_BODY = '37040619790101342';

/**
 * Stopping the API (SIGTERM calls app.close() through Nest's shutdown hooks): it takes no new
 * connections, answers the requests it has, and lets the jobs that are running finish, all before the
 * database and the queue go away. Here on a real port, with an SMS gateway slow enough that both a
 * request and a delivery job are half-way through when the stop begins. On SQLite with the embedded
 * queue, and on MariaDB with bull on a Redis of the test's own.
 */
describe.each(DATABASE_KINDS)('graceful shutdown on %s', (kind) => {
  let db: TestDatabase | null;
  let redis: OwnRedis | null = null;
  let sms: FakeSms;
  let t: TestApp;
  let env: Record<string, string>;
  let base = '';
  let applicationId = '';
  let tok: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    if (kind === 'mysql') {
      redis = await startOwnRedis();
      if (!redis) return;
    }
    sms = await startFakeSms();
    env = { SMS_API_URL: sms.url, SMS_API_KEY: 'sms-key', NOTIFY_BACKOFF_MS: '50', ...(redis ? { REDIS_URL: redis.url } : {}) };
    t = await startTestApp(db, env);
    tok = await devLogins(t.server, { admin: { role: 'admin', name: '管理员' }, boss: { role: 'employer', name: '张经理' }, lia: { role: 'liaison', name: '桑村联络员', regionCode: VILLAGE } });
    const employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D4R', '山亭区桑村塑编制品有限公司');
    tok = { ...tok, ...(await devLogins(t.server, { boss: { role: 'employer', name: '张经理', employerId } })) };
    const postId = (await publishedPost(t, tok.boss, tok.admin, { title: '塑编工', occupationCode: '6-02-01', description: '编织袋生产', skills: ['塑编'], wageMin: 3200, wageMax: 4000 })).id;
    const residentId = (
      await request(t.server)
        .post(`${API}/residents`)
        .set('Authorization', `Bearer ${tok.lia}`)
        .send({ name: '陈红', idNumber: ID_BODY + idNumberCheckChar(ID_BODY), phone: '13905465024', villageCode: VILLAGE, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], consent: { method: 'signature', at: new Date().toISOString() } })
        .expect(201)
    ).body.id;
    applicationId = (await request(t.server).post(`${API}/applications`).set('Authorization', `Bearer ${tok.lia}`).send({ postId, residentId }).expect(201)).body.id;
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.server.address() as AddressInfo).port}${API}`;
  }, 60_000);

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await sms?.close();
    await redis?.stop();
    await db?.drop();
  });

  it('answers the requests it has and finishes the send under way before it exits; new connections are refused', async () => {
    if (!db || (kind === 'mysql' && !redis)) return;
    sms.holdMs = 1_500;
    // A delivery job under way: the interview notice's SMS is at the (slow) gateway.
    const patched = await fetch(`${base}/applications/${applicationId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tok.boss}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'interview', interviewAt: new Date(Date.now() + 86_400_000).toISOString(), interviewPlace: '厂区大门' }),
    });
    expect(patched.status).toBe(200);
    await until('the notice at the gateway', () => sms.arrived >= 1);
    // A request under way: a login code, which waits for the gateway too.
    const inFlight = fetch(`${base}/auth/sms/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '13905465099' }) });
    await until('the code at the gateway', () => sms.arrived >= 2);

    const closing = t.app.close();
    // New connections are refused while the old ones finish.
    await until('new connections refused', () => fetch(`${base}/health`).then(() => false, () => true), 5_000);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toHaveProperty('expiresAt');
    await closing;
    // Both sends went out: the login code and the interview notice.
    expect(sms.received.map((m) => (m.text.includes('验证码') ? 'code' : m.text.includes('面试') ? 'notice' : m.text)).sort()).toEqual(['code', 'notice']);

    // Read back with a process that runs no processors: the send was recorded before the stop ended.
    const after = await startTestApp(db, env, { runProcessors: false });
    try {
      const rows = await after.dataSource.getRepository(NotificationDelivery).findBy({ channel: 'sms' });
      expect(rows.map((r) => r.status)).toEqual(['sent']);
    } finally {
      await after.close();
    }
  }, 60_000);
});
