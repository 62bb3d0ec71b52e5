// Helpers for the residents benchmarks: the real API on a temporary database (SQLite file or a fresh
// MariaDB database that is dropped afterwards), dev logins, valid 身份证号s, the personal-data cipher
// (to write records the API can read), a seeded ledger of residents and its bulk inserter, process memory
// and percentiles. Not a benchmark itself.
import { execFileSync } from 'node:child_process';
import { createCipheriv, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConnection } from 'mysql2/promise';
import { cleanEnv, freePort, rng, root, startGroup, tail, tempDir, waitFor200, weighted } from './lib.mjs';

export const API = '/api/v1';
export const DATA_KEY = 'bench-data-key-0123456789abcdef0123456789';
const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123';
export const MARIADB_URL = process.env.BENCH_MARIADB_URL || 'mariadb://root@127.0.0.1:3306';

/** Compiles the API once (incremental), so each start below skips the build. */
export function buildApi() {
  execFileSync(process.execPath, ['scripts/build-api.mjs'], { cwd: root, stdio: 'inherit' });
}

/** A fresh MariaDB database; `drop()` removes it. Null when the server does not answer. */
export async function createMariadbDatabase(prefix = 'zaogong_bench') {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  let admin;
  try {
    admin = await createConnection({ uri: MARIADB_URL.replace(/^mariadb:/, 'mysql:'), connectTimeout: 2000 });
  } catch (e) {
    console.warn(`MariaDB at ${MARIADB_URL} does not answer (${e.message}): its part is skipped`);
    return null;
  }
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const [[{ v }]] = await admin.query('SELECT VERSION() AS v');
  await admin.end();
  return {
    name,
    version: v,
    url: `${MARIADB_URL.replace(/\/$/, '')}/${name}`,
    connect: () => createConnection({ uri: `${MARIADB_URL.replace(/^mariadb:/, 'mysql:').replace(/\/$/, '')}/${name}`, timezone: 'Z' }), // as the API's TypeORM options
    drop: async () => {
      const c = await createConnection({ uri: MARIADB_URL.replace(/^mariadb:/, 'mysql:') });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/**
 * `npm run start:api` (built tree) on `databaseUrl`; resolves { port, proc, base, logFile } once it
 * answers. `env` adds or overrides settings (e.g. LOG_LEVEL: 'info' to read the start-up lines).
 */
export async function startApi(databaseUrl, label, env = {}) {
  const dir = tempDir();
  const port = await freePort();
  const logFile = join(dir, `${label}.log`);
  const fullEnv = cleanEnv({
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: join(dir, 'data'),
    JWT_SECRET,
    DATA_KEY,
    AUTH_DEV_LOGIN: 'true',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    SKIP_BUILD: '1',
    ...env,
  });
  const proc = startGroup(process.execPath, ['scripts/start-api.mjs'], { env: fullEnv, logFile });
  try {
    await waitFor200(port, `${API}/health/ready`, { proc, timeoutMs: 180_000, intervalMs: 100 });
  } catch (e) {
    await proc.stop();
    throw e;
  }
  return { port, proc, base: `http://127.0.0.1:${port}${API}`, logFile, log: () => tail(logFile) };
}

export async function login(base, body) {
  const res = await fetch(`${base}/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`dev-login ${res.status}: ${await res.text()}`);
  return (await res.json()).token;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A 身份证号 with a GB 11643 check character: 山亭区 area code, the birth date, a 3-digit sequence. */
export function idNumber(birth, seq) {
  const body = `370406${birth}${String(seq).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  return body + ID_CHECK[sum % 11];
}

/** The i-th of a run of distinct valid 身份证号s: births spread over 1960–2003, then the sequence varies. */
export function nthIdNumber(i) {
  const DAYS = 16_000;
  const d = new Date(Date.UTC(1960, 0, 1) + (i % DAYS) * 86_400_000);
  return idNumber(d.toISOString().slice(0, 10).replaceAll('-', ''), Math.floor(i / DAYS) % 1000);
}

export const nthPhone = (i) => `13${String(5 + (i % 5))}${String(i).padStart(8, '0')}`;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '秀英芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华建国玉梅红志伟春海德福金凤文斌立新成';
/** A plausible name from a seeded stream of numbers. */
export function nthName(i) {
  const s = SURNAMES[(i * 7919) % SURNAMES.length];
  const a = GIVEN[(i * 104729) % GIVEN.length];
  const b = GIVEN[(i * 1299709) % GIVEN.length];
  return i % 3 === 0 ? s + a : s + a + b;
}

/** The API's personal-data cipher (apps/api/src/common/crypto/personal-data-cipher.ts), for direct inserts. */
export function personalDataCipher(dataKey = DATA_KEY) {
  const ikm = Buffer.from(dataKey, 'utf8');
  const encKey = Buffer.from(hkdfSync('sha256', ikm, 'zaogong', 'personal-data-encryption', 32));
  const indexKey = Buffer.from(hkdfSync('sha256', ikm, 'zaogong', 'personal-data-blind-index', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return 'v1:' + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    blindIndex: (kind, value) => createHmac('sha256', indexKey).update(`${kind}:${value}`).digest('hex'),
  };
}

/** Memory of the processes of a process group (Linux /proc): the largest one's current and peak RSS, in MB. */
export function groupMemory(pgid) {
  let best = null;
  for (const m of groupMembers(pgid)) if (!best || m.rssMb > best.rssMb) best = m;
  return best;
}

/** Every process of a process group (an API cluster: the primary and its processes), with RSS and peak RSS. */
export function groupMembers(pgid) {
  const members = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    let status;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      status = readFileSync(`/proc/${name}/status`, 'utf8');
    } catch {
      continue;
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(f[2]) !== pgid) continue;
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    members.push({ pid: Number(name), rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 });
  }
  return members;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const KEY_GROUPS = ['graduate', 'veteran', 'disabled', 'returning_migrant', 'hard_to_employ', 'low_income'];
/** Statuses of a district ledger, with weights. */
export const LEDGER_STATUSES = [
  ['seeking', 45],
  ['employed', 30],
  ['self_employed', 5],
  ['not_seeking', 10],
  ['migrated', 10],
];
const EDUCATION = ['primary', 'junior_high', 'junior_high', 'senior_high', 'vocational', 'college', 'bachelor', null];
const LEDGER_OCCUPATIONS = ['6-05-01', '6-10-02', '4-02-01', '4-01-06', '5-02-02', '6-02-01', '4-01-08'];

/**
 * The work columns of the residents-list ledger (few trades, wages in 元/月): education, skills,
 * desired occupations and 镇街, travel distance, expected wage, availability, status. A `fields` hook
 * of residentRecords; another hook draws them otherwise (bench/matching-lib.mjs).
 */
export function ledgerFields(rand) {
  const wage = rand() < 0.7 ? 2500 + Math.floor(rand() * 40) * 100 : null;
  return {
    education: EDUCATION[Math.floor(rand() * EDUCATION.length)],
    skills: rand() < 0.5 ? ['缝纫', '包装'] : ['电焊'],
    desiredOccupations: [LEDGER_OCCUPATIONS[Math.floor(rand() * LEDGER_OCCUPATIONS.length)]],
    desiredTownCodes: [],
    maxCommuteKm: rand() < 0.6 ? 5 + Math.floor(rand() * 40) : null,
    expectedWageMin: wage,
    wageUnit: wage === null ? null : 'month',
    availability: rand() < 0.6 ? ['full_time'] : ['full_time', 'gig'],
    status: weighted(rand, LEDGER_STATUSES),
  };
}

/**
 * A seeded stream of residents over `villageCodes` (uneven 村居 sizes; key groups in realistic
 * shares; two years of registrations): returns i → record, its work columns from `fields(rand, {
 * villageCode, townCode })`. The same seed and villages give the same people (ids aside).
 */
export function residentRecords({ villageCodes, seed = 20261123, fields = ledgerFields, now = Date.now() }) {
  const rand = rng(seed);
  const villageWeights = villageCodes.map((code) => [code, 1 + Math.floor(rand() * 3)]);
  const twoYears = 2 * 365 * 86_400_000;
  return (i) => {
    const idNumber = nthIdNumber(i);
    const villageCode = weighted(rand, villageWeights);
    const townCode = villageCode.slice(0, 9);
    const k = rand();
    const keyGroups = k < 0.65 ? [] : k < 0.92 ? [KEY_GROUPS[Math.floor(rand() * 6)]] : [KEY_GROUPS[Math.floor(rand() * 3)], KEY_GROUPS[3 + Math.floor(rand() * 3)]];
    const createdAt = new Date(now - Math.floor(rand() * twoYears));
    const work = fields(rand, { villageCode, townCode });
    const consentMethod = rand() < 0.7 ? 'signature' : 'verbal';
    return {
      id: randomUUID(),
      name: nthName(i),
      idNumber,
      phone: nthPhone(i),
      gender: Number(idNumber[16]) % 2 ? 'male' : 'female',
      birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      villageCode,
      townCode,
      keyGroups,
      createdAt,
      consentMethod,
      ...work,
    };
  };
}

const RESIDENT_COLUMNS = [
  'id', 'name', 'id_number_cipher', 'id_number_hash', 'phone_cipher', 'phone_hash', 'gender', 'birth_date', 'village_code', 'town_code', 'education', 'skills',
  'desired_occupations', 'desired_town_codes', 'max_commute_km', 'expected_wage_min', 'wage_unit', 'availability', 'key_groups', 'status', 'consent_method',
  'consent_at', 'consent_by', 'registered_by', 'user_id', 'created_at', 'updated_at',
];

/**
 * Bulk-inserts `count` residents of residentRecords over the database's 村居 with mysql2 (real
 * ciphertext and blind indexes, so the API can read them), then ANALYZEs the table. Resolves the
 * seconds the INSERTs took.
 */
export async function insertResidents(conn, { count, seed, fields }) {
  const [villages] = await conn.query("SELECT code FROM regions WHERE level = 'village' ORDER BY code");
  const next = residentRecords({ villageCodes: villages.map((v) => v.code), seed, fields });
  const cipher = personalDataCipher();
  const t0 = performance.now();
  const BATCH = 2000;
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const r = next(i);
      rows.push([
        r.id, r.name, cipher.encrypt(r.idNumber), cipher.blindIndex('id_number', r.idNumber), cipher.encrypt(r.phone), cipher.blindIndex('phone', r.phone), r.gender,
        r.birthDate, r.villageCode, r.townCode, r.education, JSON.stringify(r.skills), JSON.stringify(r.desiredOccupations), JSON.stringify(r.desiredTownCodes),
        r.maxCommuteKm, r.expectedWageMin, r.wageUnit, JSON.stringify(r.availability), JSON.stringify(r.keyGroups), r.status, r.consentMethod, r.createdAt, null, null,
        null, r.createdAt, r.createdAt,
      ]);
    }
    await conn.query(`INSERT INTO residents (${RESIDENT_COLUMNS.join(', ')}) VALUES ?`, [rows]);
  }
  const seconds = (performance.now() - t0) / 1000;
  await conn.query('ANALYZE TABLE residents');
  return seconds;
}
