import request from 'supertest';
import { chinaDateOf, LIAISON_STALE_APPLICATION_DAYS } from '@zaogong/shared';
import { Clock } from '../src/common/clock';
import { idNumber } from './support/identity';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * The liaison home (docs/business-logic/liaison-home.md): GET /liaison/villages (each 村居 with 求职中,
 * 今年已就业 by the rule of GET /stats/employment, 待确认上班) and GET /liaison/today (今日要办), scoped by
 * the access policy.
 */

const API = '/api/v1';
const TOWN = '370406103'; // 桑村镇
const VA = '370406103201'; // 户口村
const VB = '370406103202'; // another 村 of 桑村镇
const OTHER_TOWN = '370406104'; // 北庄镇
const DAY = 86_400_000;
const TODAY = chinaDateOf(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const TOMORROW = chinaDateOf(new Date(Date.now() + DAY));
const LAST_YEAR = `${YEAR - 1}-12-20`;

describe.each(DATABASE_KINDS)('the liaison home on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerId: string;
  let postId: string;
  let gigPostId: string;
  let otherPostId: string;
  let serial = 0;
  const people: Record<string, string> = {};
  const hires: Record<string, string> = {};
  const apps: Record<string, string> = {};

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const ok = async (res: request.Test, status: number) => {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** Runs `fn` with the Clock at `at` (records made then carry that time). */
  const at = async <T>(when: Date, fn: () => Promise<T>): Promise<T> => {
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(when);
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  };
  const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
  /** A resident of `village` registered by `liaison` (now, or at `when`). */
  const resident = async (name: string, village: string, liaison: string, when = new Date()) => {
    const n = ++serial;
    const body = { name, idNumber: idNumber('370406', '19800101', String(300 + n)), phone: `1390547${String(n).padStart(4, '0')}`, villageCode: village, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], consent: { method: 'signature', at: when.toISOString() } };
    return at(when, async () => (await ok(request(t.server).post(`${API}/residents`).set(as(liaison)).send(body), 201)).id as string);
  };
  const hire = async (who: string, residentId: string, startDate: string, over: Record<string, unknown> = {}) =>
    (await ok(request(t.server).post(`${API}/hires`).set(as(who)).send({ residentId, employerId, startDate, ...over }), 201)).id as string;
  const confirm = (hireId: string, who: string) => ok(request(t.server).post(`${API}/hires/${hireId}/confirm`).set(as(who)), 200);
  const verify = (hireId: string) => ok(request(t.server).post(`${API}/hires/${hireId}/verify`).set(as('admin')).send({ reason: '电话核实本人已上班' }), 200);
  const apply = (residentId: string, post: string, liaison: string, when = new Date()) =>
    at(when, async () => (await ok(request(t.server).post(`${API}/applications`).set(as(liaison)).send({ postId: post, residentId }), 201)).id as string);
  const villages = (who: string, query = '') => request(t.server).get(`${API}/liaison/villages${query}`).set(as(who));
  const today = (who: string, query = '') => request(t.server).get(`${API}/liaison/today${query}`).set(as(who));
  const row = (body: { items: { code: string }[] }, code: string) => body.items.find((i) => i.code === code);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      townOfficer: { role: 'admin', name: '桑村镇干部', regionCode: TOWN },
      otherOfficer: { role: 'admin', name: '北庄镇干部', regionCode: OTHER_TOWN },
      liaA: { role: 'liaison', name: '户口村联络员', regionCode: VA },
      liaB: { role: 'liaison', name: '二村联络员', regionCode: VB },
      townLiaison: { role: 'liaison', name: '桑村镇联络员', regionCode: TOWN },
      boss: { role: 'employer', name: '张经理' },
      seeker: { role: 'seeker', name: '求职者' },
    });
    employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', '山亭区桑村塑编制品有限公司');
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '塑编工', occupationCode: '6-02-01', description: '编织袋生产，男女不限', skills: ['塑编'], wageMin: 3200, wageMax: 4000 })).id;
    otherPostId = (await publishedPost(t, tok.boss, tok.admin, { title: '缝纫工', occupationCode: '6-02-01', description: '缝制编织袋，男女不限', skills: ['缝纫'], wageMin: 3000, wageMax: 3800 })).id;
    gigPostId = (await publishedPost(t, tok.boss, tok.admin, { title: '装车零工', occupationCode: '6-02-01', description: '装车卸货，按天结算，男女不限', skills: ['装卸'], type: 'gig', wageUnit: 'day', wageMin: 150, wageMax: 200, startDate: TODAY, endDate: TODAY })).id;

    // 户口村 (A)
    people.quiet = await resident('甲一', VA, 'liaA', daysAgo(40)); // 求职中, no application for 40 days
    people.quietApplied = await resident('甲二', VA, 'liaA', daysAgo(45)); // applied 35 days ago: still quiet
    people.busy = await resident('甲三', VA, 'liaA', daysAgo(45)); // applied 5 days ago: not quiet
    people.counted = await resident('李乙', VA, 'liaA'); // verified hire starting today
    people.unconfirmed = await resident('王丙', VA, 'liaA'); // hire started today, nobody confirmed
    people.notYet = await resident('赵丁', VA, 'liaA'); // hire starts tomorrow
    people.early = await resident('钱戊', VA, 'liaA'); // verified by an admin ahead of tomorrow's start
    people.gig = await resident('孙己', VA, 'liaA'); // verified 零工: never counts
    people.twice = await resident('周庚', VA, 'liaA'); // two verified hires this year: counts once
    people.lastYear = await resident('吴辛', VA, 'liaA'); // verified hire of last year
    people.stale = await resident('郑壬', VA, 'liaA'); // an application with no news for 10 days
    // 二村 (B)
    people.b = await resident('冯癸', VB, 'liaB');

    apps.quietOld = await apply(people.quietApplied, postId, 'liaA', daysAgo(35));
    apps.busy = await apply(people.busy, postId, 'liaA', daysAgo(5));
    apps.stale = await apply(people.stale, postId, 'liaA', daysAgo(10));
    // Withdrawn 10 days ago: closed, nothing to follow up.
    apps.withdrawn = await apply(people.stale, otherPostId, 'liaA', daysAgo(12));
    await at(daysAgo(10), () => ok(request(t.server).patch(`${API}/applications/${apps.withdrawn}`).set(as('liaA')).send({ status: 'withdrawn' }), 200));

    hires.counted = await hire('liaA', people.counted, TODAY); // the liaison's record confirms the person's side
    await confirm(hires.counted, 'boss');
    hires.unconfirmed = await hire('admin', people.unconfirmed, TODAY);
    hires.notYet = await hire('admin', people.notYet, TOMORROW);
    hires.early = await hire('admin', people.early, TOMORROW);
    await verify(hires.early);
    hires.gig = await hire('liaA', people.gig, TODAY, { postId: gigPostId });
    await confirm(hires.gig, 'boss');
    for (const k of ['twice1', 'twice2']) {
      hires[k] = await hire('liaA', people.twice, TODAY);
      await confirm(hires[k], 'boss');
    }
    hires.lastYear = await hire('liaA', people.lastYear, LAST_YEAR);
    await confirm(hires.lastYear, 'boss');
    hires.b = await hire('admin', people.b, TODAY);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('a 村居 liaison gets their one 村居: 求职中, 今年已就业 by the count rule, 待确认上班', async () => {
    if (!db) return;
    const body = await ok(villages('liaA'), 200);
    expect(body).toMatchObject({ regionCode: VA, regionName: '户口村委会', year: YEAR, today: TODAY });
    expect(body.items).toEqual([{ code: VA, name: '户口村委会', level: 'village', seeking: 7, employedThisYear: 2, toConfirm: 1 }]);
    // The same rule as GET /stats/employment: the two agree for the same area.
    const stats = await ok(request(t.server).get(`${API}/stats/employment?year=${YEAR}`).set(as('liaA')), 200);
    expect(stats.count).toBe(2);
  });

  it('a 镇街 liaison and the 镇街 officer get every 村居 of the 镇街; the district admin one row per 镇街', async () => {
    if (!db) return;
    for (const who of ['townLiaison', 'townOfficer']) {
      const body = await ok(villages(who), 200);
      expect(body.regionCode).toBe(TOWN);
      const all = (await ok(request(t.server).get(`${API}/regions?parent=${TOWN}`), 200)).items as { code: string }[];
      expect(body.items.map((i: { code: string }) => i.code)).toEqual(all.map((v) => v.code));
      expect(row(body, VA)).toMatchObject({ seeking: 7, employedThisYear: 2, toConfirm: 1 });
      expect(row(body, VB)).toMatchObject({ seeking: 1, employedThisYear: 0, toConfirm: 1 });
    }
    const district = await ok(villages('admin'), 200);
    expect(district.items).toHaveLength(11);
    expect(row(district, TOWN)).toMatchObject({ level: 'town', seeking: 8, employedThisYear: 2, toConfirm: 2 });
    expect(row(district, OTHER_TOWN)).toMatchObject({ seeking: 0, employedThisYear: 0, toConfirm: 0 });
    // An admin may look at one 村居 of their area.
    expect((await ok(villages('admin', `?regionCode=${VB}`), 200)).items).toEqual([expect.objectContaining({ code: VB, seeking: 1 })]);
    expect((await ok(villages('townOfficer', `?regionCode=${VA}`), 200)).items).toHaveLength(1);
  });

  it('今日要办 lists hires to confirm, applications without news, people to call, each with what it needs to be done', async () => {
    if (!db) return;
    const body = await ok(today('liaA'), 200);
    expect(body).toMatchObject({ regionCode: VA, today: TODAY, staleDays: LIAISON_STALE_APPLICATION_DAYS, quietDays: 30 });
    expect(body.hiresToConfirm).toEqual({
      total: 1,
      items: [{ hireId: hires.unconfirmed, residentId: people.unconfirmed, residentName: '王丙', villageName: '户口村委会', employerName: '山亭区桑村塑编制品有限公司', postTitle: null, startDate: TODAY }],
    });
    // 甲二's application of 35 days ago has not moved either: the longest waiting comes first. The
    // withdrawn one is closed, and 甲三's of 5 days ago is not due yet.
    expect(body.staleApplications.total).toBe(2);
    expect(body.staleApplications.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([apps.quietOld, apps.stale]);
    expect(body.staleApplications.items[0].days).toBe(35);
    expect(body.staleApplications.items[1]).toMatchObject({ applicationId: apps.stale, residentId: people.stale, residentName: '郑壬', postId, postTitle: '塑编工', employerName: '山亭区桑村塑编制品有限公司', status: 'applied', days: 10 });
    expect(body.toCall.total).toBe(2);
    expect(body.toCall.items.map((i: { residentId: string }) => i.residentId)).toEqual([people.quietApplied, people.quiet]);
    expect(body.toCall.items[0].lastAppliedAt).not.toBeNull();
    expect(body.toCall.items[1]).toMatchObject({ residentName: '甲一', villageName: '户口村委会', lastAppliedAt: null });
  });

  it('caps each group at `limit` while the totals stay whole', async () => {
    if (!db) return;
    const one = await ok(today('liaA', '?limit=1'), 200);
    expect(one.toCall).toMatchObject({ total: 2 });
    expect(one.toCall.items).toHaveLength(1);
    const town = await ok(today('townLiaison'), 200);
    expect(town.hiresToConfirm.total).toBe(2);
    expect(town.hiresToConfirm.items.map((i: { residentName: string }) => i.residentName).sort()).toEqual(['王丙', '冯癸'].sort());
  });

  it('moves on: a confirmed hire leaves 待确认 and joins 今年已就业; a moved application leaves 没动静', async () => {
    if (!db) return;
    const extra = await resident('陈子', VA, 'liaA');
    const hireId = await hire('admin', extra, TODAY);
    expect((await ok(villages('liaA'), 200)).items[0]).toMatchObject({ toConfirm: 2, seeking: 8 });
    await confirm(hireId, 'liaA');
    await confirm(hireId, 'boss');
    expect((await ok(villages('liaA'), 200)).items[0]).toMatchObject({ toConfirm: 1, seeking: 7, employedThisYear: 3 });
    await ok(request(t.server).patch(`${API}/applications/${apps.stale}`).set(as('boss')).send({ status: 'viewed' }), 200);
    const after = (await ok(today('liaA'), 200)).staleApplications;
    expect(after.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([apps.quietOld]);
  });

  it('keeps to the caller’s area: another 村居, another 镇街, employers and seekers are refused', async () => {
    if (!db) return;
    const b = await ok(today('liaB'), 200);
    expect(b.hiresToConfirm.items.map((i: { residentName: string }) => i.residentName)).toEqual(['冯癸']);
    expect(b.toCall.total + b.staleApplications.total).toBe(0);
    expect((await ok(villages('liaB'), 200)).items.map((i: { code: string }) => i.code)).toEqual([VB]);
    for (const [who, query] of [
      ['liaA', `?regionCode=${VB}`],
      ['liaA', `?regionCode=${TOWN}`],
      ['townLiaison', `?regionCode=${OTHER_TOWN}`],
      ['otherOfficer', `?regionCode=${VA}`],
      ['otherOfficer', `?regionCode=${TOWN}`],
    ]) {
      expect((await villages(who, query).expect(403)).body.message).toBe('该地区不在您的管辖范围内');
      await today(who, query).expect(403);
    }
    const other = await ok(villages('otherOfficer'), 200);
    expect(other.regionCode).toBe(OTHER_TOWN);
    expect(other.items.some((i: { code: string }) => i.code === VA)).toBe(false);
    expect((await ok(today('otherOfficer'), 200)).hiresToConfirm.total).toBe(0);
    for (const who of ['boss', 'seeker']) {
      const refused = await villages(who).expect(403);
      expect(refused.body.message).toMatch(/[\u4e00-\u9fff]/);
      await today(who).expect(403);
    }
    await request(t.server).get(`${API}/liaison/today`).expect(401);
  });

  it('refuses a made-up region or a bad limit with a 400 in words', async () => {
    if (!db) return;
    expect((await villages('admin', '?regionCode=370406999').expect(400)).body.errors[0].field).toBe('regionCode');
    for (const limit of ['0', '51', 'abc']) {
      const res = await today('liaA', `?limit=${limit}`).expect(400);
      expect(res.body.errors[0].field).toBe('limit');
      expect(res.body.errors[0].message).toMatch(/应为1到50的整数/);
    }
  });
});
