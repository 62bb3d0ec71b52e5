import request from 'supertest';
import { chinaDateOf } from '@zaogong/shared';
import { Clock } from '../src/common/clock';
import { residentBody } from './support/identity';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * The public page (API.md "Public statistics"): anyone, no login; aggregates only, any figure of 1 to 4 people
 * shown as null; the same answer for 5 minutes however many ask.
 */

const API = '/api/v1';
const V1 = '370406103201'; // 桑村镇户口村
const V2 = '370406104201'; // 北庄镇毛宅村
const T1 = '370406103';
const T2 = '370406104';
const YEAR = Number(chinaDateOf(new Date()).slice(0, 4));

describe.each(DATABASE_KINDS)('public statistics on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerId: string;
  let n = 0;
  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });

  /** A verified (counted) hire of a new resident of `village`. */
  const countedHire = async (village: string, liaison: string) => {
    const resident = (await request(t.server).post(`${API}/residents`).set(as(liaison)).send(residentBody(900 + ++n, { villageCode: village, phone: `1390549${String(n).padStart(4, '0')}` })).expect(201)).body;
    const hire = (await request(t.server).post(`${API}/hires`).set(as(liaison)).send({ residentId: resident.id, employerId, startDate: chinaDateOf(new Date()) }).expect(201)).body;
    await request(t.server).post(`${API}/hires/${hire.id}/verify`).set(as('admin')).send({ reason: '电话核实本人已在岗' }).expect(200);
  };
  const stats = async () => (await request(t.server).get(`${API}/public/stats?year=${YEAR}`).expect(200)).body;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      lia1: { role: 'liaison', name: '户口村联络员', regionCode: V1 },
      lia2: { role: 'liaison', name: '毛宅村联络员', regionCode: V2 },
      boss: { role: 'employer', name: '张经理' },
    });
    employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1F3R', '山亭区桑村豆制品有限公司');
    await publishedPost(t, tok.boss, tok.admin, { title: '豆腐师傅', headcount: 4 });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('answers anyone with the count, 镇街 under 5 people suppressed, nothing personal, and the same answer for 5 minutes', async () => {
    if (!db) return;
    for (let i = 0; i < 3; i++) await countedHire(V1, 'lia1');
    for (let i = 0; i < 5; i++) await countedHire(V2, 'lia2');
    const clock = t.app.get(Clock);
    const later = (minutes: number) => jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + minutes * 60_000));
    const spy = later(0);
    try {
      const first = await stats();
      expect(first).toMatchObject({ year: YEAR, target: 3000, count: 8, openPosts: 1, openHeadcount: 4, events: { held: 0, hires: 0 }, gigs: { workerDays: 0 } });
      expect(first.byTown).toHaveLength(11);
      expect(first.byTown.find((x: { code: string }) => x.code === T1).count).toBeNull(); // 3 people
      expect(first.byTown.find((x: { code: string }) => x.code === T2).count).toBe(5);
      expect(first.byMonth.find((m: { count: number | null }) => m.count !== 0 && m.count !== null).count).toBe(8);
      const text = JSON.stringify(first);
      expect(text).not.toMatch(/[0-9]{17}[0-9Xx]|1[3-9][0-9]{9}|idNumber|phone|residentId|王秀英/);
      // Cached: another hire does not show until 5 minutes have passed.
      await countedHire(V1, 'lia1');
      spy.mockReturnValue(new Date(Date.now() + 4 * 60_000));
      expect((await stats()).count).toBe(8);
      spy.mockReturnValue(new Date(Date.now() + 6 * 60_000));
      expect((await stats()).count).toBe(9);
    } finally {
      spy.mockRestore();
    }
    const res = await request(t.server).get(`${API}/public/stats`).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    for (const bad of ['year=1900', 'year=abc', 'year[$gt]=1']) expect((await request(t.server).get(`${API}/public/stats?${bad}`).expect(400)).body.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
