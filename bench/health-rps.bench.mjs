// Requests/s of GET /api/v1/health on the API (production mode, LOG_LEVEL=info as deployed, then
// LOG_LEVEL=warn) versus a bare Node `http` server answering the same JSON, all on loopback and
// measured in the same run with the same autocannon settings. Figures only: no timed assertion.
// Env: BENCH_SECONDS (measured seconds, default 10), BENCH_WARMUP_SECONDS (default 3),
// BENCH_CONNECTIONS (default 30).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { availableParallelism, cpus } from 'node:os';
import autocannon from 'autocannon';
import { cleanEnv, fileSize, freePort, getStatus, LOOPBACK, printTable, root, startGroup, tail, tempDir, waitFor200 } from './lib.mjs';

const intEnv = (name, fallback, min) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
};
const SECONDS = intEnv('BENCH_SECONDS', 10, 1);
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

async function load(port, duration) {
  return autocannon({ url: `http://${LOOPBACK}:${port}${PATH}`, connections: CONNECTIONS, pipelining: 1, duration });
}

/** Starts a server, checks its answer, runs the warm-up (discarded) and the measured run, stops it. */
async function measure(name, command, args, env, logFile) {
  const proc = startGroup(command, args, { env, logFile });
  try {
    await waitFor200(env.PORT, PATH, { proc, timeoutMs: 120_000 });
    const body = await fetch(`http://${LOOPBACK}:${env.PORT}${PATH}`).then((r) => r.text());
    if (JSON.stringify(JSON.parse(body)) !== '{"status":"ok"}') throw new Error(`${name}: unexpected body ${body}`);
    if (WARMUP > 0) await load(env.PORT, WARMUP);
    const logBefore = fileSize(logFile);
    const r = await load(env.PORT, SECONDS);
    const logBytes = fileSize(logFile) - logBefore;
    if (r.non2xx > 0) throw new Error(`${name}: ${r.non2xx} non-2xx answers during the measured run: the figure would not measure the health route`);
    if (r.errors > 0 || r.timeouts > 0) console.warn(`  warning: ${name}: ${r.errors} errors, ${r.timeouts} timeouts`);
    console.log(`  ${name}: ${r.requests.total} requests in ${r.duration.toFixed(1)} s`);
    return { name, r, logBytes, port: env.PORT };
  } catch (e) {
    console.error(`${name} failed: ${e instanceof Error ? e.message : e}\n--- log tail ---\n${tail(logFile)}`);
    throw e;
  } finally {
    await proc.stop();
  }
}

async function main() {
  console.log(`autocannon: ${CONNECTIONS} connections, pipelining 1, ${WARMUP} s warm-up (discarded) + ${SECONDS} s measured, ${PATH} on ${LOOPBACK}`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}; load generator and server share these cores`);

  console.log('building the API (incremental)…');
  execFileSync(process.execPath, ['scripts/build-api.mjs'], { cwd: root, stdio: 'inherit' });

  const dir = tempDir();
  const results = [];

  const barePort = await freePort();
  results.push(await measure('bare node:http', process.execPath, ['-e', BARE_SERVER], cleanEnv({ PORT: String(barePort) }), join(dir, 'bare.log')));

  const apiEnv = (logLevel, port) =>
    cleanEnv({
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
      DATA_DIR: join(dir, 'data'),
      JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
      DATA_KEY: 'bench-data-key-0123456789abcdef0123456789ab',
      SEED_DEMO: 'false',
      LOG_LEVEL: logLevel,
      SKIP_BUILD: '1',
    });
  for (const level of ['info', 'warn']) {
    const port = await freePort();
    results.push(await measure(`API (LOG_LEVEL=${level})`, process.execPath, ['scripts/start-api.mjs'], apiEnv(level, port), join(dir, `api-${level}.log`)));
  }

  const bare = results[0].r.requests.average;
  console.log('');
  printTable([
    ['server', 'req/s avg', 'req/s stdev', 'latency avg ms', 'p99 ms', 'log bytes/req', 'vs bare'],
    ...results.map(({ name, r, logBytes }, i) => [
      name,
      r.requests.average.toFixed(0),
      r.requests.stddev.toFixed(0),
      r.latency.average.toFixed(2),
      String(r.latency.p99),
      i === 0 ? '-' : (logBytes / Math.max(1, r.requests.total)).toFixed(1),
      (r.requests.average / bare).toFixed(2),
    ]),
  ]);
  const deployed = results[1].r.requests.average / bare;
  const quiet = results[2].r.requests.average / bare;
  console.log('');
  console.log(`API/bare as deployed (LOG_LEVEL=info): ${deployed.toFixed(2)}; goal ≥ ${GOAL}: ${deployed >= GOAL ? 'met' : 'not met'}`);
  console.log(`LOG_LEVEL=warn vs info: ${((quiet / deployed - 1) * 100).toFixed(1)} % req/s (what per-request logging costs on this route)`);
  const infoBytes = results[1].logBytes / Math.max(1, results[1].r.requests.total);
  if (infoBytes < 1) {
    console.log('note: at LOG_LEVEL=info no request line was written for this route (pino-http autoLogging ignores /api/v1/health),');
    console.log('      so the info/warn difference is only the per-request logger set-up (request id, child logger).');
  }
  // Sanity: every server was stopped.
  for (const { name, port } of results) if ((await getStatus(port, PATH, 500)) !== 0) console.warn(`warning: ${name} still answers on port ${port}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
