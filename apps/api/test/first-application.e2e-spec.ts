import request from 'supertest';
import { chinaDateOf } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { idNumber, residentBody } from './support/identity';
import { startFakeWechat, type FakeWechat } from './support/fake-wechat';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * 先报名，后补身份证号: a seeker's first application needs a name, a phone and a 村 (POST /me/profile/quick);
 * the 身份证号 comes when the person confirms a hire (or their liaison adds it), and nothing counts
 * without it. And 打电话: the applicant reaches the employer's contact (POST /applications/:id/call).
 */

const API = '/api/v1';
const V1 = '370406103201'; // 桑村镇户口村
const TODAY = chinaDateOf(new Date());
const EMPLOYER_PHONE = '13905462222'; // support/posts.ts registers every test employer with it

describe.each(DATABASE_KINDS)('the first application on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let wechat: FakeWechat;
  let tok: Record<string, string>;
  let postId: string;
  let n = 0;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const quick = (token: string, body: unknown) => request(t.server).post(`${API}/me/profile/quick`).set(as(token)).send(body as object);
  /** A new seeker account by the development login (no phone on the account). */
  const newSeeker = async (): Promise<string> => (await devLogins(t.server, { s: { role: 'seeker', name: `求职者${++n}` } })).s;
  const apply = (token: string) => request(t.server).post(`${API}/applications`).set(as(token)).send({ postId });
  const stats = async () => (await request(t.server).get(`${API}/stats/employment?year=${TODAY.slice(0, 4)}`).set(as(tok.admin)).expect(200)).body.count as number;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    wechat = await startFakeWechat();
    t = await startTestApp(db, { WECHAT_API_BASE: wechat.url, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret' });
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      lia1: { role: 'liaison', name: '户口村联络员', regionCode: V1 },
      lia2: { role: 'liaison', name: '北庄联络员', regionCode: '370406104201' },
      boss: { role: 'employer', name: '张经理' },
    });
    await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', '山亭区桑村塑编制品有限公司');
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '塑编工', occupationCode: '6-02-01', description: '编织袋生产，男女不限', skills: ['塑编'], wageMin: 3200, wageMax: 4000 })).id;
  });

  afterAll(async () => {
    await t?.close();
    await wechat?.close();
    await db?.drop();
  });

  it('a name, a phone and a 村 are enough to apply; the record has no 身份证号 yet', async () => {
    if (!db) return;
    const seeker = await newSeeker();
    expect((await apply(seeker).expect(404)).body.message).toBe('请先填写求职信息，再投递');
    const made = await quick(seeker, { name: '刘芳', phone: '13905467001', villageCode: V1, desiredOccupations: ['6-02-01'] }).expect(201);
    expect(made.body).toMatchObject({ name: '刘芳', phone: '139****7001', idNumber: null, gender: null, birthDate: null, age: null, villageCode: V1, desiredOccupations: ['6-02-01'], status: 'seeking', consent: { method: 'self' } });
    const app = (await apply(seeker).expect(201)).body;
    // The employer sees the name and phone the person gave, as the apply sheet promised.
    const seen = (await request(t.server).get(`${API}/applications/${app.id}`).set(as(tok.boss)).expect(200)).body;
    expect(seen.resident).toMatchObject({ name: '刘芳', phone: '13905467001', gender: null, age: null });
    // Their own profile reads back without the 身份证号; a second quick record is refused.
    expect((await request(t.server).get(`${API}/me/profile`).set(as(seeker)).expect(200)).body.idNumber).toBeNull();
    expect((await quick(seeker, { name: '刘芳', phone: '13905467001', villageCode: V1 }).expect(409)).body.message).toBe('您已经登记过求职信息了，可以直接报名');
    // The liaison of the 村 sees the person in the 台账 list, and the export marks the missing number.
    const listed = (await request(t.server).get(`${API}/residents?villageCode=${V1}&limit=100`).set(as(tok.lia1)).expect(200)).body.items;
    expect(listed.find((r: { id: string }) => r.id === made.body.id)).toMatchObject({ idNumber: null });
  });

  it('the phone comes from the account, or from WeChat 手机号快速验证; one is needed', async () => {
    if (!db) return;
    const bare = await newSeeker();
    const refused = await quick(bare, { name: '王强', villageCode: V1 }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'phone', message: '请填写手机号，企业要打电话联系您' }]);
    const viaCode = await quick(bare, { name: '王强', phoneCode: 'phone-13905467002', villageCode: V1 }).expect(201);
    expect(viaCode.body.phone).toBe('139****7002');
    await quick(await newSeeker(), { name: '王强', phoneCode: 'expired', villageCode: V1 }).expect(400);
    // A WeChat login with the phone: the account's own number is used.
    const login = (await request(t.server).post(`${API}/auth/wechat`).send({ code: 'ok-first-app', phoneCode: 'phone-13905467003' }).expect(200)).body;
    expect((await quick(login.token, { name: '赵敏', villageCode: V1 }).expect(201)).body.phone).toBe('139****7003');
  });

  it('a person their village registered already gets that record, when WeChat proves the phone; a typed one never links', async () => {
    if (!db) return;
    const village = (await request(t.server).post(`${API}/residents`).set(as(tok.lia1)).send(residentBody(761, { name: '郑华', phone: '13905467061', villageCode: V1 })).expect(201)).body;
    // Typing that number proves nothing: a record of one's own, not the village's.
    const typed = (await quick(await newSeeker(), { name: '郑华', phone: '13905467061', villageCode: V1 }).expect(201)).body;
    expect(typed.id).not.toBe(village.id);
    const login = (await request(t.server).post(`${API}/auth/wechat`).send({ code: 'ok-zheng', phoneCode: 'phone-13905467061' }).expect(200)).body;
    const linked = (await quick(login.token, { name: '郑华', villageCode: V1 }).expect(201)).body;
    expect(linked).toMatchObject({ id: village.id, idNumber: village.idNumber, selfRegistered: true });
    expect((await request(t.server).get(`${API}/me/profile`).set(as(login.token)).expect(200)).body.id).toBe(village.id);
  });

  it('refuses bad and hostile bodies with plain words, and other roles', async () => {
    if (!db) return;
    const seeker = await newSeeker();
    for (const body of [null, {}, { name: '刘', phone: '13905467010', villageCode: V1 }, { name: '刘芳', phone: '12345', villageCode: V1 }, { name: '刘芳', phone: '13905467010', villageCode: '370406' }, { name: '刘芳', phone: '13905467010', villageCode: '110101001001' }, { name: { a: { b: 1 } }, phone: '13905467010', villageCode: V1 }, { name: '刘芳', phone: '13905467010', villageCode: V1, desiredOccupations: 'x' }, { name: '刘芳', phone: '13905467010', villageCode: V1, desiredOccupations: ['9-99-99'] }, { name: '刘'.repeat(5000), phone: '13905467010', villageCode: V1 }]) {
      const res = await quick(seeker, body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const who of ['lia1', 'boss', 'admin']) await quick(tok[who], { name: '刘芳', phone: '13905467010', villageCode: V1 }).expect(403);
    await request(t.server).post(`${API}/me/profile/quick`).send({ name: '刘芳', phone: '13905467010', villageCode: V1 }).expect(401);
  });

  it('a hire counts only once the person gives the 身份证号 with their confirmation', async () => {
    if (!db) return;
    const seeker = await newSeeker();
    await quick(seeker, { name: '孙丽', phone: '13905467020', villageCode: V1 }).expect(201);
    const app = (await apply(seeker).expect(201)).body;
    const hireId = (await request(t.server).patch(`${API}/applications/${app.id}`).set(as(tok.boss)).send({ status: 'hired', startDate: TODAY }).expect(200)).body.hireId as string;
    const before = await stats();
    const mine = (await request(t.server).get(`${API}/hires`).set(as(seeker)).expect(200)).body.items[0];
    expect(mine).toMatchObject({ id: hireId, idNumberMissing: true });
    await request(t.server).post(`${API}/hires/${hireId}/confirm`).set(as(tok.boss)).expect(200);
    // An admin cannot count a person with no 身份证号.
    expect((await request(t.server).post(`${API}/hires/${hireId}/verify`).set(as(tok.admin)).send({ reason: '电话核实本人已上班' }).expect(409)).body.message).toBe('这个人还没有填身份证号，请联络员先补全，再核实');
    const confirm = (body: object) => request(t.server).post(`${API}/hires/${hireId}/confirm`).set(as(seeker)).send(body);
    expect((await confirm({}).expect(400)).body.errors).toEqual([{ field: 'idNumber', message: '确认上班前请填上身份证号：算进新增就业的实名台账要用' }]);
    await confirm({ idNumber: '370406199001011235' }).expect(400); // wrong last digit
    // Somebody else's number (registered by the liaison) is refused: the two records are merged by a person.
    const taken = idNumber('370406', '19800101', '721');
    await request(t.server).post(`${API}/residents`).set(as(tok.lia1)).send(residentBody(721, { idNumber: taken, villageCode: V1 })).expect(201);
    expect((await confirm({ idNumber: taken }).expect(409)).body.message).toBe('这个身份证号村里已经登记过了；请联系村居联络员，把两份信息合成一份');
    expect(await stats()).toBe(before);
    const given = idNumber('370406', '19850620', '722');
    const done = await confirm({ idNumber: given }).expect(200);
    expect(done.body).toMatchObject({ verified: true, idNumberMissing: false });
    expect(await stats()).toBe(before + 1);
    const profile = (await request(t.server).get(`${API}/me/profile`).set(as(seeker)).expect(200)).body;
    expect(profile).toMatchObject({ idNumber: `3704**********${given.slice(-4)}`, gender: 'female', birthDate: '1985-06-20' });
    // Audit-logged, and never with the number.
    const logs = await t.dataSource.getRepository(AuditLog).find({ where: { action: 'resident.give_id_number' } });
    expect(logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).not.toContain('19850620');
  });

  it('the liaison completes the 身份证号 once; the seeker may give it in 我的求职信息', async () => {
    if (!db) return;
    const a = await newSeeker();
    const made = (await quick(a, { name: '钱伟', phone: '13905467030', villageCode: V1 }).expect(201)).body;
    const patch = (token: string, body: object) => request(t.server).patch(`${API}/residents/${made.id}`).set(as(token)).send(body);
    await patch(tok.lia2, { idNumber: idNumber('370406', '19700101', '731') }).expect(404);
    const given = await patch(tok.lia1, { idNumber: idNumber('370406', '19700101', '731') }).expect(200);
    expect(given.body).toMatchObject({ gender: 'male', birthDate: '1970-01-01' });
    expect((await patch(tok.lia1, { idNumber: idNumber('370406', '19700101', '733') }).expect(409)).body.message).toBe('身份证号登记以后不能改；登记错了请联系区人社局');
    // A seeker completes their own quick record through PUT /me/profile.
    const b = await newSeeker();
    await quick(b, { name: '周婷', phone: '13905467040', villageCode: V1 }).expect(201);
    const full = await request(t.server).put(`${API}/me/profile`).set(as(b)).send(residentBody(741, { name: '周婷', phone: '13905467040', villageCode: V1, consent: { method: 'self', at: new Date().toISOString() } })).expect(200);
    expect(full.body.idNumber).toMatch(/^3704\*+/);
  });

  it('打电话: the applicant and their liaison reach the employer; nobody else; not after it ended', async () => {
    if (!db) return;
    const seeker = await newSeeker();
    await quick(seeker, { name: '吴刚', phone: '13905467050', villageCode: V1 }).expect(201);
    const app = (await apply(seeker).expect(201)).body;
    const call = (token: string) => request(t.server).post(`${API}/applications/${app.id}/call`).set(as(token));
    expect((await call(seeker).expect(200)).body).toEqual({ phone: EMPLOYER_PHONE });
    expect((await call(tok.lia1).expect(200)).body).toEqual({ phone: EMPLOYER_PHONE });
    await call(tok.lia2).expect(404);
    await call(await newSeeker()).expect(404);
    await call(tok.boss).expect(403);
    await request(t.server).post(`${API}/applications/not-a-uuid/call`).set(as(seeker)).expect(404);
    const logs = await t.dataSource.getRepository(AuditLog).find({ where: { action: 'application.call_employer', targetId: app.id } });
    expect(logs).toHaveLength(2);
    expect(JSON.stringify(logs)).not.toContain(EMPLOYER_PHONE);
    await request(t.server).patch(`${API}/applications/${app.id}`).set(as(seeker)).send({ status: 'withdrawn' }).expect(200);
    expect((await call(seeker).expect(409)).body.message).toBe('这次报名已经结束了，不用再打电话');
  });
});
