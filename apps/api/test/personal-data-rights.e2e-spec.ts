import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { chinaDateOf, idNumberCheckChar } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { User } from '../src/auth/entities/user.entity';
import { Application } from '../src/applications/entities/application.entity';
import { PersonalDataCipher } from '../src/common/crypto/personal-data-cipher';
import { Hire } from '../src/hires/entities/hire.entity';
import { NewEmployment } from '../src/hires/entities/new-employment.entity';
import { Notification } from '../src/notifications/entities/notification.entity';
import { Resident } from '../src/residents/entities/resident.entity';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';
const VA = '370406103201'; // 桑村镇
const VB = '370406105201'; // 城头镇
const TODAY = chinaDateOf(new Date());
const LAST_YEAR = Number(TODAY.slice(0, 4)) - 1;

/** A valid 身份证号 of a person born on `birth` (YYYYMMDD). */
const idOf = (birth: string, seq: string) => {
  const body = `370406${birth}${seq}`;
  return body + idNumberCheckChar(body);
};

describe.each(DATABASE_KINDS)('personal-data rights (export, deletion, erasure) on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerId: string;
  let postId: string;
  const ouyang = { id: '', userId: '', idNumber: idOf('19880512', '312'), phone: '13905465012' };
  let openApplication = '';
  let countedHire = '';
  let pendingHire = '';
  let requestId = '';

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const profile = (name: string, idNumber: string, phone: string, villageCode: string) => ({
    name,
    idNumber,
    phone,
    villageCode,
    skills: ['塑编', '叉车'],
    desiredOccupations: ['6-02-01'],
    availability: ['full_time'],
    keyGroups: ['hard_to_employ'],
    expectedWageMin: 3500,
    wageUnit: 'month',
    consent: { method: 'self', at: new Date().toISOString() },
  });
  const employmentStats = async (year: number) => {
    const s = (await request(t.server).get(`${API}/stats/employment?year=${year}`).set(as('admin')).expect(200)).body;
    return { target: s.target, count: s.count, byTown: s.byTown, byMonth: s.byMonth, byKeyGroup: s.byKeyGroup };
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      offA: { role: 'admin', name: '桑村镇干部', regionCode: '370406103' },
      offB: { role: 'admin', name: '城头镇干部', regionCode: '370406105' },
      liaA: { role: 'liaison', name: '桑村联络员', regionCode: VA },
      liaB: { role: 'liaison', name: '城头联络员', regionCode: VB },
      townA: { role: 'liaison', name: '桑村镇联络员', regionCode: '370406103' },
      boss: { role: 'employer', name: '张经理' },
      ouyang: { role: 'seeker', name: '欧阳秀英' },
      zhao: { role: 'seeker', name: '赵海燕' },
      qian: { role: 'seeker', name: '钱多多' },
      sun: { role: 'seeker', name: '孙立新' },
    });
    employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', '山亭区桑村塑编制品有限公司');
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '塑编工', occupationCode: '6-02-01', description: '编织袋生产，男女不限', skills: ['塑编'], wageMin: 3200, wageMax: 4000 })).id;

    // 欧阳秀英 registers herself, applies, is offered the job; a hire of last year counts, one of this year waits.
    const me = await request(t.server).put(`${API}/me/profile`).set(as('ouyang')).send(profile('欧阳秀英', ouyang.idNumber, ouyang.phone, VA));
    expect([200, 201]).toContain(me.status);
    ouyang.id = me.body.id;
    // Key groups are vouched for by the liaison, not set by the person (liaison-home.md).
    await request(t.server).patch(`${API}/residents/${ouyang.id}`).set(as('liaA')).send({ keyGroups: ['hard_to_employ'] }).expect(200);
    ouyang.userId = (await t.dataSource.getRepository(Resident).findOneByOrFail({ id: ouyang.id })).userId as string;
    await request(t.server).put(`${API}/me/notification-settings`).set(as('ouyang')).send({ mutedTypes: ['job_digest'], sms: false }).expect(200);
    openApplication = (await request(t.server).post(`${API}/applications`).set(as('ouyang')).send({ postId }).expect(201)).body.id;
    await request(t.server).patch(`${API}/applications/${openApplication}`).set(as('boss')).send({ status: 'viewed' }).expect(200);
    await request(t.server).patch(`${API}/applications/${openApplication}`).set(as('boss')).send({ status: 'offered', note: '欧阳秀英下周一来厂里' }).expect(200);
    countedHire = (await request(t.server).post(`${API}/hires`).set(as('liaA')).send({ residentId: ouyang.id, employerId, startDate: `${LAST_YEAR}-07-01`, wage: 3600, wageUnit: 'month' }).expect(201)).body.id;
    const confirmed = await request(t.server).post(`${API}/hires/${countedHire}/confirm`).set(as('boss')).expect(200);
    expect(confirmed.body.verified).toBe(true);
    pendingHire = (await request(t.server).post(`${API}/hires`).set(as('liaA')).send({ residentId: ouyang.id, employerId, startDate: TODAY }).expect(201)).body.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('gives a person everything held about them as a downloaded JSON file, their own data in full; audit-logged without the values', async () => {
    if (!db) return;
    const res = await request(t.server).get(`${API}/me/data-export`).set(as('ouyang')).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="my-data-\d{8}\.json"/);
    const data = res.body;
    expect(data.account).toMatchObject({ id: ouyang.userId, role: 'seeker', name: '欧阳秀英' });
    expect(data.resident).toMatchObject({ id: ouyang.id, name: '欧阳秀英', idNumber: ouyang.idNumber, phone: ouyang.phone, villageCode: VA, skills: ['塑编', '叉车'], keyGroups: ['hard_to_employ'], personalizedRecommendations: true });
    expect(data.resident.history.length).toBeGreaterThan(0);
    expect(data.applications).toHaveLength(1);
    expect(data.applications[0]).toMatchObject({ id: openApplication, postTitle: '塑编工', employerName: '山亭区桑村塑编制品有限公司', status: 'offered' });
    expect(data.applications[0].steps.map((s: { status: string }) => s.status)).toEqual(['applied', 'viewed', 'offered']);
    expect(data.hires.map((h: { id: string }) => h.id).sort()).toEqual([countedHire, pendingHire].sort());
    expect(data.hires.find((h: { id: string }) => h.id === countedHire)).toMatchObject({ verified: true, wage: 3600 });
    expect(data.notifications.length).toBeGreaterThan(0);
    expect(data.notificationSettings).toEqual({ mutedTypes: ['job_digest'], sms: false });
    expect(data.consents.resident).toMatchObject({ method: 'self' });
    expect(data.consents.personalizedRecommendations).toBe(true);
    expect(data.auditEntries.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['resident.self_register', 'hire.create']));
    expect(data.deletionRequests).toEqual([]);

    const logged = await t.dataSource.getRepository(AuditLog).find({ where: { action: 'privacy.export', targetId: ouyang.userId } });
    expect(logged).toHaveLength(1);
    const text = JSON.stringify(logged[0]);
    for (const value of [ouyang.idNumber, ouyang.phone, '欧阳秀英']) expect(text).not.toContain(value);

    // Someone without 求职信息 gets their account alone; no token, no export.
    const bare = (await request(t.server).get(`${API}/me/data-export`).set(as('qian')).expect(200)).body;
    expect(bare).toMatchObject({ account: { name: '钱多多' }, resident: null, applications: [], hires: [] });
    await request(t.server).get(`${API}/me/data-export`).expect(401);
  });

  it('takes one deletion request at a time (409 for a second), and shows its state', async () => {
    if (!db) return;
    await request(t.server).get(`${API}/me/deletion-request`).set(as('ouyang')).expect(404);
    const res = await request(t.server).post(`${API}/me/deletion-request`).set(as('ouyang')).send({ reason: '不再找工作了，请删除我的信息' }).expect(201);
    requestId = res.body.id;
    expect(res.body).toMatchObject({ status: 'pending', reason: '不再找工作了，请删除我的信息', decidedAt: null });
    const again = await request(t.server).post(`${API}/me/deletion-request`).set(as('ouyang')).send({}).expect(409);
    expect(again.body.message).toMatch(/已经提交过/);
    expect((await request(t.server).get(`${API}/me/deletion-request`).set(as('ouyang')).expect(200)).body).toMatchObject({ id: requestId, status: 'pending' });
  });

  it.each([
    ['a null reason', { reason: null }],
    ['a reason of 201 characters', { reason: '删'.repeat(201) }],
    ['a reason that is not text', { reason: 5 }],
    ['an unknown field', { why: '删' }],
  ])('refuses a request with %s (400)', async (_label, body) => {
    if (!db) return;
    const res = await request(t.server).post(`${API}/me/deletion-request`).set(as('zhao')).send(body).expect(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lets only seekers and employers ask; staff and strangers are refused', async () => {
    if (!db) return;
    await request(t.server).post(`${API}/me/deletion-request`).set(as('liaA')).send({}).expect(403);
    await request(t.server).post(`${API}/me/deletion-request`).set(as('admin')).send({}).expect(403);
    await request(t.server).post(`${API}/me/deletion-request`).send({}).expect(401);
  });

  it('lists requests to the liaisons and admins of the person’s area only', async () => {
    if (!db) return;
    const ids = async (who: string, query = '') => ((await request(t.server).get(`${API}/privacy/deletion-requests${query}`).set(as(who)).expect(200)).body.items as { id: string }[]).map((i) => i.id);
    for (const who of ['admin', 'offA', 'liaA', 'townA']) expect(await ids(who)).toContain(requestId);
    for (const who of ['offB', 'liaB']) expect(await ids(who)).not.toContain(requestId);
    const item = (await request(t.server).get(`${API}/privacy/deletion-requests?status=pending`).set(as('liaA')).expect(200)).body.items[0];
    expect(item).toMatchObject({ id: requestId, status: 'pending', source: 'self', name: '欧阳秀英', villageCode: VA, townName: '桑村镇', residentId: ouyang.id, userId: ouyang.userId, decidedBy: null });
    expect(await ids('admin', '?status=declined')).not.toContain(requestId);
    await request(t.server).get(`${API}/privacy/deletion-requests?status=bogus`).set(as('admin')).expect(400);
    await request(t.server).get(`${API}/privacy/deletion-requests`).set(as('ouyang')).expect(403);
    await request(t.server).get(`${API}/privacy/deletion-requests`).set(as('boss')).expect(403);
  });

  it('refuses to act on a request outside the caller’s area (404), from the wrong role (403), or without a reason to decline (400)', async () => {
    if (!db) return;
    await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/complete`).set(as('liaB')).send({}).expect(404);
    await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/complete`).set(as('offB')).send({}).expect(404);
    await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/decline`).set(as('offB')).send({ reason: '不在本镇街管辖范围' }).expect(404);
    await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/complete`).set(as('ouyang')).send({}).expect(403);
    await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/complete`).set(as('boss')).send({}).expect(403);
    await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/decline`).set(as('liaA')).send({}).expect(400);
    await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/decline`).set(as('liaA')).send({ reason: null }).expect(400);
    await request(t.server).post(`${API}/privacy/deletion-requests/${randomUUID()}/complete`).set(as('admin')).send({}).expect(404);
    await request(t.server).post(`${API}/privacy/deletion-requests/not-an-id/complete`).set(as('admin')).send({}).expect(404);
    expect((await request(t.server).get(`${API}/me/deletion-request`).set(as('ouyang')).expect(200)).body.status).toBe('pending');
  });

  it('carries the erasure out: personal fields gone, applications withdrawn, the account ended, last year’s count unchanged', async () => {
    if (!db) return;
    const before = await employmentStats(LAST_YEAR);
    expect(before.count).toBeGreaterThanOrEqual(1);
    const countedBefore = await t.dataSource.getRepository(NewEmployment).countBy({ year: LAST_YEAR });
    // Messages about her went to the employer and her liaison (names masked or full).
    expect(await t.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.body LIKE :n', { n: '%欧阳%' }).getCount()).toBeGreaterThan(0);

    const res = await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/complete`).set(as('liaA')).send({ note: '已电话核实本人意愿' }).expect(200);
    expect(res.body).toMatchObject({ id: requestId, status: 'completed', reason: null, decisionNote: '已电话核实本人意愿', name: '已注销', decidedBy: { name: '桑村联络员', role: 'liaison' } });

    // Past years' numbers do not change: the counted row stays, anonymous.
    expect(await employmentStats(LAST_YEAR)).toEqual(before);
    expect(await t.dataSource.getRepository(NewEmployment).countBy({ year: LAST_YEAR })).toBe(countedBefore);
    expect(await t.dataSource.getRepository(NewEmployment).findOneBy({ year: LAST_YEAR, residentId: ouyang.id })).toMatchObject({ hireId: countedHire, villageCode: VA, keyGroups: ['hard_to_employ'] });
    await request(t.server).get(`${API}/hires/ledger.xlsx?year=${LAST_YEAR}`).set(as('admin')).expect(200);

    // The record: nothing that names her.
    const stub = await t.dataSource.getRepository(Resident).findOneByOrFail({ id: ouyang.id });
    const cipher = new PersonalDataCipher(t.config.dataKey);
    expect(stub).toMatchObject({ name: '已注销', userId: null, skills: [], keyGroups: [], desiredOccupations: [], expectedWageMin: null, status: 'not_seeking', villageCode: VA, gender: 'female', birthDate: '1988-01-01' });
    expect(stub.erasedAt).not.toBeNull();
    expect(cipher.decrypt(stub.idNumberCipher ?? 'missing')).toBe('');
    expect(cipher.decrypt(stub.phoneCipher)).toBe('');
    expect(stub.idNumberHash).not.toBe(cipher.blindIndex('id_number', ouyang.idNumber));
    const raw = JSON.stringify(await t.dataSource.query('SELECT * FROM residents WHERE id = ?', [ouyang.id]));
    for (const value of ['欧阳秀英', '塑编', ouyang.idNumber, ouyang.phone, cipher.blindIndex('id_number', ouyang.idNumber), cipher.blindIndex('phone', ouyang.phone)]) expect(raw).not.toContain(value);

    // Applications and hires: the open one withdrawn, the unverified hire gone, the counted one kept.
    expect(await t.dataSource.getRepository(Application).findOneByOrFail({ id: openApplication })).toMatchObject({ status: 'withdrawn' });
    const steps: { note: string | null }[] = await t.dataSource.query('SELECT note FROM application_steps WHERE application_id = ?', [openApplication]);
    expect(steps.every((s) => s.note === null)).toBe(true);
    expect(await t.dataSource.getRepository(Hire).findOneBy({ id: pendingHire })).toBeNull();
    expect(await t.dataSource.getRepository(Hire).findOneByOrFail({ id: countedHire })).toMatchObject({ verified: true, residentId: ouyang.id });

    // Messages to and about her are gone.
    expect(await t.dataSource.getRepository(Notification).createQueryBuilder('n').where('n.body LIKE :n', { n: '%欧阳%' }).getCount()).toBe(0);
    expect(await t.dataSource.getRepository(Notification).countBy({ userId: ouyang.userId })).toBe(0);

    // The account: anonymised, disabled, its old token refused at once.
    expect(await t.dataSource.getRepository(User).findOneByOrFail({ id: ouyang.userId })).toMatchObject({ name: '已注销', devKey: null, wechatOpenid: null, phoneCipher: null });
    await request(t.server).get(`${API}/me/deletion-request`).set(as('ouyang')).expect(401);
    await request(t.server).get(`${API}/me/profile`).set(as('ouyang')).expect(401);

    // Everything audit-logged, with counts and never her values.
    const logged = await t.dataSource.getRepository(AuditLog).findOneByOrFail({ action: 'privacy.erase', targetId: ouyang.id });
    expect(logged.detail).toMatchObject({ requestId, source: 'self', accountEnded: true, applicationsWithdrawn: 1, hiresRemoved: 1, hiresKept: 1 });
    const text = JSON.stringify(await t.dataSource.getRepository(AuditLog).find({ where: [{ targetId: ouyang.id }, { targetId: ouyang.userId }, { action: 'privacy.deletion_request' }] }));
    for (const value of [ouyang.idNumber, ouyang.phone, '欧阳秀英', '不再找工作了']) expect(text).not.toContain(value);
    expect((await request(t.server).get(`${API}/audit/verify`).set(as('admin')).expect(200)).body).toMatchObject({ ok: true });

    // Her liaison no longer has her in the 台账, nor can apply or record a hire for the stub.
    await request(t.server).get(`${API}/residents/${ouyang.id}`).set(as('liaA')).expect(404);
    await request(t.server).post(`${API}/applications`).set(as('liaA')).send({ postId, residentId: ouyang.id }).expect(404);
    await request(t.server).post(`${API}/hires`).set(as('liaA')).send({ residentId: ouyang.id, employerId, startDate: TODAY }).expect(404);
    const listed = (await request(t.server).get(`${API}/residents?limit=100`).set(as('liaA')).expect(200)).body.items as { id: string }[];
    expect(listed.map((r) => r.id)).not.toContain(ouyang.id);
  });

  it('refuses a second completion or a decline of a done request (409)', async () => {
    if (!db) return;
    const again = await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/complete`).set(as('admin')).send({}).expect(409);
    expect(again.body.message).toMatch(/已经处理过/);
    await request(t.server).post(`${API}/privacy/deletion-requests/${requestId}/decline`).set(as('admin')).send({ reason: '重复处理测试' }).expect(409);
    await request(t.server).post(`${API}/residents/${ouyang.id}/erase`).set(as('liaA')).send({ reason: '本人到窗口申请' }).expect(409);
  });

  it('lets the person sign up again as someone new, with the same 身份证号', async () => {
    if (!db) return;
    const fresh = (await devLogins(t.server, { ouyang: { role: 'seeker', name: '欧阳秀英' } })).ouyang;
    const me = await request(t.server).get(`${API}/me`).set('Authorization', `Bearer ${fresh}`).expect(200);
    expect(me.body.id).not.toBe(ouyang.userId);
    await request(t.server).get(`${API}/me/profile`).set('Authorization', `Bearer ${fresh}`).expect(404);
    const again = await request(t.server).put(`${API}/me/profile`).set('Authorization', `Bearer ${fresh}`).send(profile('欧阳秀英', ouyang.idNumber, ouyang.phone, VA));
    expect([200, 201]).toContain(again.status);
    expect(again.body.id).not.toBe(ouyang.id);
  });

  it('declines with a reason the person reads, who may then ask again', async () => {
    if (!db) return;
    await request(t.server).put(`${API}/me/profile`).set(as('zhao')).send(profile('赵海燕', idOf('19900101', '221'), '13905460221', VA));
    const asked = (await request(t.server).post(`${API}/me/deletion-request`).set(as('zhao')).send({ reason: '想删除' }).expect(201)).body;
    const declined = await request(t.server).post(`${API}/privacy/deletion-requests/${asked.id}/decline`).set(as('offA')).send({ reason: '您的就业补贴正在办理，办结后可再申请' }).expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', decisionNote: '您的就业补贴正在办理，办结后可再申请', decidedBy: { role: 'admin' } });
    expect((await request(t.server).get(`${API}/me/deletion-request`).set(as('zhao')).expect(200)).body).toMatchObject({ id: asked.id, status: 'declined', reason: '想删除', decisionNote: '您的就业补贴正在办理，办结后可再申请' });
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'privacy.deletion_declined', targetId: declined.body.userId })).toBe(1);
    await request(t.server).get(`${API}/me/profile`).set(as('zhao')).expect(200); // nothing erased
    await request(t.server).post(`${API}/me/deletion-request`).set(as('zhao')).send({}).expect(201);
  });

  it('a request from an account without 求职信息 is the district admin’s', async () => {
    if (!db) return;
    const asked = (await request(t.server).post(`${API}/me/deletion-request`).set(as('qian')).send({}).expect(201)).body;
    for (const who of ['offA', 'liaA', 'townA']) {
      const ids = ((await request(t.server).get(`${API}/privacy/deletion-requests`).set(as(who)).expect(200)).body.items as { id: string }[]).map((i) => i.id);
      expect(ids).not.toContain(asked.id);
      await request(t.server).post(`${API}/privacy/deletion-requests/${asked.id}/complete`).set(as(who)).send({}).expect(404);
    }
    const done = await request(t.server).post(`${API}/privacy/deletion-requests/${asked.id}/complete`).set(as('admin')).send({}).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', residentId: null });
    await request(t.server).get(`${API}/me`).set(as('qian')).expect(401);
  });

  it('erases at once for a person who asked at the village window, completing a pending request of theirs', async () => {
    if (!db) return;
    // Registered by the liaison, no account: erased in person.
    const walkIn = (await request(t.server).post(`${API}/residents`).set(as('liaA')).send({ ...profile('李桂兰', idOf('19650303', '171'), '13905460171', VA), consent: { method: 'signature', at: new Date().toISOString() } }).expect(201)).body;
    await request(t.server).post(`${API}/residents/${walkIn.id}/erase`).set(as('liaB')).send({ reason: '本人到村委会窗口申请删除' }).expect(404);
    await request(t.server).post(`${API}/residents/${walkIn.id}/erase`).set(as('offB')).send({ reason: '本人到村委会窗口申请删除' }).expect(404);
    await request(t.server).post(`${API}/residents/${walkIn.id}/erase`).set(as('zhao')).send({ reason: '本人到村委会窗口申请删除' }).expect(403);
    await request(t.server).post(`${API}/residents/${walkIn.id}/erase`).set(as('liaA')).send({}).expect(400);
    await request(t.server).post(`${API}/residents/${walkIn.id}/erase`).set(as('liaA')).send({ reason: null }).expect(400);
    await request(t.server).post(`${API}/residents/not-an-id/erase`).set(as('liaA')).send({ reason: '本人到村委会窗口申请删除' }).expect(404);
    const done = await request(t.server).post(`${API}/residents/${walkIn.id}/erase`).set(as('townA')).send({ reason: '本人到村委会窗口申请删除' }).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', source: 'in_person', residentId: walkIn.id, userId: null, name: '已注销', decisionNote: '本人到村委会窗口申请删除' });
    await request(t.server).post(`${API}/residents/${walkIn.id}/erase`).set(as('liaA')).send({ reason: '本人到村委会窗口申请删除' }).expect(409);
    expect(await t.dataSource.getRepository(Resident).findOneByOrFail({ id: walkIn.id })).toMatchObject({ name: '已注销' });

    // 孙立新 asked in the app and then came to the window: one request, completed.
    const sun = (await request(t.server).put(`${API}/me/profile`).set(as('sun')).send(profile('孙立新', idOf('19750707', '331'), '13905460331', VA))).body;
    const asked = (await request(t.server).post(`${API}/me/deletion-request`).set(as('sun')).send({}).expect(201)).body;
    const erased = await request(t.server).post(`${API}/residents/${sun.id}/erase`).set(as('offA')).send({ reason: '本人到窗口再次申请' }).expect(200);
    expect(erased.body).toMatchObject({ id: asked.id, status: 'completed', source: 'self' });
    await request(t.server).get(`${API}/me`).set(as('sun')).expect(401);
    expect((await request(t.server).get(`${API}/audit/verify`).set(as('admin')).expect(200)).body.ok).toBe(true);
  });
});
