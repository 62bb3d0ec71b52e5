// Notifications on MariaDB + Redis (issue 7). A counting stand-in for WeChat's server API runs on
// loopback in its own process (its rate alone, from 8 clients in this process, is the baseline); the
// API's Nest context in this process migrates a fresh database (dropped at the end).
// 1. Queue throughput: 5,000 pending WeChat deliveries (users with an openid and a subscription, the
//    notification and its delivery row, never queued) inserted with SQL, then 1 and then 2 worker
//    processes (scripts/start-api.mjs --worker) started on them: their sweeper queues the rows and they
//    send. Timed from spawn to the stand-in's last receipt; messages/s over the send window and the
//    2-worker ratio; CPU per 1,000 messages by process. Then the same with the stand-in answering after
//    50 ms, as WeChat does from afar (1,000 messages): there the queue's concurrency sets the pace.
// 2. The daily digest's fan-out: 10,000 seekers in one 镇街 with accounts, openids and a job_digest
//    subscription, whose profile fits one post published now; JobDigestService.run() in this process
//    (the matching index built beforehand, timed apart, and the ranking alone timed too), with 1 and
//    then 2 workers sending: time to run() done, to no row pending unqueued, to the 10,000th receipt.
//    In the quiet hours (21:00–08:00 China time) digest messages wait for the morning: then the sending
//    is not measured.
// After each run the exactly-once checks: each touser received once, no row left pending or sending,
// no subscription used twice, no failed job. Figures only, no timing asserted; the machine's load from
// other work shows in the "other" CPU column.
// Env: BENCH_QUEUE_MESSAGES (default 5000), BENCH_DIGEST_SEEKERS (default 10000), BENCH_WECHAT_LATENCY_MS
// (the slow stand-in's delay, default 50), BENCH_LATENCY_MESSAGES (default 1000), BENCH_PARTS (default
// "queue,latency,digest"), BENCH_MARIADB_URL, BENCH_REDIS_URL, BENCH_KEEP_DATABASE=1 (keep the database).
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { groupCpuSeconds, printTable, sleep, tail, tempDir } from './lib.mjs';
import {
  apiEnv,
  connectRedis,
  deliveryCounts,
  dropRedisPrefix,
  insertPendingDeliveries,
  insertSeekers,
  insertWechatUsers,
  logWarnings,
  machineBusySeconds,
  openApiContext,
  queueLeftovers,
  serverCpuSeconds,
  standInBaseline,
  startStandIn,
  startWorkers,
  wallMs,
  workersStarted,
} from './notifications-lib.mjs';
import { insertPosts } from './posts-lib.mjs';
import { buildApi, createMariadbDatabase } from './residents-lib.mjs';

const intEnv = (name, fallback, min = 1) => {
  const n = Number(process.env[name] || fallback);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${process.env[name]}"`);
  return n;
};
const MESSAGES = intEnv('BENCH_QUEUE_MESSAGES', 5000);
const SEEKERS = intEnv('BENCH_DIGEST_SEEKERS', 10_000);
const LATENCY_MS = intEnv('BENCH_WECHAT_LATENCY_MS', 50, 0);
const LATENCY_MESSAGES = Math.min(MESSAGES, intEnv('BENCH_LATENCY_MESSAGES', 1000));
const PARTS = (process.env.BENCH_PARTS || 'queue,latency,digest').split(',').map((p) => p.trim());
const WORKER_COUNTS = [1, 2];
const QUEUE_CONCURRENCY = 8; // QUEUE_SETTINGS.notifications.concurrency in apps/api/src/queue/queue.constants.ts
const TOWN = '370406001'; // 山城街道
const POST_OCCUPATION = '6-10-01'; // 普工
const QUEUE_TEMPLATE = 'dev-template-application-update';
const DIGEST_TEMPLATE = 'dev-template-job-digest';
const SEND_TIMEOUT_MS = 180_000;
/** Workers keep running this long after the last receipt, so a late duplicate would be counted. */
const SETTLE_MS = 2000;

const s = (ms) => (ms / 1000).toFixed(2);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/** Polls `probe` until it returns a truthy value; rejects after `timeoutMs` or when a worker exits. */
async function until(what, probe, { timeoutMs = SEND_TIMEOUT_MS, everyMs = 50, workers = [] } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    const dead = workers.find((w) => w.proc.exitInfo);
    if (dead) throw new Error(`a worker exited while waiting for ${what}\n${tail(dead.logFile)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${workers.map((w, i) => `\nworker ${i + 1} warnings:\n${logWarnings(w.logFile).slice(-10).join('\n')}`).join('')}`);
    await sleep(everyMs);
  }
}

/** CPU seconds so far of the workers, the stand-in, MariaDB, Redis, this process and the whole machine. */
function cpuNow(workers, standIn) {
  const servers = serverCpuSeconds();
  const own = process.cpuUsage();
  return {
    workers: workers.reduce((a, w) => a + (groupCpuSeconds(w.proc.pid) ?? NaN), 0),
    standIn: groupCpuSeconds(standIn.proc.pid) ?? NaN,
    mariadb: servers.mariadb ?? NaN,
    redis: servers.redis ?? NaN,
    bench: (own.user + own.system) / 1e6,
    machine: machineBusySeconds() ?? NaN,
  };
}
const cpuSince = (before, after) => Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));

/** Stand-in and database agree that each expected touser got exactly one message and nothing is left. */
async function exactlyOnce({ standIn, conn, redis, prefix, expected, templateId }) {
  const received = await standIn.received();
  const duplicates = Object.values(received).reduce((a, n) => a + (n > 1 ? n - 1 : 0), 0);
  const missing = expected.filter((o) => !received[o]).length;
  const expectedSet = new Set(expected);
  const unexpected = Object.keys(received).filter((o) => !expectedSet.has(o)).length;
  const rows = await deliveryCounts(conn);
  const [[quota]] = await conn.query(
    'SELECT SUM(s.remaining) AS leftover, SUM(s.remaining < 0) AS negative FROM wechat_subscriptions s JOIN users u ON u.id = s.user_id WHERE s.template_id = ? AND u.wechat_openid IN (?)',
    [templateId, expected],
  );
  const [[taken]] = await conn.query('SELECT SUM(quota_taken) AS n FROM notification_deliveries');
  const jobs = await queueLeftovers(redis, prefix);
  const stats = await standIn.stats();
  const sent = rows.by.sent ?? 0;
  const ok =
    duplicates === 0 && missing === 0 && unexpected === 0 && stats.rejected === 0 && sent === expected.length && rows.total === expected.length &&
    Number(quota.leftover) === 0 && Number(quota.negative) === 0 && Number(taken.n) === expected.length && jobs.failed === 0;
  const statuses = ['sent', 'pending', 'sending', 'skipped', 'failed'].map((k) => `${k} ${rows.by[k] ?? 0}`).join(', ');
  return (
    `stand-in ${stats.sends} sends to ${stats.distinct} tousers (${duplicates} duplicate, ${missing} missing, ${unexpected} unexpected, ${stats.rejected} rejected); ` +
    `rows: ${statuses} (${rows.unqueued} with queued_at NULL); ${rows.retried} sent on a retry; subscriptions left ${quota.leftover} (${quota.negative} below 0), ` +
    `quota taken ${taken.n}; queue: ${jobs.failed} failed, ${jobs.waiting} waiting, ${jobs.active} active, ${jobs.delayed} delayed → ${ok ? 'ok' : 'NOT ok'}`
  );
}

async function resetNotifications(conn, templateId) {
  await conn.query('DELETE FROM notification_deliveries');
  await conn.query('DELETE FROM notifications');
  await conn.query('UPDATE wechat_subscriptions SET remaining = 1 WHERE template_id = ?', [templateId]);
}

const stopAll = (workers) => Promise.all(workers.map((w) => w.proc.stop()));
const plural = (n) => `${n} worker${n > 1 ? 's' : ' '}`;

// ── 1. queue throughput ───────────────────────────────────────────────────────

/** `count` pending deliveries, then N workers started on them, for N = 1 and 2; the stand-in answers after `latencyMs`. */
async function queueThroughput({ conn, redis, standIn, env, prefixes, userIds, latencyMs, label }) {
  const expected = userIds.map((_, i) => `bench-q-${i}`);
  const rows = [];
  for (const n of WORKER_COUNTS) {
    await resetNotifications(conn, QUEUE_TEMPLATE);
    await insertPendingDeliveries(conn, { userIds, templateId: QUEUE_TEMPLATE, run: `${label}${n}` });
    await standIn.reset(latencyMs);
    const prefix = `${env.QUEUE_PREFIX}-${label}${n}`;
    prefixes.push(prefix);
    const loadBefore = load();
    const cpu0 = cpuNow([], standIn);
    const workers = startWorkers(n, { ...env, QUEUE_PREFIX: prefix });
    try {
      const spawned = Math.min(...workers.map((w) => w.spawnedAt));
      const started = await workersStarted(workers);
      const stats = await until(`${userIds.length} sends with ${n} worker(s)`, async () => {
        const st = await standIn.stats();
        return st.sends >= userIds.length && st;
      }, { workers });
      const cpu = cpuSince(cpu0, cpuNow(workers, standIn));
      const wall = wallMs() - spawned;
      await until('every row sent', async () => ((await deliveryCounts(conn)).by.sent ?? 0) >= userIds.length, { workers, timeoutMs: 20_000 });
      await sleep(SETTLE_MS);
      const check = await exactlyOnce({ standIn, conn, redis, prefix, expected, templateId: QUEUE_TEMPLATE });
      const window = stats.last - stats.first;
      rows.push({
        n,
        messages: userIds.length,
        boot: Math.max(...started) - spawned,
        firstSend: stats.first - spawned,
        window,
        total: stats.last - spawned,
        perSecond: userIds.length / (window / 1000),
        cpu,
        wall,
        tokens: stats.tokens,
        loadBefore,
        check,
        warnings: workers.flatMap((w) => logWarnings(w.logFile)),
      });
    } finally {
      await stopAll(workers);
    }
  }
  return rows;
}

function printQueueRows(rows) {
  printTable([
    ['workers', 'boot s', 'spawn→1st send s', 'send window s', 'spawn→all sent s', 'messages/s', 'vs 1 worker', 'token fetches', 'load before'],
    ...rows.map((r) => [String(r.n), s(r.boot), s(r.firstSend), s(r.window), s(r.total), r.perSecond.toFixed(0), `${(r.perSecond / rows[0].perSecond).toFixed(2)}×`, String(r.tokens), r.loadBefore]),
  ]);
}

// ── 2. the digest's fan-out ───────────────────────────────────────────────────

/** What a seeker who fits the post well asked for: 普工 in their own 镇街, full time, pay it meets. */
function seekerFields(rand) {
  const skill = ['普工', '流水线', '操作工', '进厂', '车间工人'];
  return {
    education: ['primary', 'junior_high', 'junior_high', 'senior_high', 'vocational', null][Math.floor(rand() * 6)],
    skills: [skill[Math.floor(rand() * skill.length)], ...(rand() < 0.3 ? ['能吃苦'] : [])],
    desiredOccupations: [POST_OCCUPATION],
    desiredTownCodes: [],
    maxCommuteKm: rand() < 0.5 ? null : 10 + Math.floor(rand() * 3) * 5,
    expectedWageMin: 3000 + Math.floor(rand() * 13) * 100,
    wageUnit: 'month',
    availability: ['full_time'],
    status: 'seeking',
  };
}

async function seedDigest(conn) {
  const t0 = performance.now();
  const userIds = await insertWechatUsers(conn, { count: SEEKERS, openidPrefix: 'bench-d', templateId: DIGEST_TEMPLATE });
  const [villages] = await conn.query("SELECT code FROM regions WHERE level = 'village' AND parent_code = ? ORDER BY code", [TOWN]);
  await insertSeekers(conn, { userIds, villageCodes: villages.map((v) => v.code), fields: seekerFields });
  // One post from bench/posts-lib, made a full-time 普工 post in the seekers' 镇街, published a minute ago.
  await insertPosts(conn, { count: 1, now: Date.now() });
  const published = new Date(Date.now() - 60_000);
  await conn.query(
    `UPDATE job_postings SET title = '普工（长白班）', occupation_code = ?, description = '因订单增加，现招普工20名，流水线操作，新手可带，月薪4500-5500元，管午饭，长白班，周日休息。',
       skills = ?, wage_min = 4500, wage_max = 5500, wage_unit = 'month', monthly_wage_min = 4500, type = 'full_time', headcount = 20, town_code = ?, village_code = NULL,
       lat = NULL, lng = NULL, start_date = NULL, end_date = NULL, status = 'published', published_at = ?, refreshed_at = ?, expires_at = ?, updated_at = ?`,
    [POST_OCCUPATION, JSON.stringify(['流水线', '操作工']), TOWN, published, published, new Date(published.getTime() + 30 * 86_400_000), published],
  );
  const [[post]] = await conn.query('SELECT id FROM job_postings');
  return { expected: userIds.map((_, i) => `bench-d-${i}`), seconds: (performance.now() - t0) / 1000, villages: villages.length, postId: post.id };
}

/** The ranking run() does for the post, alone: candidates from the index and rankPeople, p50 of 5. */
async function rankingAlone(ctx, postId) {
  const index = await ctx.matchIndex.ready();
  const mctx = await ctx.matchIndex.context();
  const profile = index.post(postId);
  const times = [];
  let fits = 0;
  let candidates = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const people = index.peopleCandidates(profile);
    const ranked = ctx.rankPeople(profile, people, mctx, 20_000);
    times.push(performance.now() - t0);
    candidates = people.length;
    fits = ranked.filter((r) => r.result.score >= ctx.digestMinScore).length;
  }
  times.sort((a, b) => a - b);
  return { ms: times[2], candidates, fits };
}

async function digestFanOut({ conn, redis, standIn, env, ctx, expected, prefixes }) {
  prefixes.push(env.QUEUE_PREFIX);
  const quiet = ctx.quietUntil(new Date());
  const rows = [];
  for (const n of WORKER_COUNTS) {
    if (quiet && n > 1) break;
    await resetNotifications(conn, DIGEST_TEMPLATE);
    await standIn.reset(0);
    const contextWarnings = logWarnings(ctx.logFile).length;
    const loadBefore = load();
    const workers = startWorkers(n, env);
    try {
      await workersStarted(workers);
      const cpu0 = cpuNow(workers, standIn);
      const t0 = wallMs();
      const result = await ctx.digest.run();
      const tRun = wallMs();
      // Queued: no row still pending that was never handed to the queue. (A row a worker took before the
      // sweep marked it keeps queued_at NULL, so "no queued_at NULL at all" is not the test.)
      await until('every digest delivery queued', async () => {
        const [[{ unqueued, total }]] = await conn.query("SELECT SUM(status = 'pending' AND queued_at IS NULL) AS unqueued, COUNT(*) AS total FROM notification_deliveries");
        return Number(total) >= result.deliveries && Number(unqueued) === 0;
      }, { workers, everyMs: 25 });
      const row = { n, result, run: tRun - t0, queued: wallMs() - t0, loadBefore, sent: null, perSecond: null, firstSend: null, cpu: null, wall: null, check: null };
      if (!quiet) {
        const stats = await until(`${result.deliveries} digest sends`, async () => {
          const st = await standIn.stats();
          return st.sends >= result.deliveries && st;
        }, { workers });
        row.cpu = cpuSince(cpu0, cpuNow(workers, standIn));
        row.wall = wallMs() - t0;
        row.sent = stats.last - t0;
        row.firstSend = stats.first - t0;
        row.perSecond = result.deliveries / ((stats.last - stats.first) / 1000);
        await until('every digest row sent', async () => ((await deliveryCounts(conn)).by.sent ?? 0) >= result.deliveries, { workers, timeoutMs: 20_000 });
        await sleep(SETTLE_MS);
        row.check = await exactlyOnce({ standIn, conn, redis, prefix: env.QUEUE_PREFIX, expected, templateId: DIGEST_TEMPLATE });
      }
      row.warnings = [...logWarnings(ctx.logFile).slice(contextWarnings).map((w) => `(bench's API context) ${w}`), ...workers.flatMap((w) => logWarnings(w.logFile))];
      rows.push(row);
    } finally {
      await stopAll(workers);
    }
  }
  return { rows, quiet };
}

// ── printing ──────────────────────────────────────────────────────────────────

const per1000 = (cpuSeconds, messages) => ((cpuSeconds / messages) * 1000).toFixed(2);

/**
 * CPU seconds per 1,000 messages by process; "other" is the rest of the machine's busy time (the
 * kernel's loopback networking, anything else running meanwhile); cores busy on average.
 */
function printCpu(rows) {
  printTable([
    ['workers', 'worker processes', 'MariaDB', 'Redis', 'stand-in', 'bench process', 'other', 'cores busy'],
    ...rows
      .filter((r) => r.cpu)
      .map((r) => {
        const m = r.messages ?? r.result.deliveries;
        const { machine, ...own } = r.cpu;
        const other = machine - Object.values(own).reduce((a, b) => a + b, 0);
        return [String(r.n), per1000(r.cpu.workers, m), per1000(r.cpu.mariadb, m), per1000(r.cpu.redis, m), per1000(r.cpu.standIn, m), per1000(r.cpu.bench, m), per1000(other, m), `${(machine / (r.wall / 1000)).toFixed(2)} of ${availableParallelism()}`];
      }),
  ]);
}

function printChecks(rows) {
  if (!rows.some((r) => r.check)) return;
  console.log('exactly-once:');
  for (const r of rows) if (r.check) console.log(`  ${plural(r.n)}: ${r.check}`);
}

/** Warnings the API's processes logged, counted by message (ids and numbers folded). */
function printWarnings(rows) {
  const counts = new Map();
  for (const r of rows)
    for (const w of r.warnings) {
      const key = w.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/\d+/g, 'N');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  if (counts.size === 0) return console.log('warnings logged by the API processes: none');
  console.log('warnings logged by the API processes:');
  for (const [w, n] of counts) console.log(`  ${n}× ${w}`);
}

// ── main ──────────────────────────────────────────────────────────────────────

async function main() {
  console.log('building the API (incremental)…');
  buildApi();
  const redis = await connectRedis();
  if (!redis) return;
  const maria = await createMariadbDatabase('zg_bench_notify');
  if (!maria) {
    await redis.quit();
    console.log('MariaDB is not available: nothing measured');
    return;
  }
  const prefixBase = `zgbench-notify-${process.pid}`;
  const prefixes = [];
  const dir = tempDir('zg-bench-notify-');
  const contextLog = join(dir, 'api-context.log');
  const checks = [];
  let standIn;
  let ctx;
  let conn;
  try {
    standIn = await startStandIn();
    const baseline = await standInBaseline(standIn, { count: 3000, concurrency: QUEUE_CONCURRENCY });
    const env = (prefix) => apiEnv({ databaseUrl: maria.url, queuePrefix: prefix, wechatBase: standIn.base, dataDir: join(dir, 'data') });
    const digestEnv = env(`${prefixBase}-digest`);
    const t0 = performance.now();
    ctx = await openApiContext(digestEnv, contextLog);
    ctx.logFile = contextLog;
    conn = await maria.connect();
    console.log(`MariaDB ${maria.version}, Redis ${(await redis.info('server')).match(/redis_version:(\S+)/)?.[1] ?? '?'}; database migrated and seeded by the API context in ${s(performance.now() - t0)} s`);
    console.log(`${availableParallelism()} cores, load average ${load()}; WeChat stand-in alone: ${baseline.toFixed(0)} sends/s from ${QUEUE_CONCURRENCY} concurrent clients in the bench process`);

    const wantQueue = PARTS.includes('queue');
    const wantLatency = PARTS.includes('latency');
    const userIds = wantQueue || wantLatency ? await insertWechatUsers(conn, { count: MESSAGES, openidPrefix: 'bench-q', templateId: QUEUE_TEMPLATE }) : [];
    let fast = [];
    if (wantQueue) {
      console.log(`\n1. queue throughput: ${MESSAGES} pending WeChat deliveries (never queued), N worker processes started on them; the stand-in answers at once`);
      fast = await queueThroughput({ conn, redis, standIn, env: env(prefixBase), prefixes, userIds, latencyMs: 0, label: 'q' });
      printQueueRows(fast);
      console.log(`messages/s = messages / (last receipt − first receipt); queue concurrency ${QUEUE_CONCURRENCY} per worker`);
      console.log('CPU seconds per 1,000 messages, spawn → last receipt (worker boot included):');
      printCpu(fast);
      printChecks(fast);
      printWarnings(fast);
      checks.push(...fast.map((r) => r.check));
    }
    if (wantLatency) {
      const slow = await queueThroughput({ conn, redis, standIn, env: env(prefixBase), prefixes, userIds: userIds.slice(0, LATENCY_MESSAGES), latencyMs: LATENCY_MS, label: 'l' });
      console.log(`\n1b. the same with the stand-in answering after ${LATENCY_MS} ms: ${LATENCY_MESSAGES} messages (at most ${QUEUE_CONCURRENCY} in flight per worker, so ≤ ${((QUEUE_CONCURRENCY * 1000) / Math.max(1, LATENCY_MS)).toFixed(0)}/s per worker)`);
      printQueueRows(slow);
      printChecks(slow);
      printWarnings(slow);
      checks.push(...slow.map((r) => r.check));
    }

    if (PARTS.includes('digest')) {
      console.log(`\n2. digest fan-out: ${SEEKERS} seekers with accounts, openid and a job_digest subscription in one 镇街, one new 普工 post there`);
      const seeded = await seedDigest(conn);
      const tIndex = performance.now();
      await ctx.matchIndex.ready();
      const build = ctx.matchIndex.lastBuild;
      const indexMs = performance.now() - tIndex;
      const ranking = await rankingAlone(ctx, seeded.postId);
      console.log(`  seeded in ${seeded.seconds.toFixed(1)} s over ${seeded.villages} 村居; matching index (built before timing the digest) ${s(indexMs)} s: ${build.posts} open post(s), ${build.people} people`);
      console.log(`  the ranking alone (candidates + rankPeople, p50 of 5): ${ranking.ms.toFixed(0)} ms for ${ranking.candidates} candidates, ${ranking.fits} at score ≥ ${ctx.digestMinScore}`);
      const d = await digestFanOut({ conn, redis, standIn, env: digestEnv, ctx, expected: seeded.expected, prefixes });
      if (d.quiet) console.log(`  quiet hours now (21:00–08:00 China time): digest messages are held until ${d.quiet.toISOString()}, so sending is not measured in this run`);
      printTable([
        ['workers', 'people told', 'messages', 'run() s', 'none unqueued s', '1st send s', 'all sent s', 'messages/s', 'vs queue bench', 'load before'],
        ...d.rows.map((r) => {
          const base = fast.find((x) => x.n === r.n);
          return [
            String(r.n), String(r.result.people), String(r.result.deliveries), s(r.run), s(r.queued), r.firstSend == null ? '—' : s(r.firstSend), r.sent == null ? '—' : s(r.sent),
            r.perSecond == null ? '—' : r.perSecond.toFixed(0), r.perSecond == null || !base ? '—' : `${(r.perSecond / base.perSecond).toFixed(2)}×`, r.loadBefore,
          ];
        }),
      ]);
      console.log('times from the start of JobDigestService.run() in this process (index warm); messages/s over the send window');
      if (d.rows.some((r) => r.cpu)) {
        console.log('CPU seconds per 1,000 messages, run() → last receipt (the bench process runs the digest and its outbox sweeps):');
        printCpu(d.rows);
      }
      printChecks(d.rows);
      printWarnings(d.rows);
      checks.push(...d.rows.map((r) => r.check).filter(Boolean));
    }
    if (checks.some((c) => c.endsWith('NOT ok'))) {
      console.log('\nexactly-once: NOT ok (see above)');
      process.exitCode = 1;
    }
  } catch (e) {
    console.error(`--- API context warnings ---\n${logWarnings(contextLog).slice(-10).join('\n')}`);
    throw e;
  } finally {
    await conn?.end();
    await ctx?.close().catch(() => {});
    await standIn?.proc.stop();
    let dropped = 0;
    for (const p of new Set(prefixes)) dropped += await dropRedisPrefix(redis, p);
    await redis.quit();
    console.log(`\nRedis keys of this run removed: ${dropped}`);
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`database ${maria.name} kept (BENCH_KEEP_DATABASE=1): drop it when done`);
    else await maria.drop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
