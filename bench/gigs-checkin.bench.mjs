// 上工认定 at one site: 200 people check in with the 现场码 on MariaDB. The API (scripts/start-api.mjs)
// migrates a fresh database (dropped at the end); through the API a verified employer posts three gigs for
// today (work starts at 23:59 China time, so sign-ups are still open and check-in is today: the Clock of a
// running server cannot be moved), 200 seekers register (快速登记) and sign up for each, and the employer
// shows each site's code (GET /gigs/:postId/site-code). Then, one site each:
//   spread       200 check-ins spread over 10 s (one every 50 ms, none waiting for another), as people
//                arrive at a site in the morning; every 10th person taps twice at once;
//   burst        200 check-ins all at once (and the same 20 double taps): the worst moment;
//   one by one   200 check-ins one after another: the latency of a check-in on an idle server (the baseline).
// Each prints the answers (200s, errors), and from the database how many sign-ups were recorded checked in
// once, how many were lost (no check-in) and how many were recorded twice (a second tap that moved the
// recorded time), with the latency p50/p95/max. No timed assertion; the run fails only if a check-in is
// lost or doubled. Env: BENCH_WORKERS (default 200), BENCH_SPREAD_SECONDS (default 10), BENCH_MARIADB_URL.
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { apiClient as client, okBody as ok, pool, printTable } from './lib.mjs';
import { chinaToday } from './gigs-lib.mjs';
import { buildApi, createMariadbDatabase, login, percentile, startApi } from './residents-lib.mjs';

const WORKERS = Number(process.env.BENCH_WORKERS || 200);
const SPREAD_SECONDS = Number(process.env.BENCH_SPREAD_SECONDS || 10);
const TOWN = '370406103'; // 桑村镇
const SITE = { lat: 35.0812, lng: 117.4021 };
/** Every DOUBLE_TAP-th person taps 签到 twice at once. */
const DOUBLE_TAP = 10;
const PHASES = ['spread', 'burst', 'one by one'];

const sharedLib = () => createRequire(import.meta.url)('@zaogong/shared'); // libs/shared/dist, after buildApi()

/** A 统一社会信用代码 with valid check characters, from the shared validators (orgBase: 8 characters). */
function creditCode(orgBase) {
  const { creditCodeCheckChar, orgCodeCheckChar } = sharedLib();
  const body = `91370406${orgBase}${orgCodeCheckChar(orgBase)}`;
  return body + creditCodeCheckChar(body);
}

async function main() {
  console.log('building the API (incremental)…');
  buildApi();
  const today = chinaToday();
  const chinaNow = new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 16);
  if (chinaNow >= '23:55') {
    console.log(`it is ${chinaNow} in China: today's sign-ups close at 23:59, so nothing is measured; run it again after midnight`);
    return;
  }
  const maria = await createMariadbDatabase('zaogong_bench_checkin');
  if (!maria) {
    console.log('MariaDB is not available: nothing measured');
    return;
  }
  let api;
  let conn;
  let failed = false;
  try {
    // Many logins from one address: the per-address login limit is off for the set-up (writes keep theirs).
    api = await startApi(maria.url, 'checkin', { RATE_LIMIT_LOGIN_PER_MIN: '0' });
    conn = await maria.connect();
    const call = client(api.base);
    const t0 = performance.now();
    const admin = await login(api.base, { role: 'admin', name: '区人社局' });
    const boss = await login(api.base, { role: 'employer', name: '张经理' });
    const employer = ok(
      await call('POST', '/employers', boss, { name: '山亭区桑村花椒种植专业合作社', creditCode: creditCode('MA7Q1B2C'), industryCode: 'A', townCode: TOWN, address: '桑村镇花椒园', contactName: '张经理', contactPhone: '13905462222' }),
      'POST /employers',
    );
    ok(await call('POST', `/employers/${employer.id}/verify`, admin, { approve: true }), 'verify');
    const villages = ok(await call('GET', `/regions?parent=${TOWN}`), 'GET /regions').items;
    const posts = [];
    for (const phase of PHASES) {
      const post = ok(
        await call('POST', '/posts', boss, {
          title: `摘花椒（${phase}）`, occupationCode: '5-01-01', description: '帮忙摘花椒，按天结算，男女不限，晚上开工有灯。', skills: ['摘花椒'], type: 'gig', wageUnit: 'day',
          wageMin: 180, wageMax: 220, headcount: WORKERS, startDate: today, workStartTime: '23:59', townCode: TOWN, ...SITE,
        }),
        'POST /posts',
      );
      ok(await call('POST', `/posts/${post.id}/review`, admin, { approve: true }), 'review');
      posts.push(post.id);
    }
    const workers = await pool(Array.from({ length: WORKERS }, (_, i) => i), 8, async (i) => {
      const token = await login(api.base, { role: 'seeker', name: `工人${i + 1}` });
      ok(await call('POST', '/me/profile/quick', token, { name: '王大力', phone: `1390547${String(i).padStart(4, '0')}`, villageCode: villages[i % villages.length].code }), 'quick profile');
      return token;
    });
    const signups = await pool(
      posts.flatMap((postId) => workers.map((token) => ({ postId, token }))),
      8,
      async ({ postId, token }) => ok(await call('POST', `/gigs/${postId}/signups`, token, { date: today }), 'sign-up'),
    );
    const waitlisted = signups.filter((s) => s.status !== 'confirmed').length;
    console.log(`set-up on MariaDB ${maria.version} in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${WORKERS} people signed up for each of ${posts.length} gigs today (${waitlisted} waitlisted)`);

    const rows = [];
    for (const [k, phase] of PHASES.entries()) {
      const postId = posts[k];
      // The code on the employer's screen changes every minute; people type the one shown when they arrive.
      let shown = { code: '', at: 0 };
      const screen = async () => {
        if (Date.now() - shown.at > 30_000) shown = { code: ok(await call('GET', `/gigs/${postId}/site-code?date=${today}`, boss), 'site-code').code, at: Date.now() };
        return shown.code;
      };
      await screen();
      const tap = async (token) => call('POST', '/gigs/check-in', token, { code: phase === 'one by one' ? await screen() : shown.code, lat: SITE.lat, lng: SITE.lng });
      const started = performance.now();
      let answers;
      if (phase === 'one by one') {
        answers = [];
        for (const [i, token] of workers.entries()) {
          answers.push(await tap(token));
          if (i % DOUBLE_TAP === 0) answers.push(await tap(token));
        }
      } else {
        const gap = phase === 'spread' ? (SPREAD_SECONDS * 1000) / WORKERS : 0;
        answers = (
          await Promise.all(
            workers.map(async (token, i) => {
              if (gap) await new Promise((r) => setTimeout(r, Math.round(i * gap)));
              return Promise.all(i % DOUBLE_TAP === 0 ? [tap(token), tap(token)] : [tap(token)]);
            }),
          )
        ).flat();
      }
      const seconds = (performance.now() - started) / 1000;
      // Both answers of a double tap carry the same recorded time: the second found the first.
      const byId = new Map();
      let doubledAnswers = 0;
      for (const a of answers.filter((x) => x.status === 200)) {
        const seen = byId.get(a.body.id);
        if (seen && seen !== a.body.checkInAt) doubledAnswers++;
        byId.set(a.body.id, seen ?? a.body.checkInAt);
      }
      const [[db]] = await conn.query(
        "SELECT SUM(status = 'checked_in' AND check_in_at IS NOT NULL) AS recorded, SUM(check_in_at IS NULL) AS lost, COUNT(*) AS total FROM gig_signups WHERE post_id = ? AND work_date = ?",
        [postId, today],
      );
      // Recorded twice: a stored time that is not the one the first answer gave (a later tap moved it).
      const [stored] = await conn.query('SELECT id, check_in_at FROM gig_signups WHERE post_id = ? AND work_date = ?', [postId, today]);
      const movedLater = stored.filter((r) => byId.has(r.id) && r.check_in_at && new Date(byId.get(r.id)).getTime() !== new Date(r.check_in_at).getTime()).length;
      const times = answers.map((a) => a.ms).sort((a, b) => a - b);
      const errors = answers.filter((a) => a.status !== 200);
      const twice = doubledAnswers + movedLater;
      if (Number(db.lost) > 0 || twice > 0 || Number(db.recorded) !== WORKERS) failed = true;
      rows.push([
        phase, String(answers.length), (answers.length / seconds).toFixed(1), String(answers.length - errors.length), String(errors.length), `${Number(db.recorded)} of ${WORKERS}`, String(Number(db.lost)), String(twice),
        percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), times[times.length - 1].toFixed(1),
      ]);
      console.log(`  ${phase}: ${answers.length} requests in ${seconds.toFixed(1)} s; recorded once ${Number(db.recorded)}, lost ${Number(db.lost)}, twice ${twice}${errors.length ? `; errors: ${[...new Set(errors.map((e) => `${e.status} ${e.body?.message ?? ''}`))].join(' · ')}` : ''}`);
    }
    console.log('');
    console.log(`${WORKERS} people, one site per row, every ${DOUBLE_TAP}th person tapping twice; latency of POST /gigs/check-in in ms (double taps included):`);
    printTable([['phase', 'requests', 'req/s', '200', 'errors', 'checked in once', 'lost', 'twice', 'p50', 'p95', 'max'], ...rows], 1);
    const base = rows.find((r) => r[0] === 'one by one');
    for (const r of rows.filter((x) => x !== base)) console.log(`  ${r[0]}: p95 ${r[9]} ms, ×${(Number(r[9]) / Number(base[9])).toFixed(1)} the one-by-one p95 (${base[9]} ms)`);
    console.log(failed ? 'a check-in was lost, doubled or refused: see above' : `all ${WORKERS} check-ins of each site recorded once, none lost, none twice`);
  } catch (e) {
    if (api) console.error(`--- API log tail ---\n${api.log()}`);
    throw e;
  } finally {
    await conn?.end();
    await api?.proc.stop();
    await maria.drop();
  }
  if (failed) process.exit(1);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
