// Matching at district scale. In-process (a child `node --expose-gc`, so memory is read after a forced
// GC): the compiled ProfileBuilder and MatchIndex over 100,000 synthetic residents (bench/residents-lib
// residentRecords with the seekers' work profile of bench/matching-lib) and 20,000 open posts
// (bench/posts-lib), with build time and memory; then candidates for ~300 random posts and posts for
// ~300 random people, each through the index and by scoring everyone (the naive baseline) in the same
// run, as p50/p95/p99 and a ratio, with the candidate-set sizes and the index's recall@10 against the
// full scan. Then over HTTP on MariaDB: the same records bulk-inserted into a fresh database (dropped at the end), the
// API restarted so it builds its index from the database (timed, with its log line), and both matching
// routes under autocannon (50 connections) as an admin, with the API as one process and then as two
// (API_PROCESSES, Node cluster; an own redis-server for both), with the memory of each process and how
// many fit a 4 GB and an 8 GB server. Figures only; the goals are p95 ≤ 20 ms (candidates for a post)
// and ≤ 10 ms (posts for a person) in-process, ≥ 500 requests/s over HTTP.
// Env: BENCH_RESIDENTS (default 100000), BENCH_POSTS (default 20000), BENCH_QUERIES (default 300),
// BENCH_SECONDS (autocannon seconds per route, default 15), BENCH_CONNECTIONS (default 50),
// BENCH_PROCESSES (API process counts over HTTP, default "1,2"),
// BENCH_MARIADB_URL, BENCH_SKIP_HTTP=1 (in-process part only).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startRedis } from './crowd-lib.mjs';
import { intEnv, printTable, rng, sleep, tempDir } from './lib.mjs';
import { loadMatching, matchReference, seedReference, seekerFields } from './matching-lib.mjs';
import { insertPosts, postRecords, referenceFromDb } from './posts-lib.mjs';
import { buildApi, createMariadbDatabase, groupMembers, insertResidents, login, percentile, residentRecords, startApi } from './residents-lib.mjs';

const PEOPLE = intEnv('BENCH_RESIDENTS', 100_000, 1);
const POSTS = intEnv('BENCH_POSTS', 20_000, 1);
const QUERIES = intEnv('BENCH_QUERIES', 300, 1);
const SECONDS = intEnv('BENCH_SECONDS', 15, 1);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 50, 1);
const WARMUP_QUERIES = 20;
const TOP = 10;
const GOALS = { candidates: 20, posts: 10 };
/** BENCH_PROCESSES: the API process counts measured over HTTP, side by side (default "1,2"). */
const PROCESS_COUNTS = (process.env.BENCH_PROCESSES || '1,2').split(',').map(Number);
if (PROCESS_COUNTS.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_PROCESSES must be counts like "1,2", got "${process.env.BENCH_PROCESSES}"`);

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
};

// ── in-process ────────────────────────────────────────────────────────────────

function memory() {
  globalThis.gc?.();
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}

/** `n` distinct items of `xs`, drawn with a seeded generator. */
function sample(xs, n, seed) {
  const rand = rng(seed);
  const a = [...xs];
  for (let i = 0; i < Math.min(n, a.length); i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

/** Runs `fn` and returns [its result, milliseconds]. */
function timed(fn) {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/**
 * The naive baseline of one direction: `rank(q, all())` for every query (after a few warm-up runs):
 * its time and its top 10, which the index paths are held against.
 */
function baseline(queries, { all, rank }) {
  for (let i = 0; i < 5; i++) rank(queries[i % queries.length], all());
  return queries.map((q) => {
    const [top, ms] = timed(() => rank(q, all()));
    return { ms, top };
  });
}

/**
 * One direction through an index: `candidates(q)` then `rank(q, them)` for every query after warm-up,
 * with the time spent gathering, the candidate-set size and recall@10 against the baseline's top 10;
 * `why(q, item)` names the kind of each match of the baseline the index missed.
 */
function throughIndex(queries, naive, { candidates, rank, why }) {
  for (let i = 0; i < WARMUP_QUERIES; i++) rank(queries[i % queries.length], candidates(queries[i % queries.length]));
  const missed = new Map();
  const rows = queries.map((q, i) => {
    const t0 = performance.now();
    const pool = candidates(q);
    const t1 = performance.now();
    const top = rank(q, pool);
    const ms = performance.now() - t0;
    const want = naive[i].top;
    const got = new Set(top.map((x) => x.item.id));
    const hits = want.filter((x) => got.has(x.item.id)).length;
    for (const x of want) if (!got.has(x.item.id)) missed.set(why(q, x.item), (missed.get(why(q, x.item)) ?? 0) + 1);
    const sum = (list) => list.reduce((a, x) => a + x.result.score, 0);
    return {
      ms,
      gather: t1 - t0,
      size: pool.length,
      naive: naive[i].ms,
      recall: want.length ? hits / want.length : null,
      exact: top.map((x) => x.item.id).join() === want.map((x) => x.item.id).join(),
      scoreLoss: want.length ? (sum(want) - sum(top)) / want.length : 0,
      top1Lost: want.length > 0 && (top.length === 0 || top[0].result.score < want[0].result.score),
    };
  });
  return summarise(rows, missed);
}

function summarise(rows, missed) {
  const scored = rows.filter((r) => r.recall !== null);
  return {
    idx: stats(rows.map((r) => r.ms)),
    gather: stats(rows.map((r) => r.gather)),
    naive: stats(rows.map((r) => r.naive)),
    sizes: stats(rows.map((r) => r.size)),
    recall: scored.reduce((a, r) => a + r.recall, 0) / Math.max(1, scored.length),
    exact: rows.filter((r) => r.exact).length / rows.length,
    imperfect: scored.filter((r) => r.recall < 1).length,
    top1Lost: rows.filter((r) => r.top1Lost).length,
    scoreLoss: rows.reduce((a, r) => a + r.scoreLoss, 0) / rows.length,
    worstLoss: Math.max(...rows.map((r) => r.scoreLoss)),
    n: rows.length,
    empty: rows.length - scored.length,
    missed: [...missed.entries()].sort((a, b) => b[1] - a[1]),
  };
}

function printComparison(results) {
  printTable([
    ['query', 'path', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean ms'],
    ...results.flatMap((r) => [
      [r.label, 'index', ms(r.idx.p50), ms(r.idx.p95), ms(r.idx.p99), ms(r.idx.max), ms(r.idx.mean)],
      ['', '  of which gathering', ms(r.gather.p50), ms(r.gather.p95), ms(r.gather.p99), ms(r.gather.max), ms(r.gather.mean)],
      ['', `naive (all ${r.population})`, ms(r.naive.p50), ms(r.naive.p95), ms(r.naive.p99), ms(r.naive.max), ms(r.naive.mean)],
      ['', 'naive ÷ index', `×${(r.naive.p50 / r.idx.p50).toFixed(1)}`, `×${(r.naive.p95 / r.idx.p95).toFixed(1)}`, `×${(r.naive.p99 / r.idx.p99).toFixed(1)}`, '', ''],
    ]),
  ], 2);
  for (const r of results) {
    console.log(
      `${r.label}: index p95 ${ms(r.idx.p95)} ms (goal ≤ ${r.goal} ms: ${r.idx.p95 <= r.goal ? 'met' : 'NOT met'}); candidate set p50 ${r.sizes.p50}, p95 ${r.sizes.p95}, max ${r.sizes.max}, mean ${r.sizes.mean.toFixed(0)} of ${r.population}`,
    );
    console.log(`  ${recallLine(r)}`);
    if (r.missed.length) console.log(`  the scan's top-${TOP} matches the index missed, by kind: ${r.missed.map(([k, n]) => `${k} ${n}`).join(' · ')}`);
  }
}

const recallLine = (r) =>
  `recall@${TOP} against the full scan ${(r.recall * 100).toFixed(1)} %; identical top ${TOP} in ${(r.exact * 100).toFixed(1)} % of ${r.n} queries; ` +
  `${r.imperfect} queries miss at least one of the scan's top ${TOP}, ${r.top1Lost} miss the best score; mean score lost per rank ${r.scoreLoss.toFixed(4)} (worst query ${r.worstLoss.toFixed(3)})` +
  (r.empty ? `; ${r.empty} queries have no match at all (by either path)` : '');

/** The largest posting lists of an index (private fields of the compiled class, read for diagnosis; a list split by 镇街 counts whole). */
function hotKeys(index, field, n = 8) {
  const lists = index[field];
  if (!(lists instanceof Map)) return `(no ${field} in this MatchIndex)`;
  const size = (v) => (v instanceof Map ? [...v.values()].reduce((a, x) => a + size(x), 0) : (v?.size ?? v?.length ?? 0));
  return [...lists.entries()].map(([k, v]) => [k, size(v)]).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, c]) => `${k} ${c}`).join(' · ');
}

/** The name of an occupation fit value in weights.ts OCCUPATION_FIT (sameLeaf, sameGroup …), or none. */
const occupationKind = (fits, v) => (v === 0 ? 'none' : (Object.entries(fits).find(([, x]) => x === v)?.[0] ?? String(v)));

async function inProcess() {
  if (typeof globalThis.gc !== 'function') console.warn('(no --expose-gc: memory figures are without a forced GC)');
  const m = loadMatching();
  const ref = seedReference(m);
  const { vocabulary, context } = matchReference(m);
  const builder = new m.ProfileBuilder(new m.ChineseText(), vocabulary);
  const { rankPeople, rankPosts, distance, occupationFit } = m.engine;
  const now = Date.now();
  const base = memory();

  let t0 = performance.now();
  const nextResident = residentRecords({ villageCodes: ref.villages.map((v) => v.code), fields: seekerFields(ref), now });
  let residents = Array.from({ length: PEOPLE }, (_, i) => nextResident(i));
  const { next: nextPost } = postRecords({ ...ref, now });
  let posts = Array.from({ length: POSTS }, (_, i) => nextPost(i));
  const generateS = (performance.now() - t0) / 1000;

  // As MatchIndexService.build: open posts, and the residents with status 'seeking' as read from the database.
  t0 = performance.now();
  let seeking = residents.filter((r) => r.status === 'seeking');
  let personProfiles = seeking.map((r) => builder.resident(r));
  let postProfiles = posts.map((p) => builder.post(p));
  const profilesMs = performance.now() - t0;
  const seekingCount = seeking.length;
  residents = posts = seeking = null;
  const afterProfiles = memory();

  const build = (Index, opts) => {
    const [index, ms] = timed(() => {
      const idx = new Index(vocabulary, opts);
      for (const p of postProfiles) idx.upsertPost(p);
      for (const r of personProfiles) idx.upsertPerson(r);
      return idx;
    });
    return { index, ms };
  };
  const { index, ms: indexMs } = build(m.MatchIndex);
  const afterIndex = memory();

  console.log(`in-process (node ${process.version}, ${typeof globalThis.gc === 'function' ? 'memory after a forced GC' : 'no forced GC'}), load average ${load()}:`);
  console.log(`  ${PEOPLE} residents generated (${seekingCount} looking for work) and ${POSTS} posts in ${generateS.toFixed(1)} s (not part of the build)`);
  console.log(`  build: profiles (jieba + vocabulary) ${(profilesMs / 1000).toFixed(2)} s + index postings ${(indexMs / 1000).toFixed(2)} s = ${((profilesMs + indexMs) / 1000).toFixed(2)} s for ${index.peopleCount} people and ${index.postCount} open posts`);
  printTable([
    ['memory', 'heapUsed', 'RSS'],
    ['before (modules + jieba dictionary)', mb(base.heap), mb(base.rss)],
    ['profiles (source records dropped)', mb(afterProfiles.heap), mb(afterProfiles.rss)],
    ['profiles + index', mb(afterIndex.heap), mb(afterIndex.rss)],
    ['index cost (after − before)', mb(afterIndex.heap - base.heap), mb(afterIndex.rss - base.rss)],
    ['  of which posting lists', mb(afterIndex.heap - afterProfiles.heap), mb(afterIndex.rss - afterProfiles.rss)],
  ]);
  console.log(`  ≈ ${((afterIndex.heap - base.heap) / (index.peopleCount + index.postCount)).toFixed(0)} bytes of heap per indexed record`);
  console.log(`  largest people lists: ${hotKeys(index, 'peopleByKey')}`);
  console.log(`  largest post lists:   ${hotKeys(index, 'postsByKey')}`);

  const ctx = context(now);
  const kind = (r, p) => `${occupationKind(m.weights.OCCUPATION_FIT, occupationFit(r, p, ctx).value)}/${distance(r, p).how}`;
  const postSample = sample(postProfiles, QUERIES, 7);
  const personSample = sample(personProfiles, QUERIES, 11);
  const directions = [
    {
      label: 'candidates for a post',
      goal: GOALS.candidates,
      population: index.peopleCount,
      queries: postSample,
      all: () => index.allPeople(),
      candidates: (idx) => (p) => idx.peopleCandidates(p),
      rank: (p, pool) => rankPeople(p, pool, ctx, TOP),
      why: (p, r) => kind(r, p),
    },
    {
      label: 'posts for a person',
      goal: GOALS.posts,
      population: index.postCount,
      queries: personSample,
      all: () => index.allPosts(),
      candidates: (idx) => (r) => idx.postCandidates(r),
      rank: (r, pool) => rankPosts(r, pool, ctx, TOP),
      why: kind,
    },
  ];
  console.log(`\n${QUERIES} random posts and ${QUERIES} random people, top ${TOP}; the naive scan first for every query, then the index (after ${WARMUP_QUERIES} warm-up queries); load average ${load()}:`);
  for (const d of directions) d.naive = baseline(d.queries, d);
  const results = directions.map((d) => ({ label: d.label, goal: d.goal, population: d.population, ...throughIndex(d.queries, d.naive, { ...d, candidates: d.candidates(index) }) }));
  printComparison(results);
  console.log(`  (kinds: the missed match's occupation fit, as named in weights.ts OCCUPATION_FIT / how its distance was judged); load average ${load()}`);
}

// ── HTTP on MariaDB ──────────────────────────────────────────────────────────

async function timedStart(url, label, env) {
  const t0 = performance.now();
  const api = await startApi(url, label, env);
  return { api, seconds: (performance.now() - t0) / 1000 };
}

/** Waits until the API's log has a line with `text` (a cluster's "with N processes"). */
async function waitForLog(logFile, text, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (!readFileSync(logFile, 'utf8').includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in the API log after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

/** The "Matching index: …" line of an API log (pino JSON lines at LOG_LEVEL=info). */
function indexLine(logFile) {
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('Matching index')) continue;
    try {
      return JSON.parse(line).msg;
    } catch {
      return line;
    }
  }
  return '(no "Matching index" line in the log)';
}

/** autocannon on rotating paths; p95 from every 2xx response time (autocannon's own table stops at p90, p97.5, p99). */
async function hammer(port, token, pathFor, seconds) {
  let n = 0;
  const times = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    // A slow route under 50 clients queues for seconds: wait for it rather than drop it at autocannon's 10 s.
    timeout: 60,
    headers: { authorization: `Bearer ${token}` },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathFor(n++) }) }],
  });
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (status >= 200 && status < 300) times.push(responseTime);
  });
  const r = await instance;
  return { r, own: stats(times), count: times.length };
}

async function overHttp() {
  const maria = await createMariadbDatabase('zaogong_bench_match');
  if (!maria) {
    console.log('MariaDB is not available: the HTTP part is skipped');
    return;
  }
  let api;
  let conn;
  let redis;
  const memoryPerProcess = new Map();
  try {
    const first = await timedStart(maria.url, 'migrate');
    api = first.api;
    conn = await maria.connect();
    const ref = await referenceFromDb(conn);
    console.log(`\nHTTP on MariaDB ${maria.version}: migrated in ${first.seconds.toFixed(1)} s; inserting ${PEOPLE} residents and ${POSTS} published posts (the same generators as above)…`);
    const residentSeconds = await insertResidents(conn, { count: PEOPLE, fields: seekerFields(ref) });
    const posts = await insertPosts(conn, { count: POSTS, now: Date.now() });
    console.log(`  residents in ${residentSeconds.toFixed(1)} s, posts in ${posts.seconds.toFixed(1)} s`);
    await api.proc.stop();
    api = null;

    // The first start after the inserts also builds the keyword index of the posts (post_search_terms).
    const info = { LOG_LEVEL: 'info' };
    const cold = await timedStart(maria.url, 'index-keywords', info);
    const coldLine = indexLine(cold.api.logFile);
    await cold.api.proc.stop();
    console.log(`  start after the inserts (keyword index of the posts + matching index): ${cold.seconds.toFixed(1)} s from spawn to /health/ready; log: ${coldLine}`);

    redis = await startRedis(tempDir('zg-bench-redis-'));
    const [postRows] = await conn.query("SELECT id FROM job_postings WHERE status = 'published'");
    const [personRows] = await conn.query("SELECT id FROM residents WHERE status = 'seeking'");
    const postIds = sample(postRows.map((r) => r.id), 5000, 3);
    const personIds = sample(personRows.map((r) => r.id), 5000, 5);
    const routes = [
      { name: 'GET /matching/posts/:id/candidates?limit=10', path: (i) => `/api/v1/matching/posts/${postIds[i % postIds.length]}/candidates?limit=10` },
      { name: 'GET /matching/residents/:id/posts?limit=10', path: (i) => `/api/v1/matching/residents/${personIds[i % personIds.length]}/posts?limit=10` },
    ];
    const rows = [];
    const rates = new Map();
    // The same routes with the API as one process, then as API_PROCESSES (Node cluster), on the same
    // database and an own Redis (both runs use it, so the only difference is the process count).
    for (const processes of PROCESS_COUNTS) {
      const env = { ...info, REDIS_URL: redis.url, QUEUE_PREFIX: `zgbench${processes}`, ...(processes > 1 ? { API_PROCESSES: String(processes) } : {}) };
      const warm = await timedStart(maria.url, `warm-${processes}`, env);
      api = warm.api;
      if (processes > 1) await waitForLog(api.logFile, `with ${processes} processes`);
      const token = await login(api.base, { role: 'admin', name: '区人社局' });
      for (const route of routes) {
        let items = 0;
        for (let i = 0; i < 20; i++) {
          const res = await fetch(`http://127.0.0.1:${api.port}${route.path(i)}`, { headers: { authorization: `Bearer ${token}` } });
          const body = await res.json();
          if (res.status !== 200) throw new Error(`${route.path(i)} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
          items += body.items.length;
        }
        route.items = items / 20;
      }
      // The group holds the start script, a cluster's primary (neither loads the application) and the
      // API processes: the largest `processes` of them.
      const servers = () => groupMembers(api.proc.pid).sort((a, b) => b.rssMb - a.rssMb);
      const atStart = servers();
      console.log(`  ${processes} process${processes > 1 ? 'es' : ''}: ready in ${warm.seconds.toFixed(1)} s (matching index only); log: ${indexLine(api.logFile)}; RSS per API process ${atStart.slice(0, processes).map((m) => `${m.rssMb.toFixed(0)} MB`).join(', ')} (+ start script${processes > 1 ? ' and cluster primary' : ''} ${atStart.slice(processes).map((m) => `${m.rssMb.toFixed(0)} MB`).join(', ')})`);
      for (const route of routes) {
        await hammer(api.port, token, route.path, 3); // warm-up, discarded
        const before = load();
        const { r, own, count } = await hammer(api.port, token, route.path, SECONDS);
        const bad = r.non2xx + r.errors + r.timeouts;
        const rate = r.requests.total / r.duration;
        rates.set(`${route.name}|${processes}`, rate);
        console.log(`  ${route.name} × ${processes}: ${r.requests.total} requests in ${r.duration.toFixed(1)} s; load average before ${before}, after ${load()}${bad ? `; ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : ''}`);
        const ratio = processes === PROCESS_COUNTS[0] ? '1.00' : (rate / rates.get(`${route.name}|${PROCESS_COUNTS[0]}`)).toFixed(2);
        rows.push([route.name, String(processes), rate.toFixed(1), ratio, own.p50.toFixed(0), own.p95.toFixed(0), String(r.latency.p99), String(r.latency.max), route.items.toFixed(1), String(count)]);
      }
      const after = servers().slice(0, processes);
      console.log(`  RSS per API process after the load: ${after.map((m) => `${m.rssMb.toFixed(0)} MB (peak ${m.peakMb.toFixed(0)})`).join(', ')}`);
      memoryPerProcess.set(processes, Math.max(...after.map((m) => m.peakMb)));
      await api.proc.stop();
      api = null;
    }
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per route after a 3 s warm-up, admin token, ids rotated over ${postIds.length} posts / ${personIds.length} people; API at LOG_LEVEL=info (one log line per request, as deployed); req/s ratio to ${PROCESS_COUNTS[0]} process in the same run; latency in ms (goal: ≥ 500 req/s):`);
    printTable([['route', 'processes', 'req/s', 'ratio', 'p50', 'p95', 'p99', 'max', 'items', '2xx'], ...rows]);
    console.log("  p50 and p95 from every 2xx response time (autocannon reports no p95); p99 and max are autocannon's (1 ms resolution)");
    const perProcess = Math.max(...memoryPerProcess.values());
    // What else a one-box server holds: MariaDB (buffer pool 1 GB on 4 GB, 2 GB on 8 GB), Redis, nginx, the OS.
    for (const [gb, others] of [[4, 1.6], [8, 2.8]]) {
      const fit = Math.floor(((gb - others) * 1024) / perProcess);
      console.log(`  ${gb} GB server: ${((gb - others) * 1024).toFixed(0)} MB left after MariaDB, Redis, nginx and the OS (~${others} GB) → ${fit} API processes of ${perProcess.toFixed(0)} MB peak at ${PEOPLE} residents (run as many as cores, at most that)`);
    }
  } catch (e) {
    if (api) console.error(`--- API log tail ---\n${api.log()}`);
    throw e;
  } finally {
    await conn?.end();
    await api?.proc.stop();
    await redis?.proc.stop();
    await maria.drop();
  }
}

async function main() {
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}; load average ${load()} (other work on the machine slows every figure)`);
  console.log('building the API (incremental)…');
  buildApi();
  // Memory is read after a forced GC, which needs --expose-gc: the in-process part runs in a child.
  const code = await new Promise((res) => {
    const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--in-process'], { stdio: 'inherit' });
    child.on('exit', (c, signal) => res(c ?? (signal ? 1 : 0)));
    child.on('error', () => res(1));
  });
  if (code !== 0) throw new Error(`the in-process part failed (exit ${code})`);
  if (process.env.BENCH_SKIP_HTTP === '1') return;
  await overHttp();
}

(process.argv.includes('--in-process') ? inProcess() : main()).catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
