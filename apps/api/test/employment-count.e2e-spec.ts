import request from 'supertest';
import type ExcelJS from 'exceljs';
import { chinaDateOf } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { Clock } from '../src/common/clock';
import { NewEmployment } from '../src/hires/entities/new-employment.entity';
import { Resident } from '../src/residents/entities/resident.entity';
import { idNumber } from './support/identity';
import { publishedPost, verifiedEmployer } from './support/posts';
import { binary, readWorkbook } from './support/resident-sheets';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * The counting rules of docs/business-logic/employment-count.md: no "已上班" before the first day (China
 * date), an admin's early verification counts from that day, 零工 and 共享员工 never count, a wrong
 * verification can be revoked, and the 台账 lists exactly the people the dashboard counts.
 */

const API = '/api/v1';
const V1 = '370406103201'; // 桑村镇户口村
const TODAY = chinaDateOf(new Date());
const TOMORROW = chinaDateOf(new Date(Date.now() + 86_400_000));
/** Noon of a China date, as the moved Clock's now. */
const noonOf = (ymd: string) => new Date(`${ymd}T12:00:00+08:00`);
const monthDay = (ymd: string) => `${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
const LEDGER_NAME = 2; // 姓名
const LEDGER_START = 12; // 就业日期
const LEDGER_VERIFIED = 15; // 核实日期

describe.each(DATABASE_KINDS)('counting new employment on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerId: string;
  let postId: string;
  let serial = 0;

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const stats = async (year: number, who = 'admin') => (await request(t.server).get(`${API}/stats/employment?year=${year}`).set(as(who)).expect(200)).body;
  const yearOf = (ymd: string) => Number(ymd.slice(0, 4));
  /** The 台账's rows as { name, start, verified }. */
  const ledger = async (year: number): Promise<{ name: string; start: string; verified: string }[]> => {
    const res = await request(t.server).get(`${API}/hires/ledger.xlsx?year=${year}`).set(as('admin')).buffer(true).parse(binary).expect(200);
    const ws = (await readWorkbook(res.body)).getWorksheet('台账') as ExcelJS.Worksheet;
    const out: { name: string; start: string; verified: string }[] = [];
    for (let r = 4; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (typeof row.getCell(1).value !== 'number') break;
      out.push({ name: row.getCell(LEDGER_NAME).text, start: row.getCell(LEDGER_START).text, verified: row.getCell(LEDGER_VERIFIED).text });
    }
    return out;
  };
  /** The dashboard's count and the 台账 agree to the person; returns the 台账's names. */
  const agreeing = async (year: number): Promise<string[]> => {
    const [s, rows] = await Promise.all([stats(year), ledger(year)]);
    expect(rows).toHaveLength(s.count);
    return rows.map((r) => r.name);
  };
  const resident = async (name: string): Promise<string> => {
    const n = ++serial;
    const res = await request(t.server)
      .post(`${API}/residents`)
      .set(as('lia1'))
      .send({ name, idNumber: idNumber('370406', '19900101', String(200 + n)), phone: `1390546${String(n).padStart(4, '0')}`, villageCode: V1, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], consent: { method: 'signature', at: new Date().toISOString() } })
      .expect(201);
    return res.body.id as string;
  };
  const recordHire = (residentId: string, startDate: string, over: Record<string, unknown> = {}) => request(t.server).post(`${API}/hires`).set(as('lia1')).send({ residentId, employerId, startDate, ...over });
  const confirm = (hireId: string, who: string) => request(t.server).post(`${API}/hires/${hireId}/confirm`).set(as(who));
  const verify = (hireId: string) => request(t.server).post(`${API}/hires/${hireId}/verify`).set(as('admin')).send({ reason: '电话核实本人已签合同' });
  const revoke = (hireId: string, who = 'admin', reason: unknown = '本人实际未到岗，企业误确认') => request(t.server).post(`${API}/hires/${hireId}/revoke`).set(as(who)).send({ reason });
  /** Runs `fn` with the Clock moved to noon of a China date. */
  const on = async <T>(ymd: string, fn: () => Promise<T>): Promise<T> => {
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(noonOf(ymd));
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      other: { role: 'admin', name: '城头镇干部', regionCode: '370406105' },
      lia1: { role: 'liaison', name: '桑村联络员', regionCode: V1 },
      boss: { role: 'employer', name: '张经理' },
    });
    employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', '山亭区桑村塑编制品有限公司');
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '塑编工', occupationCode: '6-02-01', description: '编织袋生产，男女不限', skills: ['塑编'], wageMin: 3200, wageMax: 4000 })).id;
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('nobody confirms 已上班 before the first day; an employer records a hire ahead; it counts once confirmed on the day', async () => {
    if (!db) return;
    const year = yearOf(TOMORROW);
    const before = await stats(year);
    const liu = await resident('刘芳');
    // The employer's 已入职 ahead of the first day records the hire but confirms nothing.
    const app = (await request(t.server).post(`${API}/applications`).set(as('lia1')).send({ postId, residentId: liu }).expect(201)).body;
    const hired = await request(t.server).patch(`${API}/applications/${app.id}`).set(as('boss')).send({ status: 'hired', startDate: TOMORROW }).expect(200);
    const hireId = hired.body.hireId as string;
    const hire = (await request(t.server).get(`${API}/hires?residentId=${liu}`).set(as('lia1')).expect(200)).body.items[0];
    expect(hire).toMatchObject({ id: hireId, startDate: TOMORROW, employerConfirmedAt: null, personConfirmedAt: null, verified: false, counts: true, notCountedReason: null });
    // The liaison is asked to confirm on the day, not now.
    const told = (await request(t.server).get(`${API}/notifications`).set(as('lia1')).expect(200)).body.items.find((n: { type: string }) => n.type === 'hire_confirm');
    expect(told.body).toBe(`刘芳${monthDay(TOMORROW)}起入职山亭区桑村塑编制品有限公司「塑编工」，到了${monthDay(TOMORROW)}上班那天，请核实后确认。`);
    // A liaison's record ahead of the day confirms nothing either.
    const early = (await recordHire(liu, TOMORROW).expect(201)).body;
    expect(early.personConfirmedAt).toBeNull();
    for (const who of ['boss', 'lia1']) {
      const refused = await confirm(hireId, who).expect(409);
      expect(refused.body.message).toBe(`还没到上班日期（${monthDay(TOMORROW)}），到了那天再确认`);
    }
    expect((await stats(year)).count).toBe(before.count);
    // On the day both sides confirm, and it counts.
    await on(TOMORROW, async () => {
      await confirm(hireId, 'boss').expect(200);
      const done = await confirm(hireId, 'lia1').expect(200);
      expect(done.body.verified).toBe(true);
      expect((await stats(year)).count).toBe(before.count + 1);
      expect(await agreeing(year)).toContain('刘芳');
    });
  });

  it('an admin may verify before the first day; it counts, on the dashboard and in the 台账, only from that day', async () => {
    if (!db) return;
    const year = yearOf(TOMORROW);
    const wang = await resident('王强');
    const before = await stats(year);
    const beforeOnTheDay = await on(TOMORROW, () => stats(year));
    const hire = (await recordHire(wang, TOMORROW).expect(201)).body;
    const ok = await verify(hire.id).expect(200);
    expect(ok.body.verified).toBe(true);
    expect(await t.dataSource.getRepository(NewEmployment).countBy({ residentId: wang })).toBe(1); // recorded, with its first day
    expect((await stats(year)).count).toBe(before.count);
    expect(await agreeing(year)).not.toContain('王强');
    await on(TOMORROW, async () => {
      expect((await stats(year)).count).toBe(beforeOnTheDay.count + 1);
      const rows = await ledger(year);
      const row = rows.find((r) => r.name === '王强');
      // Verified today, counted from tomorrow: the 核实日期 is never before the 就业日期.
      expect(row).toEqual({ name: '王强', start: TOMORROW, verified: TOMORROW });
      expect(rows.every((r) => r.verified >= r.start)).toBe(true);
      expect(rows).toHaveLength((await stats(year)).count);
    });
  });

  it.each([
    ['gig', { type: 'gig', wageUnit: 'day', wageMin: 150, wageMax: 180, startDate: TOMORROW, title: '装车零工' }, '零工不计入新增就业（按用工人天另行统计）'],
    ['shared_staff', { type: 'shared_staff', startDate: TOMORROW, endDate: chinaDateOf(new Date(Date.now() + 60 * 86_400_000)), title: '共享员工（包装）' }, '共享员工不计入新增就业（本人已有用人单位）'],
  ])('a hire from a %s post is recorded but never counts', async (type, over, reason) => {
    if (!db) return;
    const year = yearOf(TODAY);
    const person = await resident(type === 'gig' ? '赵敏' : '孙丽');
    const post = (await publishedPost(t, tok.boss, tok.admin, { occupationCode: '6-02-01', description: '编织袋装车，男女不限', skills: ['装卸'], ...over })).id;
    const before = await stats(year);
    const hire = (await recordHire(person, TODAY, { postId: post }).expect(201)).body;
    expect(hire).toMatchObject({ counts: false, notCountedReason: reason });
    expect((await stats(year)).pending).toBe(before.pending); // not waiting to be counted either
    await confirm(hire.id, 'boss').expect(200);
    expect((await request(t.server).get(`${API}/hires?residentId=${person}`).set(as('admin')).expect(200)).body.items[0]).toMatchObject({ verified: true, counts: false });
    expect(await t.dataSource.getRepository(NewEmployment).countBy({ residentId: person })).toBe(0);
    expect((await stats(year)).count).toBe(before.count);
    expect((await t.dataSource.getRepository(Resident).findOneByOrFail({ id: person })).status).toBe('seeking');
    expect(await agreeing(year)).not.toContain(type === 'gig' ? '赵敏' : '孙丽');
  });

  it('灵活就业: a liaison records it with evidence and no employer; it counts once an admin verifies it, once per person and year', async () => {
    if (!db) return;
    const year = yearOf(TODAY);
    const li = await resident('李华');
    const flexible = (body: object, who = 'lia1') => request(t.server).post(`${API}/hires/flexible`).set(as(who)).send(body);
    await flexible({ residentId: li, evidence: '近90天零工出勤42天' }, 'boss').expect(403);
    await flexible({ residentId: li, evidence: '近90天零工出勤42天' }, 'other').expect(404);
    await flexible({ residentId: li, evidence: '' }).expect(400);
    await flexible({ residentId: li }).expect(400);
    await flexible({ residentId: li, evidence: '近90天零工出勤42天', startDate: TOMORROW }).expect(400);
    await flexible({ residentId: li, evidence: '近90天零工出勤42天', startDate: '2026-02-30' }).expect(400);
    const before = await stats(year);
    const rec = (await flexible({ residentId: li, evidence: '近90天零工出勤42天' }).expect(201)).body;
    expect(rec).toMatchObject({ kind: 'flexible', employerId: null, employerName: '', evidence: '近90天零工出勤42天', startDate: TODAY, verified: false, counts: true });
    expect((await stats(year)).count).toBe(before.count); // not before an admin verifies it
    expect((await stats(year)).pending).toBe(before.pending + 1);
    await confirm(rec.id, 'lia1').expect(409);
    await request(t.server).post(`${API}/hires/${rec.id}/verify`).set(as('other')).send({ reason: '看过出勤记录' }).expect(404);
    const ok = await verify(rec.id).expect(200);
    expect(ok.body.verified).toBe(true);
    expect((await stats(year)).count).toBe(before.count + 1);
    const row = (await ledger(year)).find((r) => r.name === '李华');
    expect(row).toMatchObject({ start: TODAY, verified: TODAY });
    expect(await agreeing(year)).toContain('李华');
    // A second record that year (or a job as well) counts the person once.
    const again = (await flexible({ residentId: li, evidence: '本月又出勤20天' }).expect(201)).body;
    await verify(again.id).expect(200);
    const job = (await recordHire(li, TODAY).expect(201)).body;
    await confirm(job.id, 'boss').expect(200);
    expect((await stats(year)).count).toBe(before.count + 1);
    expect(await t.dataSource.getRepository(NewEmployment).countBy({ residentId: li, year })).toBe(1);
  });

  it('an admin of the area revokes a wrong verification with a reason; the count and the 台账 follow', async () => {
    if (!db) return;
    const year = yearOf(TODAY);
    const chen = await resident('陈红');
    const before = await stats(year);
    const hire = (await recordHire(chen, TODAY).expect(201)).body;
    await revoke(hire.id).expect(409); // not verified yet
    await confirm(hire.id, 'boss').expect(200);
    expect((await stats(year)).count).toBe(before.count + 1);
    expect(await agreeing(year)).toContain('陈红');
    await revoke(hire.id, 'lia1').expect(403);
    await revoke(hire.id, 'boss').expect(403);
    await revoke(hire.id, 'other').expect(404);
    await revoke(hire.id, 'admin', '').expect(400);
    await revoke(hire.id, 'admin', 123).expect(400);
    const undone = await revoke(hire.id).expect(200);
    expect(undone.body).toMatchObject({ verified: false, verifiedAt: null, employerConfirmedAt: null, personConfirmedAt: null });
    expect((await stats(year)).count).toBe(before.count);
    expect(await agreeing(year)).not.toContain('陈红');
    expect(await t.dataSource.getRepository(NewEmployment).countBy({ residentId: chen })).toBe(0);
    expect((await t.dataSource.getRepository(Resident).findOneByOrFail({ id: chen })).status).toBe('seeking');
    const logged = await t.dataSource.getRepository(AuditLog).findOneByOrFail({ action: 'hire.revoke', targetId: hire.id });
    expect(logged.detail).toMatchObject({ reason: '本人实际未到岗，企业误确认' });
    await revoke(hire.id).expect(409);
  });

  it('revoking one of two verified hires of a person that year keeps them counted, by the other', async () => {
    if (!db) return;
    const year = yearOf(TODAY);
    const zhou = await resident('周强');
    const earlier = `${year}-01-05` < TODAY ? `${year}-01-05` : TODAY;
    const before = await stats(year);
    const first = (await recordHire(zhou, earlier).expect(201)).body;
    const second = (await recordHire(zhou, TODAY).expect(201)).body;
    await confirm(first.id, 'boss').expect(200);
    await confirm(second.id, 'boss').expect(200);
    expect((await stats(year)).count).toBe(before.count + 1);
    await revoke(first.id).expect(200);
    expect((await stats(year)).count).toBe(before.count + 1);
    expect(await t.dataSource.getRepository(NewEmployment).findOneByOrFail({ residentId: zhou })).toMatchObject({ hireId: second.id, startDate: TODAY });
    expect((await t.dataSource.getRepository(Resident).findOneByOrFail({ id: zhou })).status).toBe('employed');
    const rows = await ledger(year);
    expect(rows.find((r) => r.name === '周强')).toMatchObject({ start: TODAY });
    expect(rows).toHaveLength((await stats(year)).count);
  });
});
