// 城镇新增就业 on MariaDB at district scale: the API (scripts/start-api.mjs) migrates a fresh database
// (dropped at the end); 100,000 residents (real ciphertext), a few hundred employers with published posts,
// and 200,000 hires over four years are bulk-inserted with mysql2, with the new_employment rows the API
// would have written. Then GET /stats/employment is timed as a district admin and as a 镇街 liaison (~200
// sequential requests each after warm-up: p50/p95/p99; goal p95 < 100 ms) with the EXPLAIN of its count
// queries, and the 新增就业实名制台账 of the busiest year (≥ 50,000 people) is exported: time to the first
// byte and to the last, file size, the API's RSS before and at its peak during the export.
// Figures only. Env: BENCH_RESIDENTS (default 100000), BENCH_HIRES (default 200000), BENCH_REQUESTS
// (default 200), BENCH_MARIADB_URL, BENCH_KEEP_DATABASE=1 (leave the database in place).
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { clearInterval, setInterval } from 'node:timers';
import { fileSize, printTable, rng, tempDir, weighted } from './lib.mjs';
import { insertPosts } from './posts-lib.mjs';
import { buildApi, createMariadbDatabase, groupMemory, insertResidents, login, nthName, nthPhone, percentile, personalDataCipher, startApi } from './residents-lib.mjs';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS || 100_000);
const HIRES = Number(process.env.BENCH_HIRES || 200_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);
const WARMUP = 20;
const EXTRA_EMPLOYERS = 300;
const POSTS = 3000;
const TOWN = '370406001'; // 山城街道, the largest 镇街
const DAY = 86_400_000;
const NOW = new Date();
const THIS_YEAR = Number(new Date(NOW.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
/** Hires per start year: the last full year is the busiest (the annual ledger a clerk files). */
const YEAR_SHARES = [
  [THIS_YEAR - 3, 0.15],
  [THIS_YEAR - 2, 0.2],
  [THIS_YEAR - 1, 0.4],
  [THIS_YEAR, 0.25],
];
const LEDGER_YEAR = THIS_YEAR - 1;
/** Start months: few in January and around 春节, most after it. */
const MONTH_WEIGHTS = [4, 5, 13, 11, 9, 8, 8, 8, 10, 9, 8, 7].map((w, i) => [i + 1, w]);
/** Share of a year's hires that is a second (or third) hire of someone already hired that year. */
const REPEAT_SHARE = 0.15;
const VERIFIED_SHARE = 0.85;

const sharedLib = () => createRequire(import.meta.url)('@zaogong/shared'); // libs/shared/dist, after buildApi()

/** A 统一社会信用代码 with valid check characters, from the shared validators (orgBase: 8 characters). */
function creditCode(orgBase) {
  const { creditCodeCheckChar, orgCodeCheckChar } = sharedLib();
  const body = `91370406${orgBase}${orgCodeCheckChar(orgBase)}`;
  return body + creditCodeCheckChar(body);
}

const FIRMS = ['鑫盛', '华联', '恒信', '瑞祥', '金鼎', '宏远', '顺通', '永泰', '盛达', '福瑞', '天和', '泰安', '鲁鑫', '兴旺', '众联', '宏昌', '聚源', '旺福', '佳和', '明德'];
const KINDS = [
  ['C', '食品有限公司'],
  ['C', '塑编厂'],
  ['C', '机械加工厂'],
  ['E', '建筑劳务有限公司'],
  ['G', '物流有限公司'],
  ['H', '餐饮店'],
  ['O', '物业服务有限公司'],
  ['A', '种植专业合作社'],
  ['F', '商贸有限公司'],
  ['Q', '康养中心'],
];

/** More employers beside the posting ones of insertPosts: small firms that hire without posting. */
async function insertMoreEmployers(conn, towns, count) {
  const cipher = personalDataCipher();
  const rows = [];
  for (let i = 0; i < count; i++) {
    const town = towns[i % towns.length];
    const [industry, suffix] = KINDS[i % KINDS.length];
    const at = new Date(NOW.getTime() - (400 + (i % 300)) * DAY);
    rows.push([randomUUID(), `山亭区${town.name.replace(/(街道|镇)$/, '')}${FIRMS[i % FIRMS.length]}${suffix}${i >= FIRMS.length ? `${Math.floor(i / FIRMS.length) + 1}分公司` : ''}`, creditCode(`MB${String(100_000 + i * 37).padStart(6, '0')}`), industry, town.code, `${town.name}工业园${i + 1}号`, nthName(i + 900), cipher.encrypt(nthPhone(i + 9000)), 'verified', at, at, at]);
  }
  await conn.query('INSERT INTO employers (id, name, credit_code, industry_code, town_code, address, contact_name, contact_phone_cipher, verification, verified_at, created_at, updated_at) VALUES ?', [rows]);
}

const HIRE_COLUMNS = [
  'id', 'resident_id', 'employer_id', 'post_id', 'application_id', 'start_date', 'start_year', 'wage', 'wage_unit', 'source', 'employer_confirmed_at', 'employer_confirmed_by',
  'person_confirmed_at', 'person_confirmed_by', 'admin_verified_by', 'admin_verified_reason', 'verified', 'verified_at', 'created_by', 'created_at', 'updated_at',
];

/**
 * 200,000 hires over four years and the new_employment rows for them. The API maintains new_employment
 * itself when a hire becomes verified (HiresService.afterVerified in apps/api/src/hires/hires.service.ts);
 * here it is computed the same way: per person and start year, the verified hire with the earliest start
 * date (the first one verified on a tie), with the person's 村居, 镇街 and key groups.
 */
async function insertHires(conn, { residents, employers, postsOf }) {
  const rand = rng(20261130);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const users = Array.from({ length: 40 }, () => randomUUID()); // liaisons, employers' staff, admins
  const counted = new Map(); // `${year}:${residentId}` → the hire that counts
  const t0 = performance.now();
  let rows = [];
  let inserted = 0;
  const flush = async () => {
    if (rows.length) await conn.query(`INSERT INTO hires (${HIRE_COLUMNS.join(', ')}) VALUES ?`, [rows]);
    inserted += rows.length;
    rows = [];
  };
  for (const [year, share] of YEAR_SHARES) {
    const total = Math.round(HIRES * share);
    const distinct = Math.min(residents.length, Math.round(total * (1 - REPEAT_SHARE)));
    // The year's people: a random sample of the ledger (partial Fisher–Yates), then repeats among them.
    const order = residents.map((_, i) => i);
    for (let i = 0; i < distinct; i++) {
      const j = i + Math.floor(rand() * (order.length - i));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lastDay = year === THIS_YEAR ? new Date(NOW.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : `${year}-12-31`;
    for (let k = 0; k < total; k++) {
      const person = residents[order[k < distinct ? k : Math.floor(rand() * distinct)]];
      let startDate;
      do {
        const month = weighted(rand, MONTH_WEIGHTS);
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        startDate = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * days)).padStart(2, '0')}`;
      } while (startDate > lastDay);
      const employer = pick(employers);
      const posts = postsOf.get(employer) ?? [];
      const source = weighted(rand, [['application', 40], ['employer', 25], ['liaison', 30], ['admin', 5]]);
      const recorded = new Date(Date.parse(`${startDate}T09:00:00+08:00`) + Math.floor(rand() * 20 * DAY));
      const verified = rand() < VERIFIED_SHARE;
      const byAdmin = verified && rand() < 0.04;
      const employerSide = (verified && !byAdmin) || (!verified && rand() < 0.6);
      const personSide = (verified && !byAdmin) || (!verified && !employerSide);
      const verifiedAt = verified ? new Date(recorded.getTime() + Math.floor(rand() * 10 * DAY)) : null;
      const wage = rand() < 0.8 ? 2600 + Math.floor(rand() * 50) * 100 : null;
      const id = randomUUID();
      rows.push([
        id, person.id, employer, posts.length && source === 'application' ? pick(posts) : null, null, startDate, year, wage, wage === null ? null : 'month', source,
        employerSide ? recorded : null, employerSide ? pick(users) : null, personSide ? verifiedAt ?? recorded : null, personSide ? pick(users) : null,
        byAdmin ? pick(users) : null, byAdmin ? '电话核实本人已在岗' : null, verified ? 1 : 0, verifiedAt, pick(users), recorded, verifiedAt ?? recorded,
      ]);
      if (verified) {
        const key = `${year}:${person.id}`;
        const held = counted.get(key);
        if (!held || startDate < held.startDate) counted.set(key, { year, residentId: person.id, hireId: id, startDate, person });
      }
      if (rows.length === 2000) await flush();
    }
  }
  await flush();
  const hireSeconds = (performance.now() - t0) / 1000;
  const all = [...counted.values()];
  for (let i = 0; i < all.length; i += 2000) {
    await conn.query('INSERT INTO new_employment (year, resident_id, hire_id, start_date, month, town_code, village_code, key_groups) VALUES ?', [
      all.slice(i, i + 2000).map((c) => [c.year, c.residentId, c.hireId, c.startDate, Number(c.startDate.slice(5, 7)), c.person.town_code, c.person.village_code, c.person.key_groups]),
    ]);
  }
  await conn.query('ANALYZE TABLE hires, new_employment');
  return { hires: inserted, counted: all.length, hireSeconds };
}

async function timed(base, token, path) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

async function measure(base, token, path) {
  for (let i = 0; i < WARMUP; i++) await timed(base, token, path);
  const times = [];
  let body;
  for (let i = 0; i < REQUESTS; i++) {
    const r = await timed(base, token, path);
    times.push(r.ms);
    body = r.body;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times[times.length - 1], body };
}

async function explain(conn, sql, params) {
  const [rows] = await conn.query(`EXPLAIN ${sql}`, params);
  return rows.map((r) => `${r.table}: type=${r.type} key=${r.key ?? '—'} rows≈${r.rows} ${r.Extra ?? ''}`.trim()).join(' | ');
}

/** The SQL EmploymentStatsService.employment sends (apps/api/src/hires/employment-stats.service.ts), for the district or one 镇街. */
function statsSql(town) {
  const scope = town ? ' AND n.town_code = ?' : '';
  const groups = ['graduate', 'veteran', 'disabled', 'returning_migrant', 'hard_to_employ', 'low_income'].map((g) => `SUM(CASE WHEN n.key_groups LIKE '%"${g}"%' THEN 1 ELSE 0 END) AS ${g}`).join(', ');
  return [
    ['totals + key groups', `SELECT COUNT(*) AS count, ${groups} FROM new_employment n WHERE n.year = ?${scope}`],
    ['by 镇街', `SELECT n.town_code, COUNT(*) FROM new_employment n WHERE n.year = ?${scope} GROUP BY n.town_code`],
    ['by month', `SELECT n.month, COUNT(*) FROM new_employment n WHERE n.year = ?${scope} GROUP BY n.month`],
    ['pending', town ? 'SELECT COUNT(*) FROM hires h WHERE h.start_year = ? AND h.verified = 0 AND h.resident_id IN (SELECT r.id FROM residents r WHERE r.town_code = ?)' : 'SELECT COUNT(*) FROM hires h WHERE h.start_year = ? AND h.verified = 0'],
  ];
}

/** p50 of the time the queries take one after the other, over 20 rounds after 3. */
async function sqlRounds(conn, queries, params) {
  const times = [];
  for (let i = 0; i < 23; i++) {
    const t0 = performance.now();
    for (const [, sql] of queries) await conn.query(sql, params);
    if (i >= 3) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

/** Downloads the ledger to a file while sampling the API's memory; returns the figures. */
async function exportLedger(api, token, dir, label) {
  const before = groupMemory(api.proc.pid);
  let peakRss = before.rssMb;
  const sampler = setInterval(() => {
    const m = groupMemory(api.proc.pid);
    if (m && m.rssMb > peakRss) peakRss = m.rssMb;
  }, 25);
  const t0 = performance.now();
  const res = await fetch(`${api.base}/hires/ledger.xlsx?year=${LEDGER_YEAR}`, { headers: { authorization: `Bearer ${token}` } });
  const ttfb = performance.now() - t0;
  if (res.status !== 200) throw new Error(`ledger export answered ${res.status}: ${await res.text()}`);
  const file = join(dir, `${label}.xlsx`);
  await pipeline(Readable.fromWeb(res.body), createWriteStream(file));
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const after = groupMemory(api.proc.pid);
  // Read back with exceljs's streaming reader: the people rows (a number in 序号) and the totals line.
  let people = 0;
  let totals = '';
  for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore' })) {
    for await (const row of ws) {
      const first = row.getCell(1).value;
      if (typeof first === 'number') people += 1;
      else if (typeof first === 'string' && first.startsWith('合计')) totals = first;
    }
  }
  return { ttfb, seconds, bytes: fileSize(file), before, peakRss, after, people, totals, disposition: res.headers.get('content-disposition') };
}

async function main() {
  console.log('building the API (incremental)…');
  buildApi();
  const maria = await createMariadbDatabase('zaogong_bench_hires');
  if (!maria) {
    console.log('MariaDB is not available: nothing measured');
    return;
  }
  let api;
  let conn;
  try {
    api = await startApi(maria.url, 'hires');
    conn = await maria.connect();
    console.log(`MariaDB ${maria.version}: inserting ${RESIDENTS} residents, employers with ${POSTS} posts, ${HIRES} hires…`);
    const residentSeconds = await insertResidents(conn, { count: RESIDENTS });
    const posted = await insertPosts(conn, { count: POSTS, now: NOW.getTime() });
    const [towns] = await conn.query("SELECT code, name FROM regions WHERE level = 'town' ORDER BY code");
    await insertMoreEmployers(conn, towns, EXTRA_EMPLOYERS);
    const [residents] = await conn.query('SELECT id, village_code, town_code, key_groups FROM residents');
    const [employerRows] = await conn.query('SELECT id FROM employers');
    const [postRows] = await conn.query('SELECT id, employer_id FROM job_postings');
    const postsOf = new Map();
    for (const p of postRows) postsOf.set(p.employer_id, [...(postsOf.get(p.employer_id) ?? []), p.id]);
    const made = await insertHires(conn, { residents, employers: employerRows.map((e) => e.id), postsOf });
    console.log(`  residents in ${residentSeconds.toFixed(1)} s; ${employerRows.length} employers (${posted.employers} with posts); ${made.hires} hires in ${made.hireSeconds.toFixed(1)} s; ${made.counted} new_employment rows`);
    const [perYear] = await conn.query('SELECT h.start_year AS year, COUNT(*) AS hires, SUM(h.verified) AS verified, (SELECT COUNT(*) FROM new_employment n WHERE n.year = h.start_year) AS counted FROM hires h GROUP BY h.start_year ORDER BY h.start_year');
    printTable([['year', 'hires', 'verified', 'counted people'], ...perYear.map((r) => [String(r.year), String(r.hires), String(r.verified), String(r.counted)])]);
    const [[{ townCounted }]] = await conn.query('SELECT COUNT(*) AS townCounted FROM new_employment WHERE year = ? AND village_code LIKE ?', [LEDGER_YEAR, `${TOWN}%`]);

    const tokens = {
      admin: await login(api.base, { role: 'admin', name: '区人社局' }),
      liaison: await login(api.base, { role: 'liaison', name: '山城街道联络员', regionCode: TOWN }),
    };
    const path = `/stats/employment?year=${LEDGER_YEAR}`;
    // The first request after start also computes the market indicators (求人倍率, 工资价位), cached 5 minutes.
    const cold = await timed(api.base, tokens.admin, path);
    console.log(`\nfirst GET ${path} after start (fills the market-indicator cache): ${cold.ms.toFixed(1)} ms; count ${cold.body.count}, pending ${cold.body.pending}`);
    const results = [];
    for (const who of ['admin', 'liaison']) {
      const r = await measure(api.base, tokens[who], path);
      results.push({ who, ...r });
      console.log(`  as ${who === 'admin' ? 'district admin' : '镇街 liaison'}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (count ${r.body.count})`);
    }
    console.log(`\nGET /api/v1/stats/employment?year=${LEDGER_YEAR} over ${made.hires} hires (${perYear.find((y) => y.year === LEDGER_YEAR)?.counted} counted that year), ${REQUESTS} sequential requests after ${WARMUP} warm-up (ms):`);
    printTable([['caller', 'p50', 'p95', 'p99', 'max', 'count'], ...results.map((r) => [r.who === 'admin' ? 'district admin' : `镇街 liaison (山城街道)`, r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), String(r.body.count)])]);
    console.log(`goal p95 < 100 ms: ${results.every((r) => r.p95 < 100) ? 'met' : 'NOT met'}`);


    console.log(`\n新增就业实名制台账 (GET /api/v1/hires/ledger.xlsx?year=${LEDGER_YEAR}), streamed:`);
    const dir = tempDir('zg-bench-ledger-');
    for (const [who, label] of [
      ['liaison', `镇街 liaison (${townCounted} people)`],
      ['admin', `district admin (${perYear.find((y) => y.year === LEDGER_YEAR)?.counted} people)`],
    ]) {
      const e = await exportLedger(api, tokens[who], dir, who);
      console.log(
        `  ${label}: first byte ${e.ttfb.toFixed(0)} ms, done in ${e.seconds.toFixed(1)} s, ${(e.bytes / 1048576).toFixed(1)} MB, ${e.people} rows + "${e.totals}"; API RSS before ${e.before.rssMb.toFixed(0)} MB, peak during ${e.peakRss.toFixed(0)} MB (+${(e.peakRss - e.before.rssMb).toFixed(0)}), after ${e.after.rssMb.toFixed(0)} MB; process peak so far (VmHWM) ${e.after.peakMb.toFixed(0)} MB`,
      );
    }

    console.log('\nthe count queries in SQL, one after the other (p50 of 20 rounds), and their plans (the 镇街 case; the district case drops the town condition):');
    const sqlP50 = { admin: await sqlRounds(conn, statsSql(null), [LEDGER_YEAR]), town: await sqlRounds(conn, statsSql(TOWN), [LEDGER_YEAR, TOWN]) };
    printTable([
      ['caller', 'p50 ms'],
      ['district admin', sqlP50.admin.toFixed(1)],
      ['镇街 (山城街道)', sqlP50.town.toFixed(1)],
    ]);
    for (const [name, sql] of statsSql(TOWN)) console.log(`  ${`${name}, 镇街`.padEnd(24)} ${await explain(conn, sql, [LEDGER_YEAR, TOWN])}`);
  } catch (e) {
    if (api) console.error(`--- API log tail ---\n${api.log()}`);
    throw e;
  } finally {
    await conn?.end();
    await api?.proc.stop();
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`database ${maria.name} kept (BENCH_KEEP_DATABASE=1): drop it when done`);
    else await maria.drop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
