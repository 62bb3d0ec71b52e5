import request from 'supertest';
import { CANDIDATE_VIEWS_PER_DAY, chinaDateOf } from '@zaogong/shared';
import { randomUUID } from 'node:crypto';
import { CandidateViewQuotas } from '../src/matching/candidate-view-quotas';
import { CandidateViewQuota } from '../src/matching/entities/candidate-view-quota.entity';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';

/**
 * The employers' daily cap on candidate views under concurrent requests (issue 17: the quota's
 * transaction deadlocked on MariaDB under load and answered 500). Many views of one employer at once,
 * starting with no count for the day (where two first requests used to lock the same gap and deadlock):
 * every answer is a 200 or, past the cap, a Chinese 429, and the count is exactly what was shown.
 */
describe.each(DATABASE_KINDS)('candidate-view quota under concurrent requests on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let token: string;
  let postId: string;
  let employerId: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db, { SEED_DEMO: 'true' });
    const posts = (await request(t.server).get(`${API}/posts?q=${encodeURIComponent('电焊工')}`).expect(200)).body.items as { id: string; title: string; employer: { id: string } }[];
    const weld = posts.find((p) => p.title.startsWith('电焊工'))!;
    postId = weld.id;
    employerId = weld.employer.id;
    ({ boss: token } = await devLogins(t.server, { boss: { role: 'employer', name: '塑编厂人事', employerId } }));
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const quotas = () => t.dataSource.getRepository(CandidateViewQuota);
  const day = () => chinaDateOf(new Date());
  const views = async () => (await quotas().findOneBy({ employerId, day: day() }))?.views ?? 0;
  const burst = (n: number, limit: number) =>
    Promise.all(Array.from({ length: n }, () => request(t.server).get(`${API}/matching/posts/${postId}/candidates?limit=${limit}`).set('Authorization', `Bearer ${token}`)));

  it('counts every view of concurrent first requests of the day, with no error', async () => {
    if (!db) return;
    for (let round = 0; round < 4; round++) {
      await quotas().delete({ employerId });
      const answers = await burst(12, 2);
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const shown = answers.reduce((sum, a) => sum + (a.body.items as unknown[]).length, 0);
      expect(shown).toBeGreaterThan(0);
      expect(await views()).toBe(shown);
    }
  });

  it('counts many employers’ first views of the day at once, each exactly, with no deadlock', async () => {
    if (!db) return;
    // Straight at the quota, without the ranking between requests, so the statements of different
    // employers overlap as they do under load (their keys fall in the same gap of the primary key).
    const spender = t.app.get(CandidateViewQuotas);
    for (let round = 0; round < 3; round++) {
      const employers = Array.from({ length: 30 }, () => randomUUID());
      const outcomes = await Promise.allSettled(employers.flatMap((e) => [spender.spend(e, 3), spender.spend(e, 2)]));
      const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => String((o.reason as Error).message));
      expect(failed).toEqual([]);
      const rows = await quotas().findBy({ day: day() });
      for (const e of employers) expect(rows.find((r) => r.employerId === e)?.views).toBe(5);
    }
  });

  it('lets exactly the requests under the cap through when many come at once at its edge', async () => {
    if (!db) return;
    await quotas().delete({ employerId });
    await quotas().insert({ employerId, day: day(), views: CANDIDATE_VIEWS_PER_DAY - 3 });
    const answers = await burst(15, 1);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array<number>(3).fill(200), ...Array<number>(12).fill(429)]);
    for (const refused of answers.filter((a) => a.status === 429)) expect(refused.body.message).toContain('明天');
    expect(await views()).toBe(CANDIDATE_VIEWS_PER_DAY);
    await quotas().delete({ employerId });
  });
});
