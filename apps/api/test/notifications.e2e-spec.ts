import request from 'supertest';
import { idNumberCheckChar } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { Clock } from '../src/common/clock';
import { JobDigestService } from '../src/notifications/digest/job-digest.service';
import { NotificationDelivery } from '../src/notifications/entities/notification-delivery.entity';
import { NotificationOutbox } from '../src/notifications/notification-outbox';
import { DeliveryProcessor, STUCK_AFTER_MS, SWEEP_EVERY_MS, WECHAT_LOST_REASON } from '../src/notifications/delivery.processor';
import { IsNull, Not } from 'typeorm';
import { Notification } from '../src/notifications/entities/notification.entity';
import { startFakeSms, type FakeSms } from './support/fake-sms';
import { publishedPost, postBody, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';
import { until } from './support/wait';

const API = '/api/v1';
const V1 = '370406103201'; // 桑村镇
const V2 = '370406105201'; // 城头镇

const idOf = (birth: string, seq: string) => `370406${birth}${seq}` + idNumberCheckChar(`370406${birth}${seq}`);

describe.each(DATABASE_KINDS)('notifications on %s (embedded queue)', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let sms: FakeSms;
  let tok: Record<string, string>;
  let employerId: string;
  let postId: string;
  let appLiu: string;
  let chenId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    sms = await startFakeSms();
    t = await startTestApp(db, { SMS_API_URL: sms.url, SMS_API_KEY: 'sms-key', NOTIFY_ATTEMPTS: '2', NOTIFY_BACKOFF_MS: '50' });
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '管理员' },
      boss: { role: 'employer', name: '张经理' },
      rival: { role: 'employer', name: '李老板' },
      lia1: { role: 'liaison', name: '桑村联络员', regionCode: V1 },
      town: { role: 'liaison', name: '桑村镇干部', regionCode: '370406103' },
      lia2: { role: 'liaison', name: '城头联络员', regionCode: V2 },
      liu: { role: 'seeker', name: '刘芳' },
      wang: { role: 'seeker', name: '王强' },
    });
    employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', '山亭区桑村塑编制品有限公司');
    await verifiedEmployer(t, tok.rival, tok.admin, 'MA7Q1D3T', '山亭区李家豆制品厂');
    const profile = (name: string, id: string, phone: string) => ({ name, idNumber: id, phone, villageCode: V1, skills: ['编织', '塑编'], desiredOccupations: ['6-02-01'], availability: ['full_time'], consent: { method: 'self', at: new Date().toISOString() } });
    await request(t.server).put(`${API}/me/profile`).set(as('liu')).send(profile('刘芳', idOf('19880512', '322'), '13905465012')).expect(200);
    await request(t.server).put(`${API}/me/profile`).set(as('wang')).send(profile('王强', idOf('19900909', '333'), '13905465013')).expect(200);
    chenId = (
      await request(t.server)
        .post(`${API}/residents`)
        .set(as('lia1'))
        .send({ name: '陈红', idNumber: idOf('19790101', '342'), phone: '13905465014', villageCode: V1, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], consent: { method: 'signature', at: new Date().toISOString() } })
        .expect(201)
    ).body.id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await sms?.close();
    await db?.drop();
  });

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const inbox = async (who: string, query = '') => (await request(t.server).get(`${API}/notifications${query}`).set(as(who)).expect(200)).body.items as Array<{ id: string; type: string; title: string; body: string; page: string | null; readAt: string | null }>;
  const patch = (id: string, body: object) => request(t.server).patch(`${API}/applications/${id}`).set(as('boss')).send(body).expect(200);

  it('a review tells the employer: approved, or rejected with the reason; nobody else', async () => {
    if (!db) return;
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '塑编工', occupationCode: '6-02-01', description: '编织袋生产，男女不限', skills: ['塑编'], wageMin: 3200, wageMax: 4000 })).id;
    const approved = (await inbox('boss')).find((n) => n.type === 'post_review');
    expect(approved).toMatchObject({ title: '岗位已通过审核', page: `/pages/post/index?id=${postId}`, readAt: null });
    expect(approved?.body).toContain('塑编工');
    const draft = await request(t.server).post(`${API}/posts`).set(as('boss')).send(postBody({ title: '仓库管理员' })).expect(201);
    await request(t.server).post(`${API}/posts/${draft.body.id}/review`).set(as('admin')).send({ approve: false, reason: '工作地点写得不清楚' }).expect(200);
    const rejected = (await inbox('boss')).find((n) => n.title === '岗位未通过审核');
    expect(rejected?.body).toContain('工作地点写得不清楚');
    expect(rejected?.page).toBe(`/packages/employer/pages/post-form/index?id=${draft.body.id}`);
    expect(await inbox('rival')).toEqual([]);
  });

  it('a new application tells the employer, with the applicant’s name masked', async () => {
    if (!db) return;
    appLiu = (await request(t.server).post(`${API}/applications`).set(as('liu')).send({ postId }).expect(201)).body.id;
    const n = (await inbox('boss')).find((x) => x.type === 'new_application');
    expect(n).toMatchObject({ title: '新的投递', page: `/packages/employer/pages/applicants/index?postId=${postId}` });
    expect(n?.body).toContain('刘*');
    expect(n?.body).not.toContain('刘芳');
    expect((await request(t.server).get(`${API}/notifications/unread-count`).set(as('boss')).expect(200)).body.count).toBe(3);
  });

  it('each step tells the applicant; an offer tells the liaisons of the village and the town, not others', async () => {
    if (!db) return;
    await patch(appLiu, { status: 'viewed' });
    expect((await inbox('liu'))[0]).toMatchObject({ type: 'application_update', title: '企业查看了您的投递', page: '/pages/applications/index' });
    await patch(appLiu, { status: 'interview', interviewAt: new Date(Date.now() + 2 * 86_400_000).toISOString(), interviewPlace: '桑村镇工业园3号' });
    const interview = (await inbox('liu'))[0];
    expect(interview.type).toBe('interview');
    expect(interview.title).toMatch(/^面试邀请 \d+月\d+日 \d{2}:\d{2}$/);
    expect(interview.body).toContain('桑村镇工业园3号');
    await patch(appLiu, { status: 'offered' });
    expect((await inbox('liu'))[0].title).toBe('恭喜，您被录用了');
    for (const who of ['lia1', 'town']) expect((await inbox(who))[0]).toMatchObject({ type: 'resident_update', title: '村民获得录用' });
    expect(await inbox('lia2')).toEqual([]);
  });

  it('已入职 asks the person and their liaisons to confirm the hire, not the employer who recorded it', async () => {
    if (!db) return;
    const before = (await inbox('boss')).length;
    await patch(appLiu, { status: 'hired' });
    expect((await inbox('liu'))[0]).toMatchObject({ type: 'hire_confirm', title: '入职待确认' });
    expect((await inbox('lia1'))[0]).toMatchObject({ type: 'hire_confirm', title: '村民入职待确认' });
    expect((await inbox('boss')).length).toBe(before);
  });

  it('a hire a liaison records asks the employer to confirm', async () => {
    if (!db) return;
    const liaisonBefore = (await inbox('lia1')).length;
    const townBefore = (await inbox('town')).length;
    await request(t.server).post(`${API}/hires`).set(as('lia1')).send({ residentId: chenId, employerId, startDate: new Date().toISOString().slice(0, 10) }).expect(201);
    expect((await inbox('boss'))[0]).toMatchObject({ type: 'hire_confirm', title: '录用待确认' });
    expect((await inbox('boss'))[0].body).toContain('陈*');
    // A liaison's record confirms the person's side: only the employer is asked, no liaison is told.
    expect((await inbox('lia1')).length).toBe(liaisonBefore);
    expect((await inbox('town')).length).toBe(townBefore);
  });

  it('the inbox is one’s own: paging, unread filter, mark read, read all; others’ ids are 404', async () => {
    if (!db) return;
    const all = await inbox('liu');
    expect(all.length).toBeGreaterThanOrEqual(4);
    const p1 = (await request(t.server).get(`${API}/notifications?limit=2`).set(as('liu')).expect(200)).body;
    const p2 = (await request(t.server).get(`${API}/notifications?limit=2&cursor=${encodeURIComponent(p1.nextCursor)}`).set(as('liu')).expect(200)).body;
    expect([...p1.items, ...p2.items].map((n: { id: string }) => n.id)).toEqual(all.slice(0, 4).map((n) => n.id));
    const bossNote = (await inbox('boss'))[0];
    await request(t.server).post(`${API}/notifications/${bossNote.id}/read`).set(as('liu')).expect(404);
    await request(t.server).post(`${API}/notifications/not-a-uuid/read`).set(as('liu')).expect(404);
    const read = await request(t.server).post(`${API}/notifications/${all[0].id}/read`).set(as('liu')).expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await inbox('liu', '?unread=true')).map((n) => n.id)).not.toContain(all[0].id);
    await request(t.server).post(`${API}/notifications/read-all`).set(as('liu')).expect(200);
    expect((await request(t.server).get(`${API}/notifications/unread-count`).set(as('liu')).expect(200)).body).toEqual({ count: 0 });
    expect((await request(t.server).get(`${API}/notifications/unread-count`).set(as('boss')).expect(200)).body.count).toBeGreaterThan(0);
    await request(t.server).get(`${API}/notifications`).expect(401);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?unread=maybe', 'unread'],
    ['?cursor=%%%', null],
  ])('GET /notifications%s is a 400 in Chinese', async (query, field) => {
    if (!db) return;
    const res = await request(t.server).get(`${API}/notifications${query}`).set(as('liu')).expect(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    if (field) expect(res.body.errors[0].field).toBe(field);
  });

  it('templates are offered by role; acceptances are checked', async () => {
    if (!db) return;
    const kinds = async (who: string) => (await request(t.server).get(`${API}/me/subscriptions/templates`).set(as(who)).expect(200)).body.items.map((x: { kind: string }) => x.kind).sort();
    expect(await kinds('boss')).toEqual(['application_update', 'hire_confirm', 'post_review']);
    expect(await kinds('lia1')).toEqual(['application_update', 'hire_confirm']);
    expect(await kinds('admin')).toEqual([]);
    for (const body of [{ templateIds: [] }, { templateIds: 'dev-template-interview' }, { templateIds: ['nope'] }, { templateIds: ['dev-template-job-digest'] }, {}]) {
      const res = await request(t.server).post(`${API}/me/subscriptions`).set(as('boss')).send(body).expect(400);
      expect(res.body.errors[0].field).toBe('templateIds');
    }
    const ok = await request(t.server).post(`${API}/me/subscriptions`).set(as('boss')).send({ templateIds: ['dev-template-post-review'] }).expect(200);
    expect(ok.body.items.find((b: { kind: string }) => b.kind === 'post_review').remaining).toBe(1);
  });

  it('settings: only one’s own types may be muted; SMS needs a phone on file', async () => {
    if (!db) return;
    expect((await request(t.server).get(`${API}/me/notification-settings`).set(as('liu')).expect(200)).body).toMatchObject({ mutedTypes: [], sms: false, smsAvailable: true });
    for (const [who, body, field] of [
      ['liu', { mutedTypes: ['post_review'], sms: false }, 'mutedTypes'],
      ['liu', { mutedTypes: ['nope'], sms: false }, 'mutedTypes'],
      ['liu', { mutedTypes: [] }, 'sms'],
      ['boss', { mutedTypes: [], sms: true }, 'sms'],
    ] as const) {
      const res = await request(t.server).put(`${API}/me/notification-settings`).set(as(who)).send(body).expect(400);
      expect(res.body.errors[0].field).toBe(field);
    }
    const saved = await request(t.server).put(`${API}/me/notification-settings`).set(as('liu')).send({ mutedTypes: [], sms: true }).expect(200);
    expect(saved.body).toMatchObject({ mutedTypes: [], sms: true });
  });

  it('SMS goes to the phone on file with only the message; its read of the phone is audit-logged; a muted type is inbox only', async () => {
    if (!db) return;
    const post2 = (await publishedPost(t, tok.boss, tok.admin, { title: '编织工', occupationCode: '6-02-01', description: '手工编织草编制品', skills: ['编织'], wageMin: 3000, wageMax: 3600 })).id;
    const app2 = (await request(t.server).post(`${API}/applications`).set(as('liu')).send({ postId: post2 }).expect(201)).body.id;
    await patch(app2, { status: 'interview', interviewAt: new Date(Date.now() + 86_400_000).toISOString(), interviewPlace: '厂区大门' });
    const msg = await until('the SMS', () => sms.received.find((m) => m.text.includes('编织工')));
    expect(msg).toMatchObject({ to: '13905465012', auth: 'Bearer sms-key' });
    expect(msg.text).toContain('厂区大门');
    expect(msg.text).not.toMatch(/\d{17}[\dX]/);
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'resident.phone_read' })).toBeGreaterThanOrEqual(1);

    await request(t.server).put(`${API}/me/notification-settings`).set(as('liu')).send({ mutedTypes: ['application_update'], sms: true }).expect(200);
    const count = sms.received.length;
    await patch(app2, { status: 'offered' });
    expect((await inbox('liu'))[0].title).toBe('恭喜，您被录用了');
    const offer = await t.dataSource.getRepository(Notification).findOneOrFail({ where: { userId: (await me('liu')).id, title: '恭喜，您被录用了' }, order: { createdAt: 'DESC' } });
    expect(await t.dataSource.getRepository(NotificationDelivery).countBy({ notificationId: offer.id })).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(sms.received.length).toBe(count);
  });

  it('a resident without an account hears by SMS; a failing gateway makes a dead letter that an admin retries', async () => {
    if (!db) return;
    const app3 = (await request(t.server).post(`${API}/applications`).set(as('lia1')).send({ postId, residentId: chenId }).expect(201)).body.id;
    sms.failing = true;
    await patch(app3, { status: 'interview', interviewAt: new Date(Date.now() + 86_400_000).toISOString() });
    const dead = await until('the dead letter', async () => (await t.dataSource.getRepository(NotificationDelivery).findOneBy({ status: 'failed' })) ?? undefined);
    expect(dead).toMatchObject({ channel: 'sms', attempts: 2 });
    await request(t.server).get(`${API}/admin/notifications/deliveries?status=failed`).set(as('boss')).expect(403);
    await request(t.server).get(`${API}/admin/notifications/deliveries?status=lost`).set(as('admin')).expect(400);
    const listed = (await request(t.server).get(`${API}/admin/notifications/deliveries?status=failed`).set(as('admin')).expect(200)).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: dead.id, channel: 'sms', recipient: '陈*', type: 'interview' })]);
    expect(JSON.stringify(listed)).not.toContain('13905465014');
    const summary = (await request(t.server).get(`${API}/admin/notifications/summary`).set(as('admin')).expect(200)).body;
    expect(summary).toMatchObject({ queueKind: 'memory', boardPath: null, byStatus: expect.objectContaining({ failed: 1 }) });
    await request(t.server).post(`${API}/admin/notifications/deliveries/00000000-0000-4000-8000-000000000000/retry`).set(as('admin')).expect(404);
    sms.failing = false;
    await request(t.server).post(`${API}/admin/notifications/deliveries/${dead.id}/retry`).set(as('admin')).expect(200);
    const got = await until('the retried SMS', () => sms.received.find((m) => m.to === '13905465014'));
    expect(got.text).toContain('面试');
    await until('sent', async () => (await t.dataSource.getRepository(NotificationDelivery).findOneByOrFail({ id: dead.id })).status === 'sent');
    await request(t.server).post(`${API}/admin/notifications/deliveries/${dead.id}/retry`).set(as('admin')).expect(409);
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'notification.retry' })).toBe(1);
  });

  it('sends a dead worker left half-done are settled within two minutes: the SMS again under its id (outId), the WeChat message listed for an admin, never twice', async () => {
    if (!db) return;
    const repo = t.dataSource.getRepository(NotificationDelivery);
    // 陈红's SMS went out above; as if a worker had claimed it again and died before recording the send,
    // and beside it a WeChat message of the same notification left the same way.
    const smsRow = await repo.findOneOrFail({ where: { channel: 'sms', status: 'sent' }, order: { createdAt: 'DESC' } });
    const taken = new Date();
    await repo.update({ id: smsRow.id }, { status: 'sending', updatedAt: taken });
    const wxRow = { ...smsRow, id: '00000000-0000-4000-8000-00000000d1ed', channel: 'wechat' as const, idempotencyKey: `${smsRow.idempotencyKey}:wx-crash`, templateId: 'tpl-test', status: 'sending' as const, updatedAt: taken };
    await repo.insert(wxRow);
    const before = sms.received.length;
    const processor = t.app.get(DeliveryProcessor);
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    try {
      // A minute on: a send may still be under way somewhere, so nothing is touched.
      clock.mockReturnValue(new Date(taken.getTime() + 60_000));
      await processor.housekeeping();
      expect((await repo.findOneByOrFail({ id: smsRow.id })).status).toBe('sending');
      expect((await repo.findOneByOrFail({ id: wxRow.id })).status).toBe('sending');
      // Within two minutes of the crash both are settled.
      clock.mockReturnValue(new Date(taken.getTime() + STUCK_AFTER_MS + 5_000));
      expect(STUCK_AFTER_MS + SWEEP_EVERY_MS).toBeLessThanOrEqual(120_000);
      await processor.housekeeping();
      const again = await until('the SMS sent again', () => sms.received.slice(before).find((m) => m.outId === smsRow.id));
      expect(again).toMatchObject({ to: '13905465014', outId: smsRow.id });
      await until('recorded as sent', async () => (await repo.findOneByOrFail({ id: smsRow.id })).status === 'sent');
      expect((await repo.findOneByOrFail({ id: smsRow.id })).generation).toBe(smsRow.generation + 1);
      expect((await repo.findOneByOrFail({ id: wxRow.id })).status).toBe('failed');
      const listed = (await request(t.server).get(`${API}/admin/notifications/deliveries?status=failed`).set(as('admin')).expect(200)).body.items;
      expect(listed).toContainEqual(expect.objectContaining({ id: wxRow.id, channel: 'wechat', lastError: WECHAT_LOST_REASON }));
      // Later sweeps change nothing more: one SMS, and the WeChat message is not sent by itself.
      clock.mockReturnValue(new Date(taken.getTime() + 10 * 60_000));
      await processor.housekeeping();
      expect(sms.received.slice(before)).toHaveLength(1);
      expect((await repo.findOneByOrFail({ id: wxRow.id })).status).toBe('failed');
    } finally {
      clock.mockRestore();
      await repo.delete({ id: wxRow.id });
    }
  });

  it('the daily digest names new posts that fit, once a day, and not to those who muted it', async () => {
    if (!db) return;
    await request(t.server).put(`${API}/me/notification-settings`).set(as('wang')).send({ mutedTypes: ['job_digest'], sms: false }).expect(200);
    const digest = t.app.get(JobDigestService);
    const run = await digest.run();
    expect(run.posts).toBeGreaterThanOrEqual(2);
    const liu = (await inbox('liu')).find((n) => n.type === 'job_digest');
    expect(liu?.title).toMatch(/^今天有\d+个适合您的新岗位$/);
    expect(liu?.body).toMatch(/塑编工|编织工/);
    expect((await inbox('wang')).filter((n) => n.type === 'job_digest')).toEqual([]);
    await digest.run();
    expect((await inbox('liu')).filter((n) => n.type === 'job_digest')).toHaveLength(1);
  });

  it('a digest message due in the quiet hours (21:00–08:00) waits for the morning', async () => {
    if (!db) return;
    await request(t.server).put(`${API}/me/notification-settings`).set(as('wang')).send({ mutedTypes: [], sms: true }).expect(200);
    const wang = await me('wang');
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2026-12-01T14:30:00Z')); // 22:30 in 山亭
    try {
      const outbox = t.app.get(NotificationOutbox);
      const draft = { userId: wang.id, type: 'job_digest' as const, title: '今天有1个适合您的新岗位', body: '「塑编工」，打开看看吧。', page: '/pages/index/index', event: 'digest:night-test', fields: { subject: '塑编工', count: 1 }, sms: '【枣工快递】今天有1个适合您的新岗位' };
      await t.dataSource.transaction((em) => outbox.write(em, [draft]));
      outbox.kick();
      const d = await until('the postponed digest', async () => (await t.dataSource.getRepository(NotificationDelivery).findOneBy({ channel: 'sms', notBefore: Not(IsNull()) })) ?? undefined);
      expect(d).toMatchObject({ status: 'pending', attempts: 0 });
      expect(d.notBefore?.toISOString()).toBe('2026-12-02T00:00:00.000Z'); // 08:00 the next morning
      expect(sms.received.some((m) => m.to === '13905465013')).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  const me = async (who: string) => (await request(t.server).get(`${API}/me`).set(as(who)).expect(200)).body as { id: string };
});
