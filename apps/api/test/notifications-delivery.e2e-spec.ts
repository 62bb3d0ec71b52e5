import request from 'supertest';
import { idNumberCheckChar } from '@zaogong/shared';
import { NotificationDelivery } from '../src/notifications/entities/notification-delivery.entity';
import { WechatSubscription } from '../src/notifications/entities/wechat-subscription.entity';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat';
import { startOwnRedis, type OwnRedis } from './support/own-redis';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';
import { pause, until } from './support/wait';

const API = '/api/v1';
const PHONE = '13905467001';
const ID_BODY = '37040619880512322';
const ID_NUMBER = ID_BODY + idNumberCheckChar(ID_BODY);

/**
 * Delivery end to end: the real API with bull on a Redis of the test's own (stopped and started
 * mid-test) and a stand-in WeChat server; exactly one message per event through outages of both.
 */
describe.each(DATABASE_KINDS)('notification delivery through Redis and WeChat on %s', (kind) => {
  let db: TestDatabase | null;
  let redis: OwnRedis | null;
  let wechat: FakeWechat;
  let t: TestApp;
  let tok: Record<string, string>;
  let seeker: string;
  let postId: string;
  let appId: string;
  const ready = () => Boolean(db && redis);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    redis = await startOwnRedis();
    if (!ready()) return;
    wechat = await startFakeWechat();
    t = await startTestApp(db!, { REDIS_URL: redis!.url, WECHAT_API_BASE: wechat.url, WECHAT_APPID: 'wxtest', WECHAT_SECRET: 'secret', NOTIFY_BACKOFF_MS: '300' });
    tok = await devLogins(t.server, { admin: { role: 'admin', name: '管理员' }, boss: { role: 'employer', name: '张经理' } });
    const employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA94K2LP', '山亭区水泉物业服务有限公司');
    tok = { ...tok, ...(await devLogins(t.server, { boss: { role: 'employer', name: '张经理', employerId } })) };
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '保洁员', occupationCode: '4-02-01', description: '办公楼保洁', skills: ['保洁'], wageMin: 2500, wageMax: 3000 })).id;
    seeker = (await request(t.server).post(`${API}/auth/wechat`).send({ code: 'ok-liu' }).expect(200)).body.token;
    await request(t.server)
      .put(`${API}/me/profile`)
      .set('Authorization', `Bearer ${seeker}`)
      .send({ name: '刘芳', idNumber: ID_NUMBER, phone: PHONE, villageCode: '370406103200', skills: ['保洁'], desiredOccupations: ['4-02-01'], availability: ['full_time'], consent: { method: 'self', at: new Date().toISOString() } })
      .expect(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await wechat?.close();
    await redis?.stop();
    await db?.drop();
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const sentToLiu = () => wechat.sent().filter((m) => m.touser === 'openid-liu');
  const patch = (id: string, body: object) => request(t.server).patch(`${API}/applications/${id}`).set(as(tok.boss)).send(body);
  const deliveries = () => t.dataSource.getRepository(NotificationDelivery).find({ order: { createdAt: 'ASC' } });
  const remaining = async (templateId: string) => (await t.dataSource.getRepository(WechatSubscription).findOneBy({ templateId }))?.remaining ?? 0;

  it('the seeker accepts the offered templates; each acceptance is one send', async () => {
    if (!ready()) return;
    const templates = (await request(t.server).get(`${API}/me/subscriptions/templates`).set(as(seeker)).expect(200)).body.items as { kind: string; templateId: string }[];
    expect(templates.map((x) => x.kind).sort()).toEqual(['application_update', 'hire_confirm', 'interview', 'job_digest']);
    const ids = templates.map((x) => x.templateId);
    await request(t.server).post(`${API}/me/subscriptions`).set(as(seeker)).send({ templateIds: ids }).expect(200);
    const res = await request(t.server).post(`${API}/me/subscriptions`).set(as(seeker)).send({ templateIds: ids }).expect(200);
    expect(res.body.items.every((b: { remaining: number }) => b.remaining === 2)).toBe(true);
  });

  it('an interview invitation reaches WeChat exactly once, with the time and place, through a cached token', async () => {
    if (!ready()) return;
    appId = (await request(t.server).post(`${API}/applications`).set(as(seeker)).send({ postId }).expect(201)).body.id;
    const interviewAt = new Date(Date.now() + 3 * 86_400_000);
    await patch(appId, { status: 'interview', interviewAt: interviewAt.toISOString(), interviewPlace: '水泉镇物业公司二楼' }).expect(200);
    await until('the interview message', () => sentToLiu().length === 1);
    await pause(1_500);
    const sent = sentToLiu();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template_id: 'dev-template-interview', page: 'pages/applications/index' });
    expect(sent[0].data.thing1.value).toBe('保洁员');
    expect(sent[0].data.thing4.value).toBe('水泉镇物业公司二楼');
    expect(sent[0].data.time3.value).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);
    expect(await remaining('dev-template-interview')).toBe(1);
    expect(wechat.requests.filter((r) => r.path === '/cgi-bin/stable_token')).toHaveLength(1);
    const inbox = (await request(t.server).get(`${API}/notifications`).set(as(seeker)).expect(200)).body.items;
    expect(inbox[0]).toMatchObject({ type: 'interview', readAt: null });
    expect(inbox[0].title).toMatch(/^面试邀请/);
  });

  it('with Redis stopped, a pipeline change answers at once and fills the inbox; the message goes out once Redis is back', async () => {
    if (!ready()) return;
    await redis!.stop();
    const started = Date.now();
    await patch(appId, { status: 'offered' }).expect(200);
    // A request never waits on Redis (ioredis would hold a command for many seconds while reconnecting).
    expect(Date.now() - started).toBeLessThan(3_000);
    const inbox = (await request(t.server).get(`${API}/notifications`).set(as(seeker)).expect(200)).body.items;
    expect(inbox[0].title).toBe('恭喜，您被录用了');
    const offer = (await deliveries()).at(-1)!;
    expect(offer).toMatchObject({ status: 'pending', channel: 'wechat' });
    await pause(1_000);
    expect(sentToLiu()).toHaveLength(1);
    await redis!.start();
    await until('the offer after Redis returns', () => sentToLiu().length === 2, 45_000);
    await pause(1_500);
    expect(sentToLiu()).toHaveLength(2);
    expect(sentToLiu()[1].data.phrase3.value).toBe('已录用');
  }, 90_000);

  it('with WeChat failing for a while, the hire message is retried with backoff and delivered exactly once', async () => {
    if (!ready()) return;
    wechat.setSendMode('down');
    await patch(appId, { status: 'hired' }).expect(200);
    await until('a few failed tries', async () => ((await deliveries()).at(-1)!.attempts >= 3 ? true : undefined), 30_000);
    expect(['pending', 'sending']).toContain((await deliveries()).at(-1)!.status); // between tries, or in one
    wechat.setSendMode('ok');
    await until('the hire message after WeChat recovers', () => sentToLiu().length === 3, 60_000);
    await pause(2_000);
    expect(sentToLiu()).toHaveLength(3);
    const hire = (await deliveries()).at(-1)!;
    expect(hire.status).toBe('sent');
    expect(sentToLiu()[2].template_id).toBe('dev-template-hire-confirm');
  }, 90_000);

  it('43101 (no subscription left) is marked, not retried; an expired token is refreshed once; a rejected template is a dead letter an admin retries', async () => {
    if (!ready()) return;
    const post2 = (await publishedPost(t, tok.boss, tok.admin, { title: '绿化工', occupationCode: '4-02-01', description: '小区绿化养护', skills: ['保洁'], wageMin: 2600, wageMax: 3000 })).id;
    const app2 = (await request(t.server).post(`${API}/applications`).set(as(seeker)).send({ postId: post2 }).expect(201)).body.id;
    wechat.setSendMode('no-quota');
    await patch(app2, { status: 'viewed' }).expect(200);
    const skipped = await until('the skipped delivery', async () => (await deliveries()).find((d) => d.status === 'skipped'));
    await pause(1_000);
    expect((await t.dataSource.getRepository(NotificationDelivery).findOneByOrFail({ id: skipped.id })).attempts).toBe(1);
    expect(await remaining('dev-template-application-update')).toBe(0);

    await request(t.server).post(`${API}/me/subscriptions`).set(as(seeker)).send({ templateIds: ['dev-template-interview'] }).expect(200);
    wechat.setSendMode('token-expired-once');
    const before = sentToLiu().length;
    const tokens = wechat.requests.filter((r) => r.path === '/cgi-bin/stable_token').length;
    await patch(app2, { status: 'interview', interviewAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(200);
    await until('the interview after a token refresh', () => sentToLiu().length === before + 1);
    const refresh = wechat.requests.filter((r) => r.path === '/cgi-bin/stable_token');
    expect(refresh).toHaveLength(tokens + 1);
    expect(JSON.parse(refresh.at(-1)!.body)).toMatchObject({ grant_type: 'client_credential', appid: 'wxtest', force_refresh: true });

    wechat.setSendMode('bad-data');
    expect(await remaining('dev-template-hire-confirm')).toBe(1);
    await patch(app2, { status: 'hired' }).expect(200);
    const dead = await until('the dead letter', async () => (await deliveries()).find((d) => d.status === 'failed'));
    await pause(1_000);
    expect((await t.dataSource.getRepository(NotificationDelivery).findOneByOrFail({ id: dead.id })).attempts).toBe(1); // not retried
    expect(await remaining('dev-template-hire-confirm')).toBe(1); // given back: it never went out
    const listed = (await request(t.server).get(`${API}/admin/notifications/deliveries?status=failed`).set(as(tok.admin)).expect(200)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: dead.id, channel: 'wechat', status: 'failed', type: 'hire_confirm', recipient: '刘*', attempts: 1 })]);
    expect(listed[0].lastError).toContain('47003');
    const summary = (await request(t.server).get(`${API}/admin/notifications/summary`).set(as(tok.admin)).expect(200)).body;
    expect(summary).toMatchObject({ queueKind: 'redis', boardPath: '/api/v1/admin/queues' });
    expect(summary.byStatus.failed).toBe(1);
    await request(t.server).post(`${API}/admin/notifications/deliveries/${dead.id}/retry`).set(as(seeker)).expect(403);
    wechat.setSendMode('ok');
    const sentBefore = sentToLiu().length;
    await request(t.server).post(`${API}/admin/notifications/deliveries/${dead.id}/retry`).set(as(tok.admin)).expect(200);
    await until('the retried message', () => sentToLiu().length === sentBefore + 1);
    await pause(1_000);
    expect(sentToLiu()).toHaveLength(sentBefore + 1);
    expect(await remaining('dev-template-hire-confirm')).toBe(0);
    await request(t.server).post(`${API}/admin/notifications/deliveries/${dead.id}/retry`).set(as(tok.admin)).expect(409);
  }, 60_000);

  it('nothing personal reaches WeChat: no phone, no 身份证号', () => {
    if (!ready()) return;
    const all = wechat.requests.map((r) => r.body + JSON.stringify(r.query)).join('\n');
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(ID_NUMBER);
    expect(wechat.sent().length).toBeGreaterThanOrEqual(5);
  });

  it('bull-board answers admins only (token in the address becomes a cookie for its path)', async () => {
    if (!ready()) return;
    await request(t.server).get(`${API}/admin/queues`).expect(401);
    await request(t.server).get(`${API}/admin/queues?token=${tok.boss}`).expect(401);
    const first = await request(t.server).get(`${API}/admin/queues?token=${tok.admin}`).expect(303);
    expect(first.headers.location).toBe(`${API}/admin/queues`);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/^zg_board=.*; Path=\/api\/v1\/admin\/queues; HttpOnly; SameSite=Strict/);
    const page = await request(t.server).get(`${API}/admin/queues`).set('Cookie', cookie.split(';')[0]).expect(200);
    expect(page.text).toContain('<html');
    const queues = await request(t.server).get(`${API}/admin/queues/api/queues`).set('Cookie', cookie.split(';')[0]).expect(200);
    expect(JSON.stringify(queues.body)).toContain('notifications');
  });
});
