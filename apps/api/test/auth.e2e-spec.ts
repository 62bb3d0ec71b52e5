import { createHmac } from 'node:crypto';
import request from 'supertest';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat';
import { startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';

function forge(payload: object, secret: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64(payload);
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

describe.each(DATABASE_KINDS)('auth on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let wechat: FakeWechat;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    wechat = await startFakeWechat();
    t = await startTestApp(db, { WECHAT_API_BASE: wechat.url, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret' });
  });

  afterAll(async () => {
    await t?.close();
    await wechat?.close();
    await db?.drop();
  });

  const login = (body: object) => request(t.server).post(`${API}/auth/dev-login`).send(body);

  it('dev login gives a token for each role, and /me says who it is', async () => {
    if (!db) return;
    for (const [body, regionName] of [
      [{ role: 'seeker', name: '王秀英' }, null],
      [{ role: 'employer', name: '张经理' }, null],
      [{ role: 'liaison', name: '李书记', regionCode: '370406103201' }, '户口村委会'],
      [{ role: 'liaison', name: '桑村镇联络员', regionCode: '370406103' }, '桑村镇'],
      [{ role: 'admin', name: '区人社局' }, null],
      [{ role: 'admin', name: '桑村镇干部', regionCode: '370406103' }, '桑村镇'],
    ] as const) {
      const res = await login(body).expect(200);
      expect(res.body.token).toEqual(expect.any(String));
      const me = await request(t.server).get(`${API}/me`).set('Authorization', `Bearer ${res.body.token}`).expect(200);
      expect(me.body).toMatchObject({ role: body.role, name: body.name, regionName });
    }
  });

  it('the same dev identity logs into the same account', async () => {
    if (!db) return;
    const a = await login({ role: 'seeker', name: '同一人' }).expect(200);
    const b = await login({ role: 'seeker', name: '同一人' }).expect(200);
    expect(a.body.user.id).toBe(b.body.user.id);
  });

  it.each([
    [{ role: 'superuser', name: 'x' }, 'role'],
    [{ role: 'seeker' }, 'name'],
    [{ role: 'seeker', name: '' }, 'name'],
    [{ role: 'seeker', name: 123 }, 'name'],
    [{ role: 'seeker', name: 'x', isAdmin: true }, 'isAdmin'],
    [{ role: 'liaison', name: '没有村' }, 'regionCode'],
    [{ role: 'liaison', name: 'x', regionCode: '370406999999' }, 'regionCode'],
    [{ role: 'liaison', name: 'x', regionCode: '110105001001' }, 'regionCode'],
    [{ role: 'liaison', name: 'x', regionCode: 'abc' }, 'regionCode'],
    [{ role: 'admin', name: 'x', regionCode: '370406103201' }, 'regionCode'],
    [{ role: 'seeker', name: 'x', regionCode: '370406103' }, 'regionCode'],
    [{ role: 'employer', name: 'x', employerId: 'no-such-employer' }, 'employerId'],
  ])('dev login refuses %j with a Chinese 400 naming %s', async (body, field) => {
    if (!db) return;
    const res = await login(body).expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('broken JSON is a Chinese 400, not a 500', async () => {
    if (!db) return;
    const res = await request(t.server).post(`${API}/auth/dev-login`).set('Content-Type', 'application/json').send('{"role":').expect(400);
    expect(res.body).toEqual({ statusCode: 400, message: '请求内容不是有效的 JSON' });
  });

  it('a non-JSON body is refused without a 500', async () => {
    if (!db) return;
    const res = await request(t.server).post(`${API}/auth/dev-login`).set('Content-Type', 'text/plain').send('role=admin');
    expect([400, 415]).toContain(res.status);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('no token, a forged token and a token signed with another key are all 401', async () => {
    if (!db) return;
    expect((await request(t.server).get(`${API}/me`).expect(401)).body.message).toBe('请先登录');
    await request(t.server).get(`${API}/me`).set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwicm9sZSI6ImFkbWluIn0.x').expect(401);
    await request(t.server).get(`${API}/me`).set('Authorization', `Bearer ${forge({ sub: 'x', role: 'admin', rc: null, eid: null }, 'another-secret')}`).expect(401);
    await request(t.server).get(`${API}/me`).set('Authorization', 'Basic abc').expect(401);
  });

  it('a well-signed token for a user that does not exist is 401 at /me', async () => {
    if (!db) return;
    const token = forge({ sub: 'ghost', role: 'admin', rc: null, eid: null, exp: Math.floor(Date.now() / 1000) + 60 }, t.config.jwtSecret);
    await request(t.server).get(`${API}/me`).set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('an expired token is 401', async () => {
    if (!db) return;
    const token = forge({ sub: 'x', role: 'admin', rc: null, eid: null, exp: Math.floor(Date.now() / 1000) - 10 }, t.config.jwtSecret);
    expect((await request(t.server).get(`${API}/me`).set('Authorization', `Bearer ${token}`).expect(401)).body.message).toBe('登录已失效，请重新登录');
  });

  it('WeChat login exchanges the code at WECHAT_API_BASE and keeps one account per openid', async () => {
    if (!db) return;
    const a = await request(t.server).post(`${API}/auth/wechat`).send({ code: 'ok-abc' }).expect(200);
    expect(a.body.user).toMatchObject({ role: 'seeker' });
    const b = await request(t.server).post(`${API}/auth/wechat`).send({ code: 'ok-abc' }).expect(200);
    expect(b.body.user.id).toBe(a.body.user.id);
    const call = wechat.requests.find((r) => r.path === '/sns/jscode2session');
    expect(call?.query).toMatchObject({ appid: 'wx-test', secret: 'secret', js_code: 'ok-abc', grant_type: 'authorization_code' });
  });

  it('a code WeChat rejects is 401; a missing code is 400', async () => {
    if (!db) return;
    const res = await request(t.server).post(`${API}/auth/wechat`).send({ code: 'bad' }).expect(401);
    expect(res.body.message).toMatch(/微信登录失败/);
    await request(t.server).post(`${API}/auth/wechat`).send({}).expect(400);
  });

  it('tells anyone the service phone', async () => {
    if (!db) return;
    expect((await request(t.server).get(`${API}/public/config`).expect(200)).body).toEqual({ servicePhone: '12333' });
  });

  it('reports which login methods exist', async () => {
    if (!db) return;
    expect((await request(t.server).get(`${API}/auth/config`).expect(200)).body).toEqual({ devLogin: true, wechat: true, sms: false });
  });
});

describe('auth without the dev login', () => {
  let db: TestDatabase | null;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    t = await startTestApp(db!, { AUTH_DEV_LOGIN: 'false', WECHAT_API_BASE: 'http://127.0.0.1:9' });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('dev-login is a 404, valid body or not', async () => {
    await request(t.server).post(`${API}/auth/dev-login`).send({ role: 'admin', name: 'x' }).expect(404);
    await request(t.server).post(`${API}/auth/dev-login`).send({ role: 'nobody' }).expect(404);
  });

  it('an unreachable WeChat is a 503 with a Chinese message', async () => {
    const res = await request(t.server).post(`${API}/auth/wechat`).send({ code: 'ok-x' }).expect(503);
    expect(res.body.message).toMatch(/微信服务/);
  });
});
