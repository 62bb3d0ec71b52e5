import request from 'supertest';
import { chinaDateOf } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { Clock } from '../src/common/clock';
import { GigAttendanceService } from '../src/gigs/gig-attendance.service';
import { siteCode } from '../src/gigs/gig-rules';
import { Notification } from '../src/notifications/entities/notification.entity';
import { Region } from '../src/regions/entities/region.entity';
import { residentBody } from './support/identity';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * 零工市场 (docs/business-logic/gigs.md): nearest first with widening, a day's places first come first served
 * with a waiting list, cancelling, the 现场码 and its minute window, no-shows and the pause, pay, 权益维护
 * cases, ratings — and the refusals, in plain Chinese, with nothing half-written.
 */

const API = '/api/v1';
const V1 = '370406103201'; // 桑村镇户口村
const V2 = '370406104201'; // 北庄镇
const T1 = '370406103';
const SITE = { lat: 35.0812, lng: 117.4021 };
const addDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** A China date and time as the moved Clock's now. */
const at = (ymd: string, hm: string) => new Date(`${ymd}T${hm}:00+08:00`);

describe.each(DATABASE_KINDS)('零工 on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerId: string;
  let today: string;
  let n = 0;

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who] ?? who}` });
  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, who?: string) => {
    const r = request(t.server)[method](`${API}${path}`);
    return who ? r.set(as(who)) : r;
  };
  /** Runs `fn` with the Clock at a China date and time. */
  const on = async <T>(when: Date, fn: () => Promise<T>): Promise<T> => {
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(when);
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  };
  /** A published gig of the test employer. */
  const gig = async (over: Record<string, unknown> = {}) =>
    (await publishedPost(t, tok.boss, tok.admin, { title: '摘花椒', occupationCode: '5-01-01', description: '帮忙摘花椒，按天结算，男女不限。', skills: ['摘花椒'], type: 'gig', wageUnit: 'day', wageMin: 180, wageMax: 220, headcount: 2, startDate: addDays(today, 1), endDate: addDays(today, 2), townCode: T1, ...SITE, ...over })).id;
  /** A new seeker with a quick record in V1; returns their token. */
  const seeker = async (): Promise<string> => {
    const token = (await devLogins(t.server, { s: { role: 'seeker', name: `工人${++n}` } })).s;
    await request(t.server).post(`${API}/me/profile/quick`).set({ Authorization: `Bearer ${token}` }).send({ name: '王大力', phone: `1390547${String(n).padStart(4, '0')}`, villageCode: V1 }).expect(201);
    return token;
  };
  const signUp = (postId: string, token: string, date: string, residentId?: string) => request(t.server).post(`${API}/gigs/${postId}/signups`).set({ Authorization: `Bearer ${token}` }).send({ date, residentId });

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
      lia2: { role: 'liaison', name: '北庄联络员', regionCode: V2 },
      boss: { role: 'employer', name: '张经理' },
      other: { role: 'employer', name: '李老板' },
    });
    employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', '山亭区桑村花椒种植专业合作社');
    await verifiedEmployer(t, tok.other, tok.admin, 'MA7Q1D3T', '山亭区北庄豆制品有限公司');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('lists open gigs nearest first with the distance, widening the circle when nothing is near', async () => {
    if (!db) return;
    const near = await gig({ title: '摘花椒近处' });
    const far = await gig({ title: '摘花椒远处', lat: SITE.lat + 0.09, lng: SITE.lng }); // about 10 km north
    const res = (await api('get', `/gigs?lat=${SITE.lat}&lng=${SITE.lng + 0.01}&limit=50`).expect(200)).body;
    expect(res.radiusKm).toBe(3);
    const ids = res.items.map((i: { post: { id: string } }) => i.post.id);
    expect(ids).toContain(near);
    expect(ids).not.toContain(far); // outside 3 km
    const first = res.items.find((i: { post: { id: string } }) => i.post.id === near);
    expect(first).toMatchObject({ nearness: 'distance', spotsLeft: 2, employerWarning: null });
    expect(first.distanceKm).toBeCloseTo(0.9, 0);
    expect(first.dates.map((d: { date: string }) => d.date)).toEqual([addDays(today, 1), addDays(today, 2)]);
    // From 9 km south of the far one nothing is within 3 km: the list widens until it finds some.
    const wide = (await api('get', `/gigs?lat=${SITE.lat + 0.18}&lng=${SITE.lng}&limit=50`).expect(200)).body;
    expect(wide.radiusKm).toBeGreaterThan(3);
    expect(wide.items[0].post.id).toBe(far);
    // One day only, and a day it has no work.
    expect((await api('get', `/gigs?date=${addDays(today, 5)}&lat=${SITE.lat}&lng=${SITE.lng}`).expect(200)).body.items.map((i: { post: { id: string } }) => i.post.id)).not.toContain(near);
    for (const bad of ['lat=35', 'lat=x&lng=117', 'radiusKm=500&lat=35&lng=117', 'date=2026-13-45x', 'townCode=110101']) {
      const r = await api('get', `/gigs?${bad}`).expect(400);
      expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('without a point: the same 村居 first, then the same 镇街', async () => {
    if (!db) return;
    const here = await gig({ title: '本村帮工', lat: undefined, lng: undefined, villageCode: V1 });
    const town = await gig({ title: '本镇帮工', lat: undefined, lng: undefined, villageCode: undefined });
    const items = (await api('get', `/gigs?villageCode=${V1}&limit=100`).expect(200)).body.items as { post: { id: string }; nearness: string; distanceKm: null }[];
    const pos = (id: string) => items.findIndex((i) => i.post.id === id);
    expect(pos(here)).toBe(0);
    expect(items[pos(here)]).toMatchObject({ nearness: 'village', distanceKm: null });
    expect(items[pos(town)].nearness).toBe('town');
  });

  it('a post without a map point is placed by its 村居 centre (imported)', async () => {
    if (!db) return;
    const centre = { lat: 34.98, lng: 117.55 }; // far from SITE, so only this post is near it
    await t.dataSource.getRepository(Region).update({ code: V2 }, { lat: centre.lat, lng: centre.lng });
    const placed = await gig({ title: '北庄帮工', lat: undefined, lng: undefined, townCode: '370406104', villageCode: V2 });
    const near = (await api('get', `/gigs?lat=${centre.lat + 0.005}&lng=${centre.lng}`).expect(200)).body;
    expect(near.radiusKm).toBe(3);
    const item = near.items.find((i: { post: { id: string } }) => i.post.id === placed);
    expect(item).toMatchObject({ nearness: 'distance' });
    expect(item.distanceKm).toBeCloseTo(0.6, 0);
    // Page by page, nothing repeats and nothing is lost.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { post: { id: string } }[]; nextCursor: string | null } = (await api('get', `/gigs?lat=${SITE.lat}&lng=${SITE.lng}&radiusKm=50&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`).expect(200)).body;
      seen.push(...page.items.map((i: { post: { id: string } }) => i.post.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await api('get', `/gigs?lat=${SITE.lat}&lng=${SITE.lng}&radiusKm=50&limit=100`).expect(200)).body.items.map((i: { post: { id: string } }) => i.post.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    await api('get', '/gigs?cursor=garbage').expect(400);
  });

  it('first come first served up to the places, then a waiting list; a cancel moves the first waiting up and tells them', async () => {
    if (!db) return;
    const postId = await gig();
    const day = addDays(today, 1);
    const [a, b, c] = [await seeker(), await seeker(), await seeker()];
    expect((await signUp(postId, a, day).expect(201)).body).toMatchObject({ status: 'confirmed', date: day, workStartTime: '08:00' });
    await signUp(postId, b, day).expect(201);
    const waiting = (await signUp(postId, c, day).expect(201)).body;
    expect(waiting).toMatchObject({ status: 'waitlisted', waitPosition: 1 });
    expect((await signUp(postId, a, day).expect(409)).body.message).toBe(`您已经报过${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日了`);
    // A day it has no work, a malformed body.
    expect((await signUp(postId, a, addDays(today, 9)).expect(400)).body.errors[0].field).toBe('date');
    await request(t.server).post(`${API}/gigs/${postId}/signups`).set({ Authorization: `Bearer ${a}` }).send({ date: null }).expect(400);
    await request(t.server).post(`${API}/gigs/${postId}/signups`).set({ Authorization: `Bearer ${a}` }).send({ date: { $gt: '' } }).expect(400);
    const roster = (await api('get', `/gigs/${postId}/roster?date=${day}`, 'boss').expect(200)).body;
    expect(roster.day).toMatchObject({ headcount: 2, confirmed: 2, spotsLeft: 0, waitlisted: 1 });
    expect(roster.items[0].resident.phone).toMatch(/^1\d{10}$/); // the employer calls the people who signed up
    expect(roster.items[0].attendance).toEqual({ daysWorked: 0, noShows: 0 });

    const mine = (await request(t.server).get(`${API}/gigs/signups?date=${day}`).set({ Authorization: `Bearer ${a}` }).expect(200)).body.items[0];
    // At 09:00 today the day's 08:00 start is 23 hours off: cancelling is free (whatever time the suite runs).
    const cancelled = await on(at(today, '09:00'), () => request(t.server).delete(`${API}/gigs/signups/${mine.id}`).set({ Authorization: `Bearer ${a}` }).expect(200));
    expect(cancelled.body.status).toBe('cancelled'); // more than 12 hours before the start: free
    const moved = (await request(t.server).get(`${API}/gigs/signups?date=${day}`).set({ Authorization: `Bearer ${c}` }).expect(200)).body.items[0];
    expect(moved.status).toBe('confirmed');
    const told = await t.dataSource.getRepository(Notification).find({ where: { title: '排队补上了' } });
    expect(told.length).toBeGreaterThan(0);
    await request(t.server).delete(`${API}/gigs/signups/${mine.id}`).set({ Authorization: `Bearer ${a}` }).expect(409);
    await request(t.server).delete(`${API}/gigs/signups/${mine.id}`).set({ Authorization: `Bearer ${b}` }).expect(404);
    // Late: within 12 hours of the start it is recorded as a late cancel.
    const second = (await request(t.server).get(`${API}/gigs/signups?date=${day}`).set({ Authorization: `Bearer ${b}` }).expect(200)).body.items[0];
    await on(at(day, '06:00'), async () => {
      expect((await request(t.server).delete(`${API}/gigs/signups/${second.id}`).set({ Authorization: `Bearer ${b}` }).expect(200)).body.status).toBe('late_cancel');
    });
    // After the start nobody signs up.
    await on(at(day, '08:30'), async () => {
      expect((await signUp(postId, await seeker(), day).expect(409)).body.message).toBe('这天已经开工了，不能再报名');
    });
  });

  it('never puts more on the roster than the places, 50 signing up in the same second for 3 places', async () => {
    if (!db) return;
    const postId = await gig({ headcount: 3 });
    const day = addDays(today, 2);
    const people = await Promise.all(Array.from({ length: 50 }, () => seeker()));
    const answers = await Promise.all(people.map((p) => signUp(postId, p, day)));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    const statuses = answers.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(47);
    const roster = (await api('get', `/gigs/${postId}/roster?date=${day}`, 'boss').expect(200)).body;
    expect(roster.day).toMatchObject({ confirmed: 3, waitlisted: 47 });
    expect(roster.items.filter((i: { status: string }) => i.status === 'confirmed')).toHaveLength(3);
  });

  it('the employer closes a day or adds places; adding places moves the queue up', async () => {
    if (!db) return;
    const postId = await gig({ headcount: 1 });
    const day = addDays(today, 1);
    await signUp(postId, await seeker(), day).expect(201);
    expect((await signUp(postId, await seeker(), day).expect(201)).body.status).toBe('waitlisted');
    const more = (await api('patch', `/gigs/${postId}/days/${day}`, 'boss').send({ headcount: 2 }).expect(200)).body;
    expect(more).toMatchObject({ headcount: 2, confirmed: 2, waitlisted: 0 });
    expect((await api('patch', `/gigs/${postId}/days/${day}`, 'boss').send({ headcount: 1 }).expect(409)).body.message).toMatch(/人数不能少于2/);
    await api('patch', `/gigs/${postId}/days/${day}`, 'boss').send({ closed: true }).expect(200);
    expect((await signUp(postId, await seeker(), day).expect(409)).body.message).toMatch(/不再招人/);
    await api('patch', `/gigs/${postId}/days/${day}`, 'other').send({ closed: false }).expect(404);
    await api('patch', `/gigs/${postId}/days/${day}`, 'boss').send({}).expect(400);
    await api('patch', `/gigs/${postId}/days/${day}`, 'boss').send({ headcount: -1 }).expect(400);
  });

  it('the 现场码 changes every minute; the worker checks in with it once, far is flagged; a liaison vouches', async () => {
    if (!db) return;
    const day = addDays(today, 1);
    const postId = await gig();
    const worker = await seeker();
    const signup = (await signUp(postId, worker, day).expect(201)).body;
    const villager = (await request(t.server).post(`${API}/residents`).set(as('lia1')).send(residentBody(800, { villageCode: V1 })).expect(201)).body;
    const vouchedFor = (await signUp(postId, tok.lia1, day, villager.id).expect(201)).body;
    expect(vouchedFor.source).toBe('liaison');

    // A day that is over has no code.
    await on(at(addDays(day, 1), '09:00'), async () => {
      expect((await api('get', `/gigs/${postId}/site-code?date=${day}`, 'boss').expect(409)).body.message).toMatch(/已经过去了/);
    });
    const nine = at(day, '08:00');
    const code = await on(nine, async () => {
      const c = (await api('get', `/gigs/${postId}/site-code?date=${day}`, 'boss').expect(200)).body;
      expect(c.code).toMatch(/^\d{6}$/);
      expect(c.qrText).toContain(`code=${c.code}`);
      await api('get', `/gigs/${postId}/site-code?date=${day}`, 'other').expect(404);
      await api('get', `/gigs/${postId}/site-code?date=${day}`, worker).expect(403);
      return c.code as string;
    });
    const checkIn = (body: object, who = worker) => request(t.server).post(`${API}/gigs/check-in`).set({ Authorization: `Bearer ${who}` }).send(body);
    // Two minutes on, the code is old.
    await on(new Date(nine.getTime() + 120_000), async () => {
      expect((await checkIn({ code }).expect(400)).body.message).toMatch(/现场码不对或已经换了/);
    });
    // A code of another site (another post) is refused too.
    const otherCode = siteCode(t.config.jwtSecret, await gig(), day, Math.floor(nine.getTime() / 60_000));
    await on(nine, async () => {
      if (otherCode !== code) await checkIn({ code: otherCode }).expect(400);
      await checkIn({ code: 'abc' }).expect(400);
    });
    // Within the minute after, it works; far from the site is flagged, not refused; twice is once.
    await on(new Date(nine.getTime() + 50_000), async () => {
      const done = (await checkIn({ code, lat: SITE.lat + 0.05, lng: SITE.lng }).expect(200)).body;
      expect(done).toMatchObject({ id: signup.id, status: 'checked_in', checkInFar: true });
      const again = (await checkIn({ code }).expect(200)).body;
      expect(again.checkInAt).toBe(done.checkInAt);
      // The liaison vouches for the villager without a phone; not for someone else's.
      const vouched = (await checkIn({ signupId: vouchedFor.id, note: '我在现场，本人到了' }, tok.lia1).expect(200)).body;
      expect(vouched.checkInVouchedBy).toBeTruthy();
      await checkIn({ signupId: vouchedFor.id }, tok.lia2).expect(404);
      // The employer confirms the day's end for both.
      await request(t.server).post(`${API}/gigs/check-out`).set(as('boss')).send({ signupId: signup.id }).expect(200);
    });
    expect(await t.dataSource.getRepository(AuditLog).count({ where: { action: 'gig.check_in_vouched', targetId: vouchedFor.id } })).toBe(1);
  });

  it('pay: recorded by the employer, confirmed or disputed by the worker; a case moves on with the 镇街 officer', async () => {
    if (!db) return;
    const day = addDays(today, 1);
    const postId = await gig();
    const worker = await seeker();
    const s = (await signUp(postId, worker, day).expect(201)).body;
    const pay = (body: object, who = 'boss') => api('post', `/gigs/signups/${s.id}/pay`, who).send(body);
    const paid = { amount: 200, method: 'cash', paidAt: `${day}T18:00:00+08:00` };
    // Not worked yet: no pay, no dispute.
    await on(at(day, '19:00'), async () => {
      expect((await pay(paid).expect(409)).body.message).toMatch(/没有上工记录/);
      expect((await request(t.server).post(`${API}/gigs/signups/${s.id}/dispute`).set({ Authorization: `Bearer ${worker}` }).send({ reason: 'unpaid' }).expect(409)).body.message).toMatch(/没有上工记录/);
    });
    const code = await on(at(day, '08:00'), async () => (await api('get', `/gigs/${postId}/site-code?date=${day}`, 'boss').expect(200)).body.code as string);
    await on(at(day, '08:00'), async () => request(t.server).post(`${API}/gigs/check-in`).set({ Authorization: `Bearer ${worker}` }).send({ code }).expect(200));
    await on(at(day, '19:00'), async () => {
      await pay({ ...paid, amount: -5 }).expect(400);
      await pay({ ...paid, method: 'gold' }).expect(400);
      const unusual = await pay({ ...paid, amount: 20000 }).expect(409);
      expect(unusual.body).toMatchObject({ needsConfirmation: true });
      await pay(paid, 'other').expect(404);
      const recorded = (await pay(paid).expect(200)).body;
      expect(recorded.pay).toMatchObject({ amount: 200, method: 'cash', confirmedAt: null });
      // The worker says it is short: a case with the day's evidence.
      const dispute = (await request(t.server).post(`${API}/gigs/signups/${s.id}/dispute`).set({ Authorization: `Bearer ${worker}` }).send({ reason: 'underpaid', note: '说好220，只给了200' }).expect(201)).body;
      expect(dispute).toMatchObject({ status: 'open', reason: 'underpaid', evidence: { date: day, agreedWage: { min: 180, max: 220 }, pay: { amount: 200 } } });
      expect(dispute.evidence.checkInAt).toBeTruthy();
      await request(t.server).post(`${API}/gigs/signups/${s.id}/dispute`).set({ Authorization: `Bearer ${worker}` }).send({ reason: 'underpaid' }).expect(409);
      await request(t.server).post(`${API}/gigs/signups/${s.id}/pay/confirm`).set({ Authorization: `Bearer ${worker}` }).expect(409);
      await pay(paid).expect(409);
      // Who sees it: the 镇街 where the work was, the district, the worker, the employer; not the other 镇街.
      for (const who of ['admin', 'off1']) expect((await api('get', '/disputes', who).expect(200)).body.items.map((d: { id: string }) => d.id)).toContain(dispute.id);
      expect((await api('get', '/disputes', 'off2').expect(200)).body.items.map((d: { id: string }) => d.id)).not.toContain(dispute.id);
      // The list is the district's; the worker and the employer open their own case.
      await request(t.server).get(`${API}/disputes`).set({ Authorization: `Bearer ${worker}` }).expect(403);
      await api('get', '/disputes', 'boss').expect(403);
      await api('get', `/disputes/${dispute.id}`, 'boss').expect(200);
      await api('get', `/disputes/${dispute.id}`, 'off2').expect(404);
      expect((await request(t.server).get(`${API}/disputes/${dispute.id}`).set({ Authorization: `Bearer ${worker}` }).expect(200)).body.worker.phone).toMatch(/\*{4}/);
      await api('patch', `/disputes/${dispute.id}`, 'off2').send({ status: 'mediating', note: '打电话问过' }).expect(404);
      await api('patch', `/disputes/${dispute.id}`, 'boss').send({ status: 'resolved', note: '已解决' }).expect(403);
      await api('patch', `/disputes/${dispute.id}`, 'off1').send({ status: 'open', note: '重新打开' }).expect(400);
      await api('patch', `/disputes/${dispute.id}`, 'off1').send({ status: 'mediating', note: '已电话联系企业，约周五调解' }).expect(200);
      const referred = (await api('patch', `/disputes/${dispute.id}`, 'off1').send({ status: 'referred', note: '企业不配合，转劳动监察' }).expect(200)).body;
      expect(referred.steps.map((x: { status: string }) => x.status)).toEqual(['open', 'mediating', 'referred']);
      await api('patch', `/disputes/${dispute.id}`, 'off1').send({ status: 'resolved', note: '又解决了' }).expect(409);
      const toWorker = await t.dataSource.getRepository(Notification).find({ where: { type: 'dispute' } });
      expect(toWorker.some((x) => x.title === '工钱问题：已转劳动监察' && x.body.includes('12333'))).toBe(true);
    });
    // Eight days on, the employer's gig posts carry a warning… (the case is referred, so not open any more: none)
    await on(at(addDays(day, 8), '09:00'), async () => {
      const list = (await api('get', `/gigs?townCode=${T1}&date=${addDays(day, 8)}`).expect(200)).body;
      expect(list.items.every((i: { employerWarning: string | null }) => i.employerWarning === null)).toBe(true);
    });
  });

  it('an employer with a case open more than 7 days shows a warning; ratings once each way', async () => {
    if (!db) return;
    const day = addDays(today, 1);
    const postId = await gig({ endDate: addDays(today, 20) });
    const worker = await seeker();
    const s = (await signUp(postId, worker, day).expect(201)).body;
    const code = await on(at(day, '08:00'), async () => (await api('get', `/gigs/${postId}/site-code?date=${day}`, 'boss').expect(200)).body.code as string);
    await on(at(day, '08:00'), async () => request(t.server).post(`${API}/gigs/check-in`).set({ Authorization: `Bearer ${worker}` }).send({ code }).expect(200));
    await on(at(day, '20:00'), async () => {
      await request(t.server).post(`${API}/gigs/signups/${s.id}/dispute`).set({ Authorization: `Bearer ${worker}` }).send({ reason: 'unpaid' }).expect(201);
      const rate = (who: string, body: object) => request(t.server).post(`${API}/gigs/signups/${s.id}/rating`).set({ Authorization: `Bearer ${who}` }).send(body);
      await rate(worker, { stars: 6 }).expect(400);
      await rate(worker, { stars: 2, tags: ['拖欠工钱'] }).expect(201);
      await rate(worker, { stars: 1 }).expect(409);
      expect((await rate(tok.boss, { stars: 5, tags: ['干活利索'] }).expect(201)).body.rated).toEqual({ byEmployer: true, byWorker: true });
      await rate(tok.other, { stars: 1 }).expect(404);
    });
    await on(at(addDays(day, 8), '09:00'), async () => {
      const list = (await api('get', `/gigs?townCode=${T1}&date=${addDays(day, 9)}&limit=100`).expect(200)).body.items as { post: { id: string; employer: { id: string } }; employerWarning: string | null }[];
      const mine = list.find((i) => i.post.id === postId);
      expect(mine?.employerWarning).toBe('这家企业有工钱投诉超过7天还没解决');
      expect(list.filter((i) => i.post.employer.id !== employerId).every((i) => i.employerWarning === null)).toBe(true);
    });
  });

  it('three no-shows in 30 days pause sign-ups for 7 days; the liaison may lift it', async () => {
    if (!db) return;
    const worker = await seeker();
    const me = (await request(t.server).get(`${API}/me/profile`).set({ Authorization: `Bearer ${worker}` }).expect(200)).body;
    const postId = await gig({ endDate: addDays(today, 10), headcount: 5 });
    const days = [1, 2, 3].map((i) => addDays(today, i));
    for (const d of days) await signUp(postId, worker, d).expect(201);
    // The employer marks the first no-show; the evening sweep records the others.
    const first = (await request(t.server).get(`${API}/gigs/signups?date=${days[0]}`).set({ Authorization: `Bearer ${worker}` }).expect(200)).body.items[0];
    await on(at(days[0], '07:00'), async () => api('post', `/gigs/signups/${first.id}/no-show`, 'boss').expect(409)); // not started yet
    await on(at(days[0], '09:00'), async () => {
      expect((await api('post', `/gigs/signups/${first.id}/no-show`, 'boss').expect(200)).body.status).toBe('no_show');
      await api('post', `/gigs/signups/${first.id}/no-show`, 'other').expect(404);
    });
    await on(at(addDays(days[2], 1), '18:00'), async () => {
      const swept = await t.app.get(GigAttendanceService).sweep();
      expect(swept.noShows).toBeGreaterThanOrEqual(2);
      expect((await signUp(postId, worker, addDays(days[2], 2)).expect(409)).body.message).toMatch(/最近30天里有3次报了没去/);
      await api('post', `/gigs/pauses/${me.id}/lift`, 'lia2').send({ note: '说明了情况' }).expect(404);
      await api('post', `/gigs/pauses/${me.id}/lift`, 'lia1').send({}).expect(400);
      await api('post', `/gigs/pauses/${me.id}/lift`, 'lia1').send({ note: '家里老人住院，已核实' }).expect(200);
      await signUp(postId, worker, addDays(days[2], 2)).expect(201);
      await api('post', `/gigs/pauses/${me.id}/lift`, 'lia1').send({ note: '再来一次' }).expect(409);
    });
  });

  it('零工驿站: the liaison sees who in their villages is free that day', async () => {
    if (!db) return;
    const day = addDays(today, 1);
    const postId = await gig({ headcount: 5 });
    const free = (await request(t.server).post(`${API}/residents`).set(as('lia1')).send(residentBody(811, { villageCode: V1, name: '周闲', availability: ['gig'] })).expect(201)).body;
    const busy = (await request(t.server).post(`${API}/residents`).set(as('lia1')).send(residentBody(812, { villageCode: V1, name: '吴忙' })).expect(201)).body;
    await signUp(postId, tok.lia1, day, busy.id).expect(201);
    const elsewhere = (await request(t.server).post(`${API}/residents`).set(as('lia2')).send(residentBody(813, { villageCode: V2, name: '郑远' })).expect(201)).body;
    const list = (await api('get', `/gigs/free?date=${day}`, 'lia1').expect(200)).body.items as { id: string; wantsGigs: boolean; phone: string }[];
    const ids = list.map((x) => x.id);
    expect(ids).toContain(free.id);
    expect(ids).not.toContain(busy.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(list.find((x) => x.id === free.id)).toMatchObject({ wantsGigs: true, phone: expect.stringMatching(/\*{4}/) });
    expect(list.findIndex((x) => x.wantsGigs)).toBe(0); // those who take day work first
    expect((await api('get', `/gigs/free?date=${day}`, 'lia2').expect(200)).body.items.map((x: { id: string }) => x.id)).toContain(elsewhere.id);
    await api('get', `/gigs/free?date=${day}`, 'boss').expect(403);
    await api('get', '/gigs/free', 'lia1').expect(400);
  });

  it('an employer with two or more cases in 180 days is on the admins\' review list', async () => {
    if (!db) return;
    const day = addDays(today, 1);
    const postId = await gig({ headcount: 5 });
    const workers = [await seeker(), await seeker()];
    const signups: { id: string }[] = [];
    for (const w of workers) signups.push((await signUp(postId, w, day).expect(201)).body);
    const code = await on(at(day, '08:00'), async () => (await api('get', `/gigs/${postId}/site-code?date=${day}`, 'boss').expect(200)).body.code as string);
    await on(at(day, '08:00'), async () => {
      for (const w of workers) await request(t.server).post(`${API}/gigs/check-in`).set({ Authorization: `Bearer ${w}` }).send({ code }).expect(200);
    });
    await on(at(day, '20:00'), async () => {
      for (const [i, w] of workers.entries()) await request(t.server).post(`${API}/gigs/signups/${signups[i].id}/dispute`).set({ Authorization: `Bearer ${w}` }).send({ reason: 'unpaid' }).expect(201);
      const listed = (await api('get', '/disputes/employers', 'admin').expect(200)).body.items as { employerId: string; cases: number; open: number }[];
      expect(listed.find((x) => x.employerId === employerId)).toMatchObject({ open: expect.any(Number) });
      expect(listed.find((x) => x.employerId === employerId)?.cases).toBeGreaterThanOrEqual(2);
      expect((await api('get', '/disputes/employers', 'off1').expect(200)).body.items.map((x: { employerId: string }) => x.employerId)).toContain(employerId);
      expect((await api('get', '/disputes/employers', 'off2').expect(200)).body.items.map((x: { employerId: string }) => x.employerId)).not.toContain(employerId);
      await api('get', '/disputes/employers', 'boss').expect(403);
      await api('get', '/disputes/employers', 'lia1').expect(403);
    });
  });

  it('other roles and strangers are refused', async () => {
    if (!db) return;
    const postId = await gig();
    const day = addDays(today, 1);
    await signUp(postId, tok.boss, day).expect(403);
    await signUp(postId, tok.admin, day).expect(403);
    await request(t.server).post(`${API}/gigs/${postId}/signups`).send({ date: day }).expect(401);
    await signUp('not-a-uuid', await seeker(), day).expect(404);
    await api('get', `/gigs/${postId}/roster?date=${day}`, 'other').expect(404);
    await api('get', `/gigs/${postId}/roster?date=${day}`, 'off2').expect(404);
    await api('get', `/gigs/${postId}/roster?date=${day}`, 'off1').expect(200);
    // A liaison sees only their own villagers on a roster.
    const villager = (await request(t.server).post(`${API}/residents`).set(as('lia2')).send(residentBody(801, { villageCode: V2 })).expect(201)).body;
    await signUp(postId, tok.lia2, day, villager.id).expect(201);
    await signUp(postId, tok.lia1, day, villager.id).expect(404);
    const seen = (await api('get', `/gigs/${postId}/roster?date=${day}`, 'lia1').expect(200)).body.items.map((i: { resident: { id: string } }) => i.resident.id);
    expect(seen).not.toContain(villager.id);
    expect((await api('get', `/gigs/${postId}/roster?date=${day}`, 'lia2').expect(200)).body.items[0].resident.phone).toMatch(/\*{4}/);
  });
});
