import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { chinaDateOf, idNumberCheckChar } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { NewEmployment } from '../src/hires/entities/new-employment.entity';
import { Resident } from '../src/residents/entities/resident.entity';
import { postBody, publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';
const V1 = '370406103201'; // 桑村镇
const V2 = '370406105201'; // 城头镇
const YEAR = Number(chinaDateOf(new Date()).slice(0, 4));
const TODAY = chinaDateOf(new Date());

describe.each(DATABASE_KINDS)('applications and hires on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerId: string;
  let postId: string;
  const r: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '管理员' },
      lia1: { role: 'liaison', name: '桑村联络员', regionCode: V1 },
      lia2: { role: 'liaison', name: '城头联络员', regionCode: V2 },
      town: { role: 'liaison', name: '桑村镇干部', regionCode: '370406103' },
      boss: { role: 'employer', name: '张经理' },
      rival: { role: 'employer', name: '李老板' },
      liu: { role: 'seeker', name: '刘芳' },
      stranger: { role: 'seeker', name: '陌生人' },
    });
    employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', '山亭区桑村塑编制品有限公司');
    await verifiedEmployer(t, tok.rival, tok.admin, 'MA7Q1D3T', '山亭区李家豆制品厂');
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '塑编工', occupationCode: '6-02-01', description: '编织袋生产，男女不限', skills: ['塑编'], wageMin: 3200, wageMax: 4000 })).id;
    const add = async (key: string, who: string, name: string, birth: string, seq: string, village: string, keyGroups: string[] = []) => {
      const body = `370406${birth}${seq}`;
      const res = await request(t.server)
        .post(`${API}/residents`)
        .set('Authorization', `Bearer ${tok[who]}`)
        .send({ name, idNumber: body + idNumberCheckChar(body), phone: `139054650${seq.slice(1)}`, villageCode: village, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], keyGroups, consent: { method: 'signature', at: new Date().toISOString() } })
        .expect(201);
      r[key] = res.body.id;
    };
    await add('liu', 'lia1', '刘芳', '19880512', '312', V1, ['hard_to_employ']);
    await add('chen', 'lia1', '陈红', '19790101', '342', V1, ['veteran']);
    await add('ma', 'lia2', '马军', '19920303', '171', V2);
    await add('wang', 'lia1', '王强', '19900909', '333', V1);
    const liu = await t.dataSource.getRepository(Resident).findOneByOrFail({ id: r.liu });
    // 刘芳 signs up with her own 身份证号: linked to the record her liaison made.
    const body = '37040619880512312';
    await request(t.server).put(`${API}/me/profile`).set(as('liu')).send({ name: '刘芳', idNumber: body + idNumberCheckChar(body), phone: '13905465012', villageCode: liu.villageCode, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], keyGroups: ['hard_to_employ'], consent: { method: 'self', at: new Date().toISOString() } }).expect(200);
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const stats = async (year = YEAR, who = 'admin') => (await request(t.server).get(`${API}/stats/employment?year=${year}`).set(as(who)).expect(200)).body;
  let appLiu: string;
  let appChen: string;

  it('a seeker applies in one call; a second application is a 409 with the existing id', async () => {
    if (!db) return;
    const res = await request(t.server).post(`${API}/applications`).set(as('liu')).send({ postId }).expect(201);
    appLiu = res.body.id;
    expect(res.body).toMatchObject({ status: 'applied', source: 'self', post: { title: '塑编工' }, resident: { name: '刘芳' } });
    expect(res.body.steps).toHaveLength(1);
    const dup = await request(t.server).post(`${API}/applications`).set(as('liu')).send({ postId }).expect(409);
    expect(dup.body.existingId).toBe(appLiu);
    await request(t.server).post(`${API}/applications`).set(as('stranger')).send({ postId }).expect(404);
    await request(t.server).post(`${API}/applications`).set(as('boss')).send({ postId, residentId: r.liu }).expect(403);
    await request(t.server).post(`${API}/applications`).set(as('liu')).send({ postId: 'x' }).expect(400);
    await request(t.server).post(`${API}/applications`).set(as('liu')).send({ postId: randomUUID() }).expect(404);
  });

  it('a liaison applies for a resident of their 村居, not for another’s', async () => {
    if (!db) return;
    const res = await request(t.server).post(`${API}/applications`).set(as('lia1')).send({ postId, residentId: r.chen }).expect(201);
    appChen = res.body.id;
    expect(res.body.source).toBe('liaison');
    await request(t.server).post(`${API}/applications`).set(as('lia1')).send({ postId, residentId: r.ma }).expect(404);
    await request(t.server).post(`${API}/applications`).set(as('lia1')).send({ postId }).expect(400);
  });

  it('the employer sees applicants with their phone (audit-logged); others see only their own', async () => {
    if (!db) return;
    const mine = (await request(t.server).get(`${API}/applications?postId=${postId}`).set(as('boss')).expect(200)).body.items as { resident: { phone: string } }[];
    expect(mine).toHaveLength(2);
    expect(mine.map((a) => a.resident.phone)).toContain('13905465012');
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'application.contact' })).toBeGreaterThan(0);
    // 我的岗位 carries the counts, so showing "报名的人 2" reads no personal data.
    const posts = (await request(t.server).get(`${API}/posts/mine`).set(as('boss')).expect(200)).body.items as { id: string; applicants: { total: number; fresh: number } }[];
    expect(posts.find((p) => p.id === postId)?.applicants).toEqual({ total: 2, fresh: 2 });
    expect((await request(t.server).get(`${API}/posts/${postId}`).expect(200)).body.applicants).toBeUndefined();
    expect((await request(t.server).get(`${API}/applications?postId=${postId}`).set(as('rival')).expect(200)).body.items).toHaveLength(0);
    expect((await request(t.server).get(`${API}/applications?postId=${postId}`).set(as('stranger')).expect(200)).body.items).toHaveLength(0);
    expect((await request(t.server).get(`${API}/applications`).set(as('liu')).expect(200)).body.items).toHaveLength(1);
    expect((await request(t.server).get(`${API}/applications`).set(as('lia2')).expect(200)).body.items).toHaveLength(0);
    const forLiaison = (await request(t.server).get(`${API}/applications`).set(as('lia1')).expect(200)).body.items as { resident: { phone: string } }[];
    expect(forLiaison.every((a) => a.resident.phone.includes('*'))).toBe(true);
    await request(t.server).get(`${API}/applications/${appLiu}`).set(as('rival')).expect(404);
  });

  it('the employer moves the pipeline forward with who and when; illegal steps are 409s', async () => {
    if (!db) return;
    const patch = (id: string, who: string, body: object) => request(t.server).patch(`${API}/applications/${id}`).set(as(who)).send(body);
    await patch(appLiu, 'boss', { status: 'viewed' }).expect(200);
    await patch(appLiu, 'boss', { status: 'interview' }).expect(400); // no time
    await patch(appLiu, 'boss', { status: 'interview', interviewAt: '2020-01-01T09:00:00+08:00' }).expect(400);
    const at = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const iv = await patch(appLiu, 'boss', { status: 'interview', interviewAt: at, interviewPlace: '桑村镇工业园厂办' }).expect(200);
    expect(iv.body).toMatchObject({ status: 'interview', interviewPlace: '桑村镇工业园厂办' });
    await patch(appLiu, 'boss', { status: 'offered', note: '下周一来上班' }).expect(200);
    // The same status again (a retry, a double tap) changes nothing: no step, nobody told.
    expect((await patch(appLiu, 'boss', { status: 'offered', note: '下周一来上班' }).expect(200)).body.status).toBe('offered');
    await patch(appLiu, 'boss', { status: 'applied' }).expect(409);
    await patch(appLiu, 'liu', { status: 'hired' }).expect(409);
    await patch(appLiu, 'rival', { status: 'rejected' }).expect(404);
    await patch(appLiu, 'boss', { status: 'bogus' }).expect(400);
    await patch(appChen, 'lia1', { status: 'withdrawn' }).expect(200);
    await patch(appChen, 'boss', { status: 'interview', interviewAt: at }).expect(409);
    const steps = (await request(t.server).get(`${API}/applications/${appLiu}`).set(as('liu')).expect(200)).body.steps as { status: string; by: { name: string } }[];
    expect(steps.map((s) => s.status)).toEqual(['applied', 'viewed', 'interview', 'offered']);
    expect(steps[3].by.name).toBe('张经理');
  });

  it('已入职 records a hire the employer has confirmed; it counts once the person confirms', async () => {
    if (!db) return;
    const before = await stats();
    await request(t.server).patch(`${API}/applications/${appLiu}`).set(as('boss')).send({ status: 'hired', startDate: '1999-01-01' }).expect(400);
    expect((await stats()).count).toBe(before.count); // a refused request changes nothing
    const hired = await request(t.server).patch(`${API}/applications/${appLiu}`).set(as('boss')).send({ status: 'hired', startDate: TODAY }).expect(200);
    const hireId = hired.body.hireId as string;
    expect(hireId).toBeTruthy();
    expect((await stats()).count).toBe(before.count);
    expect((await stats()).pending).toBe(before.pending + 1);
    await request(t.server).post(`${API}/hires/${hireId}/confirm`).set(as('lia2')).expect(404);
    const confirmed = await request(t.server).post(`${API}/hires/${hireId}/confirm`).set(as('liu')).expect(200);
    expect(confirmed.body.verified).toBe(true);
    const after = await stats();
    expect(after.count).toBe(before.count + 1);
    expect(after.byTown.find((x: { code: string }) => x.code === '370406103').count).toBe(1);
    expect(after.byKeyGroup.find((x: { group: string }) => x.group === 'hard_to_employ').count).toBe(1);
    expect(after.byMonth.find((x: { month: number }) => x.month === Number(TODAY.slice(5, 7))).count).toBe(1);
    expect((await t.dataSource.getRepository(Resident).findOneByOrFail({ id: r.liu })).status).toBe('employed');
  });

  it('counts a person once a year, by the earliest verified hire; a hire across New Year counts in its own year', async () => {
    if (!db) return;
    const before = (await stats()).count;
    const h2 = (await request(t.server).post(`${API}/hires`).set(as('lia1')).send({ residentId: r.liu, employerId, startDate: TODAY }).expect(201)).body;
    expect(h2.verified).toBe(false);
    await request(t.server).post(`${API}/hires/${h2.id}/confirm`).set(as('boss')).expect(200);
    expect((await stats()).count).toBe(before);
    const lastYear = `${YEAR - 1}-12-28`;
    const h3 = (await request(t.server).post(`${API}/hires`).set(as('lia1')).send({ residentId: r.wang, employerId, startDate: lastYear }).expect(201)).body;
    await request(t.server).post(`${API}/hires/${h3.id}/confirm`).set(as('admin')).expect(403);
    const ok = await request(t.server).post(`${API}/hires/${h3.id}/verify`).set(as('admin')).send({ reason: '电话核实本人已在岗' }).expect(200);
    expect(ok.body).toMatchObject({ verified: true, adminVerifiedReason: '电话核实本人已在岗' });
    await request(t.server).post(`${API}/hires/${h3.id}/verify`).set(as('admin')).send({ reason: '再来一次' }).expect(409);
    await request(t.server).post(`${API}/hires/${h2.id}/verify`).set(as('admin')).send({ reason: '' }).expect(400);
    expect((await stats()).count).toBe(before);
    expect((await stats(YEAR - 1)).count).toBe(1);
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'hire.admin_verify', targetId: h3.id })).toBe(1);
    expect(await t.dataSource.getRepository(NewEmployment).countBy({ residentId: r.liu })).toBe(1);
  });

  it('refuses bad hires with clear errors, and counts never move on a refused request', async () => {
    if (!db) return;
    const before = await stats();
    const post = (who: string, body: object) => request(t.server).post(`${API}/hires`).set(as(who)).send(body);
    await post('boss', { residentId: r.ma, employerId, startDate: TODAY }).expect(403); // never applied to this employer
    await post('rival', { residentId: r.liu, employerId, startDate: TODAY }).expect(403);
    await post('lia1', { residentId: r.ma, employerId, startDate: TODAY }).expect(404);
    await post('liu', { residentId: r.liu, employerId, startDate: TODAY }).expect(403);
    for (const startDate of ['not-a-date', '2026-02-30', `${YEAR + 3}-01-01`, '2001-01-01']) await post('lia1', { residentId: r.chen, employerId, startDate }).expect(400);
    await post('lia1', { residentId: r.chen, employerId: randomUUID(), startDate: TODAY }).expect(404);
    await post('lia1', { residentId: r.chen, employerId, postId: randomUUID(), startDate: TODAY }).expect(400);
    const after = await stats();
    expect(after.count).toBe(before.count);
    expect(after.pending).toBe(before.pending);
  });

  it('an employer invites a candidate; the person accepts and is then an applicant', async () => {
    if (!db) return;
    const post2 = (await publishedPost(t, tok.boss, tok.admin, { ...postBody(), title: '拉丝工', occupationCode: '6-02-02', description: '拉丝机操作，男女不限', skills: ['拉丝'] })).id;
    const inv = await request(t.server).post(`${API}/applications/invitations`).set(as('boss')).send({ postId: post2, residentId: r.chen, note: '欢迎来看看' }).expect(201);
    expect(inv.body.status).toBe('invited');
    expect(inv.body.resident.name).toBe('陈*');
    expect(inv.body.resident.phone).toContain('*');
    await request(t.server).post(`${API}/applications/invitations`).set(as('rival')).send({ postId: post2, residentId: r.chen }).expect(403);
    await request(t.server).patch(`${API}/applications/${inv.body.id}`).set(as('boss')).send({ status: 'viewed' }).expect(409);
    const accepted = await request(t.server).patch(`${API}/applications/${inv.body.id}`).set(as('lia1')).send({ status: 'applied' }).expect(200);
    expect(accepted.body.status).toBe('applied');
    const seen = (await request(t.server).get(`${API}/applications/${inv.body.id}`).set(as('boss')).expect(200)).body;
    expect(seen.resident.name).toBe('陈红');
  });

  it('a closed post takes no applications', async () => {
    if (!db) return;
    const post3 = (await publishedPost(t, tok.boss, tok.admin, { title: '缝纫工', occupationCode: '6-02-04', description: '缝编织袋，男女不限', skills: ['缝纫'] })).id;
    await request(t.server).post(`${API}/posts/${post3}/close`).set(as('boss')).expect(200);
    await request(t.server).post(`${API}/applications`).set(as('lia1')).send({ postId: post3, residentId: r.wang }).expect(409);
  });

  it('statistics: targets per year and 镇街, supply and demand, wage levels; scoped for a 镇街 officer; not for seekers', async () => {
    if (!db) return;
    const s = await stats();
    expect(s.target).toBe(3000);
    expect(s.byTown).toHaveLength(11);
    expect(s.byMonth).toHaveLength(12);
    const plastic = s.supplyDemand.find((x: { group: string }) => x.group === '6-02');
    expect(plastic.openHeadcount).toBeGreaterThan(0);
    expect(plastic.seekers).toBeGreaterThan(0);
    expect(s.wageLevels.find((x: { group: string }) => x.group === '6-02')).toMatchObject({ median: expect.any(Number), p25: expect.any(Number), p75: expect.any(Number) });
    await request(t.server).put(`${API}/stats/targets/${YEAR}`).set(as('admin')).send({ district: 3200, towns: { '370406103': 400 } }).expect(200);
    const after = await stats();
    expect(after.target).toBe(3200);
    expect(after.byTown.find((x: { code: string }) => x.code === '370406103').target).toBe(400);
    await request(t.server).put(`${API}/stats/targets/${YEAR}`).set(as('lia1')).send({ district: 1 }).expect(403);
    await request(t.server).put(`${API}/stats/targets/${YEAR}`).set(as('admin')).send({ district: -5 }).expect(400);
    const townView = await stats(YEAR, 'town');
    expect(townView.byTown).toHaveLength(1);
    expect(townView.target).toBe(400);
    expect((await stats(YEAR, 'lia2')).count).toBe(0);
    await request(t.server).get(`${API}/stats/employment?year=${YEAR}`).set(as('liu')).expect(403);
    await request(t.server).get(`${API}/stats/employment?year=abc`).set(as('admin')).expect(400);
  });
});
