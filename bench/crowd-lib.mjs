// Helpers for the crowd benchmarks (issue 17: bench/crowd-load.bench.mjs and bench/crowd-fault.bench.mjs).
// Not a benchmark itself. What is here:
// - the seed database (BENCH_CROWD_DB, default zg_bench_crowd): the built API migrates it, then 20,000
//   residents (real ciphertext), 324 verified employers with 2,000 published posts over the district's 村居
//   and trades, 20,000 applications with their steps, and accounts (6,000 seekers, one member per employer,
//   20 liaisons with WeChat openids and subscriptions) are bulk-inserted with mysql2; a second start builds
//   the posts' keyword index. It is kept between runs while its row counts and version match (≤ 7 days old);
//   each run works on a copy (CREATE TABLE … LIKE + INSERT … SELECT), so runs never see each other's writes.
// - sessions: the API has no development login in production, so the bench writes auth_sessions rows (as a
//   WeChat login does: SessionsService.start) and signs the access tokens with the bench's JWT_SECRET, with the
//   claims SessionsService.tokens puts in them (sub, role, rc, eid, sid, ver, exp 2 h).
// - its own redis-server (a free port, no persistence), a fake SMS gateway + WeChat server API (a child
//   process: `node bench/crowd-lib.mjs gateway`) that records every message (and an SMS's outId), the API
//   in production mode (API_PROCESSES passed through when set).
// - the mixed clients (anonymous, seekers, employers, liaisons), closed loop over keep-alive HTTP, with
//   per-kind latency and status counts; in fault mode every write carries an Idempotency-Key and is retried
//   with the same key on network errors and 5xx, and each write is written down for the checks afterwards.
import { createDecipheriv, createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createConnection } from 'mysql2/promise';
import { apiEntry } from '../scripts/build-api.mjs';
import { cleanEnv, freePort, LOOPBACK, rng, sleep, startGroup, tail, waitFor200, weighted } from './lib.mjs';
import { seekerFields } from './matching-lib.mjs';
import { postRecords, referenceFromDb } from './posts-lib.mjs';
import { DATA_KEY, MARIADB_URL, nthName, nthPhone, percentile, personalDataCipher, residentRecords } from './residents-lib.mjs';

export const API = '/api/v1';
export const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123';
export const SEED_DB = process.env.BENCH_CROWD_DB || 'zg_bench_crowd';
const META = 'bench_crowd_seed';
/** What the seed holds; a change of any figure (or of the version) seeds again. */
export const SEED = { version: 1, residents: 20_000, posts: 2_000, applications: 20_000, siblings: 8, seekerAccounts: 6_000, seekerSessions: 2_000, liaisonTowns: 6, liaisonVillages: 14 };
const SEED_MAX_AGE_MS = 7 * 86_400_000;
const DAY = 86_400_000;
/** The development template ids the API uses when WECHAT_TEMPLATES is unset (app-config.ts DEFAULT_TEMPLATES). */
const TEMPLATE_IDS = ['dev-template-application-update', 'dev-template-interview', 'dev-template-hire-confirm', 'dev-template-post-review', 'dev-template-job-digest'];

const serverUri = MARIADB_URL.replace(/^mariadb:/, 'mysql:').replace(/\/$/, '');
export const dbUrl = (name) => `${MARIADB_URL.replace(/\/$/, '')}/${name}`;
/** A mysql2 connection to `name` (or the server), UTC as the API's TypeORM options. */
export const connectDb = (name) => createConnection({ uri: name ? `${serverUri}/${name}` : serverUri, timezone: 'Z', connectTimeout: 5000 });

// ── the API, Redis, the gateway ───────────────────────────────────────────────

/**
 * A DIGEST_AT (08:00–20:59 China time, as the config demands) as far from now as it can be, so the daily
 * digest (thousands of messages) never fires during a run.
 */
function digestAt() {
  const chinaMinutes = Math.floor((Date.now() + 8 * 3_600_000) / 60_000) % 1440;
  let best = '08:00';
  let bestGap = -1;
  for (let m = 8 * 60; m <= 20 * 60 + 30; m += 30) {
    const gap = (m - chinaMinutes + 1440) % 1440;
    if (gap > bestGap) [best, bestGap] = [`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`, gap];
  }
  return best;
}

/** The API's environment: production, this run's database, Redis and gateway; API_PROCESSES passed through. */
function apiEnv({ dbName, port, dataDir, redisUrl = '', gateway = null, logLevel = 'warn' }) {
  return cleanEnv({
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: dbUrl(dbName),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: 'crowd',
    JWT_SECRET,
    DATA_KEY,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: logLevel,
    SKIP_BUILD: '1',
    DIGEST_AT: digestAt(),
    ...(gateway
      ? { WECHAT_API_BASE: gateway, WECHAT_APPID: 'wx-crowd-bench', WECHAT_SECRET: 'crowd-bench-wechat-secret', SMS_API_URL: `${gateway}/sms/send`, SMS_API_KEY: 'crowd-bench-sms-key' }
      : {}),
    ...(process.env.API_PROCESSES ? { API_PROCESSES: process.env.API_PROCESSES } : {}),
  });
}

/**
 * `node scripts/start-api.mjs` (built tree) in its own process group; resolves { port, proc, logFile } once
 * GET /health/ready answers 200. `port` may be given to start again where a killed one listened.
 */
export async function startApi({ dbName, dir, label, port, redisUrl, gateway, logLevel }) {
  const p = port ?? (await freePort());
  const logFile = join(dir, `${label}.log`);
  // BENCH_API_NODE_ARGS (e.g. '--cpu-prof --cpu-prof-dir=DIR': a profile per API process, written when it stops;
  // read with bench/profile-top.mjs) starts the built API's main.js with those node options, else the start script.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const args = nodeArgs.length ? [...nodeArgs, apiEntry('main')] : ['scripts/start-api.mjs'];
  const proc = startGroup(process.execPath, args, { env: apiEnv({ dbName, port: p, dataDir: join(dir, 'data'), redisUrl, gateway, logLevel }), logFile });
  const t0 = performance.now();
  try {
    await waitFor200(p, `${API}/health/ready`, { proc, timeoutMs: 300_000, intervalMs: 100 });
    await allProcessesListening(logFile, logLevel);
  } catch (e) {
    await proc.stop();
    throw e;
  }
  return { port: p, proc, logFile, startSeconds: (performance.now() - t0) / 1000 };
}

/**
 * With API_PROCESSES > 1 the first process answers /health/ready before the others listen, and keep-alive
 * clients connecting then would all stay on it: wait (≤ 120 s) for the cluster's "API ready … with N
 * processes" line (main.ts, logged at info).
 */
async function allProcessesListening(logFile, logLevel = 'warn') {
  const raw = process.env.API_PROCESSES;
  const n = raw === 'auto' ? availableParallelism() : Number(raw);
  if (!raw || !(n > 1)) return;
  if (!['info', 'debug', 'trace'].includes(logLevel)) return;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    let text = '';
    try {
      text = readFileSync(logFile, 'utf8');
    } catch {
      /* not yet */
    }
    if (text.includes(`with ${n} processes`)) return;
    await sleep(100);
  }
  console.warn(`warning: no "API ready … with ${n} processes" line in ${logFile} within 120 s; measuring anyway`);
}

/** Resolves true when a Redis server answers PING on `port`. */
function redisPing(port) {
  return new Promise((res) => {
    const s = connect({ host: LOOPBACK, port });
    let out = '';
    const done = (ok) => {
      s.destroy();
      res(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.on('error', () => done(false));
    s.on('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      out += d.toString();
      if (out.includes('\r\n')) done(out.startsWith('+PONG'));
    });
  });
}

/** This bench's own redis-server (no RDB, no AOF) on `port` (a free one if not given); resolves { port, url, proc }. */
export async function startRedis(dir, port) {
  const p = port ?? (await freePort());
  const proc = startGroup('redis-server', ['--port', String(p), '--bind', LOOPBACK, '--save', '', '--appendonly', 'no'], { env: cleanEnv({}), logFile: join(dir, `redis-${p}.log`) });
  const deadline = Date.now() + 15_000;
  while (!(await redisPing(p))) {
    if (proc.exitInfo || Date.now() > deadline) throw new Error(`redis-server did not start on ${p}\n${tail(join(dir, `redis-${p}.log`))}`);
    await sleep(50);
  }
  return { port: p, url: `redis://${LOOPBACK}:${p}`, proc };
}

/** SIGKILL to a process group (the API's, Redis'), then waits until it is gone (bounded). */
export async function killGroup(proc) {
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
  await Promise.race([proc.exited, sleep(5000)]);
}

/**
 * The fake gateway (child process): POST /sms/send (the API's HttpSmsProvider) and WeChat's
 * /cgi-bin/stable_token, /cgi-bin/token and /cgi-bin/message/subscribe/send. Every message is recorded
 * when it arrives (before the reply, which waits LATENCY ms, so a kill can fall between a send and its
 * outcome). An SMS's outId is read from the body (outId, out_id) or the X-Out-Id header. GET /__messages
 * returns { sms, wechat }; GET /__inflight how many of each are received and not yet answered.
 */
function runGateway() {
  const latency = Number(process.env.LATENCY || 0);
  const sms = [];
  const wechat = [];
  const inflight = { sms: 0, wechat: 0 };
  const reply = (res, status, body, channel) => {
    const send = () => {
      if (channel) inflight[channel] -= 1;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (channel) inflight[channel] += 1;
    if (latency > 0) setTimeout(send, latency);
    else send();
  };
  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://gateway');
      let body = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return reply(res, 400, { error: 'bad json' });
      }
      if (url.pathname === '/__inflight') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(inflight));
      }
      if (url.pathname === '/__messages') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ sms, wechat }));
      }
      if (url.pathname === '/sms/send') {
        const outId = body.outId ?? body.out_id ?? req.headers['x-out-id'] ?? null;
        sms.push({ to: body.to, text: body.text, outId: outId === null ? null : String(outId), at: Date.now() });
        return reply(res, 200, { ok: true }, 'sms');
      }
      if (url.pathname === '/cgi-bin/stable_token' || url.pathname === '/cgi-bin/token') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ access_token: 'crowd-bench-token', expires_in: 7200 }));
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        wechat.push({ touser: body.touser, templateId: body.template_id, data: JSON.stringify(body.data ?? null), at: Date.now() });
        return reply(res, 200, { errcode: 0, errmsg: 'ok' }, 'wechat');
      }
      reply(res, 404, { errcode: -1, errmsg: 'not found' });
    });
  }).listen(Number(process.env.PORT), LOOPBACK);
}

/** Starts the fake gateway; resolves { base, proc, messages(), inflight() }. */
export async function startGateway(dir, latencyMs) {
  const port = await freePort();
  const proc = startGroup(process.execPath, [fileURLToPath(import.meta.url), 'gateway'], { env: cleanEnv({ PORT: String(port), LATENCY: String(latencyMs) }), logFile: join(dir, 'gateway.log') });
  await waitFor200(port, '/__messages', { proc, timeoutMs: 15_000 });
  const base = `http://${LOOPBACK}:${port}`;
  return { base, proc, messages: async () => (await fetch(`${base}/__messages`)).json(), inflight: async () => (await fetch(`${base}/__inflight`)).json() };
}

// ── the seed database ─────────────────────────────────────────────────────────

async function liveCounts(conn, db) {
  const [[c]] = await conn.query(
    `SELECT (SELECT COUNT(*) FROM \`${db}\`.residents) AS residents, (SELECT COUNT(*) FROM \`${db}\`.job_postings WHERE status = 'published') AS posts,
            (SELECT COUNT(*) FROM \`${db}\`.applications) AS applications, (SELECT COUNT(*) FROM \`${db}\`.users) AS users,
            (SELECT COUNT(*) FROM \`${db}\`.auth_sessions) AS sessions, (SELECT COUNT(*) FROM \`${db}\`.employers) AS employers`,
  );
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)]));
}

/** Whether the seed database can be used as it is: { ok, reason, meta }. */
async function seedState(conn) {
  let meta;
  try {
    const [[row]] = await conn.query(`SELECT version, seeded_at AS seededAt, counts FROM \`${SEED_DB}\`.${META}`);
    meta = row ? { version: Number(row.version), seededAt: new Date(row.seededAt), counts: JSON.parse(row.counts) } : null;
  } catch {
    return { ok: false, reason: 'absent or incomplete' };
  }
  if (!meta) return { ok: false, reason: 'incomplete' };
  if (meta.version !== SEED.version) return { ok: false, reason: `version ${meta.version} ≠ ${SEED.version}` };
  if (Date.now() - meta.seededAt.getTime() > SEED_MAX_AGE_MS) return { ok: false, reason: 'older than 7 days' };
  const counts = await liveCounts(conn, SEED_DB);
  const differs = Object.keys(meta.counts).filter((k) => meta.counts[k] !== counts[k]);
  if (differs.length || counts.residents !== SEED.residents || counts.posts !== SEED.posts || counts.applications !== SEED.applications) {
    return { ok: false, reason: `row counts differ (${JSON.stringify(counts)})` };
  }
  return { ok: true, meta };
}

/** The seed database, built when missing or stale; resolves its meta ({ seededAt, counts }). */
export async function ensureSeed(dir) {
  const admin = await connectDb(null);
  let state;
  try {
    state = await seedState(admin);
  } finally {
    await admin.end();
  }
  if (state.ok) {
    console.log(`seed database ${SEED_DB}: reused (seeded ${state.meta.seededAt.toISOString()}, ${JSON.stringify(state.meta.counts)})`);
    return state.meta;
  }
  console.log(`seed database ${SEED_DB}: ${state.reason}; seeding it (kept for the next runs)…`);
  return buildSeed(dir);
}

const EMPLOYER_COLUMNS = ['id', 'name', 'credit_code', 'industry_code', 'town_code', 'address', 'contact_name', 'contact_phone_cipher', 'verification', 'verified_at', 'lat', 'lng', 'created_at', 'updated_at', 'verification_reason', 'created_by'];
/** As bench/posts-lib.mjs insertPosts writes them. */
const POST_COLUMNS = [
  'id', 'employer_id', 'title', 'occupation_code', 'description', 'skills', 'wage_min', 'wage_max', 'wage_unit', 'monthly_wage_min', 'type', 'headcount', 'town_code',
  'village_code', 'address', 'lat', 'lng', 'benefits', 'start_date', 'end_date', 'status', 'compliance_flags', 'review_note', 'reviewed_by', 'reviewed_at',
  'submitted_at', 'open_reports', 'published_at', 'refreshed_at', 'expires_at', 'created_at', 'updated_at',
];
/** As bench/residents-lib.mjs insertResidents writes them. */
const RESIDENT_COLUMNS = [
  'id', 'name', 'id_number_cipher', 'id_number_hash', 'phone_cipher', 'phone_hash', 'gender', 'birth_date', 'village_code', 'town_code', 'education', 'skills',
  'desired_occupations', 'desired_town_codes', 'max_commute_km', 'expected_wage_min', 'wage_unit', 'availability', 'key_groups', 'status', 'consent_method',
  'consent_at', 'consent_by', 'registered_by', 'user_id', 'created_at', 'updated_at',
];
/** The end of a firm's name in bench/posts-lib.mjs (its trade), for the firms of the same trade added here. */
const FIRM_SUFFIX = /(食品有限公司|豆制品厂|塑业有限公司|编织袋厂|石材有限公司|建材厂|机械制造有限公司|机械厂|服饰有限公司|制衣厂|建筑工程有限公司|建设有限公司|农业开发有限公司|果品专业合作社|物流有限公司|运输有限公司|物业服务有限公司|保安服务有限公司|餐饮管理有限公司|文化旅游有限公司|康养服务中心|护理院|商贸有限公司|电子商务有限公司)$/;
const SIBLING_WORDS = ['昌盛', '隆达', '金源', '丰泽', '德润', '合力', '安泰', '博远', '诚信', '鼎盛', '富民', '广源', '豪迈', '嘉禾', '锦程', '开元', '利民', '茂源', '南山', '群益', '荣华', '尚品', '通达', '万家', '祥和', '益民', '远航', '正泰', '志成', '中兴', '翠屏', '北庄', '徐庄', '水泉', '城头', '冯卯'];

async function insertRows(conn, table, columns, rows, batch = 2000) {
  for (let i = 0; i < rows.length; i += batch) await conn.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [rows.slice(i, i + batch)]);
}

/**
 * Migrates a fresh seed database with the API, bulk-inserts the data, restarts the API once (it indexes
 * the posts' keywords), writes the meta row. Resolves the meta.
 */
async function buildSeed(dir) {
  const t0 = performance.now();
  const admin = await connectDb(null);
  await admin.query(`DROP DATABASE IF EXISTS \`${SEED_DB}\``);
  await admin.query(`CREATE DATABASE \`${SEED_DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const migrate = await startApi({ dbName: SEED_DB, dir, label: 'seed-migrate' });
  await migrate.proc.stop();
  const conn = await connectDb(SEED_DB);
  try {
    await insertSeed(conn);
    console.log(`  rows inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s (with the migrating start); indexing the posts' keywords (an API start)…`);
    const index = await startApi({ dbName: SEED_DB, dir, label: 'seed-index' });
    await index.proc.stop();
    await conn.query('ANALYZE TABLE residents, job_postings, post_search_terms, applications, application_steps, users, employers, auth_sessions, wechat_subscriptions');
    const counts = await liveCounts(conn, SEED_DB);
    const seededAt = new Date();
    await conn.query(`CREATE TABLE ${META} (version INT NOT NULL, seeded_at DATETIME(3) NOT NULL, counts TEXT NOT NULL)`);
    await conn.query(`INSERT INTO ${META} VALUES (?, ?, ?)`, [SEED.version, seededAt, JSON.stringify(counts)]);
    console.log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
    return { version: SEED.version, seededAt, counts };
  } finally {
    await conn.end();
  }
}

/** The seed's rows (a seeded generator: the same people, posts and applications each time, ids aside). */
async function insertSeed(conn) {
  const now = Date.now();
  const rand = rng(20261207);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const cipher = personalDataCipher();
  const shared = createRequire(import.meta.url)('@zaogong/shared'); // libs/shared/dist, built with the API
  const creditCode = (orgBase) => {
    const body = `91370406${orgBase}${shared.orgCodeCheckChar(orgBase)}`;
    return body + shared.creditCodeCheckChar(body);
  };
  const ref = await referenceFromDb(conn);
  const townName = new Map(ref.towns.map((t) => [t.code, t.name]));
  const short = (name) => name.replace(/(街道|镇|经济开发区)$/, '');

  // Employers: the 36 of posts-lib (3 per trade) and 8 more firms of the same trade beside each.
  const { employers: base, next } = postRecords({ ...ref, now, seed: 20261207 });
  const employerRows = base.map((e) => e.row);
  const groupOf = new Map();
  base.forEach((e, b) => {
    const group = [e.id];
    for (let k = 1; k <= SEED.siblings; k++) {
      const town = pick(ref.towns);
      const word = SIBLING_WORDS[(b * SEED.siblings + k) % SIBLING_WORDS.length];
      const at = new Date(now - (30 + Math.floor(rand() * 600)) * DAY);
      const id = randomUUID();
      const i = b * 10 + k;
      group.push(id);
      employerRows.push([id, `山亭区${short(town.name)}${word}${e.name.match(FIRM_SUFFIX)?.[0] ?? '有限公司'}`, creditCode(`MC${String(i).padStart(6, '0')}`), e.row[3], town.code, `${town.name}${word}路${1 + Math.floor(rand() * 200)}号`, nthName(3000 + i), cipher.encrypt(nthPhone(70_000 + i)), 'verified', at, null, null, at, at, null, null]);
    }
    groupOf.set(e.id, group);
  });
  await insertRows(conn, 'employers', EMPLOYER_COLUMNS, employerRows);

  // Posts: posts-lib's generator, each given to one of the firms of its trade.
  const posts = [];
  const postRows = [];
  for (let i = 0; i < SEED.posts; i++) {
    const p = next(i);
    p.employerId = pick(groupOf.get(p.employerId));
    posts.push(p);
    postRows.push([
      p.id, p.employerId, p.title, p.occupationCode, p.description, JSON.stringify(p.skills), p.wageMin, p.wageMax, p.wageUnit, p.monthlyWageMin, p.type, p.headcount,
      p.townCode, p.villageCode, p.address, p.lat?.toFixed(6) ?? null, p.lng?.toFixed(6) ?? null, JSON.stringify(p.benefits), p.startDate, p.endDate, p.status,
      JSON.stringify(p.complianceFlags), p.reviewNote, p.reviewedBy, p.reviewedAt, p.submittedAt, p.openReports, p.publishedAt, p.refreshedAt, p.expiresAt, p.createdAt, p.updatedAt,
    ]);
  }
  await insertRows(conn, 'job_postings', POST_COLUMNS, postRows, 1000);

  // Residents (matching-lib's work profile); three in ten have a seeker account of their own.
  const nextResident = residentRecords({ villageCodes: ref.villages.map((v) => v.code), seed: 20261208, fields: seekerFields(ref), now });
  const residents = Array.from({ length: SEED.residents }, (_, i) => nextResident(i));
  const users = [];
  const userRow = (id, role, name, regionCode, employerId, openid, at) => [id, role, name, regionCode, employerId, openid, at, at, 1, 0];
  let seekerNo = 0;
  residents.forEach((r, i) => {
    r.userId = null;
    if (i % 10 < 3 && seekerNo < SEED.seekerAccounts) {
      r.userId = randomUUID();
      users.push(userRow(r.userId, 'seeker', r.name, null, null, `o-crowd-s-${seekerNo++}`, r.createdAt));
    }
  });

  // Liaisons: 6 镇街 (the most people) and 14 村居 of the other 镇街, so no two see the same people.
  const perTown = new Map();
  const perVillage = new Map();
  for (const r of residents) {
    perTown.set(r.townCode, (perTown.get(r.townCode) ?? 0) + 1);
    perVillage.set(r.villageCode, (perVillage.get(r.villageCode) ?? 0) + 1);
  }
  const liaisonTowns = [...perTown].sort((a, b) => b[1] - a[1]).slice(0, SEED.liaisonTowns).map(([code]) => code);
  const liaisonVillages = [...perVillage].filter(([code]) => !liaisonTowns.includes(code.slice(0, 9))).sort((a, b) => b[1] - a[1]).slice(0, SEED.liaisonVillages).map(([code]) => code);
  const liaisons = [...liaisonTowns, ...liaisonVillages].map((regionCode, i) => ({ id: randomUUID(), regionCode, name: nthName(50_000 + i) }));
  const seedAt = new Date(now - 400 * DAY);
  liaisons.forEach((l, i) => users.push(userRow(l.id, 'liaison', l.name, l.regionCode, null, `o-crowd-l-${i}`, seedAt)));
  const liaisonOf = (r) => liaisons.find((l) => l.regionCode === r.villageCode || l.regionCode === r.townCode)?.id ?? null;

  // One member account per employer.
  const memberOf = new Map();
  employerRows.forEach((e, i) => {
    const id = randomUUID();
    memberOf.set(e[0], id);
    users.push(userRow(id, 'employer', e[6], null, e[0], `o-crowd-e-${i}`, e[12]));
  });
  await insertRows(conn, 'users', ['id', 'role', 'name', 'region_code', 'employer_id', 'wechat_openid', 'created_at', 'updated_at', 'auth_version', 'mfa_failures'], users);

  await insertRows(
    conn,
    'residents',
    RESIDENT_COLUMNS,
    residents.map((r) => [
      r.id, r.name, cipher.encrypt(r.idNumber), cipher.blindIndex('id_number', r.idNumber), cipher.encrypt(r.phone), cipher.blindIndex('phone', r.phone), r.gender,
      r.birthDate, r.villageCode, r.townCode, r.education, JSON.stringify(r.skills), JSON.stringify(r.desiredOccupations), JSON.stringify(r.desiredTownCodes),
      r.maxCommuteKm, r.expectedWageMin, r.wageUnit, JSON.stringify(r.availability), JSON.stringify(r.keyGroups), r.status, r.userId ? 'self' : r.consentMethod,
      r.createdAt, null, r.userId ? null : liaisonOf(r), r.userId, r.createdAt, r.createdAt,
    ]),
  );

  // Every account may get every WeChat template (plenty of subscriptions); a fifth of the seekers also want SMS.
  const at = new Date(now);
  await insertRows(conn, 'wechat_subscriptions', ['user_id', 'template_id', 'remaining', 'updated_at'], users.flatMap((u) => TEMPLATE_IDS.map((t) => [u[0], t, 100_000, at])));
  await insertRows(conn, 'notification_settings', ['user_id', 'muted_types', 'sms', 'updated_at'], users.filter((u, i) => u[1] === 'seeker' && i % 5 === 0).map((u) => [u[0], '[]', 1, at]));

  // Sessions (as a WeChat login writes them) for every employer member, every liaison and 2,000 seekers looking for work.
  const clientSeekers = residents.filter((r) => r.userId && r.status === 'seeking').slice(0, SEED.seekerSessions).map((r) => r.userId);
  const sessionUsers = [...memberOf.values(), ...liaisons.map((l) => l.id), ...clientSeekers];
  await insertRows(conn, 'auth_sessions', ['id', 'user_id', 'method', 'mfa_at', 'created_at', 'last_seen_at', 'ended_at', 'ended_reason', 'ip'], sessionUsers.map((u) => [randomUUID(), u, 'wechat', null, at, at, null, null, '127.0.0.1']));

  // Applications: people looking for work, popular posts more often; each with the steps that led to its status.
  const seeking = residents.filter((r) => r.status === 'seeking');
  const taken = new Set();
  const apps = [];
  const steps = [];
  const stepRow = (appId, status, t, byUser, byRole, interviewAt = null, place = null) => steps.push([randomUUID(), appId, status, null, interviewAt, place, byUser, byRole, new Date(t)]);
  while (apps.length < SEED.applications) {
    const r = pick(seeking);
    const p = posts[Math.floor(posts.length * rand() ** 1.7)];
    const key = `${p.id}|${r.id}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const id = randomUUID();
    const self = r.userId && rand() < 0.85;
    const createdBy = self ? r.userId : (liaisonOf(r) ?? liaisons[0].id);
    const member = memberOf.get(p.employerId);
    const final = weighted(rand, [['applied', 35], ['viewed', 25], ['interview', 12], ['offered', 5], ['rejected', 15], ['withdrawn', 8]]);
    let t = p.publishedAt.getTime() + rand() * Math.max(0, now - p.publishedAt.getTime() - DAY);
    const created = new Date(t);
    const later = () => (t = Math.min(now - 60_000, t + rand() * 3 * DAY));
    stepRow(id, 'applied', t, createdBy, self ? 'seeker' : 'liaison');
    let interviewAt = null;
    let place = null;
    if (['viewed', 'interview', 'offered'].includes(final) || (final === 'rejected' && rand() < 0.6) || (final === 'withdrawn' && rand() < 0.4)) stepRow(id, 'viewed', later(), member, 'employer');
    if (final === 'interview' || (final === 'offered' && rand() < 0.7) || (final === 'rejected' && rand() < 0.3)) {
      interviewAt = new Date(later() + (1 + Math.floor(rand() * 5)) * DAY);
      place = `${townName.get(p.townCode)}工业园`;
      stepRow(id, 'interview', t, member, 'employer', interviewAt, place);
    }
    if (final === 'offered' || final === 'rejected') stepRow(id, final, later(), member, 'employer');
    if (final === 'withdrawn') stepRow(id, 'withdrawn', later(), r.userId ?? createdBy, r.userId ? 'seeker' : 'liaison');
    apps.push([id, p.id, r.id, p.employerId, final, self ? 'self' : 'liaison', createdBy, interviewAt, place, null, created, new Date(t), null]);
  }
  await insertRows(conn, 'applications', ['id', 'post_id', 'resident_id', 'employer_id', 'status', 'source', 'created_by', 'interview_at', 'interview_place', 'hire_id', 'created_at', 'updated_at', 'event_id'], apps);
  await insertRows(conn, 'application_steps', ['id', 'application_id', 'status', 'note', 'interview_at', 'interview_place', 'by_user', 'by_role', 'at'], steps);
}

/**
 * A fresh copy of the seed database named `runName` (dropped first): the same tables and indexes, the
 * same rows. Posts' dates move forward by the seed's age (so none has expired meanwhile) and the sessions
 * count as used just now (staff sessions end after 30 idle minutes). Resolves the seconds it took.
 */
export async function cloneSeed(runName, meta) {
  const t0 = performance.now();
  const c = await connectDb(null);
  try {
    await c.query(`DROP DATABASE IF EXISTS \`${runName}\``);
    await c.query(`CREATE DATABASE \`${runName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [tables] = await c.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'", [SEED_DB]);
    for (const { t } of tables) {
      if (t === META) continue;
      await c.query(`CREATE TABLE \`${runName}\`.\`${t}\` LIKE \`${SEED_DB}\`.\`${t}\``);
      await c.query(`INSERT INTO \`${runName}\`.\`${t}\` SELECT * FROM \`${SEED_DB}\`.\`${t}\``);
    }
    const age = Math.floor((Date.now() - meta.seededAt.getTime()) / 1000);
    if (age > 3600) {
      const days = Math.floor(age / 86_400);
      const shift = (col) => `${col} = ${col} + INTERVAL ${age} SECOND`;
      const shiftDate = (col) => `${col} = IF(${col} IS NULL, NULL, DATE_FORMAT(DATE_ADD(${col}, INTERVAL ${days} DAY), '%Y-%m-%d'))`;
      await c.query(`UPDATE \`${runName}\`.job_postings SET ${['published_at', 'refreshed_at', 'expires_at', 'submitted_at', 'reviewed_at', 'created_at', 'updated_at'].map(shift).join(', ')}, ${shiftDate('start_date')}, ${shiftDate('end_date')}`);
    }
    await c.query(`UPDATE \`${runName}\`.auth_sessions SET last_seen_at = UTC_TIMESTAMP(3)`);
  } finally {
    await c.end();
  }
  return (performance.now() - t0) / 1000;
}

export async function dropDatabase(name) {
  const c = await connectDb(null);
  await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await c.end();
}

// ── who the clients are ───────────────────────────────────────────────────────

/** An access token as SessionsService.tokens signs it (HS256, 2 hours), for a session row of the seed. */
export function mintToken({ userId, role, regionCode = null, employerId = null, sessionId }) {
  const iat = Math.floor(Date.now() / 1000);
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc({ sub: userId, role, rc: regionCode, eid: employerId, sid: sessionId, ver: 1, iat, exp: iat + 7200 });
  return `${head}.${body}.${createHmac('sha256', JWT_SECRET).update(`${head}.${body}`).digest('base64url')}`;
}

/** Accounts with a session (and a fresh token each), the posts, and the 村居 of each 镇街, read from a run's database. */
export async function loadRoster(conn) {
  const [seekers] = await conn.query(
    "SELECT u.id AS userId, s.id AS sessionId, r.id AS residentId FROM users u JOIN auth_sessions s ON s.user_id = u.id JOIN residents r ON r.user_id = u.id WHERE u.role = 'seeker' ORDER BY u.id",
  );
  const [employers] = await conn.query("SELECT u.id AS userId, s.id AS sessionId, u.employer_id AS employerId FROM users u JOIN auth_sessions s ON s.user_id = u.id WHERE u.role = 'employer' ORDER BY u.id");
  const [liaisons] = await conn.query("SELECT u.id AS userId, s.id AS sessionId, u.region_code AS regionCode FROM users u JOIN auth_sessions s ON s.user_id = u.id WHERE u.role = 'liaison' ORDER BY u.region_code");
  const [posts] = await conn.query("SELECT id, employer_id AS employerId, town_code AS townCode FROM job_postings WHERE status = 'published' ORDER BY id");
  const [villages] = await conn.query("SELECT code, parent_code AS town FROM regions WHERE level = 'village' ORDER BY code");
  const [towns] = await conn.query("SELECT code FROM regions WHERE level = 'town' ORDER BY code");
  const postsOf = new Map();
  for (const p of posts) postsOf.set(p.employerId, [...(postsOf.get(p.employerId) ?? []), p.id]);
  const villagesOf = new Map();
  for (const v of villages) villagesOf.set(v.town, [...(villagesOf.get(v.town) ?? []), v.code]);
  // Each liaison writes only the people of their own area (the areas do not overlap).
  for (const l of liaisons) {
    const col = l.regionCode.length === 9 ? 'town_code' : 'village_code';
    const [rows] = await conn.query(`SELECT id FROM residents WHERE ${col} = ? ORDER BY id`, [l.regionCode]);
    l.residentIds = rows.map((r) => r.id);
    l.villages = l.regionCode.length === 9 ? (villagesOf.get(l.regionCode) ?? []) : [l.regionCode];
  }
  return {
    seekers: seekers.map((s) => ({ ...s, token: mintToken({ ...s, role: 'seeker' }) })),
    employers: employers.map((e) => ({ ...e, token: mintToken({ ...e, role: 'employer' }), postIds: postsOf.get(e.employerId) ?? [] })).filter((e) => e.postIds.length),
    liaisons: liaisons.map((l) => ({ ...l, token: mintToken({ ...l, role: 'liaison' }) })),
    postIds: posts.map((p) => p.id),
    towns: towns.map((t) => t.code),
  };
}

// ── HTTP ──────────────────────────────────────────────────────────────────────

const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 1024 });

/**
 * One request to the API on loopback over the keep-alive agent: resolves { status (0 on a network
 * error), body (parsed when `parse` or not 2xx), ms, error }. A request that fails at once on a reused
 * keep-alive socket the server had just closed is sent again, as browsers do.
 */
export function call(port, { method = 'GET', path, token, body, key, parse = false, timeoutMs = 15_000 }) {
  const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
  const headers = { accept: 'application/json' };
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  const once = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      let settled = false;
      const done = (r) => {
        if (settled) return;
        settled = true;
        resolve({ ...r, ms: performance.now() - t0 });
      };
      const req = httpRequest({ host: LOOPBACK, port, path: API + path, method, headers, agent, timeout: timeoutMs }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          let json = null;
          if (parse || status >= 300) {
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              json = null;
            }
          }
          done({ status, body: json });
        });
        res.on('error', (e) => done({ status: 0, error: e.code ?? e.message }));
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
      req.on('error', (e) => done({ status: 0, error: e.code ?? e.message, reused: req.reusedSocket }));
      req.end(payload ?? undefined);
    });
  return once().then((r) => (r.status === 0 && r.reused && r.error === 'ECONNRESET' ? once() : r));
}

// ── figures ───────────────────────────────────────────────────────────────────

/** The live processes of process group `pgid` (Linux /proc): pid, RSS in MB, CPU seconds so far (USER_HZ 100), the command line. */
export function groupProcesses(pgid) {
  const out = [];
  let names = [];
  try {
    names = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) !== pgid) continue;
      const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1] ?? 0) / 1024;
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean).map((a) => a.replace(/^.*\//, '')).join(' ');
      out.push({ pid: Number(name), rssMb: rss, cpu: (Number(f[11]) + Number(f[12])) / 100, cmd: cmd.slice(0, 60) });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

/**
 * Samples MariaDB's connections to database `db` every `everyMs` (information_schema.processlist, from a
 * connection of its own): resolves stop() → { samples, connections (mean), busy (mean, not Sleep), busyMax }.
 */
export async function sampleDbConnections(db, everyMs = 1000) {
  const c = await connectDb(null);
  const seen = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      const [[r]] = await c.query("SELECT COUNT(*) AS n, SUM(command <> 'Sleep') AS busy FROM information_schema.processlist WHERE db = ? AND id <> CONNECTION_ID()", [db]);
      seen.push({ n: Number(r.n), busy: Number(r.busy ?? 0) });
      await sleep(everyMs);
    }
  })();
  return async () => {
    on = false;
    await loop;
    await c.end();
    const mean = (f) => seen.reduce((a, x) => a + f(x), 0) / Math.max(1, seen.length);
    return { samples: seen.length, connections: mean((x) => x.n), busy: mean((x) => x.busy), busyMax: Math.max(0, ...seen.map((x) => x.busy)) };
  };
}

/** Latencies and answers per request kind (e.g. "seeker recommendations"); `expected` statuses are not errors. */
export class Recorder {
  constructor() {
    this.kinds = new Map();
    this.on = true;
  }

  kind(role, name, expected = []) {
    const k = `${role}|${name}`;
    if (!this.kinds.has(k)) this.kinds.set(k, { role, name, expected: new Set(expected), ms: [], statuses: new Map(), errors: 0, samples: [] });
    return k;
  }

  add(k, r) {
    if (!this.on) return;
    const s = this.kinds.get(k);
    s.ms.push(r.ms);
    const label = r.label ?? (r.status === 0 ? r.error || 'network' : String(r.status));
    s.statuses.set(label, (s.statuses.get(label) ?? 0) + 1);
    const ok = (r.status >= 200 && r.status < 300) || s.expected.has(r.status);
    if (!ok) {
      s.errors += 1;
      if (s.samples.length < 3) s.samples.push(`${label} ${r.body ? JSON.stringify(r.body).slice(0, 160) : ''}`.trim());
    }
  }

  reset() {
    for (const s of this.kinds.values()) {
      s.ms = [];
      s.statuses = new Map();
      s.errors = 0;
      s.samples = [];
    }
  }

  /** Rows per kind, then per role and overall: requests, req/s, p50/p95/p99/max ms, errors, statuses. */
  rows(seconds) {
    const line = (label, ms, errors, statuses) => {
      const sorted = Float64Array.from(ms).sort();
      const st = [...statuses].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' ');
      return [label, String(ms.length), (ms.length / seconds).toFixed(1), ...[50, 95, 99].map((p) => (sorted.length ? percentile(sorted, p).toFixed(0) : '-')), sorted.length ? sorted[sorted.length - 1].toFixed(0) : '-', String(errors), st];
    };
    const merge = (list) => {
      const statuses = new Map();
      for (const s of list) for (const [k, v] of s.statuses) statuses.set(k, (statuses.get(k) ?? 0) + v);
      return [list.flatMap((s) => s.ms), list.reduce((a, s) => a + s.errors, 0), statuses];
    };
    const all = [...this.kinds.values()];
    const out = [['kind', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'statuses']];
    for (const role of [...new Set(all.map((s) => s.role))]) {
      const mine = all.filter((s) => s.role === role);
      for (const s of mine) out.push(line(`${role} ${s.name}`, s.ms, s.errors, s.statuses));
      out.push(line(`${role} (all)`, ...merge(mine)));
    }
    out.push(line('overall', ...merge(all)));
    return out;
  }

  /** Requests, errors and p50/p95/p99 over every kind, or over the kinds of the roles given. */
  totals(roles = null) {
    const all = [...this.kinds.values()].filter((s) => !roles || roles.includes(s.role));
    const ms = Float64Array.from(all.flatMap((s) => s.ms)).sort();
    return { requests: ms.length, errors: all.reduce((a, s) => a + s.errors, 0), p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
  }

  errorSamples() {
    return [...this.kinds.values()].filter((s) => s.samples.length).map((s) => `${s.role} ${s.name}: ${s.samples.join(' | ')}`);
  }
}

// ── the clients ───────────────────────────────────────────────────────────────

const KEYWORDS = ['焊工', '电焊', '叉车', '保洁', '普工', '豆腐', '司机', '缝纫', '采摘', '厨师', '包装', '保安', '月嫂', '日结', '包吃住'];
const OCCUPATION_QUERIES = ['焊', '电工', '保洁', '司机', '叉车', '缝纫', '厨', '普工'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '孙'];

/**
 * Fault-mode writes: the Idempotency-Key, the retries with the same key, and the ledger of what each
 * client believes happened. `outcome` is done (2xx), refused (a 4xx answer, kept as the first answer),
 * or unresolved (still no answer when `giveUpMs` ran out).
 */
export class WriteLedger {
  constructor({ giveUpMs = 120_000 } = {}) {
    this.entries = [];
    this.giveUpMs = giveUpMs;
    this.seq = 0;
  }

  async write(ctx, k, req, fields) {
    const entry = { ...fields, kind: k, key: `crowd-${process.pid}-${++this.seq}-${randomUUID().slice(0, 8)}`, attempts: 0, answers: [], outcome: null, body: null, firstAt: Date.now() };
    this.entries.push(entry);
    for (let backoff = 200; ; backoff = Math.min(2000, backoff * 2)) {
      const r = await call(ctx.port(), { ...req, key: entry.key, parse: true });
      entry.attempts += 1;
      const stillRunning = r.status === 409 && /正在处理/.test(String(r.body?.message ?? ''));
      ctx.rec.add(k, stillRunning ? { ...r, label: '409(still running)' } : r);
      entry.answers.push(r.status === 0 ? r.error : stillRunning ? '409-pending' : r.status);
      if (r.status >= 200 && r.status < 300) {
        Object.assign(entry, { outcome: 'done', body: r.body });
        return r;
      }
      const retry = r.status === 0 || r.status >= 500 || r.status === 429 || stillRunning;
      if (!retry) {
        Object.assign(entry, { outcome: 'refused', body: r.body });
        return r;
      }
      if (Date.now() - entry.firstAt > this.giveUpMs) {
        entry.outcome = 'unresolved';
        return r;
      }
      await sleep(backoff);
    }
  }
}

/**
 * The 200 clients: `counts` per role, each a closed loop of actions drawn by weight until `ctx.stopAt`.
 * ctx: { port() (the API's current port), rec (Recorder), roster, ledger (fault mode: WriteLedger, else
 * null), rand }. Seekers and employers each act for a pool of accounts (a crowd of different people);
 * each liaison is one account and writes only the people of their own area.
 */
export function makeClients(ctx, counts) {
  const { roster, rec } = ctx;
  const rand = ctx.rand;
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const K = {
    postsFirst: rec.kind('anonymous', 'GET /posts (first page)'),
    postsKeyword: rec.kind('anonymous', 'GET /posts?q='),
    postDetail: rec.kind('anonymous', 'GET /posts/:id'),
    regions: rec.kind('anonymous', 'GET /regions'),
    occupations: rec.kind('anonymous', 'GET /occupations?q='),
    publicStats: rec.kind('anonymous', 'GET /public/stats'),
    recommend: rec.kind('seeker', 'GET /matching/residents/:id/posts'),
    myApps: rec.kind('seeker', 'GET /applications (own)'),
    apply: rec.kind('seeker', 'POST /applications', [409]),
    candidates: rec.kind('employer', 'GET /matching/posts/:id/candidates', [429]),
    applicants: rec.kind('employer', 'GET /applications?postId='),
    allApplicants: rec.kind('employer', 'GET /applications (all)'),
    patchApp: rec.kind('employer', 'PATCH /applications/:id', [409]),
    residents: rec.kind('liaison', 'GET /residents'),
    today: rec.kind('liaison', 'GET /liaison/today'),
    areaApps: rec.kind('liaison', 'GET /applications (area)'),
    patchResident: rec.kind('liaison', 'PATCH /residents/:id'),
  };
  const get = async (k, path, token, parse = false) => {
    const r = await call(ctx.port(), { path, token, parse });
    rec.add(k, r);
    if (r.status === 0) await sleep(100); // the API is away: do not spin
    return r;
  };
  /** A write: plain in the load run; with a key, retried and written down in the fault run. */
  const write = async (k, req, fields) => {
    if (ctx.ledger) return ctx.ledger.write(ctx, k, req, fields);
    const r = await call(ctx.port(), { ...req, parse: true });
    rec.add(k, r);
    if (r.status === 0) await sleep(100);
    return r;
  };
  let interviewMinute = 0;
  const interviewAt = () => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + (2 * 1440 + interviewMinute++) * 60_000).toISOString();

  const anonymous = () => async () => {
    const a = weighted(rand, [['first', 22], ['keyword', 25], ['detail', 30], ['regions', 8], ['occupations', 5], ['stats', 10]]);
    if (a === 'first') return get(K.postsFirst, rand() < 0.7 ? '/posts' : `/posts?townCode=${pick(roster.towns)}`);
    if (a === 'keyword') return get(K.postsKeyword, `/posts?q=${encodeURIComponent(pick(KEYWORDS))}${rand() < 0.3 ? `&townCode=${pick(roster.towns)}` : ''}`);
    if (a === 'detail') return get(K.postDetail, `/posts/${pick(roster.postIds)}`);
    if (a === 'regions') return get(K.regions, `/regions?parent=${rand() < 0.5 ? '370406' : pick(roster.towns)}`);
    if (a === 'occupations') return get(K.occupations, `/occupations?q=${encodeURIComponent(pick(OCCUPATION_QUERIES))}`);
    return get(K.publicStats, '/public/stats');
  };

  const seeker = (pool) => {
    const state = new Map(pool.map((s) => [s.userId, { recommended: [], applied: new Set() }]));
    return async () => {
      const s = pick(pool);
      const st = state.get(s.userId);
      const a = weighted(rand, [['recommend', 40], ['mine', 35], ['apply', 25]]);
      if (a === 'recommend' || (a === 'apply' && st.recommended.length === 0 && rand() < 0.5)) {
        const r = await get(K.recommend, `/matching/residents/${s.residentId}/posts?limit=20`, s.token, true);
        if (r.status === 200) st.recommended = (r.body?.items ?? []).map((i) => i.postId ?? i.post?.id).filter(Boolean);
        return r;
      }
      if (a === 'mine') return get(K.myApps, '/applications', s.token);
      const fresh = st.recommended.filter((id) => !st.applied.has(id));
      const postId = fresh.length ? pick(fresh) : pick(roster.postIds);
      st.applied.add(postId);
      return write(K.apply, { method: 'POST', path: '/applications', token: s.token, body: { postId } }, { op: 'apply', userId: s.userId, residentId: s.residentId, postId });
    };
  };

  const NEXT = { applied: [['viewed', 60], ['interview', 30], ['rejected', 10]], viewed: [['interview', 70], ['rejected', 30]], interview: [['offered', 60], ['rejected', 40]] };
  const employer = (pool) => {
    const state = new Map(pool.map((e) => [e.userId, { open: [], quotaLeft: true }]));
    return async () => {
      const e = pick(pool);
      const st = state.get(e.userId);
      let a = weighted(rand, [['candidates', 30], ['applicants', 35], ['all', 10], ['patch', 25]]);
      if (a === 'candidates' && !st.quotaLeft) a = 'applicants';
      if (a === 'patch' && st.open.length === 0) a = 'applicants';
      if (a === 'candidates') {
        const r = await get(K.candidates, `/matching/posts/${pick(e.postIds)}/candidates?limit=10`, e.token);
        if (r.status === 429) st.quotaLeft = false; // 今天查看推荐人选已达上限: the page says come back tomorrow
        return r;
      }
      if (a === 'applicants' || a === 'all') {
        const r = await get(a === 'all' ? K.allApplicants : K.applicants, a === 'all' ? '/applications' : `/applications?postId=${pick(e.postIds)}`, e.token, true);
        if (r.status === 200) {
          const open = (r.body?.items ?? []).filter((i) => NEXT[i.status]).map((i) => ({ id: i.id, status: i.status }));
          if (open.length) st.open = open;
        }
        return r;
      }
      const app = st.open.splice(Math.floor(rand() * st.open.length), 1)[0];
      const status = weighted(rand, NEXT[app.status]);
      const body = status === 'interview' ? { status, interviewAt: interviewAt(), interviewPlace: '厂区办公楼一楼' } : { status };
      return write(K.patchApp, { method: 'PATCH', path: `/applications/${app.id}`, token: e.token, body }, { op: 'patch', userId: e.userId, applicationId: app.id, from: app.status, status, interviewAt: body.interviewAt ?? null });
    };
  };

  const liaison = (l) => {
    let n = 0;
    return async () => {
      const a = weighted(rand, [['residents', 35], ['today', 20], ['apps', 20], ['patch', 25]]);
      if (a === 'residents') {
        const q = rand() < 0.2 ? `?q=${encodeURIComponent(pick(SURNAMES))}` : l.regionCode.length === 9 && rand() < 0.5 ? `?villageCode=${pick(l.villages)}` : rand() < 0.3 ? '?status=seeking' : '';
        return get(K.residents, `/residents${q}`, l.token);
      }
      if (a === 'today') return get(K.today, '/liaison/today', l.token);
      if (a === 'apps') return get(K.areaApps, '/applications', l.token);
      // Each pass over the area's people writes another value (元/月, ends in 50: never a seeded one).
      const i = n++;
      const residentId = l.residentIds[i % l.residentIds.length];
      const wage = 2050 + (Math.floor(i / l.residentIds.length) % 50) * 100;
      return write(K.patchResident, { method: 'PATCH', path: `/residents/${residentId}`, token: l.token, body: { expectedWageMin: wage, wageUnit: 'month' } }, { op: 'resident', userId: l.userId, residentId, wage });
    };
  };

  const split = (xs, n) => Array.from({ length: n }, (_, i) => xs.filter((_, j) => j % n === i)).filter((p) => p.length);
  const loops = [];
  for (let i = 0; i < counts.anonymous; i++) loops.push(['anonymous', anonymous()]);
  for (const pool of split(roster.seekers, counts.seekers)) loops.push(['seeker', seeker(pool)]);
  for (const pool of split(roster.employers, counts.employers)) loops.push(['employer', employer(pool)]);
  for (const l of roster.liaisons.slice(0, counts.liaisons)) loops.push(['liaison', liaison(l)]);
  return loops;
}

/**
 * Runs every client's loop until ctx.stopAt (each finishes the action it is in). With ctx.thinkMs a client
 * waits between actions, as a person reads a page before the next tap: a random 0.5–1.5 × thinkMs.
 */
export async function runClients(ctx, loops) {
  const think = ctx.thinkMs ? () => sleep(ctx.thinkMs * (0.5 + ctx.rand())) : null;
  await Promise.all(
    loops.map(async ([, step]) => {
      // Spread the first requests over one think time, not all at once.
      if (think) await sleep(ctx.thinkMs * ctx.rand());
      while (Date.now() < ctx.stopAt) {
        try {
          await step();
        } catch (e) {
          console.error(`client error: ${e instanceof Error ? e.stack : e}`);
          await sleep(100);
        }
        if (think && Date.now() < ctx.stopAt) await think();
      }
    }),
  );
}

/** The personal-data cipher's decryption (apps/api/src/common/crypto/personal-data-cipher.ts). */
export function decryptor(dataKey = DATA_KEY) {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(dataKey, 'utf8'), 'zaogong', 'personal-data-encryption', 32));
  return (value) => {
    const raw = Buffer.from(value.slice(3), 'base64');
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  };
}

/**
 * From the API's JSON log: error-level lines (pino ≥ 50) counted by message, with the first frames of the
 * API's own code from their stack; and the requests answered 5xx counted by method and route (ids as :id).
 */
export function logErrors(file) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { errors: [], routes: [] };
  }
  const errors = new Map();
  const routes = new Map();
  const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let l;
    try {
      l = JSON.parse(line);
    } catch {
      continue;
    }
    if (l.level >= 50) {
      const frames = String(l.trace ?? l.err?.stack ?? '')
        .split('\n')
        .filter((f) => f.includes('/apps/api/src/'))
        .slice(0, 2)
        .map((f) => f.trim().replace(/^at /, '').replace(/\(?\/.*\/apps\/api\/src\//, '(').replace(/\)?$/, ')'));
      bump(errors, `${l.context ?? '-'}: ${String(l.msg ?? '').slice(0, 200)}${frames.length ? ` at ${frames.join(' < ')}` : ''}`);
    }
    if (l.res?.statusCode >= 500 && l.req) bump(routes, `${l.res.statusCode} ${l.req.method} ${String(l.req.path ?? l.req.url).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id')}`);
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { errors: sorted(errors), routes: sorted(routes) };
}

/** The API's 5xx answers by route and its error-level log lines, as logErrors (crowd-lib.mjs) counts them. */
export function printLogErrors({ errors, routes }) {
  if (routes.length) console.log(`API answers 5xx by route: ${routes.map(([r, n]) => `${n} × ${r}`).join('; ')}`);
  if (errors.length) console.log('API log lines at error level (count × context: message at frames):');
  for (const [m, n] of errors.slice(0, 10)) console.log(`  ${n} × ${m}`);
}

if (process.argv[2] === 'gateway' && process.argv[1] === fileURLToPath(import.meta.url)) runGateway();
