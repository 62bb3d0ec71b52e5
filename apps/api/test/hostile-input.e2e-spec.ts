import request from 'supertest';
import { connect } from 'node:net';
import { getMetadataStorage } from 'class-validator';
import { CreateApplicationDto, CreateInvitationDto, UpdateApplicationDto } from '../src/applications/dto/application.dto';
import { CreateEmployerDto, UpdateEmployerDto } from '../src/employers/dto/employer.dto';
import { CreateHireDto, TargetsDto } from '../src/hires/dto/hire.dto';
import { CreatePostDto, UpdatePostDto } from '../src/job-postings/dto/job-posting-input.dto';
import { NotificationSettingsDto } from '../src/notifications/dto/notification.dto';
import { CreateResidentDto, UpdateResidentDto } from '../src/residents/dto/resident.dto';
import { creditCode, residentBody } from './support/identity';
import { postBody, publishedPost, verifiedEmployer } from './support/posts';
import { redisUrl } from './support/services';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';
const V1 = '370406103200'; // 桑村镇 桑村村
const TOWN = '370406103'; // 桑村镇
const YEAR = 2026;
const hasChinese = (s: unknown) => typeof s === 'string' && /[\u4e00-\u9fff]/.test(s);

/** Every field a DTO validates (its own and inherited ones). */
const fieldsOf = (dto: new () => object) => [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName))].sort();

/** A raw HTTP exchange, for requests supertest will not send (a 20 KB address). */
function rawRequest(server: TestApp['server'], text: string): Promise<string> {
  const { port } = server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString('utf8')));
    socket.on('error', (e) => (out ? resolve(out) : reject(e)));
    socket.on('close', () => resolve(out));
  });
}

describe.each(DATABASE_KINDS)('hostile input on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db, kind === 'mysql' ? { REDIS_URL: redisUrl() } : {});
    // Listening through the app (not the raw server), so that closing the app closes the port too.
    await t.app.listen(0, '127.0.0.1');
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      liaison: { role: 'liaison', name: '桑村联络员', regionCode: V1 },
      boss: { role: 'employer', name: '张经理' },
      seeker: { role: 'seeker', name: '王秀英' },
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  }, 60_000);

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });

  describe('bodies', () => {
    it('answers a body of a million "[" with 400 at once, and /health still answers', async () => {
      if (!db) return;
      const nested = request(t.server).post(`${API}/residents`).set(as('liaison')).set('content-type', 'application/json').send('['.repeat(1_000_000));
      const [res, health] = await Promise.all([nested, request(t.server).get(`${API}/health`)]);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ statusCode: 400, message: expect.stringContaining('请求内容嵌套层数过多') });
      expect(health.status).toBe(200);
      const started = Date.now();
      await request(t.server).get(`${API}/health`).expect(200);
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('refuses 100,000 balanced levels (once a 500) and 33 levels; 32 levels reach validation', async () => {
      if (!db) return;
      const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
      const send = (body: string) => request(t.server).post(`${API}/residents`).set(as('liaison')).set('content-type', 'application/json').send(body);
      for (const body of [deep(100_000), `{"name":${deep(33)}}`, `{"a":{"b":${'{"c":'.repeat(31)}1${'}'.repeat(31)}}}`]) {
        const res = await send(body).expect(400);
        expect(res.body.message).toContain('请求内容嵌套层数过多');
      }
      // 32 levels (the object and 31 arrays in it) pass the parser; the DTO then refuses the field.
      const ok = await send(`{"skills":${deep(31)}}`).expect(400);
      expect(ok.body.message).not.toContain('嵌套');
      // Brackets inside strings are text, not nesting.
      const text = await send(JSON.stringify({ name: '['.repeat(500) })).expect(400);
      expect(text.body.message).not.toContain('嵌套');
    });

    it('refuses a JSON body over 1 MB with a Chinese 413; malformed and empty JSON are Chinese 400s', async () => {
      if (!db) return;
      const big = JSON.stringify({ name: '王'.repeat(400_000) }); // ≈1.2 MB in UTF-8
      const tooBig = await request(t.server).post(`${API}/residents`).set(as('liaison')).set('content-type', 'application/json').send(big).expect(413);
      expect(tooBig.body).toEqual({ statusCode: 413, message: '请求内容太大（最多 1MB）' });
      const bad = await request(t.server).post(`${API}/residents`).set(as('liaison')).set('content-type', 'application/json').send('{"name": 王').expect(400);
      expect(bad.body).toEqual({ statusCode: 400, message: '请求内容不是有效的 JSON' });
      const proto = await request(t.server).post(`${API}/residents`).set(as('liaison')).set('content-type', 'application/json').send('{"__proto__":{"x":1}}').expect(400);
      expect(hasChinese(proto.body.message)).toBe(true);
    });

    it('still takes a spreadsheet upload over 1 MB (multipart keeps its own 10 MB limit)', async () => {
      if (!db) return;
      const file = Buffer.alloc(2 * 1024 * 1024, 0x20);
      const res = await request(t.server).post(`${API}/residents/import?dryRun=true`).set(as('liaison')).attach('file', file, 'big.xlsx');
      expect(res.status).not.toBe(413);
      expect(res.status).toBe(400); // not a spreadsheet: the importer's own Chinese 400
      expect(hasChinese(res.body.message)).toBe(true);
    });

    it('answers an over-long path segment (414) and an over-long address (431) in Chinese', async () => {
      if (!db) return;
      const longId = await request(t.server).get(`${API}/residents/${'a'.repeat(200)}`).set(as('liaison')).expect(414);
      expect(longId.body).toEqual({ statusCode: 414, message: '请求地址太长' });
      const raw = await rawRequest(t.server, `GET ${API}/posts?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expect(raw).toMatch(/^HTTP\/1\.1 431 /);
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ statusCode: 431, message: '请求地址或请求头太长' });
      const badUrl = await request(t.server).get(`${API}/residents/%E0%A4%A`).set(as('liaison'));
      expect([400, 404]).toContain(badUrl.status);
      expect(hasChinese(badUrl.body.message)).toBe(true);
    });
  });

  describe('null and wrong shapes', () => {
    let residentId: string;
    let postId: string;
    let employerId: string;
    let applicationId: string;
    let seq = 300;
    const person = () => residentBody(seq++);
    const employerBody = { name: '山亭区测试制品有限公司', creditCode: creditCode('MA3C4X7B'), industryCode: 'C', townCode: TOWN, address: '桑村镇工业园', contactName: '张经理', contactPhone: '13905462222' };

    beforeAll(async () => {
      if (!db) return;
      residentId = (await request(t.server).post(`${API}/residents`).set(as('liaison')).send(person()).expect(201)).body.id;
      employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA3C4X7B');
      postId = (await publishedPost(t, tok.boss, tok.admin)).id;
      applicationId = (await request(t.server).post(`${API}/applications`).set(as('liaison')).send({ postId, residentId }).expect(201)).body.id;
    }, 60_000);

    /** Fields where an explicit null is a request to clear the value, not bad input. */
    const NULL_CLEARS: Record<string, string[]> = { 'PATCH /residents/:id': ['expectedWageMin', 'maxCommuteKm'] };

    /** The main write routes: who sends, a body the route accepts, and the DTO whose every field gets a null. */
    const routes = () =>
      [
        { name: 'POST /residents', method: 'post', path: '/residents', who: 'liaison', dto: CreateResidentDto, body: person() },
        { name: 'PATCH /residents/:id', method: 'patch', path: `/residents/${residentId}`, who: 'liaison', dto: UpdateResidentDto, body: { statusNote: '在家务农' } },
        { name: 'PUT /me/profile', method: 'put', path: '/me/profile', who: 'seeker', dto: CreateResidentDto, body: { ...person(), consent: { method: 'self', at: '2026-11-20T09:00:00+08:00' } } },
        { name: 'POST /posts', method: 'post', path: '/posts', who: 'boss', dto: CreatePostDto, body: postBody({ draft: true }) },
        { name: 'PATCH /posts/:id', method: 'patch', path: `/posts/${postId}`, who: 'boss', dto: UpdatePostDto, body: { headcount: 4 } },
        { name: 'POST /employers', method: 'post', path: '/employers', who: 'seeker', dto: CreateEmployerDto, body: { ...employerBody, creditCode: creditCode('MA3C4X7D') } },
        { name: 'PATCH /employers/:id', method: 'patch', path: `/employers/${employerId}`, who: 'boss', dto: UpdateEmployerDto, body: { contactName: '李经理' } },
        { name: 'POST /applications', method: 'post', path: '/applications', who: 'liaison', dto: CreateApplicationDto, body: { postId, residentId } },
        { name: 'POST /applications/invitations', method: 'post', path: '/applications/invitations', who: 'boss', dto: CreateInvitationDto, body: { postId, residentId } },
        { name: 'PATCH /applications/:id', method: 'patch', path: `/applications/${applicationId}`, who: 'boss', dto: UpdateApplicationDto, body: { status: 'viewed' } },
        { name: 'POST /hires', method: 'post', path: '/hires', who: 'liaison', dto: CreateHireDto, body: { residentId, employerId, startDate: '2026-12-01' } },
        { name: 'PUT /stats/targets/:year', method: 'put', path: `/stats/targets/${YEAR}`, who: 'admin', dto: TargetsDto, body: { district: 3000, towns: { [TOWN]: 300 } } },
        { name: 'PUT /me/notification-settings', method: 'put', path: '/me/notification-settings', who: 'seeker', dto: NotificationSettingsDto, body: { mutedTypes: [], sms: false } },
      ] as const;

    it('answers null for every field of the main write routes with a 400 that names the field', async () => {
      if (!db) return;
      const failures: string[] = [];
      let checked = 0;
      for (const r of routes()) {
        for (const field of fieldsOf(r.dto)) {
          const res = await request(t.server)[r.method](`${API}${r.path}`).set(as(r.who)).send({ ...r.body, [field]: null });
          // The one place null means something: an edit clears the expected wage or the commute (liaison-home.md).
          if ((NULL_CLEARS[r.name] ?? []).includes(field)) {
            if (res.status !== 200 || res.body[field] !== null) failures.push(`${r.name} ${field}: null should clear it, got ${res.status}`);
            checked++;
            continue;
          }
          const named = (res.body.errors ?? []).some((e: { field: string; message: string }) => e.field === field && e.message.includes('不能为 null'));
          if (res.status !== 400 || !named) failures.push(`${r.name} ${field}: ${res.status} ${JSON.stringify(res.body)}`);
          checked++;
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(60);
    });

    it('answers null inside the consent and in lists with a 400, and consent: [] too', async () => {
      if (!db) return;
      for (const body of [
        { ...person(), consent: { method: null, at: '2026-11-20T09:00:00+08:00' } },
        { ...person(), consent: [] },
        { ...person(), consent: 'yes' },
        { ...person(), skills: [null] },
        { ...person(), desiredTownCodes: [null] },
      ]) {
        const res = await request(t.server).post(`${API}/residents`).set(as('liaison')).send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(hasChinese(res.body.message)).toBe(true);
      }
    });

    it('passes each route\'s own body through validation, so the 400s above are the nulls\' doing', async () => {
      if (!db) return;
      const outcomes: { name: string; status: number }[] = [];
      for (const r of routes()) outcomes.push({ name: r.name, status: (await request(t.server)[r.method](`${API}${r.path}`).set(as(r.who)).send(r.body)).status });
      // Most are done (2xx); a second application of the same person to the same post is a 409.
      for (const o of outcomes) expect({ ...o, validated: o.status !== 400 && o.status < 500 }).toEqual({ ...o, validated: true });
      expect(outcomes.filter((o) => o.status >= 200 && o.status < 300).length).toBeGreaterThanOrEqual(outcomes.length - 2);
    });

    it('checks the targets: shape, year 2020–2100, whole non-negative numbers, real 镇街', async () => {
      if (!db) return;
      const put = (year: string | number, body: unknown) => request(t.server).put(`${API}/stats/targets/${year}`).set(as('admin')).send(body as object);
      const cases: [string | number, unknown, string][] = [
        [2019, { district: 10 }, 'year'],
        [2101, { district: 10 }, 'year'],
        ['20x6', { district: 10 }, 'year'],
        ['2026.5', { district: 10 }, 'year'],
        [YEAR, { district: -1 }, 'district'],
        [YEAR, { district: 1.5 }, 'district'],
        [YEAR, { district: '3000' }, 'district'],
        [YEAR, { district: true }, 'district'],
        [YEAR, { district: 10, towns: [] }, 'towns'],
        [YEAR, { district: 10, towns: { [TOWN]: -3 } }, 'towns'],
        [YEAR, { district: 10, towns: { [TOWN]: 2.5 } }, 'towns'],
        [YEAR, { district: 10, towns: { [TOWN]: '30' } }, 'towns'],
        [YEAR, { district: 10, towns: { '370406999': 30 } }, 'towns'],
        [YEAR, { district: 10, towns: { '370406103200': 30 } }, 'towns'],
        [YEAR, { district: 10, towns: { x: 30 } }, 'towns'],
        [YEAR, [], 'district'],
      ];
      for (const [year, body, field] of cases) {
        const res = await put(year, body);
        expect({ year, body, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ year, body, status: 400, field });
        expect(hasChinese(res.body.message)).toBe(true);
      }
      const ok = await put(YEAR, { district: 3000, towns: { [TOWN]: 300, '370406001': 0 } }).expect(200);
      expect(ok.body.target).toBe(3000);
    });

    it('refuses made-up region codes everywhere one is taken, in bodies and queries', async () => {
      if (!db) return;
      const bodies: [string, string, string, object, string][] = [
        ['admin', 'post', '/residents', { ...person(), villageCode: '370406103999' }, 'villageCode'],
        ['liaison', 'post', '/residents', { ...person(), desiredTownCodes: ['370406999'] }, 'desiredTownCodes'],
        ['admin', 'patch', `/residents/${residentId}`, { villageCode: '370406103999' }, 'villageCode'],
        ['boss', 'post', '/posts', postBody({ townCode: '370406999' }), 'townCode'],
        ['boss', 'post', '/posts', postBody({ villageCode: '370406103999' }), 'villageCode'],
        ['boss', 'patch', `/posts/${postId}`, { townCode: '370406110' }, 'townCode'],
        ['seeker', 'post', '/employers', { ...employerBody, creditCode: creditCode('MA3C4X7E'), townCode: '370406999' }, 'townCode'],
        ['boss', 'patch', `/employers/${employerId}`, { townCode: '370406999' }, 'townCode'],
      ];
      for (const [who, method, path, body, field] of bodies) {
        const res = await (request(t.server) as unknown as Record<string, (p: string) => request.Test>)[method](`${API}${path}`).set(as(who)).send(body);
        expect({ path, field, status: res.status, named: res.body.errors?.some((e: { field: string }) => e.field === field) }).toEqual({ path, field, status: 400, named: true });
      }
      const queries: [string, string, string][] = [
        ['admin', '/residents?villageCode=370406103999', 'villageCode'],
        ['admin', '/residents?townCode=370406999', 'townCode'],
        ['admin', '/residents/export.xlsx?townCode=370406999', 'townCode'],
        ['seeker', '/posts?townCode=370406999', 'townCode'],
        ['admin', '/stats/overview?regionCode=370406999', 'regionCode'],
        ['admin', '/stats/overview?regionCode=370406103999', 'regionCode'],
        ['admin', '/stats/labor?regionCode=370406999', 'regionCode'],
        ['seeker', '/regions?parent=370406999', 'parent'],
      ];
      for (const [who, path, field] of queries) {
        const res = await request(t.server).get(`${API}${path}`).set(as(who));
        expect({ path, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ path, status: 400, field });
        expect(res.body.message).toMatch(/没有这个/);
      }
      // Real codes still pass.
      await request(t.server).get(`${API}/stats/overview?regionCode=${V1}`).set(as('admin')).expect(200);
      await request(t.server).get(`${API}/posts?townCode=${TOWN}`).expect(200);
    });

    it('strips control and bidi characters from names and titles, keeping line breaks in descriptions', async () => {
      if (!db) return;
      const { founder } = await devLogins(t.server, { founder: { role: 'seeker', name: '李老板' } });
      const employer = await request(t.server)
        .post(`${API}/employers`)
        .set({ Authorization: `Bearer ${founder}` })
        .send({ ...employerBody, creditCode: creditCode('MA3C4X7F'), name: '\u202e山亭区\u0000豆制品\u2066厂\u2069', contactName: '\u200f李\u0007经理\u200e' })
        .expect(201);
      expect(employer.body).toMatchObject({ name: '山亭区豆制品厂', contactName: '李经理' });
      const post = await request(t.server)
        .post(`${API}/posts`)
        .set(as('boss'))
        .send(postBody({ draft: true, title: '\u202a电焊工\u202c\u0085', description: '负责焊接，\u202e包吃住\r\n有焊工证优先\u0000。', skills: ['\u2067电焊\u2069'] }))
        .expect(201);
      expect(post.body).toMatchObject({ title: '电焊工', description: '负责焊接，包吃住\n有焊工证优先。', skills: ['电焊'] });
      const renamed = await request(t.server).patch(`${API}/residents/${residentId}`).set(as('liaison')).send({ name: '王\u202e秀英\u200b' }).expect(200);
      expect(renamed.body.name).toBe('王秀英');
    });
  });

  describe('rate limits', () => {
    // Low limits on apps of their own (the shared test app's are far above what the suites send).
    const LIMITS = { RATE_LIMIT_LOGIN_PER_MIN: '3', RATE_LIMIT_WRITES_PER_MIN: '4' };
    let limited: TestApp;
    let second: TestApp | undefined;

    beforeAll(async () => {
      if (!db) return;
      limited = await startTestApp(db, { ...LIMITS, ...(kind === 'mysql' ? { REDIS_URL: redisUrl() } : {}) });
      // On Redis, a second API process with the same prefix shares the counts.
      if (kind === 'mysql') second = await startTestApp(db, { ...LIMITS, REDIS_URL: redisUrl(), QUEUE_PREFIX: limited.config.queuePrefix });
    }, 60_000);

    afterAll(async () => {
      await second?.close();
      await limited?.close();
    });

    const login = (app: TestApp, ip: string, name: string) => request(app.server).post(`${API}/auth/dev-login`).set('x-forwarded-for', ip).send({ role: 'seeker', name });
    const write = (app: TestApp, token: string) => request(app.server).post(`${API}/notifications/read-all`).set('Authorization', `Bearer ${token}`);

    /** A login route: a PC asking for a scan-to-log-in ticket. */
    const ticket = (app: TestApp, ip: string) => request(app.server).post(`${API}/auth/qr`).set('x-forwarded-for', ip);

    it('limits logins per address: the 4th in a minute is a Chinese 429 with Retry-After; another address goes on', async () => {
      if (!db) return;
      for (let i = 0; i < 3; i++) await ticket(limited, '203.0.113.7').expect(201);
      const refused = await ticket(second ?? limited, '203.0.113.7').expect(429);
      expect(refused.body).toEqual({ statusCode: 429, message: expect.stringMatching(/^请求太频繁，请\d+秒后再试$/) });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      await ticket(limited, '203.0.113.8').expect(201);
      // An IPv6 subscriber's whole /64 is one address.
      for (let i = 0; i < 3; i++) await ticket(limited, `2001:db8:1:2::${i + 1}`).expect(201);
      await ticket(limited, '2001:db8:1:2:ffff::9').expect(429);
      // Reads are not limited, nor the development login (never on in production).
      await request(limited.server).get(`${API}/health`).set('x-forwarded-for', '203.0.113.7').expect(200);
      for (let i = 0; i < 5; i++) await login(limited, '203.0.113.7', `甲${i}`).expect(200);
    });

    it('limits writes per account (over all routes), not per address; reads go on', async () => {
      if (!db) return;
      const a = (await login(limited, '198.51.100.1', '写甲').expect(200)).body.token as string;
      const b = (await login(limited, '198.51.100.2', '写乙').expect(200)).body.token as string;
      // One count per account over all routes, not one per route.
      for (let i = 0; i < 2; i++) await write(limited, a).expect(200);
      for (let i = 0; i < 2; i++) await request(limited.server).put(`${API}/me/notification-settings`).set('Authorization', `Bearer ${a}`).send({ mutedTypes: [], sms: false }).expect(200);
      const refused = await write(second ?? limited, a).expect(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.body.message).toMatch(/请求太频繁/);
      await write(limited, b).expect(200);
      await request(limited.server).get(`${API}/notifications/unread-count`).set('Authorization', `Bearer ${a}`).expect(200);
      // Without a token, writes count per address (and are refused by the guard after that).
      for (let i = 0; i < 4; i++) await request(limited.server).post(`${API}/notifications/read-all`).set('x-forwarded-for', '192.0.2.50').expect(401);
      await request(limited.server).post(`${API}/notifications/read-all`).set('x-forwarded-for', '192.0.2.50').expect(429);
    });
  });

  describe('API docs', () => {
    it('serves /api/docs outside production; closes them in production unless API_DOCS=true', async () => {
      if (!db) return;
      await request(t.server).get('/api/docs-json').expect(200);
      const prod = { NODE_ENV: 'production', AUTH_DEV_LOGIN: 'false' };
      const closed = await startTestApp(db, prod);
      try {
        await request(closed.server).get('/api/docs').expect(404);
        await request(closed.server).get('/api/docs-json').expect(404);
        await request(closed.server).get(`${API}/health`).expect(200);
      } finally {
        await closed.close();
      }
      const open = await startTestApp(db, { ...prod, API_DOCS: 'true' });
      try {
        expect((await request(open.server).get('/api/docs-json').expect(200)).body.info.title).toBe('枣工快递 API');
      } finally {
        await open.close();
      }
    }, 60_000);
  });

  describe('bull-board (queues on Redis)', () => {
    const board = (path: string) => request(t.server).get(`${API}/admin/${path}`);
    const cookieOf = (res: request.Response) => String(res.headers['set-cookie']);

    it('gives the district admin the whole board, with an HttpOnly cookie that is Secure over https', async () => {
      if (!db || kind !== 'mysql') return;
      const first = await board(`queues?token=${tok.admin}`).expect(303);
      expect(first.headers.location).toBe(`${API}/admin/queues`);
      expect(cookieOf(first)).toMatch(/^zg_board=[^;]+; Path=\/api\/v1\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=3600$/);
      const tls = await board(`queues?token=${tok.admin}`).set('x-forwarded-proto', 'https').expect(303);
      expect(cookieOf(tls)).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=3600; Secure$/);
      const cookie = cookieOf(first).split(';')[0];
      const queues = (await board('queues/api/queues').set('Cookie', cookie).expect(200)).body.queues as { name: string; readOnlyMode: boolean }[];
      expect(queues.length).toBeGreaterThan(0);
      expect(queues.every((q) => !q.readOnlyMode)).toBe(true);
      const name = encodeURIComponent(queues[0].name);
      await request(t.server).put(`${API}/admin/queues/api/queues/${name}/pause`).set('Cookie', cookie).expect((r) => expect(r.status).toBeLessThan(300));
      await request(t.server).put(`${API}/admin/queues/api/queues/${name}/resume`).set('Cookie', cookie).expect((r) => expect(r.status).toBeLessThan(300));
    });

    it('lets a 镇街 officer look (read-only) but never pause, retry, clean or add; others not at all', async () => {
      if (!db || kind !== 'mysql') return;
      const { officer, boss } = await devLogins(t.server, { officer: { role: 'admin', name: '北庄镇干部', regionCode: '370406104' }, boss: { role: 'employer', name: '看板外人' } });
      const first = await board(`queues?token=${officer}`).expect(303);
      expect(first.headers.location).toBe(`${API}/admin/queues-view`);
      expect(cookieOf(first)).toMatch(/^zg_board=[^;]+; Path=\/api\/v1\/admin\/queues-view; HttpOnly; SameSite=Strict/);
      const cookie = cookieOf(first).split(';')[0];
      expect((await board('queues-view').set('Cookie', cookie).expect(200)).text).toContain('<html');
      const queues = (await board('queues-view/api/queues').set('Cookie', cookie).expect(200)).body.queues as { name: string; readOnlyMode: boolean }[];
      expect(queues.length).toBeGreaterThan(0);
      expect(queues.every((q) => q.readOnlyMode)).toBe(true);
      const name = encodeURIComponent(queues[0].name);
      const writes: [string, string][] = [
        ['put', `queues-view/api/queues/${name}/pause`],
        ['put', 'queues-view/api/queues/pause'],
        ['put', `queues-view/api/queues/${name}/retry/failed`],
        ['put', `queues-view/api/queues/${name}/clean/completed`],
        ['post', `queues-view/api/queues/${name}/add`],
      ];
      for (const [method, path] of writes) {
        const viaCookie = await (request(t.server) as unknown as Record<string, (p: string) => request.Test>)[method](`${API}/admin/${path}`).set('Cookie', cookie).send({});
        expect({ path, status: viaCookie.status }).toEqual({ path, status: 403 });
        const full = path.replace('queues-view', 'queues');
        const viaHeader = await (request(t.server) as unknown as Record<string, (p: string) => request.Test>)[method](`${API}/admin/${full}`).set('Authorization', `Bearer ${officer}`).send({});
        expect({ full, status: viaHeader.status }).toEqual({ full, status: 403 });
      }
      // The whole board's API is not the officer's either, even to read.
      await board('queues/api/queues').set('Authorization', `Bearer ${officer}`).expect(403);
      for (const path of ['queues', 'queues-view']) {
        await board(`${path}?token=${boss}`).expect(401);
        await board(path).expect(401);
      }
    });
  });

  describe('headers', () => {
    it('sends nosniff, no framing, no referrer, a content security policy; HSTS only over TLS', async () => {
      if (!db) return;
      for (const path of [`${API}/health`, `${API}/posts`, `${API}/no-such-route`]) {
        const res = await request(t.server).get(path);
        expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
      const tls = await request(t.server).get(`${API}/health`).set('x-forwarded-proto', 'https').expect(200);
      expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const withErr = await request(t.server).get(`${API}/residents/${'a'.repeat(200)}`).set('x-forwarded-proto', 'https').expect(414);
      expect(withErr.headers['x-content-type-options']).toBe('nosniff');
    });
  });
});
