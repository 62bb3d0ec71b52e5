// Helpers for the notifications benchmark: a counting stand-in for WeChat's server API (run as its own
// process: `node bench/notifications-lib.mjs wechat-stand-in`), worker processes (scripts/start-api.mjs
// --worker) on a Redis key prefix of their own, the API's Nest application context inside the bench
// process (migrations, the digest), bulk inserts of WeChat deliveries and of seekers with accounts, and
// the removal of the bench's Redis keys. Not a benchmark itself.
import { randomUUID } from 'node:crypto';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cleanEnv, freePort, root, sleep, startGroup, tail, tempDir, waitFor200 } from './lib.mjs';
import { DATA_KEY, personalDataCipher, residentRecords } from './residents-lib.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => join(root, 'dist/apps/api/apps/api/src', path);
export const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123';
export const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const APPID = 'wx-bench-appid';
const SECRET = 'bench-wechat-secret';
const TOKEN = 'bench-access-token';
/** Wall-clock ms with sub-ms precision, comparable between processes of this machine. */
export const wallMs = () => performance.timeOrigin + performance.now();

// ── the WeChat stand-in (child process) ───────────────────────────────────────

/**
 * Loopback only. /cgi-bin/stable_token hands out one token; /cgi-bin/message/subscribe/send checks the
 * token, the template and the fields, counts each touser and answers errcode 0 after the latency. The
 * bench reads /__stats (counts, first and last send), /__received (touser → times) and POSTs
 * /__reset?latency=<ms> (clears the counts and sets the reply delay).
 */
function runStandIn() {
  let latency = 0;
  let received = new Map();
  let s = { sends: 0, rejected: 0, tokens: 0, first: null, last: null, lastRejection: null };
  const reply = (res, body, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://stand-in');
      let body = {};
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return reply(res, { errcode: 47001, errmsg: 'data format error' });
      }
      if (url.pathname === '/__stats') return reply(res, { ...s, distinct: received.size });
      if (url.pathname === '/__received') return reply(res, Object.fromEntries(received));
      if (url.pathname === '/__reset') {
        latency = Number(url.searchParams.get('latency') || 0);
        received = new Map();
        s = { sends: 0, rejected: 0, tokens: 0, first: null, last: null, lastRejection: null };
        return reply(res, { ok: true });
      }
      if (url.pathname === '/cgi-bin/stable_token') {
        s.tokens += 1;
        if (body.appid !== APPID || body.secret !== SECRET) return reply(res, { errcode: 40125, errmsg: 'invalid appsecret' });
        return reply(res, { access_token: TOKEN, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        const reject = (errcode, errmsg) => {
          s.rejected += 1;
          s.lastRejection = `${errcode} ${errmsg}`;
          reply(res, { errcode, errmsg });
        };
        if (url.searchParams.get('access_token') !== TOKEN) return reject(40001, 'invalid credential');
        if (!body.touser || !body.template_id || !body.data || typeof body.data !== 'object') return reject(47003, 'argument invalid');
        const t = wallMs();
        s.sends += 1;
        s.first ??= t;
        s.last = t;
        received.set(body.touser, (received.get(body.touser) ?? 0) + 1);
        if (latency > 0) return void setTimeout(() => reply(res, { errcode: 0, errmsg: 'ok' }), latency);
        return reply(res, { errcode: 0, errmsg: 'ok' });
      }
      reply(res, { errcode: -1, errmsg: 'not found' }, 404);
    });
  }).listen(Number(process.env.PORT), '127.0.0.1');
}

/** Starts the stand-in on a free loopback port; resolves { base, proc, stats(), received(), reset(latencyMs) }. */
export async function startStandIn() {
  const port = await freePort();
  const logFile = join(tempDir('zg-bench-wechat-'), 'stand-in.log');
  const proc = startGroup(process.execPath, [fileURLToPath(import.meta.url), 'wechat-stand-in'], { env: cleanEnv({ PORT: String(port) }), logFile });
  await waitFor200(port, '/__stats', { proc, timeoutMs: 15_000 });
  const base = `http://127.0.0.1:${port}`;
  const json = async (path, method = 'GET') => (await fetch(`${base}${path}`, { method })).json();
  return {
    base,
    proc,
    stats: () => json('/__stats'),
    received: () => json('/__received'),
    reset: (latencyMs = 0) => json(`/__reset?latency=${latencyMs}`, 'POST'),
  };
}

/**
 * The stand-in alone, as a baseline: `count` sends from this process, `concurrency` at a time (as many
 * as one worker's queue concurrency), with a valid token. Resolves messages per second.
 */
export async function standInBaseline(standIn, { count, concurrency }) {
  let next = 0;
  const t0 = performance.now();
  const loop = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${standIn.base}/cgi-bin/message/subscribe/send?access_token=${TOKEN}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ touser: `baseline-${i}`, template_id: 'baseline', page: 'pages/index/index', data: { thing1: { value: '基线' } } }),
      });
      await res.json();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const perSecond = count / ((performance.now() - t0) / 1000);
  await standIn.reset();
  return perSecond;
}

// ── worker processes ──────────────────────────────────────────────────────────

/** The environment of the API's processes in this bench. */
export function apiEnv({ databaseUrl, queuePrefix, wechatBase, dataDir, logLevel = 'info' }) {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    WECHAT_API_BASE: wechatBase,
    WECHAT_APPID: APPID,
    WECHAT_SECRET: SECRET,
    JWT_SECRET,
    DATA_KEY,
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: logLevel,
    SKIP_BUILD: '1',
  };
}

/**
 * `count` worker processes (`node scripts/start-api.mjs --worker`), each in its own process group, their
 * logs at info level (for the "Worker started" line). Resolves the handles and when each was spawned.
 */
export function startWorkers(count, env) {
  const dir = tempDir('zg-bench-workers-');
  return Array.from({ length: count }, (_, i) => {
    const logFile = join(dir, `worker-${i + 1}.log`);
    const spawnedAt = wallMs();
    const proc = startGroup(process.execPath, ['scripts/start-api.mjs', '--worker'], { env: cleanEnv({ ...env, DATA_DIR: join(dir, 'data') }), logFile });
    return { proc, logFile, spawnedAt };
  });
}

/** Resolves the wall-clock time each worker logged "Worker started" (polled); rejects if one exits. */
export async function workersStarted(workers, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  const started = workers.map(() => null);
  while (started.some((s) => s === null)) {
    workers.forEach((w, i) => {
      if (started[i] !== null) return;
      if (w.proc.exitInfo) throw new Error(`worker ${i + 1} exited (${JSON.stringify(w.proc.exitInfo)})\n${tail(w.logFile)}`);
      let text = '';
      try {
        text = readFileSync(w.logFile, 'utf8');
      } catch {
        /* not yet */
      }
      const line = text.split('\n').find((l) => l.includes('Worker started'));
      if (line) started[i] = JSON.parse(line).time;
    });
    if (Date.now() > deadline) throw new Error(`workers not started within ${timeoutMs} ms\n${workers.map((w) => tail(w.logFile, 10)).join('\n')}`);
    if (started.some((s) => s === null)) await sleep(25);
  }
  return started;
}

/** Lines of a JSON log at warn level or above (pino levels ≥ 40), as "context: message". */
export function logWarnings(file) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const l = JSON.parse(line);
      if (l.level >= 40) out.push(`${l.context ?? '-'}: ${l.msg}`);
    } catch {
      /* not a log line */
    }
  }
  return out;
}

/**
 * CPU seconds (user + system) used so far by the database and Redis servers of this machine, found by
 * name in /proc (only read; null when not found, e.g. a server elsewhere). USER_HZ = 100 as in lib.mjs.
 */
export function serverCpuSeconds() {
  const out = { mariadb: null, redis: null };
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let comm;
    let stat;
    try {
      comm = readFileSync(`/proc/${name}/comm`, 'utf8').trim();
      if (!['mariadbd', 'mysqld', 'redis-server'].includes(comm)) continue;
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const key = comm === 'redis-server' ? 'redis' : 'mariadb';
    out[key] = (out[key] ?? 0) + (Number(f[11]) + Number(f[12])) / 100;
  }
  return out;
}

/** CPU seconds the whole machine has been busy (all cores; /proc/stat, USER_HZ = 100), null elsewhere. */
export function machineBusySeconds() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / 100;
  } catch {
    return null;
  }
}

// ── the API in this process ───────────────────────────────────────────────────

/**
 * The API's Nest application context in this process (dist/, after buildApi): opening it migrates the
 * database and seeds the reference data. No processors (runProcessors false), no HTTP; its outbox
 * hands deliveries to the queues under `queuePrefix`, where the workers take them.
 */
export async function openApiContext(env, logFile) {
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(dist('app.module.js'));
  const { loadConfig } = require(dist('config/app-config.js'));
  const { createRootLogger, PinoNestLogger } = require(dist('common/logging/logger.js'));
  const config = loadConfig({ ...env, LOG_LEVEL: 'warn' }, root);
  const logger = new PinoNestLogger(createRootLogger('warn', createWriteStream(logFile, { flags: 'a' })));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runProcessors: false, servesHttp: false }), { logger });
  await app.init();
  return {
    app,
    digest: app.get(require(dist('notifications/digest/job-digest.service.js')).JobDigestService),
    matchIndex: app.get(require(dist('matching/match-index.service.js')).MatchIndexService),
    quietUntil: require(dist('notifications/wechat-templates.js')).quietUntil,
    rankPeople: require(dist('matching/engine/engine.js')).rankPeople,
    digestMinScore: require(dist('notifications/digest/job-digest.service.js')).DIGEST_MIN_SCORE,
    close: () => app.close(),
  };
}

// ── data ──────────────────────────────────────────────────────────────────────

/** `count` users with an openid `${openidPrefix}-<i>`, each with `remaining` subscriptions of `templateId`. Resolves their ids. */
export async function insertWechatUsers(conn, { count, openidPrefix, templateId, remaining = 1, userIds }) {
  const now = new Date();
  const ids = userIds ?? Array.from({ length: count }, () => randomUUID());
  for (let start = 0; start < count; start += 2000) {
    const slice = ids.slice(start, start + 2000);
    await conn.query('INSERT INTO users (id, role, name, wechat_openid, created_at, updated_at) VALUES ?', [slice.map((id, k) => [id, 'seeker', `求职者${start + k}`, `${openidPrefix}-${start + k}`, now, now])]);
    await conn.query('INSERT INTO wechat_subscriptions (user_id, template_id, remaining, updated_at) VALUES ?', [slice.map((id) => [id, templateId, remaining, now])]);
  }
  return ids;
}

/**
 * One pending WeChat delivery per user, never queued (queued_at NULL), with its notification (type
 * application_update, which is never held back at night), as NotificationOutbox.write() stores them.
 */
export async function insertPendingDeliveries(conn, { userIds, templateId, run }) {
  const now = new Date();
  const data = JSON.stringify({ thing1: { value: '普工' }, thing2: { value: '山亭区鑫源食品有限公司' }, phrase3: { value: '已查看' }, thing4: { value: '企业已查看您的报名' } });
  for (let start = 0; start < userIds.length; start += 1000) {
    const n = [];
    const d = [];
    userIds.slice(start, start + 1000).forEach((userId, k) => {
      const id = randomUUID();
      const eventKey = `bench:${run}:${start + k}:${userId}`;
      n.push([id, userId, null, 'application_update', '企业已查看您的报名', '山亭区鑫源食品有限公司已查看您对「普工」的报名。', '/pages/index/index', eventKey, data, null, null, now]);
      d.push([randomUUID(), id, 'wechat', 'pending', `${eventKey}:wechat`, templateId, 0, 0, 0, null, null, null, null, now, now]);
    });
    await conn.query('INSERT INTO notifications (id, user_id, resident_id, type, title, body, page, event_key, wechat_data, sms_text, read_at, created_at) VALUES ?', [n]);
    await conn.query(
      'INSERT INTO notification_deliveries (id, notification_id, channel, status, idempotency_key, template_id, attempts, generation, quota_taken, not_before, queued_at, sent_at, last_error, created_at, updated_at) VALUES ?',
      [d],
    );
  }
}

const RESIDENT_COLUMNS = [
  'id', 'name', 'id_number_cipher', 'id_number_hash', 'phone_cipher', 'phone_hash', 'gender', 'birth_date', 'village_code', 'town_code', 'education', 'skills',
  'desired_occupations', 'desired_town_codes', 'max_commute_km', 'expected_wage_min', 'wage_unit', 'availability', 'key_groups', 'status', 'consent_method',
  'consent_at', 'consent_by', 'registered_by', 'user_id', 'created_at', 'updated_at',
];

/**
 * `userIds.length` residents of bench/residents-lib residentRecords over `villageCodes` (real ciphertext
 * of 身份证号 and phone), each linked to one of the accounts, their work columns from `fields`.
 */
export async function insertSeekers(conn, { userIds, villageCodes, fields, seed = 20261130 }) {
  const next = residentRecords({ villageCodes, seed, fields });
  const cipher = personalDataCipher();
  for (let start = 0; start < userIds.length; start += 2000) {
    const rows = [];
    for (let i = start; i < Math.min(userIds.length, start + 2000); i++) {
      const r = next(i);
      rows.push([
        r.id, r.name, cipher.encrypt(r.idNumber), cipher.blindIndex('id_number', r.idNumber), cipher.encrypt(r.phone), cipher.blindIndex('phone', r.phone), r.gender,
        r.birthDate, r.villageCode, r.townCode, r.education, JSON.stringify(r.skills), JSON.stringify(r.desiredOccupations), JSON.stringify(r.desiredTownCodes),
        r.maxCommuteKm, r.expectedWageMin, r.wageUnit, JSON.stringify(r.availability), JSON.stringify(r.keyGroups), r.status, r.consentMethod, r.createdAt, null, null,
        userIds[i], r.createdAt, r.createdAt,
      ]);
    }
    await conn.query(`INSERT INTO residents (${RESIDENT_COLUMNS.join(', ')}) VALUES ?`, [rows]);
  }
  await conn.query('ANALYZE TABLE residents, users, wechat_subscriptions');
}

/** Deliveries by status, and how many were never queued. */
export async function deliveryCounts(conn) {
  const [rows] = await conn.query('SELECT status, COUNT(*) AS n, SUM(queued_at IS NULL) AS unqueued, SUM(attempts > 1) AS retried, MAX(attempts) AS maxAttempts FROM notification_deliveries GROUP BY status');
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  return {
    by,
    total: rows.reduce((a, r) => a + Number(r.n), 0),
    unqueued: rows.reduce((a, r) => a + Number(r.unqueued), 0),
    retried: rows.reduce((a, r) => a + Number(r.retried), 0),
    maxAttempts: Math.max(0, ...rows.map((r) => Number(r.maxAttempts))),
  };
}

// ── Redis ─────────────────────────────────────────────────────────────────────

/** Null when Redis does not answer; else a client (ioredis) for counts and the cleanup. */
export async function connectRedis() {
  const { Redis } = require('ioredis');
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch (e) {
    console.warn(`Redis at ${REDIS_URL} does not answer (${e.message}): nothing measured`);
    client.disconnect();
    return null;
  }
}

/** Failed jobs and leftover waiting/active/delayed jobs of the notifications queue under `prefix`. */
export async function queueLeftovers(redis, prefix) {
  const k = (s) => `${prefix}:notifications:${s}`;
  const [failed, waiting, active, delayed] = await Promise.all([redis.zcard(k('failed')), redis.llen(k('wait')), redis.llen(k('active')), redis.zcard(k('delayed'))]);
  return { failed, waiting, active, delayed };
}

/** Deletes every key under `prefix:` (this bench's queues only). */
export async function dropRedisPrefix(redis, prefix) {
  let cursor = '0';
  let dropped = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) dropped += await redis.del(...keys);
  } while (cursor !== '0');
  return dropped;
}


if (process.argv[2] === 'wechat-stand-in' && process.argv[1] === fileURLToPath(import.meta.url)) runStandIn();
