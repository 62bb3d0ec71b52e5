// Requests/s of GET /api/v1/health on the API (production mode, LOG_LEVEL=info as deployed, then
// LOG_LEVEL=warn, and as a proxy forwards it, with X-Forwarded-For, which the API's HTTP server leaves to the whole
// pipeline) versus a bare Node `http` server answering the same JSON, all on loopback and
// measured in the same run with the same autocannon settings. Figures only: no timed assertion.
//
// The four servers run side by side (an idle one costs nothing); each gets a discarded warm-up,
// then its measured time in two halves, in the order A B C C B A, so that a drift in what else the
// shared machine is doing weighs on every server alike.
// Env: BENCH_SECONDS (measured seconds per server, default 10), BENCH_WARMUP_SECONDS (default 3),
// BENCH_CONNECTIONS (default 30).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { availableParallelism, cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { cleanEnv, fileSize, freePort, getStatus, groupCpuSeconds, intEnv, LOOPBACK, printTable, root, startGroup, tail, tempDir, waitFor200 } from './lib.mjs';

const SECONDS = intEnv('BENCH_SECONDS', 10, 2);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 3, 0);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 30, 1);
const PATH = '/api/v1/health';
const GOAL = 0.8;

const BARE_SERVER = `
const http = require('node:http');
const body = JSON.stringify({ status: 'ok' });
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) };
http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare server listening'));
`;

// A second baseline: the same answer from bare Fastify (the HTTP layer under the API), so the figures
// show how much of the gap is Fastify itself and how much is Nest and the app.
const FASTIFY_SERVER = `
const app = require('fastify')();
app.get('${PATH}', async () => ({ status: 'ok' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(() => console.log('bare fastify listening'));
`;

const load = (port, duration, headers = {}) => autocannon({ url: `http://${LOOPBACK}:${port}${PATH}`, connections: CONNECTIONS, pipelining: 1, duration, headers });

/** Starts a server and checks that it answers {"status":"ok"}. */
async function start(name, command, args, env, logFile) {
  const proc = startGroup(command, args, { env, logFile });
  const server = { name, proc, port: Number(env.PORT), logFile, halves: [], cpu: 0, cpuKnown: true, logBytes: 0 };
  try {
    await waitFor200(server.port, PATH, { proc, timeoutMs: 120_000 });
    const body = await fetch(`http://${LOOPBACK}:${server.port}${PATH}`).then((r) => r.text());
    if (JSON.stringify(JSON.parse(body)) !== '{"status":"ok"}') throw new Error(`unexpected body ${body}`);
  } catch (e) {
    console.error(`${name} did not start: ${e instanceof Error ? e.message : e}\n--- log tail ---\n${tail(logFile)}`);
    throw e;
  }
  return server;
}

/** One measured half: the autocannon result, the server's CPU time and its log output meanwhile. */
async function measureHalf(server, seconds) {
  const logBefore = fileSize(server.logFile);
  const cpuBefore = groupCpuSeconds(server.proc.pid);
  const r = await load(server.port, seconds, server.headers);
  const cpuAfter = groupCpuSeconds(server.proc.pid);
  if (cpuBefore === null || cpuAfter === null) server.cpuKnown = false;
  else server.cpu += cpuAfter - cpuBefore;
  server.logBytes += fileSize(server.logFile) - logBefore;
  if (r.non2xx > 0) throw new Error(`${server.name}: ${r.non2xx} non-2xx answers while measured: the figure would not measure the health route`);
  if (r.errors > 0 || r.timeouts > 0) console.warn(`  warning: ${server.name}: ${r.errors} errors, ${r.timeouts} timeouts`);
  server.halves.push(r);
  console.log(`  ${server.name}: ${r.requests.total} requests in ${r.duration.toFixed(1)} s (${(r.requests.total / r.duration).toFixed(0)} req/s); load average ${loadavg()[0].toFixed(2)}`);
}

/** Figures over both halves. p99 is that of the worse half (percentiles of two runs do not add up). */
function summarize(s) {
  const total = s.halves.reduce((a, r) => a + r.requests.total, 0);
  const duration = s.halves.reduce((a, r) => a + r.duration, 0);
  const latencyCount = s.halves.reduce((a, r) => a + r.latency.totalCount, 0);
  return {
    name: s.name,
    total,
    rps: total / duration,
    halves: s.halves.map((r) => (r.requests.total / r.duration).toFixed(0)).join(' / '),
    latencyAvg: s.halves.reduce((a, r) => a + r.latency.average * r.latency.totalCount, 0) / Math.max(1, latencyCount),
    p99: Math.max(...s.halves.map((r) => r.latency.p99)),
    perCpu: s.cpuKnown && s.cpu > 0 ? total / s.cpu : null,
    logPerReq: s.logBytes / Math.max(1, total),
  };
}

async function main() {
  console.log(`autocannon: ${CONNECTIONS} connections, pipelining 1, ${WARMUP} s warm-up (discarded) + ${SECONDS} s measured per server (2 halves, order A B C C B A), ${PATH} on ${LOOPBACK}`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}; load generator and servers share these cores`);
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine skews req/s; req per server CPU-second is less sensitive to it)`);

  console.log('building the API (incremental)…');
  execFileSync(process.execPath, ['scripts/build-api.mjs'], { cwd: root, stdio: 'inherit' });

  const dir = tempDir();
  const servers = [];
  const measured = [];
  try {
    servers.push(await start('bare node:http', process.execPath, ['-e', BARE_SERVER], cleanEnv({ PORT: String(await freePort()) }), join(dir, 'bare.log')));
    servers.push(await start('bare fastify', process.execPath, ['-e', FASTIFY_SERVER], cleanEnv({ PORT: String(await freePort()) }), join(dir, 'fastify.log')));
    for (const level of ['info', 'warn']) {
      const env = cleanEnv({
        NODE_ENV: 'production',
        PORT: String(await freePort()),
        DATABASE_URL: `sqlite:${join(dir, `api-${level}.sqlite`)}`,
        DATA_DIR: join(dir, `data-${level}`),
        JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
        DATA_KEY: 'bench-data-key-0123456789abcdef0123456789ab',
        SEED_DEMO: 'false',
        LOG_LEVEL: level,
        SKIP_BUILD: '1',
      });
      servers.push(await start(`API (LOG_LEVEL=${level})`, process.execPath, ['scripts/start-api.mjs'], env, join(dir, `api-${level}.log`)));
    }
    // The same probe as a proxy forwards it (nginx sets X-Forwarded-For): the live probe leaves it to the whole
    // pipeline (fastify, Nest, the guards, the request log), as every other route runs.
    measured.push(...servers, { ...servers[2], name: 'API via a proxy (info)', headers: { 'x-forwarded-for': '203.0.113.7' }, halves: [], cpu: 0, cpuKnown: true, logBytes: 0 });
    console.log('servers up; warming up…');
    if (WARMUP > 0) for (const s of measured) await load(s.port, WARMUP, s.headers);
    const half = SECONDS / 2;
    for (const s of measured) await measureHalf(s, half);
    for (const s of [...measured].reverse()) await measureHalf(s, half);
  } finally {
    for (const s of servers) await s.proc.stop();
  }

  const rows = measured.map(summarize);
  const [bare, fastify, info, warn, proxied] = rows;
  const ratio = (a, b) => (a !== null && b ? (a / b).toFixed(2) : '-');
  console.log('');
  printTable([
    ['server', 'req/s avg', 'req/s halves', 'latency avg ms', 'p99 ms', 'log bytes/req', 'vs bare', 'req/server CPU-s', 'vs bare'],
    ...rows.map((x, i) => [
      x.name,
      x.rps.toFixed(0),
      x.halves,
      x.latencyAvg.toFixed(2),
      String(x.p99),
      i < 2 ? '-' : x.logPerReq.toFixed(1),
      ratio(x.rps, bare.rps),
      x.perCpu ? x.perCpu.toFixed(0) : '-',
      ratio(x.perCpu, bare.perCpu),
    ]),
  ]);
  const deployed = info.rps / bare.rps;
  const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
  console.log('');
  console.log(`API/bare as deployed (LOG_LEVEL=info): ${deployed.toFixed(2)}; goal ≥ ${GOAL}: ${deployed >= GOAL ? 'met' : 'not met'}`);
  if (bare.perCpu && info.perCpu) console.log(`API/bare per server CPU-second (LOG_LEVEL=info): ${(info.perCpu / bare.perCpu).toFixed(2)}`);
  console.log(`bare fastify/bare node:http: ${(fastify.rps / bare.rps).toFixed(2)}; API/bare fastify: ${(info.rps / fastify.rps).toFixed(2)}`);
  console.log(`a probe straight to the API is answered by its HTTP server (health/live-probe.ts); through a proxy it runs Nest's pipeline, the guards, hooks and request log: ${(proxied.rps / bare.rps).toFixed(2)} of bare`);
  console.log(
    `LOG_LEVEL=warn vs info: ${pct(warn.rps / info.rps - 1)} req/s` +
      `${info.perCpu && warn.perCpu ? `, ${pct(warn.perCpu / info.perCpu - 1)} requests per server CPU-second` : ''} (what per-request logging costs on this route)`,
  );
  if (info.logPerReq < 1) {
    console.log('note: at LOG_LEVEL=info no request line was written for this route (health probes are not logged),');
    console.log('      so the info/warn difference on this route is run-to-run noise.');
  }
  // Sanity: every server was stopped.
  for (const s of servers) if ((await getStatus(s.port, PATH, 500)) !== 0) console.warn(`warning: ${s.name} still answers on port ${s.port}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
