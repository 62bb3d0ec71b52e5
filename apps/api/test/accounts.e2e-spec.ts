import request from 'supertest';
import { generate } from 'otplib';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { InvitationsService } from '../src/auth/invitations/invitations.service';
import { AuthSession } from '../src/auth/entities/auth-session.entity';
import { Invitation } from '../src/auth/entities/invitation.entity';
import { QrLoginTicket } from '../src/auth/entities/qr-login-ticket.entity';
import { SmsLoginCode } from '../src/auth/entities/sms-login-code.entity';
import { Clock } from '../src/common/clock';
import { startFakeSms, type FakeSms } from './support/fake-sms';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat';
import { creditCode } from './support/identity';
import { startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';
const TOWN_A = '370406103'; // 桑村镇
const TOWN_B = '370406106';
const VILLAGE_A = '370406103201';

/**
 * Every role gets in without the development login, as a real installation runs (NODE_ENV=production):
 * the first admin from the server's one-time code, staff by invitation, employers by registering a
 * firm, phones by SMS or WeChat; sessions rotate and end; admins give a second factor.
 */
describe.each(DATABASE_KINDS)('accounts in production on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let sms: FakeSms;
  let wechat: FakeWechat;
  let phoneSeq = 0;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    sms = await startFakeSms();
    wechat = await startFakeWechat();
    t = await startTestApp(db, {
      NODE_ENV: 'production',
      AUTH_DEV_LOGIN: 'false',
      SMS_API_URL: sms.url,
      SMS_API_KEY: 'sms-key',
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: 'wx-test',
      WECHAT_SECRET: 'secret',
    });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    await sms?.close();
    await wechat?.close();
    await db?.drop();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newPhone = () => `1390546${String(1000 + ++phoneSeq).slice(-4)}`;

  /** Logs a phone in by SMS, as the H5 page outside WeChat does. */
  async function smsLogin(phone = newPhone()): Promise<{ token: string; refreshToken: string; user: { id: string; role: string } }> {
    await request(t.server).post(`${API}/auth/sms/send`).send({ phone }).expect(200);
    const code = sms.lastCode(phone);
    const res = await request(t.server).post(`${API}/auth/sms/login`).send({ phone, code }).expect(200);
    return res.body;
  }

  /** The current TOTP code for a secret, `stepOffset` steps of 30 s from now. */
  const totp = (secret: string, stepOffset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepOffset * 30 });

  /** A district admin with two-factor set up, through the one-time code `npm run admin:create` prints. */
  async function districtAdmin(name = '区人社局张三'): Promise<{ token: string; refreshToken: string; secret: string; id: string }> {
    const { code } = await t.app.get(InvitationsService).create({ role: 'admin', name }, null, null);
    const login = await smsLogin();
    const accepted = await request(t.server).post(`${API}/auth/invitations/accept`).set(bearer(login.token)).send({ code }).expect(200);
    expect(accepted.body.user).toMatchObject({ role: 'admin', regionCode: null, name, mfaEnabled: false, mfaVerified: false });
    const setup = await request(t.server).post(`${API}/me/mfa/setup`).set(bearer(accepted.body.token)).expect(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const confirmed = await request(t.server).post(`${API}/me/mfa/confirm`).set(bearer(accepted.body.token)).send({ totp: await totp(setup.body.secret) }).expect(200);
    expect(confirmed.body.user).toMatchObject({ mfaEnabled: true, mfaVerified: true });
    return { token: confirmed.body.token, refreshToken: confirmed.body.refreshToken, secret: setup.body.secret, id: confirmed.body.user.id };
  }

  /** A staff member: SMS login, then the invitation's code. */
  async function invited(inviterToken: string, body: object): Promise<{ token: string; refreshToken: string; id: string; phone: string }> {
    const inv = await request(t.server).post(`${API}/admin/invitations`).set(bearer(inviterToken)).send(body).expect(201);
    const phone = newPhone();
    const login = await smsLogin(phone);
    const res = await request(t.server).post(`${API}/auth/invitations/accept`).set(bearer(login.token)).send({ code: inv.body.code }).expect(200);
    return { token: res.body.token, refreshToken: res.body.refreshToken, id: res.body.user.id, phone };
  }

  it('has no development login, and says which logins exist', async () => {
    if (!db) return;
    await request(t.server).post(`${API}/auth/dev-login`).send({ role: 'admin', name: 'x' }).expect(404);
    expect((await request(t.server).get(`${API}/auth/config`).expect(200)).body).toEqual({ devLogin: false, wechat: true, sms: true });
  });

  it('SMS login makes a seeker with a masked phone; the same phone logs into the same account', async () => {
    if (!db) return;
    const phone = newPhone();
    const first = await smsLogin(phone);
    expect(first.user).toMatchObject({ role: 'seeker', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    expect(JSON.stringify(first)).not.toContain(phone);
    expect(sms.received.at(-1)).toMatchObject({ to: phone, auth: 'Bearer sms-key' });
    // The next code may be asked for a minute later: move the first one back in time.
    await t.dataSource.getRepository(SmsLoginCode).createQueryBuilder().update().set({ createdAt: new Date(Date.now() - 61_000) }).execute();
    const again = await smsLogin(phone);
    expect(again.user.id).toBe(first.user.id);
    const me = await request(t.server).get(`${API}/me`).set(bearer(again.token)).expect(200);
    expect(me.body).toMatchObject({ id: first.user.id, role: 'seeker' });
  });

  it('SMS codes: one a minute (429 with Retry-After), five wrong tries void it, bad phones are 400', async () => {
    if (!db) return;
    const phone = newPhone();
    await request(t.server).post(`${API}/auth/sms/send`).send({ phone }).expect(200);
    const second = await request(t.server).post(`${API}/auth/sms/send`).send({ phone }).expect(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
    expect(second.body.message).toMatch(/1分钟/);
    const right = sms.lastCode(phone) as string;
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      const r = await request(t.server).post(`${API}/auth/sms/login`).send({ phone, code: wrong }).expect(400);
      expect(r.body.message).toMatch(/验证码不对/);
    }
    expect((await request(t.server).post(`${API}/auth/sms/login`).send({ phone, code: wrong }).expect(400)).body.message).toMatch(/作废/);
    expect((await request(t.server).post(`${API}/auth/sms/login`).send({ phone, code: right }).expect(400)).body.message).toMatch(/失效/);
    for (const body of [{ phone: '12345' }, { phone: null }, {}, { phone: ['13905461234'] }]) {
      await request(t.server).post(`${API}/auth/sms/send`).send(body).expect(400);
    }
    await request(t.server).post(`${API}/auth/sms/login`).send({ phone, code: '12ab56' }).expect(400);
  });

  it('WeChat login with 手机号快速验证 fills the phone; an unknown phone code is a 400', async () => {
    if (!db) return;
    const phone = newPhone();
    const res = await request(t.server).post(`${API}/auth/wechat`).send({ code: `ok-${phone}`, phoneCode: `phone-${phone}` }).expect(200);
    expect(res.body.user).toMatchObject({ role: 'seeker', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    expect(res.body.refreshToken).toEqual(expect.any(String));
    // The same person later logs in by SMS in a browser: the same account.
    expect((await smsLogin(phone)).user.id).toBe(res.body.user.id);
    await request(t.server).post(`${API}/auth/wechat`).send({ code: 'ok-other', phoneCode: 'expired' }).expect(400);
  });

  it('the first admin comes from the server code; two-factor is required before admin routes', async () => {
    if (!db) return;
    const { code } = await t.app.get(InvitationsService).create({ role: 'admin', name: '首位管理员' }, null, null);
    const login = await smsLogin();
    const accepted = await request(t.server).post(`${API}/auth/invitations/accept`).set(bearer(login.token)).send({ code: code.toLowerCase().replace(/(.{4})/, '$1-') }).expect(200);
    const token = accepted.body.token as string;
    const blocked = await request(t.server).get(`${API}/admin/users`).set(bearer(token)).expect(403);
    expect(blocked.body).toMatchObject({ statusCode: 403, mfaRequired: true });
    // Public routes still answer, as to anyone.
    await request(t.server).get(`${API}/posts`).set(bearer(token)).expect(200);
    await request(t.server).get(`${API}/me`).set(bearer(token)).expect(200);
    // The code is spent.
    const other = await smsLogin();
    expect((await request(t.server).post(`${API}/auth/invitations/accept`).set(bearer(other.token)).send({ code }).expect(409)).body.message).toMatch(/用过/);
    // Two-factor: a wrong first code is refused, the right one turns it on.
    const setup = await request(t.server).post(`${API}/me/mfa/setup`).set(bearer(token)).expect(200);
    await request(t.server).post(`${API}/me/mfa/confirm`).set(bearer(token)).send({ totp: '000000' === (await totp(setup.body.secret)) ? '111111' : '000000' }).expect(400);
    const ok = await request(t.server).post(`${API}/me/mfa/confirm`).set(bearer(token)).send({ totp: await totp(setup.body.secret) }).expect(200);
    await request(t.server).get(`${API}/admin/users`).set(bearer(ok.body.token)).expect(200);
    // A second setup is refused once it is on.
    await request(t.server).post(`${API}/me/mfa/setup`).set(bearer(ok.body.token)).expect(409);
    const audit = await t.dataSource.getRepository(AuditLog).findBy({ targetId: accepted.body.user.id });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.login', 'user.role_change', 'mfa.enable']));
  });

  it('each new admin session gives the second factor; a used code is refused; five wrong codes lock it (429)', async () => {
    if (!db) return;
    const admin = await districtAdmin('二次验证管理员');
    // A new session of the same account (the phone logs in again) starts without the second factor.
    const me = await request(t.server).get(`${API}/me`).set(bearer(admin.token)).expect(200);
    expect(me.body.mfaVerified).toBe(true);
    const refreshed = await request(t.server).post(`${API}/auth/refresh`).send({ refreshToken: admin.refreshToken }).expect(200);
    await request(t.server).get(`${API}/admin/users`).set(bearer(refreshed.body.token)).expect(200); // the same session keeps it
    const qr = await request(t.server).post(`${API}/auth/qr`).expect(201);
    await request(t.server).post(`${API}/auth/qr/${qr.body.ticket}/approve`).set(bearer(refreshed.body.token)).expect(200);
    const pc = (await request(t.server).get(`${API}/auth/qr/${qr.body.ticket}`).expect(200)).body;
    expect(pc.status).toBe('approved');
    expect((await request(t.server).get(`${API}/admin/users`).set(bearer(pc.token)).expect(403)).body.mfaRequired).toBe(true);
    // A code given at login is spent: the same code again (another new session) is refused; the next step's works.
    const given = await request(t.server).post(`${API}/auth/mfa`).set(bearer(pc.token)).send({ totp: await totp(admin.secret) }).expect(200);
    await request(t.server).get(`${API}/admin/users`).set(bearer(given.body.token)).expect(200);
    const qrReplay = await request(t.server).post(`${API}/auth/qr`).expect(201);
    await request(t.server).post(`${API}/auth/qr/${qrReplay.body.ticket}/approve`).set(bearer(given.body.token)).expect(200);
    const pcReplay = (await request(t.server).get(`${API}/auth/qr/${qrReplay.body.ticket}`).expect(200)).body;
    expect((await request(t.server).post(`${API}/auth/mfa`).set(bearer(pcReplay.token)).send({ totp: await totp(admin.secret) }).expect(400)).body.message).toMatch(/验证码不对/);
    const next = await request(t.server).post(`${API}/auth/mfa`).set(bearer(pcReplay.token)).send({ totp: await totp(admin.secret, 1) }).expect(200);
    await request(t.server).get(`${API}/admin/users`).set(bearer(next.body.token)).expect(200);
    // Lockout on another new session.
    const qr2 = await request(t.server).post(`${API}/auth/qr`).expect(201);
    await request(t.server).post(`${API}/auth/qr/${qr2.body.ticket}/approve`).set(bearer(next.body.token)).expect(200);
    const pc2 = (await request(t.server).get(`${API}/auth/qr/${qr2.body.ticket}`).expect(200)).body;
    const wrong = ['000001', '000002', '000003', '000004'];
    for (const code of wrong) expect((await request(t.server).post(`${API}/auth/mfa`).set(bearer(pc2.token)).send({ totp: code })).status).toBe(400);
    const locked = await request(t.server).post(`${API}/auth/mfa`).set(bearer(pc2.token)).send({ totp: '000005' }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    await request(t.server).post(`${API}/auth/mfa`).set(bearer(pc2.token)).send({ totp: await totp(admin.secret, 2) }).expect(429);
    for (const body of [{ totp: null }, { totp: '12345' }, {}, { totp: 123456 }]) await request(t.server).post(`${API}/auth/mfa`).set(bearer(pc2.token)).send(body).expect(400);
    const actions = (await t.dataSource.getRepository(AuditLog).findBy({ targetId: admin.id })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['mfa.verify', 'mfa.failed', 'mfa.locked', 'auth.qr_approve']));
  });

  it('invitations: who may invite whom, and a code used, expired or unknown is a clear 4xx', async () => {
    if (!db) return;
    const admin = await districtAdmin('邀请测试管理员');
    const officerA = await invited(admin.token, { role: 'admin', regionCode: TOWN_A, name: '桑村镇干部' });
    const officerSetup = await request(t.server).post(`${API}/me/mfa/setup`).set(bearer(officerA.token)).expect(200);
    const officer = (await request(t.server).post(`${API}/me/mfa/confirm`).set(bearer(officerA.token)).send({ totp: await totp(officerSetup.body.secret) }).expect(200)).body;
    expect(officer.user).toMatchObject({ role: 'admin', regionCode: TOWN_A, regionName: '桑村镇' });
    // The officer invites liaisons of their own 镇街 only.
    const own = await request(t.server).post(`${API}/admin/invitations`).set(bearer(officer.token)).send({ role: 'liaison', regionCode: VILLAGE_A, name: '户口村书记' }).expect(201);
    expect(own.body).toMatchObject({ role: 'liaison', regionCode: VILLAGE_A, regionName: '户口村委会', name: '户口村书记' });
    expect(own.body.code).toMatch(/^[A-Z2-9]{8}$/);
    await request(t.server).post(`${API}/admin/invitations`).set(bearer(officer.token)).send({ role: 'liaison', regionCode: TOWN_B, name: '别镇联络员' }).expect(403);
    await request(t.server).post(`${API}/admin/invitations`).set(bearer(officer.token)).send({ role: 'admin', regionCode: TOWN_A, name: '另一个干部' }).expect(403);
    await request(t.server).post(`${API}/admin/invitations`).set(bearer(officer.token)).send({ role: 'admin', name: '区级' }).expect(403);
    // Bad bodies.
    for (const body of [
      { role: 'liaison', name: '没有地区' },
      { role: 'liaison', regionCode: '370406999', name: '编造的镇' },
      { role: 'admin', regionCode: VILLAGE_A, name: '村级干部' },
      { role: 'seeker', regionCode: VILLAGE_A, name: 'x' },
      { role: 'liaison', regionCode: VILLAGE_A, name: null },
      { role: 'liaison', regionCode: null, name: 'x' },
    ]) {
      const r = await request(t.server).post(`${API}/admin/invitations`).set(bearer(admin.token)).send(body);
      expect([body, r.status]).toEqual([body, 400]);
    }
    // A liaison and a seeker may not invite.
    const liaison = await request(t.server).post(`${API}/auth/invitations/accept`).set(bearer((await smsLogin()).token)).send({ code: own.body.code }).expect(200);
    expect(liaison.body.user).toMatchObject({ role: 'liaison', regionCode: VILLAGE_A });
    await request(t.server).post(`${API}/admin/invitations`).set(bearer(liaison.body.token)).send({ role: 'liaison', regionCode: VILLAGE_A, name: 'x' }).expect(403);
    await request(t.server).post(`${API}/admin/invitations`).set(bearer((await smsLogin()).token)).send({ role: 'liaison', regionCode: VILLAGE_A, name: 'x' }).expect(403);
    // The liaison can work at once with the new role: register a resident of their village.
    await request(t.server).get(`${API}/residents`).set(bearer(liaison.body.token)).expect(200);
    // Unknown, expired codes.
    const seeker = await smsLogin();
    expect((await request(t.server).post(`${API}/auth/invitations/accept`).set(bearer(seeker.token)).send({ code: 'ZZZZZZZZ' }).expect(404)).body.message).toMatch(/邀请码不对/);
    const stale = await request(t.server).post(`${API}/admin/invitations`).set(bearer(admin.token)).send({ role: 'liaison', regionCode: TOWN_B, name: '过期' }).expect(201);
    await t.dataSource.getRepository(Invitation).createQueryBuilder().update().set({ expiresAt: new Date(Date.now() - 1000) }).where('name = :n', { n: '过期' }).execute();
    expect((await request(t.server).post(`${API}/auth/invitations/accept`).set(bearer(seeker.token)).send({ code: stale.body.code }).expect(410)).body.message).toMatch(/过期/);
    for (const body of [{}, { code: null }, { code: ['x'] }, { code: 'x'.repeat(300) }]) await request(t.server).post(`${API}/auth/invitations/accept`).set(bearer(seeker.token)).send(body).expect(400);
    await request(t.server).post(`${API}/auth/invitations/accept`).send({ code: stale.body.code }).expect(401);
  });

  it('refresh tokens rotate; a reused one ends every refresh of its session', async () => {
    if (!db) return;
    const login = await smsLogin();
    const one = await request(t.server).post(`${API}/auth/refresh`).send({ refreshToken: login.refreshToken }).expect(200);
    expect(one.body.refreshToken).not.toBe(login.refreshToken);
    await request(t.server).get(`${API}/me`).set(bearer(one.body.token)).expect(200);
    // The old one again: refused, and the session can no longer be renewed by anyone (the new refresh token
    // is dead too); the access token already issued runs out within its 2 hours.
    expect((await request(t.server).post(`${API}/auth/refresh`).send({ refreshToken: login.refreshToken }).expect(401)).body.message).toMatch(/已被使用/);
    await request(t.server).post(`${API}/auth/refresh`).send({ refreshToken: one.body.refreshToken }).expect(401);
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'auth.refresh_reuse' })).toBeGreaterThan(0);
    for (const body of [{}, { refreshToken: null }, { refreshToken: 'short' }, { refreshToken: 'x'.repeat(40) }]) {
      const r = await request(t.server).post(`${API}/auth/refresh`).send(body);
      expect([400, 401]).toContain(r.status);
    }
    // Logout ends the session.
    const other = await smsLogin();
    await request(t.server).post(`${API}/auth/logout`).set(bearer(other.token)).send({ refreshToken: other.refreshToken }).expect(204);
    await request(t.server).get(`${API}/me`).set(bearer(other.token)).expect(401);
    await request(t.server).post(`${API}/auth/refresh`).send({ refreshToken: other.refreshToken }).expect(401);
  });

  it('access tokens carry exp ≤ 2 h; a staff session ends after 30 idle minutes, a seeker’s does not', async () => {
    if (!db) return;
    const admin = await districtAdmin('闲置测试管理员');
    const liaison = await invited(admin.token, { role: 'liaison', regionCode: VILLAGE_A, name: '闲置联络员' });
    const seeker = await smsLogin();
    const claims = JSON.parse(Buffer.from(liaison.token.split('.')[1], 'base64url').toString()) as { exp: number; iat: number };
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(7200);
    // 31 minutes pass with no request (the sessions' last request is moved back; the clock moves on).
    const clock = t.app.get(Clock);
    const later = new Date(Date.now() + 31 * 60_000);
    await t.dataSource.getRepository(AuthSession).createQueryBuilder().update().set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) }).execute();
    const spy = jest.spyOn(clock, 'now').mockReturnValue(later);
    try {
      expect((await request(t.server).get(`${API}/me`).set(bearer(liaison.token)).expect(401)).body.message).toMatch(/长时间未操作/);
      await request(t.server).post(`${API}/auth/refresh`).send({ refreshToken: liaison.refreshToken }).expect(401);
      await request(t.server).get(`${API}/me`).set(bearer(seeker.token)).expect(200);
    } finally {
      spy.mockRestore();
    }
  });

  it('a disabled account stops at once; 用户管理 lists by role and region; officers manage their own liaisons only', async () => {
    if (!db) return;
    const admin = await districtAdmin('停用测试管理员');
    const liaisonA = await invited(admin.token, { role: 'liaison', regionCode: VILLAGE_A, name: '桑村联络员' });
    const liaisonB = await invited(admin.token, { role: 'liaison', regionCode: TOWN_B, name: '别镇联络员' });
    const officerInv = await invited(admin.token, { role: 'admin', regionCode: TOWN_A, name: '桑村镇干部2' });
    const s = await request(t.server).post(`${API}/me/mfa/setup`).set(bearer(officerInv.token)).expect(200);
    const officer = (await request(t.server).post(`${API}/me/mfa/confirm`).set(bearer(officerInv.token)).send({ totp: await totp(s.body.secret) }).expect(200)).body;

    const list = await request(t.server).get(`${API}/admin/users?role=liaison&regionCode=${TOWN_A}`).set(bearer(admin.token)).expect(200);
    expect(list.body.items.map((u: { name: string }) => u.name)).toContain('桑村联络员');
    expect(list.body.items.map((u: { name: string }) => u.name)).not.toContain('别镇联络员');
    const row = list.body.items.find((u: { name: string }) => u.name === '桑村联络员');
    // Found by name part or by the whole phone number (never by a fragment of it).
    const found = async (q: string) => (await request(t.server).get(`${API}/admin/users?q=${encodeURIComponent(q)}`).set(bearer(admin.token)).expect(200)).body.items.map((u: { id: string }) => u.id);
    expect(await found('桑村联')).toContain(liaisonA.id);
    expect(await found(liaisonA.phone)).toEqual([liaisonA.id]);
    expect(await found(liaisonA.phone.slice(0, 7))).toEqual([]);
    expect(row).toMatchObject({ role: 'liaison', regionName: '户口村委会', disabled: false, lastLoginAt: expect.any(String), phoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) });
    // The officer sees and manages their own 镇街's liaisons only.
    const officerList = await request(t.server).get(`${API}/admin/users`).set(bearer(officer.token)).expect(200);
    expect(officerList.body.items.every((u: { role: string; regionCode: string }) => u.role === 'liaison' && u.regionCode.startsWith(TOWN_A))).toBe(true);
    await request(t.server).post(`${API}/admin/users/${liaisonB.id}/disable`).set(bearer(officer.token)).send({ reason: '不是本镇的' }).expect(403);
    await request(t.server).post(`${API}/admin/users/${admin.id}/disable`).set(bearer(officer.token)).send({ reason: '越权试探' }).expect(403);
    // Disable: the liaison's token and refresh token stop at once.
    await request(t.server).post(`${API}/admin/users/${liaisonA.id}/disable`).set(bearer(officer.token)).send({ reason: null }).expect(400);
    const disabled = await request(t.server).post(`${API}/admin/users/${liaisonA.id}/disable`).set(bearer(officer.token)).send({ reason: '已调离岗位' }).expect(200);
    expect(disabled.body).toMatchObject({ disabled: true, disabledReason: '已调离岗位' });
    expect((await request(t.server).get(`${API}/me`).set(bearer(liaisonA.token)).expect(401)).body.message).toMatch(/停用/);
    await request(t.server).post(`${API}/auth/refresh`).send({ refreshToken: liaisonA.refreshToken }).expect(401);
    // Logging in again is refused, with the reason.
    await t.dataSource.getRepository(SmsLoginCode).createQueryBuilder().update().set({ createdAt: new Date(Date.now() - 61_000) }).execute();
    await request(t.server).post(`${API}/auth/sms/send`).send({ phone: liaisonA.phone }).expect(200);
    const again = await request(t.server).post(`${API}/auth/sms/login`).send({ phone: liaisonA.phone, code: sms.lastCode(liaisonA.phone) }).expect(403);
    expect(again.body.message).toMatch(/停用/);
    await request(t.server).post(`${API}/admin/users/${liaisonA.id}/disable`).set(bearer(admin.token)).send({ reason: '再停一次' }).expect(409);
    await request(t.server).post(`${API}/admin/users/${liaisonA.id}/enable`).set(bearer(admin.token)).expect(200);
    await request(t.server).post(`${API}/admin/users/${admin.id}/disable`).set(bearer(admin.token)).send({ reason: '停用自己' }).expect(403);
    await request(t.server).post(`${API}/admin/users/not-a-uuid/disable`).set(bearer(admin.token)).send({ reason: '不存在的' }).expect(404);
    // Others may not list or manage.
    await request(t.server).get(`${API}/admin/users`).set(bearer(liaisonB.token)).expect(403);
    const actions = (await t.dataSource.getRepository(AuditLog).findBy({ targetId: liaisonA.id })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable', 'user.role_change']));
    // A district admin resets an officer's two-factor: their sessions end, and they set it up again.
    await request(t.server).post(`${API}/admin/users/${officer.user.id}/mfa/reset`).set(bearer(officer.token)).expect(403);
    await request(t.server).post(`${API}/admin/users/${officer.user.id}/mfa/reset`).set(bearer(admin.token)).expect(204);
    await request(t.server).get(`${API}/me`).set(bearer(officer.token)).expect(401);
  });

  it('a seeker who registers a firm becomes its employer at once, and keeps the account', async () => {
    if (!db) return;
    const login = await smsLogin();
    const firm = { name: '山亭区豆制品作坊', creditCode: creditCode('MA3ACC01'), industryCode: 'C', townCode: TOWN_A, address: '桑村镇', contactName: '王老板', contactPhone: '13905469999' };
    const res = await request(t.server).post(`${API}/employers`).set(bearer(login.token)).send(firm).expect(201);
    const me = await request(t.server).get(`${API}/me`).set(bearer(login.token)).expect(200);
    expect(me.body).toMatchObject({ id: login.user.id, role: 'employer', employerId: res.body.id });
    await request(t.server).get(`${API}/employers/mine`).set(bearer(login.token)).expect(200);
    // A colleague joins with a join code.
    const join = await request(t.server).post(`${API}/employers/${res.body.id}/join-codes`).set(bearer(login.token)).expect(201);
    const colleague = await smsLogin();
    await request(t.server).post(`${API}/employers/join`).set(bearer(colleague.token)).send({ code: join.body.code }).expect(200);
    expect((await request(t.server).get(`${API}/me`).set(bearer(colleague.token)).expect(200)).body).toMatchObject({ role: 'employer', employerId: res.body.id });
  });

  it('扫码登录: a ticket is approved once, collected once, and expires', async () => {
    if (!db) return;
    const phone = await smsLogin();
    const qr = await request(t.server).post(`${API}/auth/qr`).expect(201);
    expect(qr.body.qrText).toContain(`/#/pages/scan-login/index?ticket=${qr.body.ticket}`);
    expect((await request(t.server).get(`${API}/auth/qr/${qr.body.ticket}`).expect(200)).body).toEqual({ status: 'waiting' });
    await request(t.server).post(`${API}/auth/qr/${qr.body.ticket}/approve`).expect(401);
    await request(t.server).post(`${API}/auth/qr/${qr.body.ticket}/approve`).set(bearer(phone.token)).expect(200);
    await request(t.server).post(`${API}/auth/qr/${qr.body.ticket}/approve`).set(bearer(phone.token)).expect(409);
    const pc = (await request(t.server).get(`${API}/auth/qr/${qr.body.ticket}`).expect(200)).body;
    expect(pc).toMatchObject({ status: 'approved', token: expect.any(String), refreshToken: expect.any(String), user: { id: phone.user.id } });
    expect((await request(t.server).get(`${API}/auth/qr/${qr.body.ticket}`).expect(200)).body).toEqual({ status: 'expired' });
    // A ticket past its two minutes.
    const old = await request(t.server).post(`${API}/auth/qr`).expect(201);
    await t.dataSource.getRepository(QrLoginTicket).createQueryBuilder().update().set({ expiresAt: new Date(Date.now() - 1000) }).where('approved_at IS NULL').execute();
    expect((await request(t.server).get(`${API}/auth/qr/${old.body.ticket}`).expect(200)).body).toEqual({ status: 'expired' });
    expect((await request(t.server).post(`${API}/auth/qr/${old.body.ticket}/approve`).set(bearer(phone.token)).expect(410)).body.message).toMatch(/过期/);
    await request(t.server).get(`${API}/auth/qr/${'A'.repeat(32)}`).expect(404);
    await request(t.server).get(`${API}/auth/qr/bad!`).expect(400);
  });
});
