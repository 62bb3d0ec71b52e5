import request from 'supertest';
import { chinaDateOf } from '@zaogong/shared';
import { Clock } from '../src/common/clock';
import { residentBody } from './support/identity';
import { verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * 共享员工 (docs/business-logic/shared-staff.md): offers and requests that find each other with reasons; an
 * agreement that is active only once both firms signed and every lent worker consented; no worker twice, no
 * third firm, nothing counted as 新增就业 — and the refusals, in plain words.
 */

const API = '/api/v1';
const T1 = '370406103'; // 桑村镇
const V1 = '370406103201';
const T2 = '370406104'; // 北庄镇
const V2 = '370406104201';
const DAY = 86_400_000;
const day = (n: number) => chinaDateOf(new Date(Date.now() + n * DAY));
const YEAR = Number(chinaDateOf(new Date()).slice(0, 4));

describe.each(DATABASE_KINDS)('共享员工 on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let lender: string;
  let borrower: string;
  let third: string;
  let n = 0;
  const as = (who: string) => ({ Authorization: `Bearer ${tok[who] ?? who}` });
  const api = (method: 'get' | 'post', path: string, who?: string) => {
    const r = request(t.server)[method](`${API}${path}`);
    return who ? r.set(as(who)) : r;
  };
  const offer = (over: Record<string, unknown> = {}) => ({ occupationCode: '6-02-01', headcount: 5, from: day(7), to: day(37), townCode: T2, note: '淡季富余工人', ...over });
  const req = (over: Record<string, unknown> = {}) => ({ occupationCode: '6-02-01', headcount: 3, from: day(10), to: day(40), townCode: T1, wage: 150, wageUnit: 'day', note: '春节前赶订单', ...over });
  const agreement = (over: Record<string, unknown> = {}) => ({ lenderId: lender, borrowerId: borrower, from: day(7), to: day(37), work: '豆制品包装', pay: '借入方按日150元结算，经出借方发放', injuryCover: 'lender', ...over });
  const worker = async (village = V2, liaison = 'lia2') => (await api('post', '/residents', liaison).send(residentBody(700 + ++n, { villageCode: village, phone: `1390551${String(n).padStart(4, '0')}` })).expect(201)).body.id as string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      off1: { role: 'admin', name: '桑村镇干部', regionCode: T1 },
      off2: { role: 'admin', name: '北庄镇干部', regionCode: T2 },
      lia1: { role: 'liaison', name: '户口村联络员', regionCode: V1 },
      lia2: { role: 'liaison', name: '毛宅村联络员', regionCode: V2 },
      stone: { role: 'employer', name: '孙厂长' },
      tofu: { role: 'employer', name: '李厂长' },
      other: { role: 'employer', name: '外人' },
    });
    lender = await verifiedEmployer(t, tok.stone, tok.admin, 'MA7Q1H3R', '山亭区北庄石材加工厂');
    borrower = await verifiedEmployer(t, tok.tofu, tok.admin, 'MA7Q1H3T', '山亭区桑村豆制品厂');
    third = await verifiedEmployer(t, tok.other, tok.admin, 'MA7Q1H3U', '山亭区外人制品厂');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('offers and requests find each other, best first, with the reasons', async () => {
    if (!db) return;
    const o = (await api('post', '/shared-staff/offers', 'stone').send(offer()).expect(201)).body;
    const related = (await api('post', '/shared-staff/offers', 'other').send(offer({ occupationCode: '6-02-02', townCode: T1 })).expect(201)).body;
    await api('post', '/shared-staff/offers', 'other').send(offer({ occupationCode: '4-01-01' })).expect(201); // another trade
    await api('post', '/shared-staff/offers', 'other').send(offer({ from: day(60), to: day(70) })).expect(201); // no overlap
    const r = (await api('post', '/shared-staff/requests', 'tofu').send(req()).expect(201)).body;
    const mine = (await api('get', '/shared-staff/requests', 'tofu').expect(200)).body.items.find((x: { id: string }) => x.id === r.id);
    expect(mine.matches.map((m: { id: string }) => m.id)).toEqual([o.id, related.id]);
    expect(mine.matches[0].reasons).toEqual(['工种相同', '时间重叠28天']);
    expect(mine.matches[1].reasons).toEqual(['同一类工种', '时间重叠28天', '在同一个镇街']);
    expect((await api('get', '/shared-staff/offers', 'stone').expect(200)).body.items[0].matches.map((m: { id: string }) => m.id)).toContain(r.id);
    // Admins see their area's; seekers and liaisons none.
    expect((await api('get', '/shared-staff/offers', 'off2').expect(200)).body.items.map((x: { id: string }) => x.id)).toContain(o.id);
    expect((await api('get', '/shared-staff/offers', 'off1').expect(200)).body.items.map((x: { id: string }) => x.id)).not.toContain(o.id);
    await api('get', '/shared-staff/offers', 'lia1').expect(403);
    for (const [body, message] of [
      [offer({ to: day(3) }), /结束日期不能早于开始日期/],
      [offer({ from: day(-40), to: day(-30) }), /过去/],
      [offer({ occupationCode: '9-99-99' }), /没有这个工种/],
      [offer({ headcount: 0 }), /人数/],
      [offer({ townCode: '110101001' }), /镇街/],
      [offer({ headcount: null }), /null/],
      [req({ wageUnit: 'year' }), /工资单位/],
    ] as const) {
      const path = 'wage' in body ? '/shared-staff/requests' : '/shared-staff/offers';
      expect((await api('post', path, 'tofu').send(body).expect(400)).body.message).toMatch(message);
    }
    await api('post', '/shared-staff/offers', 'lia1').send(offer()).expect(403);
  });

  it('an agreement is active only once both firms signed and every lent worker consented; a third firm cannot sign', async () => {
    if (!db) return;
    const w1 = await worker();
    const seeker = (await devLogins(t.server, { s: { role: 'seeker', name: '石工乙' } })).s;
    const w2 = (await request(t.server).post(`${API}/me/profile/quick`).set({ Authorization: `Bearer ${seeker}` }).send({ name: '石工乙', phone: '13905519999', villageCode: V2 }).expect(201)).body.id as string;
    for (const [body, message] of [
      [agreement({ to: day(3) }), /结束日期不能早于开始日期/],
      [agreement({ injuryCover: 'borrower' }), /工伤保险责任由出借方承担/],
      [agreement({ borrowerId: lender }), /同一家企业/],
      [agreement({ workerIds: ['x'] }), /居民编号/],
    ] as const) expect((await api('post', '/shared-staff/agreements', 'tofu').send(body).expect(400)).body.message).toMatch(message);
    expect((await api('post', '/shared-staff/agreements', 'other').send(agreement()).expect(403)).body.message).toMatch(/本企业/);
    const a = (await api('post', '/shared-staff/agreements', 'stone').send(agreement({ workerIds: [w1, w2] })).expect(201)).body;
    expect(a).toMatchObject({ status: 'draft', waitingFor: ['出借方未签署', '借入方未签署', '王秀英未同意', '石工乙未同意'] });
    expect(a.terms.join('')).toMatch(/劳动合同、社会保险仍在山亭区北庄石材加工厂/);
    await api('post', `/shared-staff/agreements/${a.id}/sign`, 'other').expect(403);
    await api('post', `/shared-staff/agreements/${a.id}/sign`, 'stone').expect(200);
    await api('post', `/shared-staff/agreements/${a.id}/sign`, 'stone').expect(409);
    await api('post', `/shared-staff/agreements/${a.id}/sign`, 'tofu').expect(200);
    expect((await api('get', `/shared-staff/agreements/${a.id}`, 'tofu').expect(200)).body.status).toBe('draft');
    // Consent: the liaison records a signature (saying how), the person taps in the app; nobody else.
    expect((await api('post', `/shared-staff/agreements/${a.id}/workers/${w1}/consent`, 'lia2').send({}).expect(400)).body.message).toMatch(/同意方式/);
    await api('post', `/shared-staff/agreements/${a.id}/workers/${w1}/consent`, 'lia1').send({ method: 'signature' }).expect(404);
    await api('post', `/shared-staff/agreements/${a.id}/workers/${w1}/consent`, 'lia2').send({ method: 'signature' }).expect(200);
    await api('post', `/shared-staff/agreements/${a.id}/workers/${w1}/consent`, 'lia2').send({ method: 'signature' }).expect(409);
    await api('post', `/shared-staff/agreements/${a.id}/workers/${w2}/consent`, 'stone').send({}).expect(403);
    const active = (await api('post', `/shared-staff/agreements/${a.id}/workers/${w2}/consent`, seeker).send({}).expect(200)).body;
    expect(active).toMatchObject({ status: 'active', waitingFor: [] });
    expect(active.workers.map((w: { consentMethod: string }) => w.consentMethod)).toEqual(['signature', 'app']);
    // Everyone hears; the worker sees the agreement, a stranger does not.
    const inbox = (await api('get', '/notifications?limit=50', seeker).expect(200)).body.items.map((x: { title: string }) => x.title);
    expect(inbox).toContain('共享用工协议生效');
    expect((await api('get', '/shared-staff/agreements', seeker).expect(200)).body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await api('get', '/shared-staff/agreements', 'lia2').expect(200)).body.items.map((x: { id: string }) => x.id)).toContain(a.id);
    expect((await api('get', '/shared-staff/agreements', 'lia1').expect(200)).body.items.map((x: { id: string }) => x.id)).not.toContain(a.id);
    await api('get', `/shared-staff/agreements/${a.id}`, 'lia2').expect(200);
    await api('get', `/shared-staff/agreements/${a.id}`, 'other').expect(404);
    await api('get', `/shared-staff/agreements/${a.id}`, 'off2').expect(404); // the work is in 桑村镇
    await api('get', `/shared-staff/agreements/${a.id}`, 'off1').expect(200);
    // The same worker on an overlapping agreement, or a worker employed by another firm: refused.
    expect((await api('post', '/shared-staff/agreements', 'stone').send(agreement({ from: day(20), to: day(50), workerIds: [w1] })).expect(409)).body.message).toMatch(/时间重叠/);
    const employed = await worker();
    const hire = (await api('post', '/hires', 'lia2').send({ residentId: employed, employerId: third, startDate: day(0) }).expect(201)).body;
    await api('post', `/hires/${hire.id}/verify`, 'admin').send({ reason: '电话核实本人已在岗' }).expect(200);
    expect((await api('post', '/shared-staff/agreements', 'stone').send(agreement({ workerIds: [employed] })).expect(409)).body.message).toMatch(/别的企业的员工/);
    // The lender puts one of its people on by name and phone (a firm cannot list residents); they are asked to consent.
    const byPhone = (await api('post', '/residents', 'lia2').send(residentBody(790, { villageCode: V2, name: '石工丙', phone: '13905517900' })).expect(201)).body.id as string;
    const later = (await api('post', '/shared-staff/agreements', 'stone').send(agreement({ from: day(60), to: day(70) })).expect(201)).body;
    expect((await api('get', '/notifications?limit=50', 'tofu').expect(200)).body.items.map((x: { title: string }) => x.title)).toContain('共享用工协议待签署');
    expect((await api('post', `/shared-staff/agreements/${later.id}/workers`, 'stone').send({ name: '石工丙', phone: '13905517901' }).expect(404)).body.message).toMatch(/没有找到这个人/);
    await api('post', `/shared-staff/agreements/${later.id}/workers`, 'stone').send({ name: '石工丙' }).expect(400);
    await api('post', `/shared-staff/agreements/${later.id}/workers`, 'tofu').send({ name: '石工丙', phone: '13905517900' }).expect(403);
    const added = (await api('post', `/shared-staff/agreements/${later.id}/workers`, 'stone').send({ name: '石工丙', phone: '13905517900' }).expect(200)).body;
    expect(added.workers.map((x: { residentId: string }) => x.residentId)).toEqual([byPhone]);
    expect(added.place).toMatch(/桑村/);
    // Extend, then end early with a reason: both firms and the workers are told.
    expect((await api('post', `/shared-staff/agreements/${a.id}/extend`, 'tofu').send({ to: day(30), reason: '订单增加' }).expect(400)).body.message).toMatch(/要晚于/);
    expect((await api('post', `/shared-staff/agreements/${a.id}/extend`, 'tofu').send({ to: day(45), reason: '订单增加' }).expect(200)).body.to).toBe(day(45));
    await api('post', `/shared-staff/agreements/${a.id}/end`, 'other').send({ reason: '不想干了' }).expect(403);
    expect((await api('post', `/shared-staff/agreements/${a.id}/end`, 'stone').send({ reason: '订单提前完成' }).expect(200)).body).toMatchObject({ status: 'ended', endReason: '订单提前完成' });
    await api('post', `/shared-staff/agreements/${a.id}/end`, 'stone').send({ reason: '订单提前完成' }).expect(409);
    expect((await api('get', '/notifications?limit=50', seeker).expect(200)).body.items.map((x: { title: string }) => x.title)).toContain('共享用工协议结束');
  });

  it('the district counts agreements, workers and worker-days; placements are never 新增就业', async () => {
    if (!db) return;
    const before = (await api('get', `/stats/employment?year=${YEAR}`, 'admin').expect(200)).body.count;
    const w = await worker();
    const a = (await api('post', '/shared-staff/agreements', 'stone').send(agreement({ from: day(0), to: day(9), workerIds: [w] })).expect(201)).body;
    await api('post', `/shared-staff/agreements/${a.id}/sign`, 'stone').expect(200);
    await api('post', `/shared-staff/agreements/${a.id}/sign`, 'tofu').expect(200);
    await api('post', `/shared-staff/agreements/${a.id}/workers/${w}/consent`, 'lia2').send({ method: 'verbal' }).expect(200);
    // Five days on, the agreement has run five days (today counted).
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 4 * DAY));
    let stats;
    try {
      stats = (await api('get', `/stats/shared-staff?year=${YEAR}`, 'admin').expect(200)).body;
    } finally {
      spy.mockRestore();
    }
    expect(stats.agreements).toBeGreaterThanOrEqual(1);
    expect(stats.workers).toBeGreaterThanOrEqual(1);
    const town = stats.byTown.find((x: { code: string }) => x.code === T1);
    expect(town.workerDays).toBeGreaterThanOrEqual(Number(day(4).slice(0, 4)) === YEAR ? 5 : 0);
    expect((await api('get', `/stats/employment?year=${YEAR}`, 'admin').expect(200)).body.count).toBe(before);
    await api('get', '/stats/shared-staff', 'stone').expect(403);
    await api('get', '/stats/shared-staff?year=1900', 'admin').expect(400);
  });
});
