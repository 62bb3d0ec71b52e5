// 200 concurrent mixed clients on MariaDB + Redis with realistic data (issue 17, goal: p95 < 200 ms and
// 0 errors). The data (20,000 residents, 2,000 published posts of 324 employers over the district's 村居
// and trades, 20,000 applications, 6,000 seeker accounts, 20 liaisons) is seeded once into its own database
// (BENCH_CROWD_DB, default zg_bench_crowd; bench/crowd-lib.mjs) and copied for the run. The API runs built,
// NODE_ENV=production, with its own redis-server on a free port and a fake SMS/WeChat gateway; sessions are
// minted as a WeChat login writes them (no development login in production; see crowd-lib.mjs).
// Clients, each a closed loop (request → answer → next; with BENCH_THINK_MS a pause between) over keep-alive HTTP:
//   90 anonymous: GET /posts first pages (with and without 镇街), /posts?q=, /posts/:id, /regions, /occupations?q=, /public/stats
//   50 seekers:   recommendations (GET /matching/residents/:id/posts), their applications, apply (POST /applications)
//   40 employers: candidates of their posts, applicant lists, PATCH an application's status (viewed, interview, offered, rejected)
//   20 liaisons:  their residents list, 今日要办, their area's applications, PATCH a resident (expected wage)
// Printed: req/s and p50/p95/p99/max by kind, by role and overall, errors with status counts (expected
// answers — a second application to a post 409, the daily candidate quota 429, a step no longer allowed 409 —
// are not errors), the CPU the API (each of its processes), MariaDB and this load generator used, the API's
// memory, MariaDB's busy connections to the run's database (sampled each second), the API's 5xx answers by route
// and its error log lines. With API_PROCESSES > 1 the load starts once every API process listens.
// Figures only. Env: BENCH_SECONDS (measured, default 60), BENCH_WARMUP_SECONDS (default 5, discarded),
// BENCH_THINK_MS (default 0: closed loop; e.g. 3000: each client waits 1.5–4.5 s between actions, as people do),
// BENCH_LOG_LEVEL (the API's, default info as deployed), API_PROCESSES (passed to the API and printed),
// BENCH_MARIADB_URL, BENCH_CROWD_DB, BENCH_KEEP_DATABASE=1 (keep the run's copy), BENCH_API_NODE_ARGS (node options for the API,
// e.g. '--cpu-prof --cpu-prof-dir=DIR' for a CPU profile of the run, read with bench/profile-top.mjs).
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { groupCpuSeconds, intEnv, printTable, rng, sleep, tempDir } from './lib.mjs';
import { connectDb, cloneSeed, dropDatabase, ensureSeed, groupProcesses, loadRoster, logErrors, makeClients, printLogErrors, Recorder, runClients, sampleDbConnections, SEED_DB, startApi, startGateway, startRedis } from './crowd-lib.mjs';
import { machineBusySeconds, serverCpuSeconds } from './notifications-lib.mjs';
import { buildApi, groupMemory } from './residents-lib.mjs';

const SECONDS = intEnv('BENCH_SECONDS', 60, 5);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 5, 0);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'info';
const THINK_MS = intEnv('BENCH_THINK_MS', 0, 0);
const COUNTS = { anonymous: 90, seekers: 50, employers: 40, liaisons: 20 };
const SIGNED_IN = ['seeker', 'employer', 'liaison'];
const RUN_DB = `${SEED_DB}_run_load`;
const GOAL_P95_MS = 200;

async function main() {
  const clients = Object.values(COUNTS).reduce((a, b) => a + b, 0);
  const loop = THINK_MS ? `each waiting 0.5–1.5 × ${THINK_MS} ms between actions (BENCH_THINK_MS)` : 'closed loop (the next request as soon as the answer comes)';
  console.log(`${clients} clients (${Object.entries(COUNTS).map(([k, v]) => `${v} ${k}`).join(', ')}), ${loop}, ${WARMUP} s warm-up + ${SECONDS} s measured`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}; the load generator, MariaDB and Redis share these cores with the API`);
  console.log(`API: NODE_ENV=production, LOG_LEVEL=${LOG_LEVEL}, API_PROCESSES=${process.env.API_PROCESSES || '(unset)'}; load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('building the API (incremental)…');
  buildApi();

  const dir = tempDir('zg-bench-crowd-');
  const meta = await ensureSeed(dir);
  const cloneSeconds = await cloneSeed(RUN_DB, meta);
  console.log(`run database ${RUN_DB}: copied from the seed in ${cloneSeconds.toFixed(1)} s`);
  const redis = await startRedis(dir);
  const gateway = await startGateway(dir, 0);
  const api = await startApi({ dbName: RUN_DB, dir, label: 'api', redisUrl: redis.url, gateway: gateway.base, logLevel: LOG_LEVEL });
  console.log(`API ready in ${api.startSeconds.toFixed(1)} s (own redis-server on ${redis.port}); log ${api.logFile}`);
  const conn = await connectDb(RUN_DB);
  let rec;
  let usage;
  try {
    const roster = await loadRoster(conn);
    console.log(`accounts: ${roster.seekers.length} seekers (${(roster.seekers.length / COUNTS.seekers).toFixed(0)} per client), ${roster.employers.length} employer members (~${(roster.employers.length / COUNTS.employers).toFixed(0)} per client), ${roster.liaisons.length} liaisons; ${roster.postIds.length} published posts`);
    rec = new Recorder();
    const ctx = { port: () => api.port, rec, roster, ledger: null, rand: rng(17), thinkMs: THINK_MS, stopAt: Date.now() + (WARMUP + SECONDS) * 1000 };
    const loops = makeClients(ctx, COUNTS);
    const running = runClients(ctx, loops);
    await sleep(WARMUP * 1000);
    // The measured window starts here: figures of the warm-up are dropped.
    rec.reset();
    const before = { procs: groupProcesses(api.proc.pid), api: groupCpuSeconds(api.proc.pid), servers: serverCpuSeconds(), self: process.cpuUsage(), machine: machineBusySeconds(), t: performance.now() };
    let peakRss = 0;
    let procs = [];
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, groupMemory(api.proc.pid)?.rssMb ?? 0);
      procs = groupProcesses(api.proc.pid);
    }, 1000);
    const stopDbSampler = await sampleDbConnections(RUN_DB);
    await running;
    clearInterval(sampler);
    const db = await stopDbSampler();
    const wall = (performance.now() - before.t) / 1000;
    const self = process.cpuUsage(before.self);
    const servers = serverCpuSeconds();
    usage = {
      wall,
      api: groupCpuSeconds(api.proc.pid) - before.api,
      mariadb: servers.mariadb !== null && before.servers.mariadb !== null ? servers.mariadb - before.servers.mariadb : null,
      self: (self.user + self.system) / 1e6,
      machine: machineBusySeconds() - before.machine,
      peakRss,
      procs: procs.map((p) => ({ ...p, cpu: p.cpu - (before.procs.find((b) => b.pid === p.pid)?.cpu ?? 0) })),
      db,
    };
    const [[d]] = await conn.query("SELECT COUNT(*) AS total, SUM(status = 'sent') AS sent, SUM(status IN ('pending', 'sending')) AS open FROM notification_deliveries");
    const [[w]] = await conn.query('SELECT (SELECT COUNT(*) FROM applications) - ? AS newApps, (SELECT COUNT(*) FROM application_steps WHERE at >= ?) AS steps', [meta.counts.applications, new Date(before.t + performance.timeOrigin - 1000)]);
    const messages = await gateway.messages();
    usage.log = logErrors(api.logFile);
    usage.notes = `notifications: ${d.total} deliveries written during the run (${Number(d.sent)} sent, ${Number(d.open)} still pending/sending at the end); gateway got ${messages.sms.length} SMS, ${messages.wechat.length} WeChat messages; ${w.newApps} new applications, ${w.steps} application steps in the measured window`;
  } finally {
    await conn.end();
    await api.proc.stop(10_000);
    await redis.proc.stop();
    await gateway.proc.stop();
    if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(RUN_DB);
  }

  console.log('');
  printTable(rec.rows(usage.wall), 1);
  const t = rec.totals();
  console.log('');
  const cores = availableParallelism();
  const pct = (x) => (x === null ? '?' : `${((x / usage.wall) * 100).toFixed(0)} % of a core`);
  console.log(`CPU over the ${usage.wall.toFixed(1)} s: API ${usage.api.toFixed(1)} s (${pct(usage.api)}), MariaDB ${usage.mariadb?.toFixed(1) ?? '?'} s (${pct(usage.mariadb)}), this load generator ${usage.self.toFixed(1)} s (${pct(usage.self)}); machine busy ${((usage.machine / (usage.wall * cores)) * 100).toFixed(0)} % of ${cores} cores`);
  console.log(`API peak RSS (largest process of its group) ${usage.peakRss.toFixed(0)} MB; API CPU per request ${((usage.api / Math.max(1, t.requests)) * 1000).toFixed(2)} ms`);
  console.log(`API process group: ${usage.procs.length} processes (${usage.procs.map((p) => `${p.cmd}: ${p.rssMb.toFixed(0)} MB, ${pct(p.cpu)}`).join('; ')})`);
  console.log(`MariaDB connections to the run's database (sampled each second): ${usage.db.connections.toFixed(1)} open, ${usage.db.busy.toFixed(1)} busy on average, at most ${usage.db.busyMax} busy`);
  console.log(usage.notes);
  printLogErrors(usage.log);
  for (const s of rec.errorSamples()) console.log(`error sample: ${s}`);
  console.log('');
  console.log(`overall: ${(t.requests / usage.wall).toFixed(0)} req/s, p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, p99 ${t.p99.toFixed(0)} ms, ${t.errors} errors`);
  // The overall figures are mostly anonymous pages answered from memory; what a signed-in person waits for is this.
  const s = rec.totals(SIGNED_IN);
  console.log(`signed in (seekers, employers, liaisons): ${(s.requests / usage.wall).toFixed(0)} req/s, p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, ${s.errors} errors`);
  console.log(`goal: p95 < ${GOAL_P95_MS} ms and 0 errors: p95 ${t.p95 < GOAL_P95_MS ? 'met' : 'not met'} (${(t.p95 / GOAL_P95_MS).toFixed(2)} × the goal), errors ${t.errors === 0 ? 'met' : `not met (${t.errors})`}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
