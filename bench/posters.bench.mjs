// Printed posters (docs/business-logic/posters.md): how long one A4 poster takes to draw and how big it is.
// In-process, from the compiled API (after buildApi): the poster SVG of apps/api/src/posters/poster-svg.ts
// rendered to PNG by resvg with the machine's CJK font, N posters of varied titles (short, two lines, too
// long) with the H5 QR, one at a time (the latency a liaison waits for) and 4 at a time (resvg renders on
// libuv's thread pool: the throughput of the machine's cores); the PNG's size, and the PDF (pdfkit, the PNG
// on one A4 page) for a quarter of them. Then over HTTP, the API on SQLite: GET /posts/:id/poster.png for a
// new board each time (drawn: render + the poster row + the post's checks) and for the same boards again
// (served from the renderer's memory). Figures only, no goal.
// Env: BENCH_POSTERS (default 40), BENCH_SKIP_HTTP=1 (in-process part only).
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { printTable, root, tempDir } from './lib.mjs';
import { buildApi, login, percentile, startApi } from './residents-lib.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => join(root, 'dist/apps/api/apps/api/src', path);
const N = Number(process.env.BENCH_POSTERS || 40);
if (!Number.isInteger(N) || N < 4) throw new Error(`BENCH_POSTERS must be an integer ≥ 4, got "${process.env.BENCH_POSTERS}"`);

const TITLES = ['食堂帮厨', '摘花椒（按天结钱）', '山亭区桑村镇工业园塑料编织袋厂招聘电焊工、维修工', '山亭区桑村镇工业园塑料编织袋厂招聘长期电焊工、维修工、叉车司机和仓库保管员，包吃包住，五险一金，月休四天'];
const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const kb = (bytes) => (bytes / 1024).toFixed(0);
const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
};

function art(i, { content, qr }) {
  const now = new Date();
  const day = (n) => new Date(now.getTime() + n * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const post = content.postPosterContent(
    {
      title: TITLES[i % TITLES.length], type: i % 2 ? 'gig' : 'full_time', wageMin: i % 2 ? 180 : 5000, wageMax: i % 2 ? 220 : 6500, wageUnit: i % 2 ? 'day' : 'month',
      headcount: 3 + (i % 7), townName: '桑村镇', villageName: '户口村', address: '桑村镇工业园3号', benefits: ['meals', 'housing', 'social_insurance'].slice(0, i % 4),
      startDate: i % 2 ? day(1) : null, endDate: i % 2 ? day(3) : null, workStartTime: i % 2 ? '07:30' : null, expiresAt: new Date(now.getTime() + 20 * 86_400_000), employerName: '山亭区测试制品有限公司',
    },
    [{ label: '本村联络员 王芳', number: '13905461234' }],
    now,
  );
  const id = `B${String(i).padStart(7, '0')}`;
  return { content: post, code: { kind: 'qr', modules: qr.qrModules(`http://127.0.0.1:3000/#/pages/index/index?scene=${id}`) }, posterId: id };
}

async function inProcess() {
  const { PosterRenderer, pngOnA4 } = require(dist('posters/poster-renderer.js'));
  const mods = { content: require(dist('posters/poster-content.js')), qr: require(dist('posters/qr-modules.js')) };
  const { findPosterFonts } = require(dist('posters/poster-fonts.js'));
  const fonts = findPosterFonts(null);
  const renderer = new PosterRenderer({ posterFontFile: null });
  renderer.onModuleInit();
  console.log(`fonts: ${fonts.cjk ? fonts.files.join(', ') : 'no CJK font found (Chinese would not show)'}; ${cpus().length} cores`);

  const arts = Array.from({ length: N }, (_, i) => art(i, mods));
  for (let i = 0; i < 3; i++) await renderer.png(arts[i]); // warm-up

  const svgMs = [];
  const pngMs = [];
  const sizes = [];
  const pngs = [];
  for (const a of arts) {
    let t0 = performance.now();
    renderer.svg(a);
    svgMs.push(performance.now() - t0);
    t0 = performance.now();
    const png = await renderer.png(a);
    pngMs.push(performance.now() - t0);
    sizes.push(png.length);
    pngs.push(png);
  }
  const pdfMs = [];
  const pdfSizes = [];
  for (const [i, png] of pngs.slice(0, Math.max(1, N >> 2)).entries()) {
    const t0 = performance.now();
    const pdf = await pngOnA4(png, TITLES[i % TITLES.length]);
    pdfMs.push(performance.now() - t0);
    pdfSizes.push(pdf.length);
  }
  // Other posters (other ids): none drawn before, so none comes from the renderer's memory.
  const more = Array.from({ length: N }, (_, i) => art(N + i, mods));
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < more.length) await renderer.png(more[next++]);
  }));
  const parallelSeconds = (performance.now() - t0) / 1000;

  const svg = summary(svgMs);
  const png = summary(pngMs);
  const pdf = summary(pdfMs);
  const size = summary(sizes);
  const pdfSize = summary(pdfSizes);
  console.log(`\nin-process, ${N} posters (1240×1754 px, A4 at 150 dpi), one at a time:`);
  printTable([
    ['step', 'p50 ms', 'p95 ms', 'max ms', 'size p50 KB', 'size max KB'],
    ['SVG (layout)', ms(svg.p50), ms(svg.p95), ms(svg.max), '', ''],
    ['PNG (resvg)', ms(png.p50), ms(png.p95), ms(png.max), kb(size.p50), kb(size.max)],
    [`PDF from the PNG (${pdfMs.length})`, ms(pdf.p50), ms(pdf.p95), ms(pdf.max), kb(pdfSize.p50), kb(pdfSize.max)],
  ]);
  console.log(`4 at a time: ${N} PNGs in ${parallelSeconds.toFixed(1)} s = ${(N / parallelSeconds).toFixed(1)} posters/s`);
}

async function overHttp() {
  const dir = tempDir();
  const api = await startApi(`sqlite:${join(dir, 'bench.sqlite')}`, 'posters', { RATE_LIMIT_LOGIN_PER_MIN: '0' });
  try {
    const { creditCodeCheckChar, orgCodeCheckChar } = require('@zaogong/shared');
    const org = 'MA7Q1B2C';
    const body = `91370406${org}${orgCodeCheckChar(org)}`;
    const call = async (method, path, token, data) => {
      const res = await fetch(`${api.base}${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: data === undefined ? undefined : JSON.stringify(data) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
      return text ? JSON.parse(text) : null;
    };
    const admin = await login(api.base, { role: 'admin', name: '区人社局' });
    const boss = await login(api.base, { role: 'employer', name: '张经理' });
    const employer = await call('POST', '/employers', boss, { name: '山亭区桑村花椒种植专业合作社', creditCode: body + creditCodeCheckChar(body), industryCode: 'A', townCode: '370406103', address: '桑村镇花椒园', contactName: '张经理', contactPhone: '13905462222' });
    await call('POST', `/employers/${employer.id}/verify`, admin, { approve: true });
    const post = await call('POST', '/posts', boss, { title: '摘花椒（按天结钱）', occupationCode: '5-01-01', description: '帮忙摘花椒，按天结算，男女不限。', skills: ['摘花椒'], type: 'full_time', wageUnit: 'month', wageMin: 4000, wageMax: 5000, headcount: 6, townCode: '370406103' });
    await call('POST', `/posts/${post.id}/review`, admin, { approve: true });
    // Each 村居 of 桑村镇 gets its own poster (a new id, so a new drawing); then the same ones again, which the
    // renderer keeps in memory for a while (the PDF after the PNG, a second tap).
    const villages = (await call('GET', '/regions?parent=370406103')).items.map((v) => v.code);
    const rounds = Math.min(N, 20, villages.length);
    const get = async (village) => {
      const t0 = performance.now();
      const res = await fetch(`${api.base}/posts/${post.id}/poster.png?villageCode=${village}`, { headers: { authorization: `Bearer ${admin}` } });
      const buf = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`GET poster.png: ${res.status} ${buf.toString().slice(0, 200)}`);
      return { ms: performance.now() - t0, bytes: buf.length };
    };
    await get(villages[villages.length - 1]); // warm-up
    const fresh = [];
    for (const v of villages.slice(0, rounds)) fresh.push(await get(v));
    const again = [];
    for (const v of villages.slice(0, rounds)) again.push(await get(v));
    const f = summary(fresh.map((x) => x.ms));
    const a = summary(again.map((x) => x.ms));
    console.log(`\nover HTTP (SQLite, the district admin, ${rounds} 村居 boards of 桑村镇 one after another):`);
    printTable([
      ['GET /posts/:id/poster.png', 'p50 ms', 'p95 ms', 'max ms', 'PNG p50 KB'],
      ['a new board (drawn)', ms(f.p50), ms(f.p95), ms(f.max), kb(summary(fresh.map((x) => x.bytes)).p50)],
      ['the same again (kept)', ms(a.p50), ms(a.p95), ms(a.max), ''],
    ]);
  } finally {
    await api.proc.stop();
  }
}

console.log('building the API (incremental)…');
buildApi();
await inProcess();
if (process.env.BENCH_SKIP_HTTP !== '1') await overHttp();
