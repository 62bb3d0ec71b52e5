import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { ChangeFeed } from '../src/common/changes/change-feed';
import { JobPosting } from '../src/job-postings/entities/job-posting.entity';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../src/queue';
import { DEMO_PENDING_POSTS, DEMO_POSTS } from '../src/database/seeds/demo.data';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';
import { redisUrl } from './support/services';

const API = '/api/v1';
type Item = { id: string; title: string; townCode: string; type: string; wageUnit: string; wageMin: number; occupationCode: string; employer: { verified: boolean } };

/** On MySQL the suite also runs its queue on the real Redis (bull), as production does. */
describe.each(DATABASE_KINDS)('public job postings on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (db) t = await startTestApp(db, { SEED_DEMO: 'true', ...(kind === 'mysql' ? { REDIS_URL: redisUrl() } : {}) });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const list = async (query: Record<string, string | number> = {}) => (await request(t.server).get(`${API}/posts`).query(query).expect(200)).body as { items: Item[]; nextCursor: string | null };

  it('lists the demo posts without a login, newest first, from verified employers', async () => {
    if (!db) return;
    const page = await list({ limit: 100 });
    expect(page.items).toHaveLength(DEMO_POSTS.length);
    expect(page.items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(page.items.map((p) => p.townCode)).size).toBeGreaterThanOrEqual(8);
    expect(page.items.every((p) => p.employer.verified)).toBe(true);
    expect(page.nextCursor).toBeNull();
    const newest = [...DEMO_POSTS].sort((a, b) => a.hoursAgo - b.hoursAgo)[0];
    expect(page.items[0].title).toBe(newest.title);
  });

  it('seeds posts waiting for review (one flagged, one from an unverified employer) for the admin demo', async () => {
    if (!db) return;
    const { admin } = await devLogins(t.server, { admin: { role: 'admin', name: '管理员' } });
    const queue = (await request(t.server).get(`${API}/posts/review-queue`).set('Authorization', `Bearer ${admin}`).expect(200)).body.items as (Item & { complianceFlags: { category: string }[] })[];
    expect(queue.map((p) => p.title).sort()).toEqual(DEMO_PENDING_POSTS.map((p) => p.title).sort());
    expect(queue.flatMap((p) => p.complianceFlags.map((f) => f.category))).toContain('age');
    expect(queue.some((p) => !p.employer.verified)).toBe(true);
  });

  it('pages through everything once with the cursor', async () => {
    if (!db) return;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await list({ limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(DEMO_POSTS.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('finds 电焊工 for 焊工 through occupation synonyms, and filters', async () => {
    if (!db) return;
    const weld = await list({ q: '焊工' });
    expect(weld.items.map((p) => p.title)).toEqual(expect.arrayContaining(['电焊工（设备维修）', '氩弧焊工']));
    expect((await list({ q: '保洁' })).items.map((p) => p.title)).not.toContain('氩弧焊工');
    expect((await list({ townCode: '370406106' })).items.every((p) => p.townCode === '370406106')).toBe(true);
    expect((await list({ type: 'gig' })).items.every((p) => p.type === 'gig')).toBe(true);
    expect((await list({ occupationCode: '6-05' })).items.every((p) => p.occupationCode.startsWith('6-05-'))).toBe(true);
    // 35元/小时 ≈ 6090元/月 passes a 6000 filter; piece rates have no monthly equivalent and drop out.
    const rich = (await list({ wageMin: 6000, limit: 100 })).items;
    expect(rich.map((p) => p.title)).toContain('氩弧焊工');
    expect(rich.some((p) => p.wageUnit === 'piece')).toBe(false);
  });

  it.each(['type=boss', 'limit=0', 'limit=101', 'wageMin=-1', 'townCode=110105001', 'cursor=garbage', 'occupationCode=x', 'sort=1'])('refuses %s with a Chinese 400', async (q) => {
    if (!db) return;
    const res = await request(t.server).get(`${API}/posts?${q}`).expect(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows one post, and 404s an unknown or malformed id', async () => {
    if (!db) return;
    const [first] = (await list()).items;
    expect((await request(t.server).get(`${API}/posts/${first.id}`).expect(200)).body.id).toBe(first.id);
    await request(t.server).get(`${API}/posts/${randomUUID()}`).expect(404);
    await request(t.server).get(`${API}/posts/not-a-uuid`).expect(404);
  });

  it('hides a post whose time is up, and the expiry job on the queue marks it expired', async () => {
    if (!db) return;
    const repo = t.dataSource.getRepository(JobPosting);
    const [victim] = (await list({ limit: 1 })).items;
    await repo.update({ id: victim.id }, { expiresAt: new Date(Date.now() - 60_000) });
    // Written behind the routes' back: say so, as the code that writes posts does (the kept public pages go).
    t.app.get(ChangeFeed).publish({ kind: 'post', ids: [victim.id] });
    expect((await list({ limit: 100 })).items.map((p) => p.id)).not.toContain(victim.id);
    await request(t.server).get(`${API}/posts/${victim.id}`).expect(404);

    const queue = t.app.get<QueueDriver>(QUEUE_DRIVER).get(QUEUES.maintenance);
    await queue.add({});
    await queue.whenIdle(15_000);
    expect((await repo.findOneByOrFail({ id: victim.id })).status).toBe('expired');
    expect(await repo.countBy({ status: 'published' })).toBe(DEMO_POSTS.length - 1);
  });
});
