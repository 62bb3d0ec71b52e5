import request from 'supertest';
import type ExcelJS from 'exceljs';
import { Clock } from '../src/common/clock';
import { residentBody } from './support/identity';
import { publishedPost, verifiedEmployer } from './support/posts';
import { binary, readWorkbook } from './support/resident-sheets';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * The 零工 report (GET /stats/gigs and its workbook) over a small made-up year: days worked in two 镇街, a
 * no-show, a cancel, two cases (one open, one referred), a day of the next year; each caller's scope (the
 * district, a 镇街 officer by where the work was, a liaison by where their people live) and the refusals.
 */

const API = '/api/v1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const T1 = '370406103'; // 桑村镇
const T2 = '370406104'; // 北庄镇
const V1 = '370406103201'; // 桑村镇户口村
const V2 = '370406104201'; // 北庄镇
const SITE = { lat: 35.0812, lng: 117.4021 };
/** The made-up year; every act runs with the Clock moved into it. */
const Y = 2025;
const D1 = `${Y}-03-11`; // post A, 桑村镇
const D2 = `${Y}-04-02`; // post B, 北庄镇
const D3 = `${Y + 1}-01-02`; // post C, 桑村镇, the next year
const at = (ymd: string, hm: string) => new Date(`${ymd}T${hm}:00+08:00`);

describe.each(DATABASE_KINDS)('零工 report on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let now = at(`${Y}-03-10`, '09:00');
  let n = 0;

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, who: string) => request(t.server)[method](`${API}${path}`).set(as(who));
  const stats = (who: string, query = `year=${Y}`) => api('get', `/stats/gigs?${query}`, who);
  const gig = async (employer: string, over: Record<string, unknown>) =>
    (await publishedPost(t, tok[employer], tok.admin, { title: '摘花椒', occupationCode: '5-01-01', description: '帮忙摘花椒，按天结算，男女不限。', skills: ['摘花椒'], type: 'gig', wageUnit: 'day', wageMin: 180, wageMax: 260, headcount: 5, townCode: T1, ...SITE, ...over })).id;
  const seeker = async (): Promise<string> => {
    const token = (await devLogins(t.server, { s: { role: 'seeker', name: `工人${++n}` } })).s;
    await request(t.server).post(`${API}/me/profile/quick`).set({ Authorization: `Bearer ${token}` }).send({ name: '王大力', phone: `1390548${String(n).padStart(4, '0')}`, villageCode: V1 }).expect(201);
    return token;
  };
  const signUp = async (postId: string, who: string, date: string, residentId?: string) => (await api('post', `/gigs/${postId}/signups`, who).send({ date, residentId }).expect(201)).body as { id: string; status: string };
  const siteCode = async (postId: string, employer: string, date: string) => (await api('get', `/gigs/${postId}/site-code?date=${date}`, employer).expect(200)).body.code as string;
  const pay = (signupId: string, employer: string, amount: number, method: string, date: string) =>
    api('post', `/gigs/signups/${signupId}/pay`, employer).send({ amount, method, paidAt: `${date}T18:00:00+08:00` }).expect(200);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      off1: { role: 'admin', name: '桑村镇干部', regionCode: T1 },
      off2: { role: 'admin', name: '北庄镇干部', regionCode: T2 },
      lia1: { role: 'liaison', name: '户口村联络员', regionCode: V1 },
      lia2: { role: 'liaison', name: '北庄联络员', regionCode: V2 },
      liaT: { role: 'liaison', name: '桑村镇联络员', regionCode: T1 },
      boss: { role: 'employer', name: '张经理' },
      other: { role: 'employer', name: '李老板' },
    });
    await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D4R', '山亭区桑村花椒种植专业合作社');
    await verifiedEmployer(t, tok.other, tok.admin, 'MA7Q1D4T', '山亭区北庄豆制品有限公司');
    tok.w1 = await seeker();
    tok.w2 = await seeker();
    const r3 = (await api('post', '/residents', 'lia2').send(residentBody(901, { villageCode: V2, consent: { method: 'signature', at: `${Y}-03-01T09:00:00+08:00` } })).expect(201)).body.id as string;

    // 3月10日: three gigs, the sign-ups.
    const a = await gig('boss', { startDate: D1 });
    const b = await gig('other', { startDate: D2, townCode: T2 });
    const c = await gig('boss', { startDate: D3 });
    const a1 = await signUp(a, 'w1', D1);
    const a2 = await signUp(a, 'w2', D1);
    const a3 = await signUp(a, 'lia2', D1, r3);
    const b1 = await signUp(b, 'w1', D2);
    const b2 = await signUp(b, 'w2', D2);
    await api('delete', `/gigs/signups/${b2.id}`, 'w2').expect(200); // cancelled in time: counts nowhere
    const c2 = await signUp(c, 'w2', D3);

    // D1 at 桑村镇: w1 checks in with the code, the liaison vouches for r3, w2 does not come.
    now = at(D1, '08:00');
    const codeA = await siteCode(a, 'boss', D1);
    await api('post', '/gigs/check-in', 'w1').send({ code: codeA }).expect(200);
    await api('post', '/gigs/check-in', 'lia2').send({ signupId: a3.id, note: '我在现场，本人到了' }).expect(200);
    now = at(D1, '09:00');
    await api('post', `/gigs/signups/${a2.id}/no-show`, 'boss').expect(200);
    now = at(D1, '18:30');
    await api('post', '/gigs/check-out', 'boss').send({ signupId: a1.id }).expect(200);
    await pay(a1.id, 'boss', 200, 'cash', D1);
    await pay(a3.id, 'boss', 180, 'wechat', D1);
    await api('post', `/gigs/signups/${a3.id}/pay/confirm`, 'lia2').expect(200);
    await api('post', `/gigs/signups/${a1.id}/dispute`, 'w1').send({ reason: 'underpaid', note: '说好260，只给了200' }).expect(201); // stays open

    // D2 at 北庄镇: w1 works, is paid late, the case goes to 劳动监察.
    now = at(D2, '08:00');
    await api('post', '/gigs/check-in', 'w1').send({ code: await siteCode(b, 'other', D2) }).expect(200);
    now = at(D2, '19:00');
    await pay(b1.id, 'other', 250, 'bank', D2);
    const late = (await api('post', `/gigs/signups/${b1.id}/dispute`, 'w1').send({ reason: 'late' }).expect(201)).body.id as string;
    await api('patch', `/disputes/${late}`, 'off2').send({ status: 'referred', note: '企业不配合，转劳动监察' }).expect(200);

    // D3, the next year: w2 works a day at 桑村镇.
    now = at(D3, '08:00');
    await api('post', '/gigs/check-in', 'w2').send({ code: await siteCode(c, 'boss', D3) }).expect(200);
    now = at(D3, '18:00');
    await pay(c2.id, 'boss', 300, 'cash', D3);
    now = at(`${Y}-12-20`, '10:00');
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    await db?.drop();
  });

  const months = (m: Record<number, [number, number]>) => Array.from({ length: 12 }, (_, i) => ({ month: i + 1, workerDays: m[i + 1]?.[0] ?? 0, paidTotal: m[i + 1]?.[1] ?? 0 }));

  it('the district: every day worked in the year, by 镇街 where the work was and by month', async () => {
    if (!db) return;
    const s = (await stats('admin').expect(200)).body;
    expect(s).toMatchObject({ year: Y, townCode: null, workerDays: 3, workers: 2, employers: 2, paidTotal: 630, noShows: 1, disputes: { open: 1, resolved: 1 } });
    expect(s.byTown).toHaveLength(11); // every 镇街 of the district, a clerk's full table
    const town = (code: string) => s.byTown.find((x: { code: string }) => x.code === code);
    expect(town(T1)).toEqual({ code: T1, name: '桑村镇', workerDays: 2, workers: 2, paidTotal: 380 });
    expect(town(T2)).toEqual({ code: T2, name: '北庄镇', workerDays: 1, workers: 1, paidTotal: 250 });
    expect(s.byTown.filter((x: { code: string }) => x.code !== T1 && x.code !== T2).every((x: { workerDays: number; paidTotal: number }) => x.workerDays === 0 && x.paidTotal === 0)).toBe(true);
    expect(s.byMonth).toEqual(months({ 3: [2, 380], 4: [1, 250] }));
    // The year is the work day's (China date): the day of January 2nd belongs to the next year only.
    expect((await stats('admin', `year=${Y + 1}`).expect(200)).body).toMatchObject({ workerDays: 1, workers: 1, employers: 1, paidTotal: 300, noShows: 0, disputes: { open: 0, resolved: 0 }, byMonth: months({ 1: [1, 300] }) });
    expect((await stats('admin', `year=${Y - 1}`).expect(200)).body).toMatchObject({ workerDays: 0, workers: 0, employers: 0, paidTotal: 0, noShows: 0, disputes: { open: 0, resolved: 0 } });
    // Without a year: the Clock's (China) year.
    expect((await stats('admin', '').expect(200)).body).toMatchObject({ year: Y, workerDays: 3 });
    // A 镇街 named by the district admin narrows to the work done there.
    expect((await stats('admin', `year=${Y}&townCode=${T2}`).expect(200)).body).toMatchObject({
      townCode: T2, workerDays: 1, workers: 1, employers: 1, paidTotal: 250, noShows: 0, disputes: { open: 0, resolved: 1 }, byTown: [{ code: T2, workerDays: 1 }], byMonth: months({ 4: [1, 250] }),
    });
  });

  it('day labour never counts as 新增就业', async () => {
    if (!db) return;
    expect((await api('get', `/stats/employment?year=${Y}`, 'admin').expect(200)).body.count).toBe(0);
  });

  it('a 镇街 officer: the work done in their 镇街, whoever did it', async () => {
    if (!db) return;
    expect((await stats('off1').expect(200)).body).toEqual({
      year: Y, townCode: null, workerDays: 2, workers: 2, employers: 1, paidTotal: 380, noShows: 1, disputes: { open: 1, resolved: 0 },
      byTown: [{ code: T1, name: '桑村镇', workerDays: 2, workers: 2, paidTotal: 380 }], byMonth: months({ 3: [2, 380] }),
    });
    expect((await stats('off2').expect(200)).body).toMatchObject({ workerDays: 1, workers: 1, employers: 1, paidTotal: 250, noShows: 0, disputes: { open: 0, resolved: 1 }, byTown: [{ code: T2, workerDays: 1 }] });
    expect((await stats('off1', `year=${Y}&townCode=${T1}`).expect(200)).body).toMatchObject({ townCode: T1, workerDays: 2 });
    expect((await stats('off1', `year=${Y}&townCode=${T2}`).expect(403)).body.message).toBe('该地区不在您的管辖范围内');
  });

  it('a liaison: the work of the people of their 村居 (or 镇街), wherever they worked', async () => {
    if (!db) return;
    // 户口村's two people: one worked in 桑村镇 and in 北庄镇, one did not come.
    expect((await stats('lia1').expect(200)).body).toEqual({
      year: Y, townCode: null, workerDays: 2, workers: 1, employers: 2, paidTotal: 450, noShows: 1, disputes: { open: 1, resolved: 1 },
      byTown: [{ code: T1, name: '桑村镇', workerDays: 1, workers: 1, paidTotal: 200 }, { code: T2, name: '北庄镇', workerDays: 1, workers: 1, paidTotal: 250 }],
      byMonth: months({ 3: [1, 200], 4: [1, 250] }),
    });
    // 北庄镇's villager worked in 桑村镇: counted for their liaison, by where they live.
    expect((await stats('lia2').expect(200)).body).toMatchObject({ workerDays: 1, workers: 1, employers: 1, paidTotal: 180, noShows: 0, disputes: { open: 0, resolved: 0 }, byTown: [{ code: T1, workerDays: 1, paidTotal: 180 }] });
    // A liaison over a whole 镇街: its people (r3 lives in 北庄镇, so not theirs); their own 镇街 narrows to work done there.
    expect((await stats('liaT').expect(200)).body).toMatchObject({ workerDays: 2, workers: 1, paidTotal: 450, noShows: 1 });
    expect((await stats('liaT', `year=${Y}&townCode=${T1}`).expect(200)).body).toMatchObject({ townCode: T1, workerDays: 1, paidTotal: 200, noShows: 1, disputes: { open: 1, resolved: 0 }, byTown: [{ code: T1 }] });
    await stats('liaT', `year=${Y}&townCode=${T2}`).expect(403);
    await stats('lia1', `year=${Y}&townCode=${T1}`).expect(403); // a 镇街 is wider than a 村居
  });

  it('refuses a bad year or 镇街, employers, seekers and strangers', async () => {
    if (!db) return;
    for (const bad of ['year=abc', 'year=1999', 'year=2025.5', 'year=3000', 'townCode=110101', 'townCode=370406999', 'townCode=370406103201']) {
      const r = await stats('admin', bad).expect(400);
      expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await stats('boss').expect(403)).body.message).toMatch(/[\u4e00-\u9fff]/);
    await stats('w1').expect(403);
    await api('get', `/stats/gigs.xlsx?year=${Y}`, 'boss').expect(403);
    await api('get', `/stats/gigs.xlsx?year=${Y}`, 'w1').expect(403);
    await request(t.server).get(`${API}/stats/gigs?year=${Y}`).expect(401);
    await request(t.server).get(`${API}/stats/gigs.xlsx?year=${Y}`).expect(401);
    await api('get', `/stats/gigs.xlsx?year=abc`, 'admin').expect(400);
    await api('get', `/stats/gigs.xlsx?year=${Y}&townCode=${T1}`, 'off2').expect(403);
  });

  it('the workbook: 总体, 分镇街 and 分月份 with titles, the area, Chinese headers and totals', async () => {
    if (!db) return;
    const download = (who: string, query = `year=${Y}`) => api('get', `/stats/gigs.xlsx?${query}`, who).buffer(true).parse(binary);
    const res = await download('admin').expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`山亭区${Y}年零工统计-山亭区-${Y}-12-20`)}`);
    const wb = await readWorkbook(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体', '分镇街', '分月份']);
    const get = (book: ExcelJS.Workbook, name: string) => book.getWorksheet(name) as ExcelJS.Worksheet;
    const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

    const overall = get(wb, '总体');
    expect(overall.getCell('A1').text).toBe(`山亭区${Y}年零工市场统计——总体`);
    expect(overall.getCell('A2').text).toBe(`统计范围：在山亭区干的零工（按干活的地方）    导出日期：${Y}-12-20`);
    expect(values(overall, 3)).toEqual(['年度', '上工人次', '上工人数', '用工企业（户）', '记录的工钱（元）', '报了没来（人次）', '工钱投诉：处理中（件）', '工钱投诉：已办结（件）']);
    expect(values(overall, 4)).toEqual([Y, 3, 2, 2, 630, 1, 1, 1]);

    const towns = get(wb, '分镇街');
    expect(values(towns, 3)).toEqual(['镇街', '上工人次', '上工人数', '记录的工钱（元）']);
    const rows = [...Array(11).keys()].map((i) => values(towns, 4 + i));
    expect(rows.find((r) => r[0] === '桑村镇')).toEqual(['桑村镇', 2, 2, 380]);
    expect(rows.find((r) => r[0] === '北庄镇')).toEqual(['北庄镇', 1, 1, 250]);
    expect(values(towns, 15)).toEqual(['合计', 3, 2, 630]);

    const byMonth = get(wb, '分月份');
    expect(values(byMonth, 3)).toEqual(['月份', '上工人次', '记录的工钱（元）']);
    expect(values(byMonth, 6)).toEqual(['3月', 2, 380]);
    expect(values(byMonth, 7)).toEqual(['4月', 1, 250]);
    expect(values(byMonth, 16)).toEqual(['合计', 3, 630]);

    // A liaison's workbook: their people, wherever they worked, said so on the sheet.
    const village = await readWorkbook((await download('lia1').expect(200)).body);
    expect(get(village, '总体').getCell('A2').text).toMatch(/^统计范围：桑村镇户口村.*的村民干的零工（按户籍所在地，不论在哪里干）/);
    expect(values(get(village, '总体'), 4)).toEqual([Y, 2, 1, 2, 450, 1, 1, 1]);
    expect(values(get(village, '分镇街'), 6)).toEqual(['合计', 2, 1, 450]);
    // An officer's, narrowed to their 镇街.
    const town = await readWorkbook((await download('off1', `year=${Y}&townCode=${T1}`).expect(200)).body);
    expect(get(town, '总体').getCell('A2').text).toContain('统计范围：在桑村镇干的零工');
    expect(values(get(town, '分镇街'), 4)).toEqual(['桑村镇', 2, 2, 380]);
  });
});
