// What the per-request account check and the rate limiting cost: requests/s of GET /api/v1/health,
// anonymous GET /api/v1/posts and an authenticated GET /api/v1/me on three API processes that differ
// only in those two switches, measured in the same run with the same autocannon settings, as ratios.
//
//   both on             RATE_LIMIT_* as deployed (60 / 600 a minute), AUTH_ACCOUNT_CHECK on
//   rate limits off     RATE_LIMIT_LOGIN_PER_MIN=0, RATE_LIMIT_WRITES_PER_MIN=0
//   account check off   AUTH_ACCOUNT_CHECK=false (a bench-only switch, refused in production)
//
// The token of GET /me is a real session (a WeChat login against a stand-in WeChat server on
// loopback), so the check reads the account and the session as in production, not a dev-login token.
// The processes run side by side (an idle one costs nothing). Each (process, route) gets a discarded
// warm-up, then one-second rounds in the order A B C, C B A, A B C …; a ratio is the median over the
// rounds of the two processes' figures in the same round (with the lowest and highest), so a drift in
// what else the shared machine does weighs on both sides alike. Besides requests/s, each process's CPU
// time is read from /proc: requests per server CPU-second depend less on other work. Reads are never
// rate-limited (the limiter hooks only routes that take writes), so "limits on/off" on these GETs is
// also the run's noise floor. Figures only: no timed assertion.
// Not NODE_ENV=production (the bench-only switch is refused there); LOG_LEVEL=warn, so the per-request
// log line does not dilute the difference being measured.
// Env: BENCH_SECONDS (one-second rounds per process and route, default 6), BENCH_WARMUP_SECONDS
// (default 1), BENCH_CONNECTIONS (default 20).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { availableParallelism, cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { cleanEnv, freePort, groupCpuSeconds, intEnv, LOOPBACK, median, printTable, root, startGroup, tail, tempDir, waitFor200 } from './lib.mjs';

const SECONDS = intEnv('BENCH_SECONDS', 6, 2);
const WARMUP = intEnv('BENCH_WARMUP_SECONDS', 1, 0);
const CONNECTIONS = intEnv('BENCH_CONNECTIONS', 20, 1);
const GOAL = 0.9; // issue 12: the account check must cost < 10 %

const VARIANTS = [
  { name: 'both on', limits: true, check: true },
  { name: 'rate limits off', limits: false, check: true },
  { name: 'account check off', limits: true, check: false },
];
const ROUTES = [
  { name: 'GET /health', path: '/api/v1/health', auth: false },
  { name: 'GET /posts (anonymous)', path: '/api/v1/posts?limit=20', auth: false },
  { name: 'GET /me (logged in)', path: '/api/v1/me', auth: true },
];

/** A stand-in for the WeChat server: any code is a login of the user `o-bench-<code>`. */
function fakeWechat() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/sns/jscode2session') res.end(JSON.stringify({ openid: `o-bench-${url.searchParams.get('js_code')}`, session_key: 'k' }));
    else if (url.pathname === '/cgi-bin/stable_token') res.end(JSON.stringify({ access_token: 'bench', expires_in: 7200 }));
    else res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
  });
  return new Promise((resolve) => server.listen(0, LOOPBACK, () => resolve(server)));
}

async function start(variant, dir, wechatBase) {
  const port = await freePort();
  const logFile = join(dir, `${variant.name.replace(/\W+/g, '-')}.log`);
  const env = cleanEnv({
    NODE_ENV: 'development',
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, `${variant.name.replace(/\W+/g, '-')}.sqlite`)}`,
    DATA_DIR: join(dir, `data-${variant.name.replace(/\W+/g, '-')}`),
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
    DATA_KEY: 'bench-data-key-0123456789abcdef0123456789ab',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    SKIP_BUILD: '1',
    WECHAT_API_BASE: wechatBase,
    WECHAT_APPID: 'wxbench',
    WECHAT_SECRET: 'bench-secret',
    AUTH_DEV_LOGIN: 'false',
    ...(variant.limits ? {} : { RATE_LIMIT_LOGIN_PER_MIN: '0', RATE_LIMIT_WRITES_PER_MIN: '0' }),
    ...(variant.check ? {} : { AUTH_ACCOUNT_CHECK: 'false' }),
  });
  const proc = startGroup(process.execPath, ['scripts/start-api.mjs'], { env, logFile });
  try {
    await waitFor200(port, '/api/v1/health', { proc, timeoutMs: 120_000 });
    const login = await fetch(`http://${LOOPBACK}:${port}/api/v1/auth/wechat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'seeker1' }),
    });
    const body = await login.json();
    if (login.status !== 200 || !body.token) throw new Error(`WeChat login answered ${login.status} ${JSON.stringify(body)}`);
    const me = await fetch(`http://${LOOPBACK}:${port}/api/v1/me`, { headers: { authorization: `Bearer ${body.token}` } });
    if (me.status !== 200) throw new Error(`GET /me answered ${me.status}`);
    return { ...variant, port, proc, logFile, token: body.token, results: new Map() };
  } catch (e) {
    console.error(`${variant.name} did not start: ${e instanceof Error ? e.message : e}\n--- log tail ---\n${tail(logFile)}`);
    await proc.stop();
    throw e;
  }
}

const load = (server, route, duration) =>
  autocannon({
    url: `http://${LOOPBACK}:${server.port}${route.path}`,
    headers: route.auth ? { authorization: `Bearer ${server.token}` } : {},
    connections: CONNECTIONS,
    pipelining: 1,
    duration,
  });

/** One round: the request rate and the requests per server CPU-second (null where /proc is not readable). */
async function measure(server, route, seconds) {
  const cpuBefore = groupCpuSeconds(server.proc.pid);
  const r = await load(server, route, seconds);
  const cpuAfter = groupCpuSeconds(server.proc.pid);
  if (r.non2xx > 0) throw new Error(`${server.name}, ${route.name}: ${r.non2xx} non-2xx answers while measured`);
  if (r.errors > 0 || r.timeouts > 0) console.warn(`  warning: ${server.name}, ${route.name}: ${r.errors} errors, ${r.timeouts} timeouts`);
  const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  const rounds = server.results.get(route.name) ?? [];
  rounds.push({ requests: r.requests.total, duration: r.duration, rps: r.requests.total / r.duration, perCpu: cpu ? r.requests.total / cpu : null });
  server.results.set(route.name, rounds);
}

async function main() {
  console.log(`autocannon: ${CONNECTIONS} connections, ${WARMUP} s warm-up (discarded) + ${SECONDS} one-second rounds per process and route (A B C, C B A, …)`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);


  console.log('building the API (incremental)…');
  execFileSync(process.execPath, ['scripts/build-api.mjs'], { cwd: root, stdio: 'inherit' });

  const dir = tempDir();
  const wechat = await fakeWechat();
  const wechatBase = `http://${LOOPBACK}:${wechat.address().port}`;
  const servers = [];
  try {
    servers.push(...(await Promise.all(VARIANTS.map((v) => start(v, dir, wechatBase)))));
    console.log('servers up; measuring…');
    for (const route of ROUTES) {
      if (WARMUP > 0) for (const s of servers) await load(s, route, WARMUP);
      for (let round = 0; round < SECONDS; round++) for (const s of round % 2 ? [...servers].reverse() : servers) await measure(s, route, 1);
      console.log(`  ${route.name}: ${servers.map((s) => `${s.name} ${total(s, route, 'rps')}`).join(', ')} req/s; load average ${loadavg()[0].toFixed(2)}`);
    }
  } finally {
    for (const s of servers) await s.proc.stop();
    wechat.close();
  }

  const [both, noLimits, noCheck] = servers;
  for (const [title, key] of [
    ['requests/s', 'rps'],
    ['requests per server CPU-second', 'perCpu'],
  ]) {
    console.log(`\n${title} (ratios: median of the rounds, [lowest – highest]):`);
    printTable([
      ['route', ...servers.map((s) => s.name), 'limits on/off', 'account check on/off'],
      ...ROUTES.map((route) => [route.name, ...servers.map((s) => total(s, route, key)), pairRatio(both, noLimits, route, key).text, pairRatio(both, noCheck, route, key).text]),
    ]);
  }
  console.log('');
  console.log('limits on/off and account check on/off are each with the other switch on, as deployed.');
  const me = ROUTES[2];
  const check = pairRatio(both, noCheck, me, 'perCpu').value ?? pairRatio(both, noCheck, me, 'rps').value;
  const verdict = check >= GOAL ? 'met' : 'not met';
  console.log(`account check on GET /me: ${check.toFixed(2)} of the requests without it; goal ≥ ${GOAL} (< 10 % cost): ${verdict}`);
}

/** A process's figure over all rounds of a route: requests/s, or requests per CPU-second. */
function total(server, route, key) {
  const rounds = server.results.get(route.name) ?? [];
  const requests = rounds.reduce((a, r) => a + r.requests, 0);
  if (key === 'rps') return (requests / rounds.reduce((a, r) => a + r.duration, 0)).toFixed(0);
  if (rounds.some((r) => r.perCpu === null)) return '-';
  return (rounds.reduce((a, r) => a + r.requests, 0) / rounds.reduce((a, r) => a + r.requests / r.perCpu, 0)).toFixed(0);
}

/** The median over the rounds of a / b in the same round, with the spread. */
function pairRatio(a, b, route, key) {
  const ra = a.results.get(route.name) ?? [];
  const rb = b.results.get(route.name) ?? [];
  const ratios = ra.map((r, i) => (r[key] && rb[i]?.[key] ? r[key] / rb[i][key] : null)).filter((x) => x !== null);
  if (ratios.length === 0) return { value: null, text: '-' };
  const value = median(ratios);
  return { value, text: `${value.toFixed(2)} [${Math.min(...ratios).toFixed(2)} – ${Math.max(...ratios).toFixed(2)}]` };
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
