import request from 'supertest';
import { PublicCache } from '../src/common/public-cache/public-cache';
import { publicCacheKey } from '../src/common/public-cache/public-cache-routes';
import { publishedPost, verifiedEmployer } from './support/posts';
import { redisUrl } from './support/services';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * The anonymous answers kept in memory (docs/business-logic/public-cache.md): the first pages of GET /posts,
 * regions, occupations and the public statistics. A change of posts made through the routes shows at once
 * (the change feed drops the pages, in every process through Redis); a signed-in request never gets a kept
 * answer.
 */

const API = '/api/v1';
const WELD = `${API}/posts?q=${encodeURIComponent('电焊')}`;
type Page = { items: { id: string; title: string }[] };

describe.each(DATABASE_KINDS)('public cache on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let cache: PublicCache;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db, kind === 'mysql' ? { REDIS_URL: redisUrl() } : {});
    cache = t.app.get(PublicCache);
    tok = await devLogins(t.server, { admin: { role: 'admin', name: '区人社局' }, boss: { role: 'employer', name: '张经理' } });
    await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1J3R', '山亭区桑村焊接有限公司');
    await publishedPost(t, tok.boss, tok.admin, { title: '电焊工' });
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const anonymous = async (path: string, app = t) => (await request(app.server).get(path).expect(200)).body as Page;
  const signedIn = async (path: string) => (await request(t.server).get(path).set(as('admin')).expect(200)).body as Page;
  const titles = (p: Page) => p.items.map((i) => i.title);
  /** The anonymous answer is served from memory now, and says what the database says. */
  const servedAndCurrent = async (path: string) => {
    await anonymous(path);
    const hits = cache.stats().hits;
    const kept = await anonymous(path);
    expect(cache.stats().hits).toBe(hits + 1);
    expect(kept).toEqual(await signedIn(path));
    return kept;
  };

  it('serves a first page from memory, and a change made through the routes shows at once', async () => {
    if (!db) return;
    await servedAndCurrent(`${API}/posts`);
    expect(titles(await servedAndCurrent(WELD))).toEqual(['电焊工']);

    // Published: on the next request, not after the cache's time is up.
    const second = await publishedPost(t, tok.boss, tok.admin, { title: '电焊学徒' });
    expect(titles(await anonymous(`${API}/posts`))).toContain('电焊学徒');
    expect(titles(await servedAndCurrent(WELD))).toEqual(expect.arrayContaining(['电焊工', '电焊学徒']));

    // Edited: back to review (off the list), then published with its new title.
    await request(t.server).patch(`${API}/posts/${second.id}`).set(as('boss')).send({ title: '氩弧焊学徒' }).expect(200);
    expect(titles(await anonymous(`${API}/posts`))).not.toContain('电焊学徒');
    expect(titles(await servedAndCurrent(`${API}/posts`))).not.toContain('氩弧焊学徒');
    await request(t.server).post(`${API}/posts/${second.id}/review`).set(as('admin')).send({ approve: true }).expect(200);
    expect(titles(await anonymous(`${API}/posts`))).toContain('氩弧焊学徒');

    // Closed: gone from every kept page.
    await servedAndCurrent(WELD);
    await request(t.server).post(`${API}/posts/${second.id}/close`).set(as('boss')).send({}).expect(200);
    expect(titles(await anonymous(`${API}/posts`))).not.toContain('氩弧焊学徒');
    expect(titles(await anonymous(WELD))).not.toContain('氩弧焊学徒');
    await servedAndCurrent(`${API}/posts`);
  });

  it('serves one post from memory until it changes: edited, closed or reported away, it answers as the database', async () => {
    if (!db) return;
    const post = await publishedPost(t, tok.boss, tok.admin, { title: '叉车司机' });
    const path = `${API}/posts/${post.id}`;
    const first = (await request(t.server).get(path).expect(200)).body as { title: string };
    expect(first.title).toBe('叉车司机');
    const hits = cache.stats().hits;
    const kept = await request(t.server).get(path).expect(200);
    expect(cache.stats().hits).toBe(hits + 1);
    expect(kept.body).toEqual(first);
    expect(kept.headers['x-request-id']).toBeTruthy();
    // The employer's own view is never the kept one (it carries the applicant counts).
    const own = (await request(t.server).get(path).set(as('boss')).expect(200)).body as Record<string, unknown>;
    expect(own).not.toEqual(first);

    await request(t.server).post(`${API}/posts/${post.id}/close`).set(as('boss')).send({}).expect(200);
    const misses = cache.stats().misses;
    await request(t.server).get(path).expect(404);
    expect(cache.stats().misses).toBe(misses + 1);
    // A 404 is not kept: the next visitor asks the database again.
    await request(t.server).get(path).expect(404);
    expect(cache.stats().misses).toBe(misses + 2);
  });

  it('never answers a signed-in request from the anonymous cache, nor keeps its answer', async () => {
    if (!db) return;
    const path = `${API}/posts?type=full_time`;
    const k = publicCacheKey(path)!;
    // A kept answer that differs from the database's, so that where an answer came from shows.
    cache.store(k.key, k.namespace, cache.generation(k.namespace), k.ttlMs, { body: JSON.stringify({ items: [], nextCursor: null }), headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect((await anonymous(path)).items).toEqual([]);
    const forAdmin = await signedIn(path);
    expect(titles(forAdmin)).toContain('电焊工');
    cache.drop('posts');
    const entries = cache.stats().entries;
    await signedIn(`${API}/posts?type=full_time&limit=5`);
    expect(cache.stats().entries).toBe(entries);
  });

  it('keeps later pages, locations and malformed queries out; a refused query is not kept', async () => {
    if (!db) return;
    const before = cache.stats().entries;
    await request(t.server).get(`${API}/posts?limit=1`).expect(200);
    const withCursor = (await request(t.server).get(`${API}/posts?limit=1`).expect(200)).body as { nextCursor: string | null };
    const after = cache.stats().entries;
    expect(after).toBe(before + 1);
    if (withCursor.nextCursor) await request(t.server).get(`${API}/posts?limit=1&cursor=${withCursor.nextCursor}`).expect(200);
    await request(t.server).get(`${API}/posts?sort=distance&lat=35.1&lng=117.4`).expect(200);
    await request(t.server).get(`${API}/posts?townCode=123`).expect(400);
    await request(t.server).get(`${API}/posts?townCode=123`).expect(400);
    await request(t.server).get(`${API}/posts?nonsense=1`).expect(400);
    expect(cache.stats().entries).toBe(after);
  });

  it('keeps the regions, the occupations and the public statistics, with their headers', async () => {
    if (!db) return;
    for (const path of [`${API}/regions`, `${API}/regions?parent=370406103`, `${API}/occupations?q=${encodeURIComponent('焊')}`, `${API}/public/stats`]) {
      const first = await request(t.server).get(path).expect(200);
      const hits = cache.stats().hits;
      const kept = await request(t.server).get(path).expect(200);
      expect(cache.stats().hits).toBe(hits + 1);
      expect(kept.body).toEqual(first.body);
      expect(kept.headers['content-type']).toBe(first.headers['content-type']);
      expect(kept.headers['cache-control']).toBe(first.headers['cache-control']);
      expect(kept.headers['x-content-type-options']).toBe('nosniff');
      expect(kept.headers['x-request-id']).toBeTruthy();
    }
    expect((await request(t.server).get(`${API}/public/stats`).expect(200)).headers['cache-control']).toBe('public, max-age=300');
  });

  if (kind === 'mysql') {
    it('drops another process’s kept pages through the change feed on Redis', async () => {
      if (!db) return;
      const other = await startTestApp(db, { REDIS_URL: redisUrl(), QUEUE_PREFIX: t.config.queuePrefix }, { runProcessors: false });
      try {
        const otherCache = other.app.get(PublicCache);
        await anonymous(WELD, other);
        await anonymous(WELD, other);
        expect(otherCache.stats().hits).toBeGreaterThan(0);
        await publishedPost(t, tok.boss, tok.admin, { title: '电焊班长' });
        let seen = false;
        for (let i = 0; i < 40 && !seen; i++) {
          seen = titles(await anonymous(WELD, other)).includes('电焊班长');
          if (!seen) await new Promise((r) => setTimeout(r, 50));
        }
        expect(seen).toBe(true);
      } finally {
        await other.close();
      }
    });
  }
});
