import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { User } from '../src/auth/entities/user.entity';
import { PersonalDataCipher } from '../src/common/crypto/personal-data-cipher';
import { RecruitmentEvent } from '../src/events/entities/recruitment-event.entity';
import { Poster } from '../src/posters/entities/poster.entity';
import { WXACODE_COLOUR, startFakeWechat, type FakeWechat } from './support/fake-wechat';
import { decodePng, pngHeader, type PngPixels } from './support/png';
import { publishedPost, verifiedEmployer } from './support/posts';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

/**
 * Printed posters (docs/business-logic/posters.md): an A4 PNG or PDF of an open post or event with WeChat's
 * 小程序码 (a QR of the H5 link when WeChat refuses), one poster per 村居 board, each scan counted on its poster,
 * and the counts per board shown to those who may see them; refusals in plain Chinese.
 */

const API = '/api/v1';
const T1 = '370406103'; // 桑村镇
const V1 = '370406103201'; // 桑村镇 户口村
const V1B = '370406103200'; // 桑村镇 another 村居
const T2 = '370406104'; // 北庄镇
const V2 = '370406104201'; // 北庄镇 毛宅村
const LIAISON_PHONE = '13905461234';
const CHINESE = /[\u4e00-\u9fff]/;

/** Pixels of the fake WeChat's code colour. */
function codePixels(png: PngPixels): number {
  let n = 0;
  for (let y = 0; y < png.height; y += 2) {
    for (let x = 0; x < png.width; x += 2) {
      const [r, g, b] = png.rgb(x, y);
      if (r === WXACODE_COLOUR[0] && g === WXACODE_COLOUR[1] && b === WXACODE_COLOUR[2]) n++;
    }
  }
  return n * 4;
}

/** Black pixels in the lower left quarter, where the code is printed. */
function darkPixelsInCodeArea(png: PngPixels): number {
  let n = 0;
  for (let y = Math.floor(png.height * 0.68); y < png.height - 60; y++) {
    for (let x = 40; x < png.width / 2 - 60; x++) {
      const [r, g, b] = png.rgb(x, y);
      if (r < 40 && g < 40 && b < 40) n++;
    }
  }
  return n;
}

describe.each(DATABASE_KINDS)('posters on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let wechat: FakeWechat;
  let tok: Record<string, string>;
  let postId: string;
  let eventId: string;

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const get = (path: string, who?: string) => {
    const r = request(t.server).get(`${API}${path}`).buffer(true);
    return who ? r.set(as(who)) : r;
  };
  const binary = (path: string, who?: string) =>
    request(t.server)
      .get(`${API}${path}`)
      .set(who ? as(who) : {})
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
  const scan = (id: string) => request(t.server).post(`${API}/posters/${encodeURIComponent(id)}/scan`);
  const codeCalls = () => wechat.requests.filter((r) => r.path === '/wxa/getwxacodeunlimit').map((r) => JSON.parse(r.body) as { scene: string; page: string; check_path: boolean; width: number });
  const event = async (over: Partial<RecruitmentEvent> = {}): Promise<string> => {
    const id = randomUUID();
    const start = new Date(Date.now() + 2 * 86_400_000);
    await t.dataSource.getRepository(RecruitmentEvent).insert({
      id,
      title: '春风行动·桑村镇专场招聘会',
      series: 'chunfeng',
      kind: 'onsite',
      status: 'scheduled',
      startsAt: start,
      endsAt: new Date(start.getTime() + 7 * 3600_000),
      townCode: T1,
      villageCode: null,
      address: '桑村镇政府广场',
      lat: null,
      lng: null,
      liveUrl: null,
      livePlatform: null,
      capacity: null,
      description: '几十家企业现场招人',
      contactPhone: '0632-8812345',
      cancelReason: null,
      createdBy: 'test',
      announcedAt: null,
      ...over,
    });
    return id;
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    wechat = await startFakeWechat();
    t = await startTestApp(db, { WECHAT_API_BASE: wechat.url, WECHAT_APPID: 'wxtest', WECHAT_SECRET: 'secret' });
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      off1: { role: 'admin', name: '桑村镇干部', regionCode: T1 },
      off2: { role: 'admin', name: '北庄镇干部', regionCode: T2 },
      lia1: { role: 'liaison', name: '王芳', regionCode: V1 },
      liaT1: { role: 'liaison', name: '桑村镇联络员', regionCode: T1 },
      lia2: { role: 'liaison', name: '毛宅村联络员', regionCode: V2 },
      boss: { role: 'employer', name: '张经理' },
      rival: { role: 'employer', name: '李老板' },
      seeker: { role: 'seeker', name: '刘芳' },
    });
    await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', '山亭区桑村花椒种植专业合作社');
    await verifiedEmployer(t, tok.rival, tok.admin, 'MA7Q1D3T', '山亭区北庄豆制品有限公司');
    // The 户口村 liaison's own phone: printed as the 村居 window's.
    const me = (await request(t.server).get(`${API}/me`).set(as('lia1')).expect(200)).body as { id: string };
    await t.dataSource.getRepository(User).update({ id: me.id }, { phoneCipher: t.app.get(PersonalDataCipher).encrypt(LIAISON_PHONE) });
    postId = (await publishedPost(t, tok.boss, tok.admin, { title: '摘花椒（按天结钱）', type: 'gig', wageUnit: 'day', wageMin: 180, wageMax: 220, townCode: T1, villageCode: V1, address: '户口村东山花椒园', startDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), endDate: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10), workStartTime: '07:30', benefits: ['meals'], occupationCode: '5-01-01', description: '帮忙摘花椒，按天结算，管午饭。', skills: ['摘花椒'], headcount: 6 })).id;
    eventId = await event();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await wechat?.close();
    await db?.drop();
  });

  it('prints a post as an A4 PNG carrying WeChat’s 小程序码 for its poster id, one poster per 村居 board', async () => {
    if (!db) return;
    const res = await binary(`/posts/${postId}/poster.png`, 'lia1').expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="poster-[A-Z0-9]{8}\.png"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain('海报-摘花椒（按天结钱）.png');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const posterId = res.headers['x-poster-id'];
    expect(posterId).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    const png = res.body as Buffer;
    expect(pngHeader(png)).toMatchObject({ width: 1240, height: 1754 }); // A4 at 150 dpi
    if (kind === 'sqlite') writeFileSync('/tmp/poster-post.png', png);
    // WeChat was asked for a code with the poster's id as its scene, and the poster prints what came back.
    expect(codeCalls()).toContainEqual({ scene: posterId, page: 'pages/index/index', check_path: false, width: 430 });
    expect(codePixels(decodePng(png))).toBeGreaterThan(150_000); // about 440 × 440 px of it
    const row = await t.dataSource.getRepository(Poster).findOneByOrFail({ id: posterId });
    expect(row).toMatchObject({ kind: 'post', targetId: postId, villageCode: V1, scans: 0 });

    // The same board again: the same poster, and its code is not asked for twice.
    const calls = codeCalls().length;
    const again = await binary(`/posts/${postId}/poster.png`, 'lia1').expect(200);
    expect(again.headers['x-poster-id']).toBe(posterId);
    expect(codeCalls()).toHaveLength(calls);
    // Another board of the 镇街 (a 镇街 liaison names it): another poster.
    const other = await binary(`/posts/${postId}/poster.png?villageCode=${V1B}`, 'liaT1').expect(200);
    expect(other.headers['x-poster-id']).not.toBe(posterId);
    expect(await t.dataSource.getRepository(Poster).findOneByOrFail({ id: other.headers['x-poster-id'] })).toMatchObject({ villageCode: V1B });
  });

  it('prints the H5 link’s QR instead when WeChat refuses the code', async () => {
    if (!db) return;
    wechat.setCodeMode('error');
    try {
      const res = await binary(`/posts/${postId}/poster.png?villageCode=${V2}`, 'boss').expect(200);
      const posterId = res.headers['x-poster-id'];
      expect(codeCalls().map((c) => c.scene)).toContain(posterId);
      const png = decodePng(res.body as Buffer);
      expect(png).toMatchObject({ width: 1240, height: 1754 });
      expect(codePixels(png)).toBe(0);
      expect(darkPixelsInCodeArea(png)).toBeGreaterThan(40_000); // the QR's modules
    } finally {
      wechat.setCodeMode('ok');
    }
  });

  it('prints an event as PNG and PDF; a cancelled or ended event cannot be printed', async () => {
    if (!db) return;
    const res = await binary(`/events/${eventId}/poster.png`, 'lia1').expect(200);
    expect(pngHeader(res.body as Buffer)).toMatchObject({ width: 1240, height: 1754 });
    if (kind === 'sqlite') writeFileSync('/tmp/poster-event.png', res.body as Buffer);
    const pdf = await binary(`/events/${eventId}/poster.pdf`, 'off1').expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (pdf.body as Buffer).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBe(1);
    if (kind === 'sqlite') writeFileSync('/tmp/poster-event.pdf', pdf.body as Buffer);
    // An employer makes posters of its own posts only.
    expect((await binary(`/events/${eventId}/poster.png`, 'boss').expect(403)).body.toString()).toMatch(CHINESE);

    const cancelled = await event({ status: 'cancelled', cancelReason: '下雪' });
    const r1 = await get(`/events/${cancelled}/poster.png`, 'lia1').expect(409);
    expect(r1.body.message).toContain('取消');
    const ended = await event({ startsAt: new Date(Date.now() - 9 * 3600_000), endsAt: new Date(Date.now() - 3600_000) });
    expect((await get(`/events/${ended}/poster.png`, 'admin').expect(409)).body.message).toContain('结束');
    expect((await get(`/events/${randomUUID()}/poster.png`, 'admin').expect(404)).body.message).toMatch(CHINESE);
    expect((await get('/events/not-an-id/poster.pdf', 'admin').expect(404)).body.message).toMatch(CHINESE);
  });

  it('counts each scan on its poster, with the post or event to open, and 404s for codes that are not ours', async () => {
    if (!db) return;
    const posterId = (await binary(`/posts/${postId}/poster.png`, 'lia1').expect(200)).headers['x-poster-id'];
    const first = await scan(posterId).expect(200);
    expect(first.body).toEqual({ posterId, kind: 'post', targetId: postId, page: `/pages/post/index?id=${postId}` });
    await scan(posterId.toLowerCase()).expect(200); // a code typed in by hand
    // Twenty phones at once: each counted once.
    await Promise.all(Array.from({ length: 20 }, () => scan(posterId).expect(200)));
    const row = await t.dataSource.getRepository(Poster).findOneByOrFail({ id: posterId });
    expect(row.scans).toBe(22);
    expect(row.lastScanAt).not.toBeNull();

    const eventPoster = (await binary(`/events/${eventId}/poster.png`, 'lia1').expect(200)).headers['x-poster-id'];
    expect((await scan(eventPoster).expect(200)).body).toMatchObject({ kind: 'event', targetId: eventId, page: `/pages/events/detail/index?id=${eventId}` });

    for (const bad of ['ZZZZZZZZ', 'abc', "'; DROP TABLE posters; --", 'A'.repeat(90), '%00']) {
      const res = await scan(bad);
      expect(res.status).toBe(404);
      expect(res.body.message).toMatch(CHINESE);
    }
  });

  it('shows scans per board to those who may see them: staff their area’s boards, the employer its own post’s', async () => {
    if (!db) return;
    const v1Poster = (await binary(`/posts/${postId}/poster.png`, 'lia1').expect(200)).headers['x-poster-id'];
    const districtPoster = (await binary(`/posts/${postId}/poster.png`, 'admin').expect(200)).headers['x-poster-id'];
    await scan(v1Poster).expect(200);
    type Stats = { total: number; items: { posterId: string; villageCode: string | null; villageName: string | null; createdByName: string | null; scans: number }[] };
    const stats = async (who: string, query = `postId=${postId}`) => (await get(`/stats/posters?${query}`, who).expect(200)).body as Stats;
    const ids = (s: Stats) => s.items.map((i) => i.posterId);

    const all = await stats('admin');
    expect(ids(all)).toEqual(expect.arrayContaining([v1Poster, districtPoster]));
    expect(all.total).toBe(all.items.reduce((n, i) => n + i.scans, 0));
    const v1 = all.items.find((i) => i.posterId === v1Poster);
    expect(v1).toMatchObject({ villageCode: V1, createdByName: '王芳' });
    expect(v1!.villageName).toMatch(CHINESE);
    expect(v1!.scans).toBeGreaterThan(0);
    expect(all.items.find((i) => i.posterId === districtPoster)).toMatchObject({ villageCode: null, villageName: null });

    // A 镇街 officer and a liaison: the boards of their area; a poster with no 村居 is the district's.
    const t1 = await stats('off1');
    expect(ids(t1)).toContain(v1Poster);
    expect(ids(t1)).not.toContain(districtPoster);
    expect(t1.items.every((i) => i.villageCode?.startsWith(T1))).toBe(true);
    expect(ids(await stats('lia1')).every((id) => all.items.find((i) => i.posterId === id)?.villageCode === V1)).toBe(true);
    // Another 镇街 sees nothing of ours.
    for (const who of ['off2', 'lia2']) {
      const theirs = await stats(who);
      expect(theirs.items.filter((i) => i.villageCode === null || !i.villageCode.startsWith(T2))).toEqual([]);
      expect(ids(theirs)).not.toContain(v1Poster);
    }
    // The post's employer: every board, without the names of staff who printed them.
    const own = await stats('boss');
    expect(ids(own)).toEqual(expect.arrayContaining([v1Poster, districtPoster]));
    expect(own.items.find((i) => i.posterId === v1Poster)?.createdByName).toBeNull();
    // Not its own post, not its business.
    expect((await get(`/stats/posters?postId=${postId}`, 'rival').expect(403)).body.message).toMatch(CHINESE);
    expect((await get(`/stats/posters?eventId=${eventId}`, 'boss').expect(403)).body.message).toMatch(CHINESE);
    await get(`/stats/posters?postId=${postId}`, 'seeker').expect(403);
    await get(`/stats/posters?postId=${postId}`).expect(401);
    // An event's boards.
    const ev = await stats('off1', `eventId=${eventId}`);
    expect(ev.items.length).toBeGreaterThan(0);
    expect(await stats('off2', `eventId=${eventId}`)).toMatchObject({ total: 0, items: [] });
    await get(`/stats/posters?postId=${randomUUID()}`, 'admin').expect(404);
  });

  it('refuses posts that are not open, callers who may not print, and boards outside the caller’s area', async () => {
    if (!db) return;
    // Waiting for review: as if it did not exist. Closed: said so.
    const pending = (await request(t.server).post(`${API}/posts`).set(as('boss')).send({ title: '电焊工', occupationCode: '6-05-01', description: '负责设备维修焊接，有焊工证优先，包吃住。', skills: ['电焊'], wageMin: 5000, wageMax: 6500, wageUnit: 'month', type: 'full_time', headcount: 3, townCode: T1 }).expect(201)).body.id as string;
    expect((await get(`/posts/${pending}/poster.png`, 'boss').expect(404)).body.message).toMatch(CHINESE);
    const closed = (await publishedPost(t, tok.boss, tok.admin, { title: '仓库保管员' })).id;
    await request(t.server).post(`${API}/posts/${closed}/close`).set(as('boss')).expect(200);
    expect((await get(`/posts/${closed}/poster.png`, 'lia1').expect(409)).body.message).toContain('关闭');
    await get(`/posts/${randomUUID()}/poster.png`, 'lia1').expect(404);
    await get('/posts/123/poster.png', 'lia1').expect(404);

    // Who may print: staff any open post (for their board), an employer its own; anyone else a poster of no board,
    // the same one each time for those not logged in.
    const seekerCopy = await binary(`/posts/${postId}/poster.png?villageCode=${V2}`, 'seeker').expect(200);
    const anonymous = await binary(`/posts/${postId}/poster.png`).expect(200);
    expect((await binary(`/posts/${postId}/poster.png`).expect(200)).headers['x-poster-id']).toBe(anonymous.headers['x-poster-id']);
    expect(anonymous.headers['x-poster-id']).not.toBe(seekerCopy.headers['x-poster-id']);
    const boards = (await get(`/stats/posters?postId=${postId}`, 'admin').expect(200)).body.items as { posterId: string; villageCode: string | null }[];
    expect(boards.find((b) => b.posterId === seekerCopy.headers['x-poster-id'])?.villageCode).toBeNull();
    expect((await get(`/posts/${postId}/poster.png`, 'rival').expect(403)).body.message).toContain('本企业');
    await binary(`/posts/${postId}/poster.png`, 'lia2').expect(200); // a 北庄镇 liaison prints it for their own board

    // Boards: only within the caller's area, only real 村居.
    expect((await get(`/posts/${postId}/poster.png?villageCode=${V2}`, 'off1').expect(403)).body.message).toMatch(CHINESE);
    await get(`/posts/${postId}/poster.png?villageCode=${V1B}`, 'lia1').expect(403);
    for (const bad of ['370406103999', '370406103', "' OR 1=1 --", '%3Cscript%3E', 'x'.repeat(500)]) {
      const res = await get(`/posts/${postId}/poster.png?villageCode=${bad}`, 'admin').expect(400);
      expect(res.body.message).toMatch(CHINESE);
    }
    await get(`/posts/${postId}/poster.png?villageCode=${V1}&villageCode=${V1B}`, 'admin').expect(400);
    await get(`/posts/${postId}/poster.png?size=huge`, 'admin').expect(400);
  });

  it('asks for exactly one of postId and eventId, and refuses anything else', async () => {
    if (!db) return;
    for (const q of ['', `postId=${postId}&eventId=${eventId}`, 'postId=abc', 'eventId=1%20OR%201%3D1', `postId[]=${postId}`, `postId=${postId}&villageCode=${V1}`]) {
      const res = await get(`/stats/posters?${q}`, 'admin');
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(CHINESE);
    }
  });
});
