import request from 'supertest';
import { chinaDateOf } from '@zaogong/shared';
import { Clock } from '../src/common/clock';
import { EventSweepProcessor } from '../src/events/event-sweep.processor';
import { venueCode, venueQrText } from '../src/events/event-rules';
import { Notification } from '../src/notifications/entities/notification.entity';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../src/queue';
import { idNumber, residentBody } from './support/identity';
import { binary, readWorkbook } from './support/resident-sheets';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * 招聘活动 (docs/business-logic/events.md): an officer's fair in their 镇街, employers at booths, tickets with
 * a waiting list, the door (tickets scanned once, the venue's code), one-tap applications at a booth credited
 * to the event through to the confirmed hire, the report and the season, the announcement and the reminder —
 * and the refusals, in plain Chinese.
 */

const API = '/api/v1';
const T1 = '370406103'; // 桑村镇
const V1 = '370406103201'; // 桑村镇户口村
const T2 = '370406104'; // 北庄镇
const V2 = '370406104201'; // 北庄镇毛宅村
const DAY = 86_400_000;
/** A China date `n` days from today at a China time. */
const dayAt = (n: number, hm: string) => new Date(`${chinaDateOf(new Date(Date.now() + n * DAY))}T${hm}:00+08:00`);

describe.each(DATABASE_KINDS)('招聘活动 on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerId: string;
  let otherEmployerId: string;
  let postId: string;
  let otherPostId: string;
  let n = 0;

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who] ?? who}` });
  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, who?: string) => {
    const r = request(t.server)[method](`${API}${path}`);
    return who ? r.set(as(who)) : r;
  };
  const on = async <T>(when: Date, fn: () => Promise<T>): Promise<T> => {
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(when);
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  };
  const fair = (over: Record<string, unknown> = {}) => ({
    title: '春风行动·桑村镇专场招聘会',
    series: '春风行动',
    kind: 'onsite',
    startsAt: dayAt(3, '09:00').toISOString(),
    endsAt: dayAt(3, '12:00').toISOString(),
    townCode: T1,
    address: '桑村镇政府广场',
    capacity: 2,
    description: '桑村镇及周边企业现场招聘，带上身份证即可。',
    contactPhone: '0632-8811234',
    ...over,
  });
  const newFair = async (over: Record<string, unknown> = {}, who = 'off1') => (await api('post', '/events', who).send(fair(over)).expect(201)).body as { id: string; startsAt: string; endsAt: string };
  /** A seeker with a quick record in `village`; returns token and resident id. */
  const seeker = async (village = V1): Promise<{ token: string; residentId: string }> => {
    const token = (await devLogins(t.server, { s: { role: 'seeker', name: `求职者${++n}` } })).s;
    const r = await request(t.server).post(`${API}/me/profile/quick`).set({ Authorization: `Bearer ${token}` }).send({ name: '王秀英', phone: `1390548${String(n).padStart(4, '0')}`, villageCode: village }).expect(201);
    return { token, residentId: r.body.id };
  };
  /** A fair with the employer approved at booth A12 with its post. */
  const fairWithBooth = async (over: Record<string, unknown> = {}) => {
    const e = await newFair(over);
    await api('post', `/events/${e.id}/employers`, 'boss').send({ postIds: [postId] }).expect(201);
    await api('post', `/events/${e.id}/employers/${employerId}/review`, 'off1').send({ approve: true, booth: 'A12' }).expect(200);
    return e;
  };

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
      boss: { role: 'employer', name: '张经理' },
      other: { role: 'employer', name: '李老板' },
      newco: { role: 'employer', name: '新来的老板' },
    });
    employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1E3R', '山亭区桑村豆制品有限公司');
    otherEmployerId = await verifiedEmployer(t, tok.other, tok.admin, 'MA7Q1E3T', '山亭区北庄塑编厂');
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '豆腐师傅' })).id;
    otherPostId = (await publishedPost(t, tok.other, tok.admin, { title: '塑编挡车工' })).id;
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('an officer organises in their own 镇街 only; times, kinds and series are checked with plain words', async () => {
    if (!db) return;
    const made = await newFair();
    expect(made).toMatchObject({ series: 'chunfeng', seriesLabel: '春风行动', kind: 'onsite', phase: 'upcoming', townCode: T1, townName: '桑村镇', capacity: 2, registered: 0, canManage: true });
    // An officer naming no 镇街 organises for their own; another 镇街 is refused.
    expect((await newFair({ townCode: undefined })).id).toBeTruthy();
    expect((await api('post', '/events', 'off1').send(fair({ townCode: undefined })).expect(201)).body.townCode).toBe(T1);
    expect((await api('post', '/events', 'off2').send(fair()).expect(403)).body.message).toBe('只能组织和管理本镇街的招聘活动');
    for (const who of ['lia1', 'boss']) await api('post', '/events', who).send(fair()).expect(403);
    await api('post', '/events').send(fair()).expect(401);
    // The district admin may hold a district-wide 直播带岗.
    const live = (await api('post', '/events', 'admin').send(fair({ townCode: undefined, kind: 'livestream', address: undefined, liveUrl: 'https://v.kuaishou.com/abc', livePlatform: 'kuaishou', series: 'zhidengnilai' })).expect(201)).body;
    expect(live).toMatchObject({ townCode: null, kind: 'livestream', livePlatform: 'kuaishou', seriesLabel: '职等你来' });
    expect((await api('post', `/events/${live.id}/cancel`, 'off1').send({ reason: '改期' }).expect(403)).body.message).toMatch(/本镇街/);
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ endsAt: dayAt(3, '08:00').toISOString() }, /结束时间要晚于开始时间/],
      [{ startsAt: dayAt(-2, '09:00').toISOString(), endsAt: dayAt(-2, '12:00').toISOString() }, /已经过去/],
      [{ address: undefined }, /地点/],
      [{ kind: 'livestream', liveUrl: undefined }, /直播链接/],
      [{ kind: 'livestream', liveUrl: 'javascript:alert(1)' }, /http/],
      [{ series: '赶大集' }, /没有这个活动系列/],
      [{ kind: 'fair' }, /活动形式/],
      [{ townCode: '370406999' }, /镇街/],
      [{ villageCode: V2 }, /不在所选的镇街/],
      [{ capacity: 0 }, /名额/],
      [{ capacity: 'many' }, /名额/],
      [{ title: '招'.repeat(500) }, /活动名称/],
      [{ title: { $gt: '' } }, /活动名称/],
      [{ title: null }, /null/],
      [{ contactPhone: '12345' }, /联系电话/],
      [{ startsAt: '明天' }, /时间/],
    ];
    for (const [over, message] of bad) {
      const res = await api('post', '/events', 'off1').send(fair(over)).expect(400);
      expect(res.body.message).toMatch(message);
    }
    for (const body of [null, [], 'x', { a: { b: { c: { d: {} } } } }]) {
      const res = await api('post', '/events', 'off1').send(body as object);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // Editing: times still ahead, never below the tickets given; another officer cannot.
    await api('patch', `/events/${made.id}`, 'off2').send({ title: '改名' }).expect(403);
    expect((await api('patch', `/events/${made.id}`, 'off1').send({ title: '春风行动·桑村镇第二场' }).expect(200)).body.title).toBe('春风行动·桑村镇第二场');
    expect((await api('patch', `/events/${made.id}`, 'off1').send({ endsAt: dayAt(2, '09:00').toISOString() }).expect(400)).body.message).toBe('结束时间要晚于开始时间');
    await api('patch', '/events/not-a-uuid', 'off1').send({ title: '春风' }).expect(404);
    await api('get', '/events/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('lists upcoming events first for anyone, by 镇街 (with district-wide ones) and page by page', async () => {
    if (!db) return;
    const soon = await newFair({ title: '明天的小型招聘会', startsAt: dayAt(1, '09:00').toISOString(), endsAt: dayAt(1, '11:00').toISOString(), series: 'village_fair', villageCode: V1 });
    const later = await newFair({ title: '下月的招聘会', startsAt: dayAt(20, '09:00').toISOString(), endsAt: dayAt(20, '11:00').toISOString() });
    const north = (await api('post', '/events', 'off2').send(fair({ townCode: T2, title: '北庄镇招聘会', address: '北庄镇政府' })).expect(201)).body;
    const all: { id: string; startsAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; startsAt: string }[]; nextCursor: string | null } = (await api('get', `/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const ids = all.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.indexOf(soon.id)).toBeLessThan(ids.indexOf(later.id));
    expect([...all.map((e) => e.startsAt)]).toEqual([...all.map((e) => e.startsAt)].sort());
    const inT1 = (await api('get', `/events?townCode=${T1}&limit=100`).expect(200)).body.items.map((e: { id: string }) => e.id);
    expect(inT1).toContain(soon.id);
    expect(inT1).not.toContain(north.id);
    const thisWeek = (await api('get', `/events?to=${chinaDateOf(dayAt(2, '00:00'))}&limit=100`).expect(200)).body.items.map((e: { id: string }) => e.id);
    expect(thisWeek).toContain(soon.id);
    expect(thisWeek).not.toContain(later.id);
    for (const bad of ['cursor=xyz', 'from=2026-13-01x', 'townCode=110101', 'limit=1000', 'series=赶大集', `from=${chinaDateOf(dayAt(5, '00:00'))}&to=${chinaDateOf(dayAt(1, '00:00'))}`]) {
      expect((await api('get', `/events?${bad}`).expect(400)).body.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('employers join with their own posts; the organiser approves with a booth; the event page lists them', async () => {
    if (!db) return;
    const e = await newFair();
    // Another firm's post, or no employer at all.
    expect((await api('post', `/events/${e.id}/employers`, 'boss').send({ postIds: [otherPostId] }).expect(403)).body.message).toBe('只能带本企业的岗位参加');
    expect((await api('post', `/events/${e.id}/employers`, 'newco').send({ postIds: [postId] }).expect(403)).body.message).toMatch(/企业信息/);
    for (const body of [{}, { postIds: [] }, { postIds: ['x'] }, { postIds: null }, { postIds: Array(40).fill(postId) }]) await api('post', `/events/${e.id}/employers`, 'boss').send(body).expect(400);
    await api('post', `/events/${e.id}/employers`, 'boss').send({ postIds: ['00000000-0000-4000-8000-000000000000'] }).expect(404);
    const asked = (await api('post', `/events/${e.id}/employers`, 'boss').send({ postIds: [postId] }).expect(201)).body;
    expect(asked).toMatchObject({ employerId, status: 'pending', booth: null, posts: [{ id: postId, title: '豆腐师傅', open: true }] });
    await api('post', `/events/${e.id}/employers`, 'other').send({ postIds: [otherPostId] }).expect(201);
    // Pending requests are the organiser's to see.
    expect((await api('get', `/events/${e.id}`).expect(200)).body.employers).toEqual([]);
    expect((await api('get', `/events/${e.id}`, 'off1').expect(200)).body.employers).toHaveLength(2);
    // Review: the organiser only; a booth for a 现场 fair; a reason for a no; one booth per firm.
    await api('post', `/events/${e.id}/employers/${employerId}/review`, 'off2').send({ approve: true, booth: 'A12' }).expect(403);
    await api('post', `/events/${e.id}/employers/${employerId}/review`, 'boss').send({ approve: true, booth: 'A12' }).expect(403);
    expect((await api('post', `/events/${e.id}/employers/${employerId}/review`, 'off1').send({ approve: true }).expect(400)).body.message).toBe('现场招聘会请填写展位号');
    expect((await api('post', `/events/${e.id}/employers/${otherEmployerId}/review`, 'off1').send({ approve: false }).expect(400)).body.message).toMatch(/原因/);
    expect((await api('post', `/events/${e.id}/employers/${employerId}/review`, 'off1').send({ approve: true, booth: 'A12' }).expect(200)).body).toMatchObject({ status: 'approved', booth: 'A12' });
    expect((await api('post', `/events/${e.id}/employers/${otherEmployerId}/review`, 'off1').send({ approve: true, booth: 'A12' }).expect(409)).body.message).toBe('展位 A12 已经分给别的企业了');
    await api('post', `/events/${e.id}/employers/00000000-0000-4000-8000-000000000000/review`, 'off1').send({ approve: true, booth: 'B1' }).expect(404);
    const page = (await api('get', `/events/${e.id}`).expect(200)).body;
    expect(page).toMatchObject({ employerCount: 1, postCount: 1, employers: [{ employerName: '山亭区桑村豆制品有限公司', booth: 'A12', posts: [{ id: postId }] }] });
    expect((await api('get', `/events/${e.id}`, 'boss').expect(200)).body.myEmployer).toMatchObject({ status: 'approved', booth: 'A12' });
    // The employer heard of it.
    const told = await t.dataSource.getRepository(Notification).find({ where: { type: 'event' } });
    expect(told.some((x) => x.body.includes('展位号 A12'))).toBe(true);
  });

  it('tickets up to the capacity, then a waiting list that moves up when someone cancels', async () => {
    if (!db) return;
    const e = await newFair({ capacity: 2 });
    const a = await seeker();
    const c = await seeker();
    const mine = (await api('post', `/events/${e.id}/signups`, a.token).send({}).expect(201)).body;
    expect(mine).toMatchObject({ status: 'registered', residentId: a.residentId, byLiaison: false });
    expect(mine.ticketCode).toMatch(/^[23456789A-HJKMNP-Z]{8}$/);
    expect(mine.ticketQrText).toBe(`zgkd:ticket:${mine.ticketCode}`);
    expect((await api('post', `/events/${e.id}/signups`, a.token).send({}).expect(409)).body.message).toBe('您已经报过名了');
    // A liaison signs up a villager of theirs; not one of another 村.
    const villager = (await api('post', '/residents', 'lia1').send(residentBody(801, { villageCode: V1 })).expect(201)).body;
    await api('post', `/events/${e.id}/signups`, 'lia2').send({ residentId: villager.id }).expect(404);
    expect((await api('post', `/events/${e.id}/signups`, 'lia1').send({}).expect(400)).body.message).toMatch(/村民/);
    expect((await api('post', `/events/${e.id}/signups`, 'lia1').send({ residentId: villager.id }).expect(201)).body).toMatchObject({ status: 'registered', byLiaison: true });
    expect((await api('post', `/events/${e.id}/signups`, c.token).send({}).expect(201)).body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await api('post', `/events/${e.id}/signups`, 'boss').send({}).expect(403);
    await api('post', `/events/${e.id}/signups`, a.token).send({ residentId: villager.id }).expect(403);
    expect((await api('get', `/events/${e.id}`, a.token).expect(200)).body).toMatchObject({ registered: 2, waitlisted: 1, mySignup: { id: mine.id, status: 'registered' } });
    // Cancelling frees the place for the first in line, who is told.
    await api('delete', `/events/signups/${mine.id}`, c.token).expect(404);
    expect((await api('delete', `/events/signups/${mine.id}`, a.token).expect(200)).body.status).toBe('cancelled');
    await api('delete', `/events/signups/${mine.id}`, a.token).expect(409);
    const cTickets = (await api('get', '/events/signups', c.token).expect(200)).body.items;
    expect(cTickets).toMatchObject([{ eventId: e.id, status: 'registered', waitlistPosition: null }]);
    const heard = await t.dataSource.getRepository(Notification).find({ where: { type: 'event', title: '排队补上了' } });
    expect(heard.length).toBeGreaterThan(0);
    // The liaison sees their villagers' tickets, not others'.
    const liaisonList = (await api('get', `/events/signups?eventId=${e.id}`, 'lia1').expect(200)).body.items.map((s: { residentId: string }) => s.residentId);
    expect(liaisonList).toContain(villager.id);
    expect((await api('get', `/events/signups?eventId=${e.id}`, 'lia2').expect(200)).body.items).toEqual([]);
    // Raising the capacity gives the waiting list its tickets; lowering it below the tickets is refused.
    expect((await api('patch', `/events/${e.id}`, 'off1').send({ capacity: 1 }).expect(409)).body.message).toBe('已有2人拿到票，名额不能少于2');
  });

  it('the door: staff scan each ticket once, the seeker may scan the venue code, other events’ tickets are refused', async () => {
    if (!db) return;
    const e = await newFair({ capacity: 10 });
    const other = await newFair({ capacity: 10, title: '另一场招聘会' });
    const a = await seeker();
    const b = await seeker();
    const ticket = (await api('post', `/events/${e.id}/signups`, a.token).send({}).expect(201)).body;
    const otherTicket = (await api('post', `/events/${other.id}/signups`, b.token).send({}).expect(201)).body;
    const checkIn = (who: string, body: object) => api('post', `/events/${e.id}/check-in`, who).send(body);
    // The venue's printed code works only from 2 hours before the start.
    const early = (await api('get', `/events/${e.id}/venue-code`, 'off1').expect(200)).body;
    expect((await on(dayAt(2, '09:00'), () => checkIn(b.token, { venueCode: early.code }).expect(409))).body.message).toMatch(/还没到入场时间/);
    await on(dayAt(3, '08:30'), async () => {
      await checkIn('off2', { ticketCode: ticket.ticketCode }).expect(403);
      await checkIn('lia2', { ticketCode: ticket.ticketCode }).expect(403);
      await checkIn('boss', { ticketCode: ticket.ticketCode }).expect(403);
      expect((await checkIn('off1', { ticketCode: 'NOPE' }).expect(400)).body.message).toMatch(/票号/);
      expect((await checkIn('off1', { ticketCode: 'ZZZZZZZZ' }).expect(404)).body.message).toMatch(/没有这张票/);
      expect((await checkIn('off1', { ticketCode: otherTicket.ticketCode }).expect(409)).body.message).toBe('这张票是「另一场招聘会」的，不是本场的');
      // The scanned QR text works as the typed code; a liaison of the 镇街 helps at the door.
      const inside = (await checkIn('lia1', { ticketCode: ticket.ticketQrText }).expect(200)).body;
      expect(inside).toMatchObject({ id: ticket.id, checkInVia: 'ticket' });
      expect(inside.checkedInAt).toBeTruthy();
      expect((await checkIn('off1', { ticketCode: ticket.ticketCode.toLowerCase() }).expect(409)).body.message).toMatch(/^这张票已经在.+入场过了$/);
      await checkIn('off1', {}).expect(400);
      await checkIn('off1', { ticketCode: ticket.ticketCode, venueCode: '123456' }).expect(400);
      // The venue's code: the seeker scans it; a wrong code or another event's is refused; a walk-in gets a ticket there and then.
      const code = (await api('get', `/events/${e.id}/venue-code`, 'off1').expect(200)).body;
      expect(code.code).toBe(venueCode(t.config.jwtSecret, e.id));
      expect(code.qrText).toBe(venueQrText(e.id, code.code));
      await api('get', `/events/${e.id}/venue-code`, 'lia1').expect(403);
      expect((await checkIn(b.token, { venueCode: venueQrText(other.id, venueCode(t.config.jwtSecret, other.id)) }).expect(400)).body.message).toMatch(/入场码不对/);
      await checkIn(b.token, { venueCode: '000000' === code.code ? '111111' : '000000' }).expect(400);
      const walkIn = (await checkIn(b.token, { venueCode: code.qrText }).expect(200)).body;
      expect(walkIn).toMatchObject({ status: 'registered', checkInVia: 'venue' });
      await checkIn(b.token, { venueCode: code.code }).expect(409);
      await checkIn(b.token, { ticketCode: ticket.ticketCode }).expect(403);
      // The door list: the organiser sees names; it is not for another 镇街.
      const door = (await api('get', `/events/${e.id}/signups`, 'off1').expect(200)).body.items;
      expect(door.filter((s: { checkedInAt: string | null }) => s.checkedInAt)).toHaveLength(2);
      await api('get', `/events/${e.id}/signups`, 'off2').expect(403);
      await api('get', `/events/${e.id}/signups`, a.token).expect(403);
    });
    // A cancelled ticket cannot come in.
    const c = await seeker();
    const cTicket = (await api('post', `/events/${e.id}/signups`, c.token).send({}).expect(201)).body;
    await api('delete', `/events/signups/${cTicket.id}`, c.token).expect(200);
    expect((await on(dayAt(3, '09:30'), () => checkIn('off1', { ticketCode: cTicket.ticketCode }).expect(409))).body.message).toBe('这张票已经取消了');
    expect((await on(dayAt(3, '12:30'), () => checkIn('off1', { ticketCode: ticket.ticketCode }).expect(409))).body.message).toBe('活动已经结束');
  });

  it('one tap at a booth: the application carries the event, and the confirmed hire shows in the report', async () => {
    if (!db) return;
    const e = await fairWithBooth({ capacity: 50 });
    const a = await seeker();
    // A post not at the fair, or the fair long over: apply directly instead.
    expect((await on(dayAt(5, '09:00'), () => api('post', '/applications', a.token).send({ postId, eventId: e.id }).expect(409))).body.message).toBe('活动已经结束；请直接投递这个岗位');
    const lonely = (await publishedPost(t, tok.boss, tok.admin, { title: '送货司机' })).id;
    await api('post', '/applications', a.token).send({ postId, eventId: 'x' }).expect(400);
    const app = await on(dayAt(3, '09:30'), async () => {
      expect((await api('post', '/applications', a.token).send({ postId: lonely, eventId: e.id }).expect(409)).body.message).toBe('这个岗位不在本场活动里；请直接投递');
      await api('post', '/applications', a.token).send({ postId, eventId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      return (await api('post', '/applications', a.token).send({ postId, eventId: e.id }).expect(201)).body;
    });
    expect(app).toMatchObject({ postId, eventId: e.id, status: 'applied' });
    // A liaison applies for a villager at the same booth.
    const villager = (await api('post', '/residents', 'lia1').send(residentBody(802, { villageCode: V1 })).expect(201)).body;
    await on(dayAt(3, '10:00'), () => api('post', '/applications', 'lia1').send({ postId, residentId: villager.id, eventId: e.id }).expect(201));
    let report = (await api('get', `/events/${e.id}/report`, 'off1').expect(200)).body;
    expect(report).toMatchObject({ employers: 1, posts: 1, headcount: 3, applications: 2, hires: 0, hiresPending: 0, byEmployer: [{ booth: 'A12', applications: 2, hires: 0 }] });
    // Hired and confirmed on both sides: the report's 录用 grows.
    const hireId = (await api('patch', `/applications/${app.id}`, 'boss').send({ status: 'hired', startDate: chinaDateOf(new Date()) }).expect(200)).body.hireId as string;
    expect((await api('get', `/events/${e.id}/report`, 'off1').expect(200)).body).toMatchObject({ hires: 0, hiresPending: 1 });
    await api('post', `/hires/${hireId}/confirm`, 'boss').expect(200);
    await api('post', `/hires/${hireId}/confirm`, a.token).send({ idNumber: idNumber('370406', '19700305', '811') }).expect(200);
    report = (await api('get', `/events/${e.id}/report`, 'off1').expect(200)).body;
    expect(report).toMatchObject({ applications: 2, hires: 1, hiresPending: 0, byEmployer: [{ hires: 1 }] });
    // The report is the organiser's (and the district's).
    expect((await api('get', `/events/${e.id}/report`, 'admin').expect(200)).body.hires).toBe(1);
    for (const who of ['off2', 'lia1', 'boss', a.token]) await api('get', `/events/${e.id}/report`, who).expect(403);
    // The workbook in the 人社局's layout.
    const file = await api('get', `/events/${e.id}/report.xlsx`, 'off1').buffer(true).parse(binary).expect(200);
    const wb = await readWorkbook(file.body);
    const sheet = wb.getWorksheet('活动统计')!;
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['参会企业数（家）', '提供岗位数（个）', '招聘人数（人）', '进场人数（人）', '达成意向人数（人）', '录用人数（人）']));
    const values = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(values[headers.indexOf('录用人数（人）')]).toBe(1);
    expect(values[headers.indexOf('达成意向人数（人）')]).toBe(2);
    // The season: the 春风行动 line adds this fair in.
    const season = (await api('get', '/events/summary?series=春风行动', 'off1').expect(200)).body;
    expect(season.items).toHaveLength(1);
    expect(season.items[0]).toMatchObject({ series: 'chunfeng', label: '春风行动' });
    expect(season.items[0].hires).toBeGreaterThanOrEqual(1);
    expect(season.items[0].events).toBeGreaterThanOrEqual(1);
    expect((await api('get', `/events/summary?townCode=${T2}`, 'off2').expect(200)).body.items.every((x: { hires: number }) => x.hires === 0)).toBe(true);
    await api('get', `/events/summary?townCode=${T1}`, 'off2').expect(403);
    await api('get', '/events/summary?year=1900', 'off1').expect(400);
    await api('get', '/events/summary', 'boss').expect(403);
    await api('get', '/events/summary.xlsx', 'off1').expect(200);
  });

  it('tells the seekers of its 镇街 once (muting respected) and reminds ticket holders the evening before', async () => {
    if (!db) return;
    const here = await seeker(V1);
    const muted = await seeker(V1);
    const away = await seeker(V2);
    await request(t.server).put(`${API}/me/notification-settings`).set(as(muted.token)).send({ mutedTypes: ['event'], sms: false }).expect(200);
    const e = await newFair({ title: '桑村镇年前招聘会', startsAt: dayAt(1, '09:00').toISOString(), endsAt: dayAt(1, '11:00').toISOString(), capacity: 100 });
    await t.app.get<QueueDriver>(QUEUE_DRIVER).get(QUEUES.events).whenIdle();
    const inbox = async (token: string) => (await api('get', '/notifications?limit=100', token).expect(200)).body.items.filter((x: { title: string }) => x.title.includes('桑村镇年前招聘会'));
    expect(await inbox(here.token)).toHaveLength(1);
    expect(await inbox(muted.token)).toHaveLength(0);
    expect(await inbox(away.token)).toHaveLength(0);
    // Once: editing the event or running the sweep does not tell them again.
    await api('patch', `/events/${e.id}`, 'off1').send({ description: '带上身份证和简历（没有也行）。' }).expect(200);
    await api('post', `/events/${e.id}/signups`, here.token).send({}).expect(201);
    const sweep = t.app.get(EventSweepProcessor);
    const first = await on(dayAt(0, '18:00'), () => sweep.sweep());
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const again = await on(dayAt(0, '18:05'), () => sweep.sweep());
    expect(again.reminded).toBe(0);
    const mine = await inbox(here.token);
    expect(mine.filter((x: { title: string }) => x.title.startsWith('招聘活动：'))).toHaveLength(1);
    const reminders = (await api('get', '/notifications?limit=100', here.token).expect(200)).body.items.filter((x: { title: string }) => x.title === '明天有招聘活动');
    expect(reminders).toHaveLength(1);
  });

  it('a cancelled event tells everyone and takes no more sign-ups, edits or employers', async () => {
    if (!db) return;
    const e = await fairWithBooth();
    const a = await seeker();
    await api('post', `/events/${e.id}/signups`, a.token).send({}).expect(201);
    for (const body of [{}, { reason: '' }, { reason: null }]) await api('post', `/events/${e.id}/cancel`, 'off1').send(body).expect(400);
    await api('post', `/events/${e.id}/cancel`, 'off2').send({ reason: '大风降温，改期举办' }).expect(403);
    expect((await api('post', `/events/${e.id}/cancel`, 'off1').send({ reason: '大风降温，改期举办' }).expect(200)).body).toMatchObject({ status: 'cancelled', phase: 'cancelled', cancelReason: '大风降温，改期举办' });
    await api('post', `/events/${e.id}/cancel`, 'off1').send({ reason: '大风降温，改期举办' }).expect(409);
    const b = await seeker();
    expect((await api('post', `/events/${e.id}/signups`, b.token).send({}).expect(409)).body.message).toBe('活动已取消，不能报名');
    await api('patch', `/events/${e.id}`, 'off1').send({ title: '春风行动再来' }).expect(409);
    await api('post', `/events/${e.id}/employers`, 'other').send({ postIds: [otherPostId] }).expect(409);
    expect((await api('get', '/events?limit=100').expect(200)).body.items.map((x: { id: string }) => x.id)).not.toContain(e.id);
    expect((await api('get', '/events?all=true&limit=100', 'off1').expect(200)).body.items.map((x: { id: string }) => x.id)).toContain(e.id);
    const told = (await api('get', '/notifications?limit=100', a.token).expect(200)).body.items.filter((x: { title: string }) => x.title === '招聘活动取消');
    expect(told).toHaveLength(1);
  });

  it('50 people sign up at once for 5 tickets: 5 tickets, 45 in line, nobody twice', async () => {
    if (!db) return;
    const e = await newFair({ capacity: 5 });
    const people = await Promise.all(Array.from({ length: 50 }, () => seeker()));
    const results = await Promise.all(people.map((p) => api('post', `/events/${e.id}/signups`, p.token).send({})));
    expect(results.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const statuses = results.map((r) => r.body.status as string);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(45);
    expect(new Set(results.map((r) => r.body.ticketCode)).size).toBe(50);
    expect((await api('get', `/events/${e.id}`).expect(200)).body).toMatchObject({ registered: 5, waitlisted: 45 });
  });
});
