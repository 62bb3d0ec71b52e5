import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { chinaDateOf } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { Clock } from '../src/common/clock';
import { JobPosting } from '../src/job-postings/entities/job-posting.entity';
import { JobPostingsService } from '../src/job-postings/job-postings.service';
import { creditCode } from './support/identity';
import { postBody, publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';
const DAY = 86_400_000;
const dateIn = (days: number) => chinaDateOf(new Date(Date.now() + days * DAY));

describe.each(DATABASE_KINDS)('post workflow on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      boss: { role: 'employer', name: '张经理' },
      newcomer: { role: 'employer', name: '新老板' },
      rival: { role: 'employer', name: '李老板' },
      nobody: { role: 'employer', name: '还没登记' },
      admin: { role: 'admin', name: '管理员' },
      seeker: { role: 'seeker', name: '王大姐' },
      seeker2: { role: 'seeker', name: '赵大哥' },
      seeker3: { role: 'seeker', name: '孙师傅' },
    });
    await verifiedEmployer(t, tok.boss, tok.admin, 'MA3C4X7B', '山亭区桑村塑编制品有限公司');
    await verifiedEmployer(t, tok.rival, tok.admin, 'MA3C4X7C', '山亭区李家豆制品厂');
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    await db?.drop();
  });

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const create = (who: string, over: Record<string, unknown> = {}) => request(t.server).post(`${API}/posts`).set(as(who)).send(postBody(over));
  const publicIds = async (query: Record<string, string> = {}) =>
    ((await request(t.server).get(`${API}/posts`).query({ limit: 100, ...query }).expect(200)).body.items as { id: string }[]).map((p) => p.id);

  it('submits a clean post for review; it is public only after an admin approves it', async () => {
    if (!db) return;
    const res = await create('boss').expect(201);
    expect(res.body).toMatchObject({ status: 'pending_review', complianceFlags: [], reviewNote: null, openReports: 0 });
    expect(await publicIds()).not.toContain(res.body.id);
    await request(t.server).get(`${API}/posts/${res.body.id}`).expect(404);
    await request(t.server).post(`${API}/posts/${res.body.id}/review`).set(as('boss')).send({ approve: true }).expect(403);
    const queue = (await request(t.server).get(`${API}/posts/review-queue`).set(as('admin')).expect(200)).body.items as { id: string }[];
    expect(queue.map((p) => p.id)).toContain(res.body.id);
    const ok = await request(t.server).post(`${API}/posts/${res.body.id}/review`).set(as('admin')).send({ approve: true }).expect(200);
    expect(ok.body.status).toBe('published');
    expect(Date.parse(ok.body.expiresAt) - Date.parse(ok.body.refreshedAt)).toBe(30 * DAY);
    expect(await publicIds()).toContain(res.body.id);
    // The public sees no review details.
    const pub = (await request(t.server).get(`${API}/posts/${res.body.id}`).expect(200)).body;
    expect(pub.complianceFlags).toBeUndefined();
    expect(pub.employer).toMatchObject({ name: '山亭区桑村塑编制品有限公司', verified: true });
    expect(await t.dataSource.getRepository(AuditLog).countBy({ action: 'post.approve', targetId: res.body.id })).toBe(1);
  });

  it('rejects a discriminatory or fraudulent post at once with the reasons and the law', async () => {
    if (!db) return;
    const res = await create('boss', { description: '招聘电焊工，限男性，入职前需交押金300元' }).expect(201);
    expect(res.body.status).toBe('rejected');
    expect(res.body.reviewNote).toContain('未通过自动检查');
    const cats = (res.body.complianceFlags as { category: string; severity: string; law: string }[]).filter((f) => f.severity === 'hard');
    expect(cats.map((f) => f.category)).toEqual(expect.arrayContaining(['gender', 'fee']));
    expect(cats.every((f) => f.law.includes('《'))).toBe(true);
    // The employer fixes the text and the post goes to review.
    const fixed = await request(t.server).patch(`${API}/posts/${res.body.id}`).set(as('boss')).send({ description: '招聘电焊工，男女不限，不收任何费用' }).expect(200);
    expect(fixed.body).toMatchObject({ status: 'pending_review', reviewNote: null });
  });

  it('sends a post with a soft flag (an age limit) to review with the flag the reviewer sees', async () => {
    if (!db) return;
    const res = await create('boss', { description: '招聘电焊工，35岁以下，有焊工证优先' }).expect(201);
    expect(res.body.status).toBe('pending_review');
    expect(res.body.complianceFlags.map((f: { category: string }) => f.category)).toContain('age');
    const queued = ((await request(t.server).get(`${API}/posts/review-queue`).set(as('admin'))).body.items as { id: string; complianceFlags: unknown[] }[]).find((p) => p.id === res.body.id);
    expect(queued?.complianceFlags.length).toBeGreaterThan(0);
    const rejected = await request(t.server).post(`${API}/posts/${res.body.id}/review`).set(as('admin')).send({ approve: false, reason: '请删除年龄限制' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: '请删除年龄限制' });
    await request(t.server).post(`${API}/posts/${res.body.id}/review`).set(as('admin')).send({ approve: false }).expect(409);
    const resubmitted = await request(t.server).post(`${API}/posts/${res.body.id}/submit`).set(as('boss')).expect(200);
    expect(resubmitted.body.status).toBe('pending_review');
  });

  it('rejects a wage below the district minimum', async () => {
    if (!db) return;
    const res = await create('boss', { wageMin: 1500, wageMax: 1800 }).expect(201);
    expect(res.body.status).toBe('rejected');
    expect(res.body.complianceFlags.map((f: { category: string }) => f.category)).toContain('wage');
    expect((await request(t.server).get(`${API}/posts/compliance-settings`).expect(200)).body.minimumWage.monthly).toBe(t.config.minimumWage.monthly);
  });

  it('lets an unverified employer save drafts and submit, but not publish until verified', async () => {
    if (!db) return;
    await request(t.server)
      .post(`${API}/employers`)
      .set(as('newcomer'))
      .send({ name: '山亭区新开农家乐', creditCode: creditCode('MA3C4X7E'), industryCode: 'H', townCode: '370406106', address: '徐庄镇', contactName: '新老板', contactPhone: '13905463333' })
      .expect(201);
    const draft = await create('newcomer', { draft: true, title: '服务员', occupationCode: '4-08-09', description: '农家乐服务员，包吃' }).expect(201);
    expect(draft.body.status).toBe('draft');
    const submitted = await request(t.server).post(`${API}/posts/${draft.body.id}/submit`).set(as('newcomer')).expect(200);
    expect(submitted.body.status).toBe('pending_review');
    const refused = await request(t.server).post(`${API}/posts/${draft.body.id}/review`).set(as('admin')).send({ approve: true }).expect(409);
    expect(refused.body.message).toContain('认证');
    await request(t.server).post(`${API}/posts`).set(as('nobody')).send(postBody()).expect(403);
    await request(t.server).post(`${API}/posts`).set(as('seeker')).send(postBody()).expect(403);
  });

  it.each([
    ['wageMin > wageMax', { wageMin: 8000, wageMax: 5000 }, 'wageMax'],
    ['headcount 0', { headcount: 0 }, 'headcount'],
    ['headcount 10000', { headcount: 10000 }, 'headcount'],
    ['an unknown occupation', { occupationCode: '6-99-99' }, 'occupationCode'],
    ['a malformed occupation', { occupationCode: '焊工' }, 'occupationCode'],
    ['a start date in the past', { type: 'gig', startDate: '2020-01-01' }, 'startDate'],
    ['an impossible date', { type: 'gig', startDate: '2026-02-30' }, 'startDate'],
    ['a gig without its day', { type: 'gig', wageUnit: 'day', wageMin: 200, wageMax: 220 }, 'startDate'],
    ['a season without its end', { type: 'seasonal', startDate: dateIn(3) }, 'endDate'],
    ['an end before the start', { type: 'seasonal', startDate: dateIn(5), endDate: dateIn(2) }, 'endDate'],
    ['a start two years away', { type: 'gig', startDate: dateIn(800) }, 'startDate'],
    ['a village of another town', { villageCode: '370406001001' }, 'villageCode'],
    ['an unknown wage unit', { wageUnit: 'week' }, 'wageUnit'],
    ['an unknown benefit', { benefits: ['car'] }, 'benefits'],
    ['a title of one character', { title: '工' }, 'title'],
    ['a place in Beijing', { lat: 39.9, lng: 116.4 }, 'lat'],
    ['a latitude without longitude', { lat: 35.1 }, 'lat'],
  ])('refuses %s with a Chinese 400 naming the field', async (_label, over, field) => {
    if (!db) return;
    const res = await create('boss', over).expect(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('stores HTML as text and gives it back unchanged', async () => {
    if (!db) return;
    const html = '<script>alert(1)</script><b>包吃住</b>，男女不限';
    const res = await create('boss', { description: html }).expect(201);
    expect((await request(t.server).get(`${API}/posts/${res.body.id}`).set(as('boss')).expect(200)).body.description).toBe(html);
  });

  it('ends gig and seasonal posts with their dates, others after 30 days', async () => {
    if (!db) return;
    const gig = await publishedPost(t, tok.boss, tok.admin, { type: 'gig', wageUnit: 'day', wageMin: 200, wageMax: 220, startDate: dateIn(1), title: '装车零工' });
    expect((gig as unknown as { expiresAt: string }).expiresAt).toBe(new Date(Date.parse(`${dateIn(1)}T23:59:59.999+08:00`)).toISOString());
    const season = await publishedPost(t, tok.boss, tok.admin, { type: 'seasonal', startDate: dateIn(2), endDate: dateIn(10), title: '采摘季节工', occupationCode: '5-02-02', description: '樱桃采摘，包午饭' });
    expect((season as unknown as { expiresAt: string }).expiresAt).toBe(new Date(Date.parse(`${dateIn(10)}T23:59:59.999+08:00`)).toISOString());
  });

  it('expires, and the employer brings an expired post back with 一键刷新 (once a day)', async () => {
    if (!db) return;
    const post = await publishedPost(t, tok.boss, tok.admin, { title: '叉车司机', occupationCode: '4-01-06', description: '厂内叉车装卸，有叉车证' });
    await request(t.server).post(`${API}/posts/${post.id}/refresh`).set(as('boss')).expect(409); // refreshed at publication
    const clock = t.app.get(Clock);
    const later = new Date(Date.now() + 31 * DAY);
    const spy = jest.spyOn(clock, 'now').mockReturnValue(later);
    try {
      await t.app.get(JobPostingsService).expireDue(later);
      expect((await t.dataSource.getRepository(JobPosting).findOneByOrFail({ id: post.id })).status).toBe('expired');
      const refreshed = await request(t.server).post(`${API}/posts/${post.id}/refresh`).set(as('boss')).expect(200);
      expect(refreshed.body.status).toBe('published');
      expect(refreshed.body.refreshedAt).toBe(later.toISOString());
      await request(t.server).post(`${API}/posts/${post.id}/refresh`).set(as('rival')).expect(403);
    } finally {
      spy.mockRestore();
    }
  });

  it('lets a season already under way be edited without moving its start date', async () => {
    if (!db) return;
    const post = await publishedPost(t, tok.boss, tok.admin, { type: 'seasonal', startDate: dateIn(1), endDate: dateIn(40), title: '石榴采摘季节工', occupationCode: '5-02-01', description: '摘石榴，管午饭' });
    const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 5 * DAY));
    try {
      expect((await request(t.server).patch(`${API}/posts/${post.id}`).set(as('boss')).send({ headcount: 9 }).expect(200)).body.headcount).toBe(9);
      await request(t.server).patch(`${API}/posts/${post.id}`).set(as('boss')).send({ startDate: dateIn(2) }).expect(400);
    } finally {
      spy.mockRestore();
    }
  });

  it('enforces ownership and the state machine', async () => {
    if (!db) return;
    const post = await publishedPost(t, tok.boss, tok.admin, { title: '塑编挡车工', occupationCode: '6-02-03', description: '塑编圆织机挡车，两班倒' });
    await request(t.server).patch(`${API}/posts/${post.id}`).set(as('rival')).send({ headcount: 1 }).expect(403);
    await request(t.server).post(`${API}/posts/${post.id}/close`).set(as('rival')).expect(403);
    await request(t.server).post(`${API}/posts/${post.id}/close`).set(as('seeker')).expect(403);
    await request(t.server).post(`${API}/posts/${post.id}/review`).set(as('admin')).send({ approve: true }).expect(409);
    await request(t.server).post(`${API}/posts/${post.id}/submit`).set(as('boss')).expect(409);
    await request(t.server).post(`${API}/posts/${randomUUID()}/close`).set(as('boss')).expect(404);
    // Editing a published post sends it back to review (and off the public list).
    const edited = await request(t.server).patch(`${API}/posts/${post.id}`).set(as('boss')).send({ headcount: 5 }).expect(200);
    expect(edited.body).toMatchObject({ status: 'pending_review', headcount: 5 });
    expect(await publicIds()).not.toContain(post.id);
    const closed = await request(t.server).post(`${API}/posts/${post.id}/close`).set(as('boss')).expect(200);
    expect(closed.body.status).toBe('closed');
    await request(t.server).post(`${API}/posts/${post.id}/close`).set(as('boss')).expect(409);
    await request(t.server).patch(`${API}/posts/${post.id}`).set(as('boss')).send({ headcount: 2 }).expect(409);
    await request(t.server).post(`${API}/posts/${post.id}/refresh`).set(as('boss')).expect(409);
    // An admin may close any post.
    const other = await publishedPost(t, tok.rival, tok.admin, { title: '豆腐坊帮工', occupationCode: '6-01-01', description: '做豆腐、豆皮，早班' });
    expect((await request(t.server).post(`${API}/posts/${other.id}/close`).set(as('admin')).expect(200)).body.status).toBe('closed');
  });

  it('lists the employer’s own posts by state, with review notes', async () => {
    if (!db) return;
    const all = (await request(t.server).get(`${API}/posts/mine?limit=100`).set(as('boss')).expect(200)).body.items as { status: string; employer: { id: string } }[];
    // 'expired' too: the expiry test above moved the clock past every post's 30 days.
    expect([...new Set(all.map((p) => p.status))]).toEqual(expect.arrayContaining(['published', 'rejected', 'pending_review', 'closed', 'expired']));
    const rejected = (await request(t.server).get(`${API}/posts/mine?status=rejected`).set(as('boss')).expect(200)).body.items as { status: string; reviewNote: string }[];
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((p) => p.status === 'rejected' && p.reviewNote)).toBe(true);
    const rivals = (await request(t.server).get(`${API}/posts/mine?limit=100`).set(as('rival')).expect(200)).body.items as unknown[];
    expect(rivals).toHaveLength(1);
    await request(t.server).get(`${API}/posts/mine?status=open`).set(as('boss')).expect(400);
    await request(t.server).get(`${API}/posts/mine`).set(as('seeker')).expect(403);
  });

  it('hides a post with three open reports until an admin decides; the employer sees the outcome', async () => {
    if (!db) return;
    const post = await publishedPost(t, tok.boss, tok.admin, { title: '包装工', occupationCode: '4-06-08', description: '成品打包装箱，计件' });
    const report = (who: string, body: object) => request(t.server).post(`${API}/posts/${post.id}/reports`).set(as(who)).send(body);
    await request(t.server).post(`${API}/posts/${post.id}/reports`).send({ reason: 'fee' }).expect(401);
    await report('seeker', { reason: 'nonsense' }).expect(400);
    await report('boss', { reason: 'fake' }).expect(403);
    expect((await report('seeker', { reason: 'fee', note: '电话里说要先交300元' }).expect(201)).body).toMatchObject({ status: 'open', postTitle: '包装工' });
    expect((await report('seeker', { reason: 'fee' }).expect(409)).body.message).toContain('已经举报');
    await report('seeker2', { reason: 'fake' }).expect(201);
    expect(await publicIds()).toContain(post.id);
    await report('seeker3', { reason: 'scam' }).expect(201);
    expect(await publicIds()).not.toContain(post.id);
    await request(t.server).get(`${API}/posts/${post.id}`).expect(404);

    const queue = (await request(t.server).get(`${API}/reports`).set(as('admin')).expect(200)).body.items as { postId: string }[];
    expect(queue.filter((r) => r.postId === post.id)).toHaveLength(3);
    await request(t.server).get(`${API}/reports`).set(as('seeker')).expect(403);

    const dismissed = await request(t.server).post(`${API}/posts/${post.id}/reports/resolve`).set(as('admin')).send({ upheld: false, note: '已电话核实' }).expect(200);
    expect(dismissed.body).toMatchObject({ status: 'published', openReports: 0 });
    expect(await publicIds()).toContain(post.id);
    await request(t.server).post(`${API}/posts/${post.id}/reports/resolve`).set(as('admin')).send({ upheld: true }).expect(409);

    await report('seeker', { reason: 'fee' }).expect(201);
    const upheld = await request(t.server).post(`${API}/posts/${post.id}/reports/resolve`).set(as('admin')).send({ upheld: true, note: '确有收取押金' }).expect(200);
    expect(upheld.body.status).toBe('closed');
    const mine = (await request(t.server).get(`${API}/posts/${post.id}`).set(as('boss')).expect(200)).body;
    expect(mine.reviewNote).toBe('因举报核实下架：确有收取押金');
  });
});
