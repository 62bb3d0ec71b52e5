// CPU profiles of the API's busiest routes under load, one API process per route, on MariaDB with
// realistic data (20,000 residents, 2,400 posts, 20,000 applications by default): for each route the
// API is started with `node --cpu-prof`, warmed up, driven by autocannon, stopped with SIGINT, and its
// profile read (bench/profile-top.mjs) over the measured seconds only. Prints per route: requests/s,
// latency, answers by status, the API's CPU time per request (all its threads, from /proc) and the
// 15 functions with the most self time. Not part of `npm run bench` (it prints profiles, not a figure).
//
//   node bench/profile-routes.mjs [route …]     routes: health posts posts-q regions occupations
//                                               public-stats recommendations candidates applicants
// Env: BENCH_RESIDENTS (20000), BENCH_POSTS (2400), BENCH_APPLICATIONS (20000), BENCH_SECONDS (10),
// BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (20), BENCH_TOP (15), BENCH_MARIADB_URL,
// BENCH_PROFILE_DIR (keep the .cpuprofile files there; default a temporary directory), BENCH_KEEP_DATABASE=1.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import autocannon from 'autocannon';
import { cleanEnv, freePort, groupCpuSeconds, intEnv, LOOPBACK, printTable, rng, root, sleep, startGroup, tail, tempDir, waitFor200, weighted } from './lib.mjs';
import { seekerFields } from './matching-lib.mjs';
import { printSummary, summarise } from './profile-top.mjs';
import { insertPosts, referenceFromDb } from './posts-lib.mjs';
import { buildApi, createMariadbDatabase, DATA_KEY, insertResidents, startApi } from './residents-lib.mjs';

const RESIDENTS = intEnv('BENCH_RESIDENTS', 20_000, 0);
const POSTS = intEnv('BENCH_POSTS', 2_400, 0);
const APPLICATIONS = intEnv('BENCH_APPLICATIONS', 20_000, 0);
const SECONDS = intEnv('BENCH_SECONDS', 10, 0);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 3, 0);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 20, 0);
const TOP = intEnv('BENCH_TOP', 15, 1);
const API = '/api/v1';

/** The routes: who asks (anonymous, the seeker, the employer) and the path. */
const ROUTES = [
  { name: 'health', who: null, path: () => `${API}/health` },
  { name: 'posts', who: null, path: () => `${API}/posts` },
  { name: 'posts-q', who: null, path: () => `${API}/posts?q=${encodeURIComponent('电焊')}` },
  { name: 'regions', who: null, path: () => `${API}/regions` },
  { name: 'occupations', who: null, path: () => `${API}/occupations?q=${encodeURIComponent('焊')}` },
  { name: 'public-stats', who: null, path: () => `${API}/public/stats` },
  { name: 'recommendations', who: 'seeker', path: (d) => `${API}/matching/residents/${d.seekerResidentId}/posts` },
  { name: 'candidates', who: 'employer', path: (d) => `${API}/matching/posts/${d.postId}/candidates` },
  { name: 'applicants', who: 'employer', path: (d) => `${API}/applications?postId=${d.postId}` },
];

/** Applications over the published posts (a few popular posts get most), each with its steps. */
async function insertApplications(conn, count) {
  // In the order the generators made them (ids are random), so every run picks the same posts and people.
  const [posts] = await conn.query("SELECT id, employer_id FROM job_postings WHERE status = 'published' ORDER BY refreshed_at DESC, title, description, town_code, monthly_wage_min");
  const [people] = await conn.query('SELECT id FROM residents ORDER BY created_at, name, birth_date, village_code');
  const rand = rng(20261207);
  const seen = new Set();
  const creator = randomUUID();
  const now = Date.now();
  let apps = [];
  let steps = [];
  let made = 0;
  const flush = async () => {
    if (apps.length) await conn.query('INSERT INTO applications (id, post_id, resident_id, employer_id, status, source, created_by, event_id, interview_at, interview_place, hire_id, created_at, updated_at) VALUES ?', [apps]);
    if (steps.length) await conn.query('INSERT INTO application_steps (id, application_id, status, note, interview_at, interview_place, by_user, by_role, at) VALUES ?', [steps]);
    apps = [];
    steps = [];
  };
  while (made < Math.min(count, posts.length * people.length)) {
    const p = posts[Math.floor(rand() ** 3 * posts.length)];
    const r = people[Math.floor(rand() * people.length)];
    if (seen.has(`${p.id}|${r.id}`)) continue;
    seen.add(`${p.id}|${r.id}`);
    const status = weighted(rand, [['applied', 55], ['viewed', 20], ['interview', 10], ['rejected', 10], ['withdrawn', 5]]);
    const created = new Date(now - Math.floor(rand() * 60 * 86_400_000));
    const updated = status === 'applied' ? created : new Date(created.getTime() + Math.floor(rand() * 3 * 86_400_000));
    const id = randomUUID();
    apps.push([id, p.id, r.id, p.employer_id, status, 'self', creator, null, null, null, null, created, updated]);
    steps.push([randomUUID(), id, 'applied', null, null, null, creator, 'seeker', created]);
    if (status !== 'applied') steps.push([randomUUID(), id, status, null, null, null, creator, status === 'withdrawn' ? 'seeker' : 'employer', updated]);
    if (++made % 2000 === 0) await flush();
  }
  await flush();
  await conn.query('ANALYZE TABLE applications, application_steps');
}

/** Everything the routes need: the seeker's resident id, the employer and its most-applied post. */
async function prepare(maria) {
  const setup = await startApi(maria.url, 'migrate');
  const conn = await maria.connect();
  try {
    const ref = await referenceFromDb(conn);
    const t0 = performance.now();
    await insertResidents(conn, { count: RESIDENTS, fields: seekerFields(ref) });
    await insertPosts(conn, { count: POSTS, now: Date.now() });
    await insertApplications(conn, APPLICATIONS);
    console.log(`  ${RESIDENTS} residents, ${POSTS} posts, ${APPLICATIONS} applications inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const [[top]] = await conn.query("SELECT a.post_id AS postId, a.employer_id AS employerId, COUNT(*) AS n FROM applications a JOIN job_postings p ON p.id = a.post_id WHERE p.status = 'published' GROUP BY a.post_id, a.employer_id ORDER BY n DESC LIMIT 1");
    const [[post]] = await conn.query('SELECT title, occupation_code AS occupation, town_code AS town FROM job_postings WHERE id = ?', [top.postId]);
    const [[seeker]] = await conn.query("SELECT id FROM residents WHERE status = 'seeking' AND desired_occupations <> '[]' ORDER BY created_at, name, birth_date, village_code LIMIT 1");
    console.log(`  the employer's post (${post.title}, ${post.occupation}, ${post.town}) has ${top.n} applications`);
    return { conn, postId: top.postId, employerId: top.employerId, applicants: Number(top.n), seekerResidentId: seeker.id };
  } finally {
    await setup.proc.stop();
  }
}

async function devLogin(base, body) {
  const res = await fetch(`${base}/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`dev-login ${res.status}: ${await res.text()}`);
  return res.json();
}

/** Starts the API under --cpu-prof (the compiled main.js itself, so the profile is the API's). */
async function startProfiled(maria, dir, label) {
  const port = await freePort();
  const profDir = join(dir, label);
  mkdirSync(profDir, { recursive: true });
  const env = cleanEnv({
    PORT: String(port),
    DATABASE_URL: maria.url,
    DATA_DIR: join(dir, 'data'),
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123',
    DATA_KEY,
    AUTH_DEV_LOGIN: 'true',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
  });
  const logFile = join(dir, `${label}.log`);
  const spawnedAt = performance.now();
  const proc = startGroup(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, join(root, 'dist/apps/api/apps/api/src/main.js')], { env, logFile });
  await waitFor200(port, `${API}/health/ready`, { proc, timeoutMs: 180_000, intervalMs: 100 });
  return { proc, port, base: `http://${LOOPBACK}:${port}${API}`, profDir, logFile, spawnedAt };
}

async function stopProfiled(api) {
  process.kill(api.proc.pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (!api.proc.exitInfo && Date.now() < deadline) await sleep(50);
  await api.proc.stop();
  const file = readdirSync(api.profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${api.profDir}\n${tail(api.logFile)}`);
  return JSON.parse(readFileSync(join(api.profDir, file), 'utf8'));
}

function load(port, path, token, seconds, statuses) {
  const instance = autocannon({
    url: `http://${LOOPBACK}:${port}`,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    timeout: 60,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    requests: [{ method: 'GET', path }],
  });
  if (statuses) instance.on('response', (_c, status) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  return instance;
}

async function profileRoute(route, maria, data, dir) {
  const api = await startProfiled(maria, dir, route.name);
  let quotaReset;
  try {
    let token = null;
    if (route.who === 'seeker') {
      const { token: t, user } = await devLogin(api.base, { role: 'seeker', name: '王秀英' });
      await data.conn.query('UPDATE residents SET user_id = ? WHERE id = ?', [user.id, data.seekerResidentId]);
      token = t;
    } else if (route.who === 'employer') {
      token = (await devLogin(api.base, { role: 'employer', name: '张经理', employerId: data.employerId })).token;
    }
    // An employer is shown at most 100 candidates a day: the count is wiped while the route is driven.
    if (route.name === 'candidates') {
      quotaReset = setInterval(() => void data.conn.query('DELETE FROM candidate_view_quotas').catch(() => undefined), 25);
    }
    const path = route.path(data);
    const check = await fetch(`http://${LOOPBACK}:${api.port}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = await check.text();
    if (check.status !== 200) throw new Error(`${route.name}: GET ${path} answered ${check.status}: ${body.slice(0, 300)}`);
    if (WARMUP > 0) await load(api.port, path, token, WARMUP);
    const statuses = new Map();
    const cpu0 = groupCpuSeconds(api.proc.pid);
    const from = (performance.now() - api.spawnedAt) / 1000;
    const r = await load(api.port, path, token, SECONDS, statuses);
    const to = (performance.now() - api.spawnedAt) / 1000;
    const cpu1 = groupCpuSeconds(api.proc.pid);
    clearInterval(quotaReset);
    const profile = await stopProfiled(api);
    return { route, r, statuses, bytes: body.length, cpuMsPerReq: cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * 1000) / r.requests.total : null, sum: summarise(profile, { fromS: from, toS: to }) };
  } catch (e) {
    clearInterval(quotaReset);
    console.error(`--- API log tail ---\n${tail(api.logFile)}`);
    await api.proc.stop();
    throw e;
  }
}

async function main() {
  const wanted = process.argv.slice(2);
  const routes = wanted.length ? ROUTES.filter((r) => wanted.includes(r.name)) : ROUTES;
  if (routes.length === 0) throw new Error(`no such route; routes: ${ROUTES.map((r) => r.name).join(' ')}`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('building the API (incremental)…');
  buildApi();
  const maria = await createMariadbDatabase('zaogong_profile');
  if (!maria) {
    console.log('MariaDB is not available: nothing profiled');
    return;
  }
  const dir = process.env.BENCH_PROFILE_DIR || tempDir('zg-profile-');
  let data;
  const results = [];
  try {
    console.log(`MariaDB ${maria.version}: preparing the data…`);
    data = await prepare(maria);
    for (const route of routes) {
      const res = await profileRoute(route, maria, data, dir);
      results.push(res);
      const { r } = res;
      const codes = [...res.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
      console.log(`\n── ${route.name}: GET ${route.path(data)}${route.who ? ` as the ${route.who}` : ' (anonymous)'}`);
      console.log(`   ${(r.requests.total / r.duration).toFixed(0)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; answers ${codes}; ${res.bytes} bytes each; API CPU ${res.cpuMsPerReq?.toFixed(2) ?? '?'} ms per request`);
      printSummary(res.sum, { top: TOP, byPlace: 8, requests: r.requests.total, indent: '   ' });
    }
  } finally {
    await data?.conn.end();
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`database ${maria.name} kept (BENCH_KEEP_DATABASE=1): drop it when done`);
    else await maria.drop();
  }
  console.log(`\n${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s measured per route, API at LOG_LEVEL=info; ${RESIDENTS} residents, ${POSTS} posts, ${APPLICATIONS} applications (the employer's post: ${data.applicants}):`);
  printTable([
    ['route', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'API CPU ms/req', 'main thread µs/req'],
    ...results.map((x) => [
      x.route.name,
      (x.r.requests.total / x.r.duration).toFixed(0),
      String(x.r.latency.p50),
      String(x.r.latency.p99),
      String(x.r.non2xx + x.r.errors),
      x.cpuMsPerReq?.toFixed(2) ?? '?',
      ((x.sum.busyMs * 1000) / x.r.requests.total).toFixed(0),
    ]),
  ]);
  if (process.env.BENCH_PROFILE_DIR) console.log(`profiles kept in ${dir}/<route>/`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
