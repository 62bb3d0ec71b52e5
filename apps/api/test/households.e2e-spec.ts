import request from 'supertest';
import { chinaDateOf } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { Clock } from '../src/common/clock';
import { Notification } from '../src/notifications/entities/notification.entity';
import { creditCode } from './support/identity';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * 零工驿站 (docs/business-logic/gigs.md): a liaison registers a 农户 of their 村 (no credit code, no account),
 * posts its day work through the usual review, and runs the day for it (现场码, roster, pay); nobody else does.
 */

const API = '/api/v1';
const V1 = '370406103201'; // 桑村镇户口村
const V1B = '370406103202'; // 桑村镇, another 村
const V2 = '370406104201'; // 北庄镇毛宅村
const T1 = '370406103';
const addDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (ymd: string, hm: string) => new Date(`${ymd}T${hm}:00+08:00`);

describe.each(DATABASE_KINDS)('零工驿站: households on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let today: string;
  let n = 0;

  const api = (method: 'get' | 'post' | 'patch', path: string, who: string) => request(t.server)[method](`${API}${path}`).set({ Authorization: `Bearer ${tok[who] ?? who}` });
  const on = async <T>(when: Date, fn: () => Promise<T>): Promise<T> => {
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(when);
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  };
  const household = (over: Record<string, unknown> = {}) => ({ name: `王大爷家${++n}`, villageCode: V1, contactName: '王守田', contactPhone: '13905461234', ...over });
  const gigBody = (over: Record<string, unknown> = {}) => ({
    title: '帮忙摘花椒',
    occupationCode: '5-01-01',
    description: '王大爷家花椒熟了，帮忙摘三天，按天结工钱，管午饭。',
    skills: ['摘花椒'],
    wageMin: 150,
    wageMax: 150,
    wageUnit: 'day',
    headcount: 3,
    startDate: addDays(today, 1),
    endDate: addDays(today, 2),
    workStartTime: '07:00',
    ...over,
  });
  const seeker = async (): Promise<string> => {
    const token = (await devLogins(t.server, { s: { role: 'seeker', name: `帮工${++n}` } })).s;
    await request(t.server).post(`${API}/me/profile/quick`).set({ Authorization: `Bearer ${token}` }).send({ name: '李大力', phone: `1390548${String(n).padStart(4, '0')}`, villageCode: V1 }).expect(201);
    return token;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    today = chinaDateOf(new Date());
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      off1: { role: 'admin', name: '桑村镇干部', regionCode: T1 },
      off2: { role: 'admin', name: '北庄镇干部', regionCode: '370406104' },
      lia1: { role: 'liaison', name: '户口村联络员', regionCode: V1 },
      lia1b: { role: 'liaison', name: '邻村联络员', regionCode: V1B },
      lia2: { role: 'liaison', name: '毛宅村联络员', regionCode: V2 },
      boss: { role: 'employer', name: '张经理' },
      job: { role: 'seeker', name: '求职者' },
    });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('a liaison registers a household of their 村: verified at once on their word, audit-logged, no credit code', async () => {
    if (!db) return;
    const h = (await api('post', '/households', 'lia1').send(household({ address: '户口村东头' })).expect(201)).body;
    expect(h).toMatchObject({ villageCode: V1, townCode: T1, address: '户口村东头', contactName: '王守田', contactPhone: '139****1234', gigs: [] });
    expect(h.villageName).toBeTruthy();
    const card = (await api('get', `/employers/${h.id}`, 'off1').expect(200)).body;
    expect(card).toMatchObject({ kind: 'household', creditCode: null, villageCode: V1, verification: 'verified', industryCode: 'A' });
    const logged = await t.dataSource.getRepository(AuditLog).findOneByOrFail({ targetId: h.id, action: 'employer.verify' });
    expect(JSON.stringify(logged.detail)).toContain('联络员代为登记的农户');
    expect(JSON.stringify(logged.detail)).not.toContain('13905461234');
    // Two households, both without a credit code: the unique index takes many NULLs.
    const second = (await api('post', '/households', 'off1').send(household({ villageCode: V1B })).expect(201)).body;
    expect(second.address).toBeTruthy(); // the 村's name when no address is given
  });

  it('refuses other 村, other roles and bad bodies in plain words', async () => {
    if (!db) return;
    expect((await api('post', '/households', 'lia2').send(household()).expect(403)).body.message).toMatch(/管辖范围/);
    await api('post', '/households', 'off2').send(household()).expect(403);
    await api('post', '/households', 'boss').send(household()).expect(403);
    await api('post', '/households', 'job').send(household()).expect(403);
    await api('get', '/households', 'boss').expect(403);
    await api('get', '/households', 'job').expect(403);
    const bad: Record<string, unknown>[] = [
      { contactPhone: undefined },
      { contactPhone: '12345' },
      { name: '' },
      { name: null },
      { villageCode: '110101001001' },
      { villageCode: T1 },
      { contactName: undefined },
      { address: 'x' },
    ];
    for (const over of bad) {
      const r = await api('post', '/households', 'lia1').send(household(over)).expect(400);
      expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const noPhone = await api('post', '/households', 'lia1').send(household({ contactPhone: undefined })).expect(400);
    expect(JSON.stringify(noPhone.body)).toContain('contactPhone');
  });

  it('lists the households of the caller’s area only', async () => {
    if (!db) return;
    const mine = (await api('post', '/households', 'lia1').send(household()).expect(201)).body.id;
    const north = (await api('post', '/households', 'lia2').send(household({ villageCode: V2 })).expect(201)).body.id;
    const ids = async (who: string, q = '') => ((await api('get', `/households${q}`, who).expect(200)).body.items as { id: string }[]).map((i) => i.id);
    expect(await ids('lia1')).toContain(mine);
    expect(await ids('lia1')).not.toContain(north);
    expect(await ids('lia2')).toEqual([north]);
    expect(await ids('off1')).toContain(mine);
    expect(await ids('off1')).not.toContain(north);
    expect(await ids('admin')).toEqual(expect.arrayContaining([mine, north]));
    expect(await ids('off1', `?villageCode=${V1}`)).toContain(mine);
    await api('get', `/households?villageCode=${V2}`, 'lia1').expect(403);
    await api('get', '/households?villageCode=abc', 'lia1').expect(400);
  });

  it('a household’s gig goes through review, shows in GET /gigs, and its liaison runs the day; nobody else does', async () => {
    if (!db) return;
    const h = (await api('post', '/households', 'lia1').send(household()).expect(201)).body.id;
    // Not theirs: another 村's liaison, another 镇街's officer, employers and seekers.
    await api('post', `/households/${h}/gigs`, 'lia1b').send(gigBody()).expect(404);
    await api('post', `/households/${h}/gigs`, 'off2').send(gigBody()).expect(404);
    await api('post', `/households/${h}/gigs`, 'boss').send(gigBody()).expect(403);
    await api('post', `/households/${h}/gigs`, 'job').send(gigBody()).expect(403);
    await api('post', '/households/00000000-0000-4000-8000-000000000000/gigs', 'lia1').send(gigBody()).expect(404);
    for (const over of [{ wageUnit: 'month' }, { headcount: 0 }, { startDate: undefined }, { wageMin: -1 }, { occupationCode: '9-99-99' }, { title: '' }]) {
      const r = await api('post', `/households/${h}/gigs`, 'lia1').send(gigBody(over)).expect(400);
      expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const post = (await api('post', `/households/${h}/gigs`, 'lia1').send(gigBody()).expect(201)).body;
    expect(post).toMatchObject({ type: 'gig', status: 'pending_review', townCode: T1, villageCode: V1, employer: { id: h, kind: 'household', verified: true } });
    const listed = (await api('get', `/households?villageCode=${V1}`, 'lia1').expect(200)).body.items.find((i: { id: string }) => i.id === h);
    expect(listed.gigs).toMatchObject([{ id: post.id, status: 'pending_review' }]);
    // Not in the public list until reviewed; the 镇街 officer reviews it like every post.
    const gigIds = async () => ((await request(t.server).get(`${API}/gigs?villageCode=${V1}&limit=100`).expect(200)).body.items as { post: { id: string } }[]).map((i) => i.post.id);
    expect(await gigIds()).not.toContain(post.id);
    await api('post', `/posts/${post.id}/review`, 'off1').send({ approve: true }).expect(200);
    expect(await gigIds()).toContain(post.id);

    // A villager signs up; on the day the liaison shows the 现场码, sees the whole roster, records the pay.
    const day = addDays(today, 1);
    const worker = await seeker();
    const s = (await request(t.server).post(`${API}/gigs/${post.id}/signups`).set({ Authorization: `Bearer ${worker}` }).send({ date: day }).expect(201)).body;
    const code = await on(at(day, '07:00'), async () => (await api('get', `/gigs/${post.id}/site-code?date=${day}`, 'lia1').expect(200)).body.code as string);
    expect(code).toMatch(/^\d{6}$/);
    await on(at(day, '07:00'), async () => {
      // Only the household's 村 (and its admins): not another 村's liaison, not an employer.
      await api('get', `/gigs/${post.id}/site-code?date=${day}`, 'lia1b').expect(404);
      await api('get', `/gigs/${post.id}/site-code?date=${day}`, 'off2').expect(404);
      await api('get', `/gigs/${post.id}/site-code?date=${day}`, 'boss').expect(403);
      await api('get', `/gigs/${post.id}/site-code?date=${day}`, 'off1').expect(200);
      await request(t.server).post(`${API}/gigs/check-in`).set({ Authorization: `Bearer ${worker}` }).send({ code }).expect(200);
    });
    const roster = (await api('get', `/gigs/${post.id}/roster?date=${day}`, 'lia1').expect(200)).body;
    expect(roster.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
    // Another 村's liaison sees only their own residents on it (none), as on any gig.
    expect((await api('get', `/gigs/${post.id}/roster?date=${day}`, 'lia1b').expect(200)).body.items).toEqual([]);
    const paid = { amount: 150, method: 'wechat', paidAt: `${day}T18:00:00+08:00` };
    await on(at(day, '19:00'), async () => {
      await api('post', `/gigs/signups/${s.id}/pay`, 'lia1b').send(paid).expect(404);
      await api('post', `/gigs/signups/${s.id}/pay`, 'boss').send(paid).expect(403);
      const recorded = (await api('post', `/gigs/signups/${s.id}/pay`, 'lia1').send(paid).expect(200)).body;
      expect(recorded.pay).toMatchObject({ amount: 150, method: 'wechat' });
      // The liaison rates the worker for the household (the employer's side), once.
      await api('post', `/gigs/signups/${s.id}/rating`, 'lia1').send({ stars: 5, tags: ['干活利索'] }).expect(201);
      await api('post', `/gigs/signups/${s.id}/rating`, 'lia1').send({ stars: 5 }).expect(409);
      // The worker disputes it: the household's 村 liaison hears of the case, and may open it.
      const dispute = (await request(t.server).post(`${API}/gigs/signups/${s.id}/dispute`).set({ Authorization: `Bearer ${worker}` }).send({ reason: 'underpaid', note: '说好150，只给了100' }).expect(201)).body;
      await api('get', `/disputes/${dispute.id}`, 'lia1').expect(200);
      await api('get', `/disputes/${dispute.id}`, 'lia2').expect(404);
    });
    const lia1Id = (await api('get', '/me', 'lia1').expect(200)).body.id as string;
    const heard = await t.dataSource.getRepository(Notification).findBy({ userId: lia1Id, type: 'dispute' });
    expect(heard.length).toBeGreaterThan(0);
  });

  it('a firm’s gig stays its own: a liaison of the 村 cannot run it', async () => {
    if (!db) return;
    const created = await api('post', '/employers', 'boss').send({ name: '山亭区桑村花椒合作社', creditCode: creditCode('MA7Q1D3R'), industryCode: 'A', townCode: T1, address: '户口村', contactName: '张经理', contactPhone: '13905462222' });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    // Firms still need their credit code.
    const noCode = await devLogins(t.server, { x: { role: 'employer', name: '无码老板' } });
    await request(t.server).post(`${API}/employers`).set({ Authorization: `Bearer ${noCode.x}` }).send({ name: '山亭区无码公司', industryCode: 'C', townCode: T1, address: '工业园', contactName: '李', contactPhone: '13905462223' }).expect(400);
    await api('post', `/employers/${created.body.id}/verify`, 'admin').send({ approve: true }).expect(200);
    const post = (await api('post', '/posts', 'boss').send({ ...gigBody(), type: 'gig', townCode: T1, villageCode: V1 }).expect(201)).body;
    await api('post', `/posts/${post.id}/review`, 'admin').send({ approve: true }).expect(200);
    const day = addDays(today, 1);
    await on(at(day, '07:00'), async () => {
      const r = await api('get', `/gigs/${post.id}/site-code?date=${day}`, 'lia1').expect(403);
      expect(r.body.message).toMatch(/农户的零工由本村联络员代办/);
      await api('get', `/gigs/${post.id}/site-code?date=${day}`, 'boss').expect(200);
    });
  });
});
