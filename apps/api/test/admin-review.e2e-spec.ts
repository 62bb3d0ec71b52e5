import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { Employer } from '../src/employers/entities/employer.entity';
import { JobPosting } from '../src/job-postings/entities/job-posting.entity';
import { creditCode } from './support/identity';
import { postBody } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * The district admins' screens: the numbers waiting on 岗位审核 / 企业认证 / 举报处理, approving a post
 * and verifying its employer in one step (同时认证), the verified employers with search, and revoking a
 * verification (its published posts go back to review).
 */

const API = '/api/v1';
const T1 = '370406103'; // 桑村镇
const T2 = '370406104'; // 北庄镇

const employerBody = (name: string, org: string, townCode: string) => ({
  name,
  creditCode: creditCode(org),
  industryCode: 'C',
  townCode,
  address: '工业园',
  contactName: '张经理',
  contactPhone: '13905462222',
});

interface Counts {
  posts: number;
  employers: number;
  reports: number;
  verifiedEmployers: number;
}

describe.each(DATABASE_KINDS)('admin review screens on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  /** Employers: A (桑村, waiting), B (桑村, verified, with a published post), C (北庄, waiting). */
  const firm = { A: '', B: '', C: '' };
  const post = { A: '', B: '', C: '', cInT1: '', bExpired: '' };

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const counts = async (who: string): Promise<Counts> => (await request(t.server).get(`${API}/admin/pending-counts`).set(as(who)).expect(200)).body;
  const submit = async (who: string, over: Record<string, unknown> = {}): Promise<string> => {
    const res = await request(t.server).post(`${API}/posts`).set(as(who)).send(postBody(over)).expect(201);
    expect(res.body.status).toBe('pending_review');
    return res.body.id;
  };
  const employerRow = (id: string) => t.dataSource.getRepository(Employer).findOneByOrFail({ id });
  const postRow = (id: string) => t.dataSource.getRepository(JobPosting).findOneByOrFail({ id });
  const audits = (action: string, targetId: string) => t.dataSource.getRepository(AuditLog).findBy({ action, targetId });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      off1: { role: 'admin', name: '桑村镇干部', regionCode: T1 },
      off2: { role: 'admin', name: '北庄镇干部', regionCode: T2 },
      lia1: { role: 'liaison', name: '户口村联络员', regionCode: '370406103201' },
      liaTown: { role: 'liaison', name: '桑村镇联络员', regionCode: T1 },
      bossA: { role: 'employer', name: '甲老板' },
      bossB: { role: 'employer', name: '乙老板' },
      bossC: { role: 'employer', name: '丙老板' },
      seeker: { role: 'seeker', name: '刘芳' },
    });
    firm.A = (await request(t.server).post(`${API}/employers`).set(as('bossA')).send(employerBody('山亭区桑村甲编织有限公司', 'MA9A0001', T1)).expect(201)).body.id;
    firm.B = (await request(t.server).post(`${API}/employers`).set(as('bossB')).send(employerBody('山亭区桑村乙建材有限公司', 'MA9B0002', T1)).expect(201)).body.id;
    firm.C = (await request(t.server).post(`${API}/employers`).set(as('bossC')).send(employerBody('山亭区北庄丙食品有限公司', 'MA9C0003', T2)).expect(201)).body.id;
    await request(t.server).post(`${API}/employers/${firm.B}/verify`).set(as('admin')).send({ approve: true }).expect(200);
    post.A = await submit('bossA', { title: '编织工' });
    post.B = await submit('bossB', { title: '搬运工' });
    await request(t.server).post(`${API}/posts/${post.B}/review`).set(as('admin')).send({ approve: true }).expect(200);
    post.C = await submit('bossC', { title: '包装工', townCode: T2 });
    await request(t.server).post(`${API}/posts/${post.B}/reports`).set(as('seeker')).send({ reason: 'fee' }).expect(201);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  describe('counts', () => {
    it('gives the district admin the whole district and a 镇街 officer their own 镇街', async () => {
      if (!db) return;
      expect(await counts('admin')).toEqual({ posts: 2, employers: 2, reports: 1, verifiedEmployers: 1 });
      expect(await counts('off1')).toEqual({ posts: 1, employers: 1, reports: 1, verifiedEmployers: 1 });
      expect(await counts('off2')).toEqual({ posts: 1, employers: 1, reports: 0, verifiedEmployers: 0 });
    });

    it('match the lists they open', async () => {
      if (!db) return;
      const queue = (await request(t.server).get(`${API}/posts/review-queue?limit=100`).set(as('off1')).expect(200)).body.items;
      const waiting = (await request(t.server).get(`${API}/employers?verification=pending&limit=100`).set(as('off1')).expect(200)).body.items;
      const c = await counts('off1');
      expect(queue).toHaveLength(c.posts);
      expect(waiting).toHaveLength(c.employers);
    });

    it.each(['lia1', 'liaTown', 'bossA', 'seeker'])('refuses %s (403)', async (who) => {
      if (!db) return;
      const res = await request(t.server).get(`${API}/admin/pending-counts`).set(as(who)).expect(403);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('refuses a caller without a login (401)', async () => {
      if (!db) return;
      await request(t.server).get(`${API}/admin/pending-counts`).expect(401);
    });
  });

  describe('approving a post of an unverified employer (同时认证)', () => {
    it('still refuses the approval alone (409), changing nothing', async () => {
      if (!db) return;
      const res = await request(t.server).post(`${API}/posts/${post.A}/review`).set(as('off1')).send({ approve: true }).expect(409);
      expect(res.body.message).toContain('认证');
      expect((await postRow(post.A)).status).toBe('pending_review');
      expect((await employerRow(firm.A)).verification).toBe('pending');
    });

    it.each([
      ['with a refusal', { approve: false, reason: '工资写得不清楚', verifyEmployer: true }, 'verifyEmployer'],
      ['not a boolean', { approve: true, verifyEmployer: 'yes' }, 'verifyEmployer'],
    ])('answers 400 %s', async (_label, body, field) => {
      if (!db) return;
      const res = await request(t.server).post(`${API}/posts/${post.A}/review`).set(as('off1')).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await postRow(post.A)).status).toBe('pending_review');
    });

    it.each([
      ['a 镇街 officer of another 镇街', 'off2', 403],
      ['a village liaison', 'lia1', 403],
      ['a 镇街 liaison', 'liaTown', 403],
      ['the employer itself', 'bossA', 403],
      ['a seeker', 'seeker', 403],
    ])('refuses %s', async (_label, who, status) => {
      if (!db) return;
      await request(t.server).post(`${API}/posts/${post.A}/review`).set(as(who)).send({ approve: true, verifyEmployer: true }).expect(status);
      expect((await postRow(post.A)).status).toBe('pending_review');
      expect((await employerRow(firm.A)).verification).toBe('pending');
    });

    it('leaves nothing half done when the reviewer may review the post but not verify its employer', async () => {
      if (!db) return;
      // A post placed in 桑村 by an employer registered in 北庄: 桑村's officer reviews it, only 北庄 (or the district) verifies the employer.
      post.cInT1 = await submit('bossC', { title: '装卸工', townCode: T1 });
      const res = await request(t.server).post(`${API}/posts/${post.cInT1}/review`).set(as('off1')).send({ approve: true, verifyEmployer: true }).expect(403);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect((await postRow(post.cInT1)).status).toBe('pending_review');
      expect((await employerRow(firm.C)).verification).toBe('pending');
      expect(await audits('employer.verify', firm.C)).toHaveLength(0);
    });

    it('publishes the post and verifies the employer in one request, audit-logged as both', async () => {
      if (!db) return;
      const before = await counts('off1');
      const res = await request(t.server).post(`${API}/posts/${post.A}/review`).set(as('off1')).send({ approve: true, verifyEmployer: true }).expect(200);
      expect(res.body).toMatchObject({ status: 'published', employer: { id: firm.A, verified: true } });
      const employer = (await request(t.server).get(`${API}/employers/${firm.A}`).set(as('off1')).expect(200)).body;
      expect(employer).toMatchObject({ verification: 'verified', verificationReason: null, revokedAt: null });
      expect(employer.verifiedAt).toEqual(expect.any(String));
      const verified = await audits('employer.verify', firm.A);
      expect(verified).toHaveLength(1);
      expect(verified[0]).toMatchObject({ actorRole: 'admin', targetType: 'employer' });
      expect(verified[0].detail).toMatchObject({ postId: post.A });
      expect(await audits('post.approve', post.A)).toHaveLength(1);
      // Public at once.
      await request(t.server).get(`${API}/posts/${post.A}`).expect(200);
      expect(await counts('off1')).toEqual({ ...before, posts: before.posts - 1, employers: before.employers - 1, verifiedEmployers: before.verifiedEmployers + 1 });
    });

    it('approves a post of an already verified employer with verifyEmployer as an ordinary approval', async () => {
      if (!db) return;
      const id = await submit('bossA', { title: '质检员' });
      await request(t.server).post(`${API}/posts/${id}/review`).set(as('off1')).send({ approve: true, verifyEmployer: true }).expect(200);
      expect(await audits('employer.verify', firm.A)).toHaveLength(1);
    });

    it('keeps the contract shapes: a refusal with a reason, and POST /employers/:id/verify', async () => {
      if (!db) return;
      const refused = await request(t.server).post(`${API}/posts/${post.C}/review`).set(as('off2')).send({ approve: false, reason: '工作内容写得太简单' }).expect(200);
      expect(refused.body).toMatchObject({ status: 'rejected', reviewNote: '工作内容写得太简单' });
      await request(t.server).post(`${API}/employers/${firm.C}/verify`).set(as('off2')).send({ approve: false }).expect(400);
      const c = await request(t.server).post(`${API}/employers/${firm.C}/verify`).set(as('off2')).send({ approve: false, reason: '查不到这家企业的登记信息' }).expect(200);
      expect(c.body).toMatchObject({ verification: 'rejected', verificationReason: '查不到这家企业的登记信息', revokedAt: null });
    });
  });

  describe('the verified employers', () => {
    const ids = (res: request.Response) => (res.body.items as { id: string }[]).map((e) => e.id);
    const list = (who: string, query: string) => request(t.server).get(`${API}/employers?verification=verified${query}`).set(as(who)).expect(200);

    it('lists only verified employers of the caller’s area', async () => {
      if (!db) return;
      expect(ids(await list('admin', '')).sort()).toEqual([firm.A, firm.B].sort());
      expect(ids(await list('off1', '')).sort()).toEqual([firm.A, firm.B].sort());
      expect(ids(await list('off2', ''))).toEqual([]);
    });

    it('finds an employer by words of its name or by its 统一社会信用代码 (whole, or a part in small letters)', async () => {
      if (!db) return;
      expect(ids(await list('admin', `&q=${encodeURIComponent('建材')}`))).toEqual([firm.B]);
      expect(ids(await list('admin', `&q=${creditCode('MA9A0001')}`))).toEqual([firm.A]);
      expect(ids(await list('admin', '&q=ma9b0'))).toEqual([firm.B]);
      expect(ids(await list('admin', `&q=${encodeURIComponent('没有这家')}`))).toEqual([]);
      // A search never reaches past the caller's area, and a LIKE wildcard is only a character.
      expect(ids(await list('off2', `&q=${encodeURIComponent('建材')}`))).toEqual([]);
      expect(ids(await list('admin', '&q=%25'))).toEqual([]);
    });

    it('pages with a cursor, each employer once', async () => {
      if (!db) return;
      const first = await list('admin', '&limit=1');
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await list('admin', `&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect([...ids(first), ...ids(second)].sort()).toEqual([firm.A, firm.B].sort());
      expect(second.body.nextCursor).toBeNull();
    });

    it('refuses the list to liaisons, employers and seekers (403)', async () => {
      if (!db) return;
      for (const who of ['lia1', 'liaTown', 'bossB', 'seeker']) {
        await request(t.server).get(`${API}/employers?verification=verified`).set(as(who)).expect(403);
      }
    });
  });

  describe('revoking a verification', () => {
    const revoke = (who: string, id: string, body: object) => request(t.server).post(`${API}/employers/${id}/revoke`).set(as(who)).send(body);

    beforeAll(async () => {
      if (!db) return;
      // A post of B that has run out: it may not be refreshed back once B is revoked.
      post.bExpired = await submit('bossB', { title: '司机' });
      await request(t.server).post(`${API}/posts/${post.bExpired}/review`).set(as('admin')).send({ approve: true }).expect(200);
      await t.dataSource.getRepository(JobPosting).update({ id: post.bExpired }, { status: 'expired' });
    });

    it.each([
      ['no reason', {}],
      ['an empty reason', { reason: '   ' }],
      ['a reason too long', { reason: '很'.repeat(201) }],
      ['a reason that is not text', { reason: 42 }],
    ])('answers 400 for %s', async (_label, body) => {
      if (!db) return;
      const res = await revoke('off1', firm.B, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      expect((await employerRow(firm.B)).verification).toBe('verified');
    });

    it.each([
      ['a 镇街 officer of another 镇街', 'off2'],
      ['a village liaison', 'lia1'],
      ['a 镇街 liaison', 'liaTown'],
      ['its own employer', 'bossB'],
      ['a seeker', 'seeker'],
    ])('refuses %s (403)', async (_label, who) => {
      if (!db) return;
      const res = await revoke(who, firm.B, { reason: '营业执照已被吊销' }).expect(403);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      expect((await employerRow(firm.B)).verification).toBe('verified');
    });

    it('answers 404 for an unknown or malformed id', async () => {
      if (!db) return;
      expect((await revoke('admin', randomUUID(), { reason: '营业执照已被吊销' }).expect(404)).body.message).toBe('企业不存在');
      await revoke('admin', 'not-an-id', { reason: '营业执照已被吊销' }).expect(404);
    });

    it('answers 409 for an employer that is not verified', async () => {
      if (!db) return;
      const res = await revoke('admin', firm.C, { reason: '营业执照已被吊销' }).expect(409);
      expect(res.body.message).toContain('不用撤销');
    });

    it('revokes with the reason; its published posts go back to review and leave every public list', async () => {
      if (!db) return;
      const before = await counts('off1');
      const res = await revoke('off1', firm.B, { reason: '营业执照已被吊销' }).expect(200);
      expect(res.body).toMatchObject({ id: firm.B, verification: 'rejected', verificationReason: '营业执照已被吊销', verifiedAt: null });
      expect(res.body.revokedAt).toEqual(expect.any(String));

      // The published post: no longer public, back in the queue with a note the employer reads.
      await request(t.server).get(`${API}/posts/${post.B}`).expect(404);
      const publicIds = (await request(t.server).get(`${API}/posts?limit=100`).expect(200)).body.items.map((p: { id: string }) => p.id);
      expect(publicIds).not.toContain(post.B);
      expect(publicIds).toContain(post.A);
      const own = (await request(t.server).get(`${API}/posts/${post.B}`).set(as('bossB')).expect(200)).body;
      expect(own).toMatchObject({ status: 'pending_review', employer: { verified: false } });
      expect(own.reviewNote).toContain('认证已撤销');
      const queue = (await request(t.server).get(`${API}/posts/review-queue?limit=100`).set(as('off1')).expect(200)).body.items.map((p: { id: string }) => p.id);
      expect(queue).toContain(post.B);
      // The expired one stays expired and may not be refreshed.
      expect((await postRow(post.bExpired)).status).toBe('expired');
      const refresh = await request(t.server).post(`${API}/posts/${post.bExpired}/refresh`).set(as('bossB')).expect(409);
      expect(refresh.body.message).toContain('认证');

      // The employer reads why on its own page.
      expect((await request(t.server).get(`${API}/employers/mine`).set(as('bossB')).expect(200)).body).toMatchObject({ verification: 'rejected', verificationReason: '营业执照已被吊销' });

      const logged = await audits('employer.revoke', firm.B);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ actorRole: 'admin', targetType: 'employer' });
      expect(logged[0].detail).toMatchObject({ reason: '营业执照已被吊销', postsWithdrawn: 1 });

      expect(await counts('off1')).toEqual({ ...before, posts: before.posts + 1, verifiedEmployers: before.verifiedEmployers - 1 });
      const verifiedIds = (await request(t.server).get(`${API}/employers?verification=verified`).set(as('off1')).expect(200)).body.items.map((e: { id: string }) => e.id);
      expect(verifiedIds).not.toContain(firm.B);
    });

    it('answers 409 to a second revoke, and logs it once', async () => {
      if (!db) return;
      const res = await revoke('admin', firm.B, { reason: '再撤销一次' }).expect(409);
      expect(res.body.message).toContain('已经撤销');
      expect(await audits('employer.revoke', firm.B)).toHaveLength(1);
      expect((await employerRow(firm.B)).verificationReason).toBe('营业执照已被吊销');
    });

    it('comes back through review: the post alone is refused, with 同时认证 both are done and the revocation is settled', async () => {
      if (!db) return;
      await request(t.server).post(`${API}/posts/${post.B}/review`).set(as('off1')).send({ approve: true }).expect(409);
      const res = await request(t.server).post(`${API}/posts/${post.B}/review`).set(as('off1')).send({ approve: true, verifyEmployer: true }).expect(200);
      expect(res.body).toMatchObject({ status: 'published', employer: { verified: true } });
      expect((await request(t.server).get(`${API}/employers/${firm.B}`).set(as('admin')).expect(200)).body).toMatchObject({ verification: 'verified', verificationReason: null, revokedAt: null });
      await request(t.server).get(`${API}/posts/${post.B}`).expect(200);
      // Verified again, its expired post may be refreshed.
      await request(t.server).post(`${API}/posts/${post.bExpired}/refresh`).set(as('bossB')).expect(200);
    });

    it('lets the district admin revoke in any 镇街', async () => {
      if (!db) return;
      await revoke('admin', firm.A, { reason: '企业已经注销' }).expect(200);
      expect((await employerRow(firm.A)).verification).toBe('rejected');
      // post.A went back to review; the officer can refuse it with a reason as usual.
      await request(t.server).post(`${API}/posts/${post.A}/review`).set(as('off1')).send({ approve: false, reason: '企业认证已撤销' }).expect(200);
    });
  });
});
