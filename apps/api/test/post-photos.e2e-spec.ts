import request from 'supertest';
import { existsSync, readdirSync } from 'node:fs';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * Photos of a post (docs/business-logic/post-photos.md): up to 3, told by their bytes, at most 2 MB, the post's
 * employer only; shown with the post while whoever looks may see it — and 413/415 in plain words.
 */

const API = '/api/v1';
/** The smallest real images of each kind (their first bytes are what the API reads). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5fbb2ac0000000049454e44ae426082', 'hex');
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1), Buffer.from([0xff, 0xd9])]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([30, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(20, 0)]);

describe.each(DATABASE_KINDS)('post photos on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let postId: string;
  const upload = (who: string, file: Buffer, name = 'a.jpg', id = postId) =>
    request(t.server).post(`${API}/posts/${id}/photos`).set({ Authorization: `Bearer ${tok[who]}` }).attach('file', file, { filename: name, contentType: 'image/jpeg' });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, { admin: { role: 'admin', name: '区人社局' }, boss: { role: 'employer', name: '张经理' }, rival: { role: 'employer', name: '李老板' }, seeker: { role: 'seeker', name: '刘芳' } });
    await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1K3R', '山亭区桑村豆制品有限公司');
    await verifiedEmployer(t, tok.rival, tok.admin, 'MA7Q1K3T', '山亭区北庄塑编厂');
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '豆腐师傅' })).id;
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('the employer adds up to 3 photos, shown with the post to anyone; others cannot add or remove', async () => {
    if (!db) return;
    const a = (await upload('boss', JPG).expect(201)).body;
    const b = (await upload('boss', PNG, 'b.png').expect(201)).body;
    await upload('boss', WEBP, 'c.webp').expect(201);
    expect((await upload('boss', JPG).expect(409)).body.message).toMatch(/最多3张/);
    const post = (await request(t.server).get(`${API}/posts/${postId}`).expect(200)).body;
    expect(post.photos.map((p: { id: string }) => p.id).slice(0, 2)).toEqual([a.id, b.id]);
    expect(post.photos[0].url).toBe(`/posts/${postId}/photos/${a.id}`);
    const img = await request(t.server).get(`${API}${a.url}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(img.body as Buffer, JPG)).toBe(0);
    expect(readdirSync(t.config.photoDir)).toHaveLength(3);
    // Another firm, a seeker, nobody: refused.
    await upload('rival', JPG).expect(403);
    await upload('seeker', JPG).expect(403);
    await request(t.server).post(`${API}/posts/${postId}/photos`).attach('file', JPG, 'a.jpg').expect(401);
    await request(t.server).delete(`${API}/posts/${postId}/photos/${a.id}`).set({ Authorization: `Bearer ${tok.rival}` }).expect(403);
    await request(t.server).delete(`${API}/posts/${postId}/photos/${a.id}`).set({ Authorization: `Bearer ${tok.boss}` }).expect(204);
    expect(readdirSync(t.config.photoDir)).toHaveLength(2);
    await request(t.server).get(`${API}${a.url}`).expect(404);
    expect(existsSync(t.config.photoDir)).toBe(true);
  });

  it('refuses what is not a photo (415), what is too large (413), and nothing sent (400), in plain words', async () => {
    if (!db) return;
    const other = (await publishedPost(t, tok.boss, tok.admin, { title: '送货司机' })).id;
    expect((await upload('boss', Buffer.from('%PDF-1.4 not a photo'), 'x.jpg', other).expect(415)).body.message).toBe('只能上传照片（JPG、PNG 或 WebP）');
    const big = Buffer.concat([JPG.subarray(0, 4), Buffer.alloc(2 * 1024 * 1024 + 10, 7)]);
    expect((await upload('boss', big, 'big.jpg', other).expect(413)).body.message).toMatch(/照片太大了/);
    expect((await request(t.server).post(`${API}/posts/${other}/photos`).set({ Authorization: `Bearer ${tok.boss}` }).send({}).expect(400)).body.message).toMatch(/照片/);
    await upload('boss', JPG, 'a.jpg', '00000000-0000-4000-8000-000000000000').expect(404);
    await request(t.server).get(`${API}/posts/${other}/photos/not-a-uuid`).expect(404);
    expect((await request(t.server).get(`${API}/posts/${other}`).expect(200)).body.photos).toEqual([]);
  });
});
