// 山亭区就业服务 under a crowd: 200 concurrent anonymous clients on GET /api/v1/public/stats (the public page's one
// call, as a news link or a shared WeChat card would bring them) beside the same crowd on GET /api/v1/health, the
// cheapest route of the same process, in the same run with the same autocannon settings. The public figures are
// computed once and then served from memory for 5 minutes (PUBLIC_CACHE_MS), so after the warm-up this measures the
// cached answer: Nest's pipeline, the validation of `year`, and the serialisation of a few kilobytes of JSON.
//
// One API process (NODE_ENV=production, LOG_LEVEL=info as deployed) on SQLite with the demo data. The first,
// uncomputed answer is timed alone; then each route gets a discarded warm-up and its measured time in two halves,
// in the order public, health, health, public, so that drift in what else the machine does weighs on both alike.
// Latency percentiles are over every answer of both halves (autocannon's own summary has no p95). Figures only:
// no timed assertion.
// Env: BENCH_SECONDS (measured seconds per route, default 10), BENCH_WARMUP_SECONDS (default 2),
// BENCH_CONNECTIONS (default 200).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { cleanEnv, fileSize, freePort, groupCpuSeconds, intEnv, LOOPBACK, printTable, root, startGroup, tail, tempDir, waitFor200 } from './lib.mjs';

const SECONDS = intEnv('BENCH_SECONDS', 10, 2);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 200, 1);

/** This year in China, as the page asks for it. */
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const ROUTES = [
  { name: 'GET /public/stats', path: `/api/v1/public/stats?year=${YEAR}` },
  { name: 'GET /health', path: '/api/v1/health' },
];

/** One run of autocannon; with `latencies`, every answer's time (ms) is pushed there. */
function load(port, route, duration, latencies) {
  const instance = autocannon({ url: `http://${LOOPBACK}:${port}${route.path}`, connections: CONNECTIONS, pipelining: 1, duration });
  if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  return instance;
}

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

async function measureHalf(server, route, seconds) {
  const logBefore = fileSize(server.proc.logFile);
  const cpuBefore = groupCpuSeconds(server.proc.pid);
  const r = await load(server.port, route, seconds, route.latencies);
  const cpuAfter = groupCpuSeconds(server.proc.pid);
  if (r.non2xx > 0) throw new Error(`${route.name}: ${r.non2xx} non-2xx answers while measured: the figure would not measure the route`);
  if (r.errors > 0 || r.timeouts > 0) console.warn(`  warning: ${route.name}: ${r.errors} errors, ${r.timeouts} timeouts`);
  if (cpuBefore === null || cpuAfter === null) route.cpuKnown = false;
  else route.cpu += cpuAfter - cpuBefore;
  route.requests += r.requests.total;
  route.duration += r.duration;
  route.bytes += r.throughput.total;
  route.logBytes += fileSize(server.proc.logFile) - logBefore;
  console.log(`  ${route.name}: ${r.requests.total} requests in ${r.duration.toFixed(1)} s (${(r.requests.total / r.duration).toFixed(0)} req/s); load average ${loadavg()[0].toFixed(2)}`);
}

async function main() {
  console.log(`autocannon: ${CONNECTIONS} connections, pipelining 1, ${WARMUP} s warm-up (discarded) + ${SECONDS} s measured per route (2 halves, order public health health public), on ${LOOPBACK}`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}; the load generator and the API share these cores`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  console.log('building the API (incremental)…');
  execFileSync(process.execPath, ['scripts/build-api.mjs'], { cwd: root, stdio: 'inherit' });

  const dir = tempDir();
  const port = await freePort();
  const logFile = join(dir, 'api.log');
  const env = cleanEnv({
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, 'api.sqlite')}`,
    DATA_DIR: join(dir, 'data'),
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
    DATA_KEY: 'bench-data-key-0123456789abcdef0123456789ab',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'info',
    SKIP_BUILD: '1',
  });
  const proc = startGroup(process.execPath, ['scripts/start-api.mjs'], { env, logFile });
  const server = { proc, port };
  const routes = ROUTES.map((r) => ({ ...r, latencies: [], requests: 0, duration: 0, bytes: 0, logBytes: 0, cpu: 0, cpuKnown: true }));
  let first;
  let body;
  try {
    await waitFor200(port, '/api/v1/health', { proc, timeoutMs: 120_000 });
    // The first answer computes the figures (the demo data: a few dozen posts, no hires); later ones are the cached copy.
    const t0 = performance.now();
    const res = await fetch(`http://${LOOPBACK}:${port}${routes[0].path}`);
    const text = await res.text();
    first = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET ${routes[0].path} answered ${res.status}: ${text}`);
    body = JSON.parse(text);
    if (body.year !== YEAR || typeof body.count !== 'number' || !Array.isArray(body.byTown)) throw new Error(`unexpected answer ${text.slice(0, 300)}`);
    const t1 = performance.now();
    await fetch(`http://${LOOPBACK}:${port}${routes[0].path}`).then((r) => r.text());
    console.log(`first answer (computed): ${first.toFixed(1)} ms; second (cached): ${(performance.now() - t1).toFixed(1)} ms; ${Buffer.byteLength(text)} bytes of JSON, ${body.byTown.length} 镇街, ${body.supplyDemand.length} occupation groups`);

    console.log('warming up…');
    if (WARMUP > 0) for (const r of routes) await load(port, r, WARMUP);
    const half = SECONDS / 2;
    for (const r of [...routes, ...[...routes].reverse()]) await measureHalf(server, r, half);
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n--- API log tail ---\n${tail(logFile)}`);
    throw e;
  } finally {
    await proc.stop();
  }

  const rows = routes.map((r) => {
    const sorted = Float64Array.from(r.latencies).sort();
    return {
      name: r.name,
      rps: r.requests / r.duration,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1],
      bytes: r.bytes / Math.max(1, r.requests),
      logPerReq: r.logBytes / Math.max(1, r.requests),
      perCpu: r.cpuKnown && r.cpu > 0 ? r.requests / r.cpu : null,
      answers: sorted.length,
    };
  });
  const [pub, health] = rows;
  console.log('');
  printTable([
    ['route', 'answers', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'bytes/answer (with headers)', 'log bytes/req', 'req/server CPU-s'],
    ...rows.map((x) => [
      x.name,
      String(x.answers),
      x.rps.toFixed(0),
      x.p50.toFixed(1),
      x.p95.toFixed(1),
      x.p99.toFixed(1),
      x.max.toFixed(0),
      x.bytes.toFixed(0),
      x.logPerReq.toFixed(1),
      x.perCpu ? x.perCpu.toFixed(0) : '-',
    ]),
  ]);
  console.log('');
  console.log(`public/health: req/s ${(pub.rps / health.rps).toFixed(2)}, p50 ${(pub.p50 / health.p50).toFixed(2)}×, p95 ${(pub.p95 / health.p95).toFixed(2)}×, p99 ${(pub.p99 / health.p99).toFixed(2)}×` + (pub.perCpu && health.perCpu ? `, requests per server CPU-second ${(pub.perCpu / health.perCpu).toFixed(2)}` : ''));
  console.log(`(${CONNECTIONS} clients each waiting for its answer: latency is mostly queueing, about ${CONNECTIONS} ÷ req/s = ${((CONNECTIONS / pub.rps) * 1000).toFixed(0)} ms for the public route)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
