// GET /posts keyword search over 20,000 published posts on MariaDB. The API (scripts/start-api.mjs)
// migrates a fresh database (dropped at the end); the posts are bulk-inserted with mysql2 and a restart
// lets the API build its keyword index (post_search_terms), which is timed. Then each search is timed
// over HTTP (~200 sequential requests after warm-up: p50/p95/p99), and the same keyword + filter
// query is run directly in SQL twice in the same run: as the API writes it (term index) and naively
// (LIKE '%…%' on title, description and skills), as a ratio, with the EXPLAINs. Figures only; the
// issue's goal is p95 < 30 ms for a keyword and a filter.
// Env: BENCH_POSTS (default 20000), BENCH_REQUESTS (default 200), BENCH_MARIADB_URL,
// BENCH_KEEP_DATABASE=1 (leave the database in place, for looking into a plan by hand).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { printTable } from './lib.mjs';
import { buildApi, createMariadbDatabase, nthName, nthPhone, percentile, personalDataCipher, startApi } from './residents-lib.mjs';

const POSTS = Number(process.env.BENCH_POSTS || 20_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200);
const WARMUP = 20;
const DAY = 86_400_000;
/** REPORTS_TO_HIDE in libs/shared. */
const HIDE_AT = 3;
/** LIST_LIMIT_DEFAULT + 1: the API reads one row more than a page to know whether another follows. */
const LIMIT = 21;

/** What seekers type most; each is one word of the district dictionary, so the API looks up one term. */
const COMMON = ['焊工', '电焊', '叉车', '保洁', '普工', '豆腐', '司机', '缝纫', '采摘', '厨师'];
/** Words of occupations with few posts: the LIKE scan finds almost nothing and must read every row. */
const RARE = ['养蜂', '月嫂', '盆景', '锅炉'];
const TYPES = ['full_time', 'part_time', 'gig', 'seasonal', 'shared_staff'];
const WAGE_FLOORS = [3000, 4000, 5000, 6000];

/** mulberry32: a small seeded generator, so every run inserts the same posts. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261204);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const between = (lo, hi, step = 1) => lo + Math.floor(rand() * (Math.floor((hi - lo) / step) + 1)) * step;
function weighted(pairs) {
  const total = pairs.reduce((a, [, w]) => a + w, 0);
  let x = rand() * total;
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
}

/** The district's trades (山亭: food and 豆制品, 塑编, 石材, machinery, farming, logistics, care) get most posts. */
const OCCUPATION_WEIGHTS = {
  '6-10-01': 40, '6-10-02': 25, '6-05-01': 25, '6-05-02': 8, '6-05-03': 8, '4-01-06': 15, '4-01-01': 15, '4-01-03': 6,
  '4-02-01': 20, '6-01-01': 10, '6-01-02': 6, '6-01-03': 5, '6-01-04': 5, '6-02-01': 12, '6-02-02': 8, '6-02-04': 10,
  '6-09-01': 15, '5-02-01': 12, '5-02-02': 10, '4-04-01': 12, '4-04-02': 8, '4-04-06': 12, '6-03-01': 10, '6-03-02': 8,
  '6-06-01': 10, '6-06-07': 15, '4-01-08': 10, '4-01-11': 12, '4-05-06': 8, '3-03-01': 10, '4-07-02': 8, '6-04-03': 8, '4-06-01': 5,
};

/** Employer kinds by occupation group: GB/T 4754 门类 and the end of the firm's name. */
const TRADES = [
  { groups: ['6-01', '6-11'], industry: 'C', suffix: ['食品有限公司', '豆制品厂'] },
  { groups: ['6-02'], industry: 'C', suffix: ['塑业有限公司', '编织袋厂'] },
  { groups: ['6-03'], industry: 'C', suffix: ['石材有限公司', '建材厂'] },
  { groups: ['6-04', '6-05', '6-10', '2-03'], industry: 'C', suffix: ['机械制造有限公司', '机械厂'] },
  { groups: ['6-09'], industry: 'C', suffix: ['服饰有限公司', '制衣厂'] },
  { groups: ['6-06', '6-07', '6-08'], industry: 'E', suffix: ['建筑工程有限公司', '建设有限公司'] },
  { groups: ['5-'], industry: 'A', suffix: ['农业开发有限公司', '果品专业合作社'] },
  { groups: ['4-01'], industry: 'G', suffix: ['物流有限公司', '运输有限公司'] },
  { groups: ['4-02', '3-'], industry: 'O', suffix: ['物业服务有限公司', '保安服务有限公司'] },
  { groups: ['4-04', '4-08', '4-10'], industry: 'H', suffix: ['餐饮管理有限公司', '文化旅游有限公司'] },
  { groups: ['4-05', '2-02'], industry: 'Q', suffix: ['康养服务中心', '护理院'] },
  { groups: [''], industry: 'F', suffix: ['商贸有限公司', '电子商务有限公司'] },
];
const tradeOf = (code) => TRADES.findIndex((t) => t.groups.some((g) => code.startsWith(g)));
const FIRM_WORDS = ['鑫源', '华宇', '恒达', '瑞丰', '金山', '宏图', '顺发', '永兴', '盛通', '福源', '天成', '泰和', '鲁南', '兴隆', '众诚', '宏达', '聚鑫', '旺达', '佳禾', '明珠', '东岳', '汇丰', '润和', '新亭'];

const CERTS = { '6-05': '焊工证', '4-01-06': '叉车证', '4-01-01': 'B2驾照', '4-01-03': 'C1驾照', '6-08-01': '电工证', '6-07': '操作证', '4-05-06': '护理证', '6-10-08': '司炉证' };
const TYPE_HINTS = {
  full_time: ['长白班', '两班倒', '包吃住', '熟手', '长期'],
  part_time: ['兼职', '周末班', '晚班', '可在家'],
  gig: ['日结', '零工', '干完结账', '急用'],
  seasonal: ['季节工', '旺季用工', '春节前用工'],
  shared_staff: ['共享员工', '借调三个月'],
};
const REQUIREMENTS = ['有经验优先，无经验可学', '手脚麻利，能吃苦耐劳', '有证优先', '持证上岗', '服从安排，有责任心', '会用智能手机', '初中以上文化', '附近村民优先', '男女不限', '厂里带教'];
const SCHEDULES = ['早8点到晚5点', '两班倒', '长白班，周日休息', '早班4点上班，中午下班', '夜班有补贴', '单休', '做六休一', '农忙时节用工'];
const BENEFIT_PHRASES = {
  meals: ['管三餐', '管午饭', '包吃'],
  housing: ['提供宿舍', '包住', '夫妻房'],
  social_insurance: ['缴纳五险', '交社保'],
  housing_fund: ['有公积金'],
  shuttle: ['厂车接送', '有班车'],
  training: ['岗前免费培训', '可培训取证'],
};
const BENEFIT_SHARES = { meals: 0.6, housing: 0.3, social_insurance: 0.5, housing_fund: 0.15, shuttle: 0.15, training: 0.2 };

/** monthlyEquivalent in libs/shared/src/constants/wage.ts. */
function monthlyEquivalent(amount, unit) {
  if (unit === 'month') return amount;
  if (unit === 'day') return Math.round(amount * 21.75);
  if (unit === 'hour') return Math.round(amount * 8 * 21.75);
  return null;
}

/** A 统一社会信用代码 with valid check characters (GB 11714 organisation code, GB 32100). */
function creditCode(i) {
  const orgBody = `MA${String(3_000_000 + i * 7919).slice(-6)}`;
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let k = 0; k < 8; k++) s += (/\d/.test(orgBody[k]) ? Number(orgBody[k]) : orgBody.charCodeAt(k) - 55) * orgWeights[k];
  const c9 = 11 - (s % 11);
  const body = `91370406${orgBody}${c9 === 10 ? 'X' : c9 === 11 ? '0' : c9}`;
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += chars.indexOf(body[k]) * (3 ** k % 31);
  return body + chars[(31 - (sum % 31)) % 31];
}

const EMPLOYER_COLUMNS = ['id', 'name', 'credit_code', 'industry_code', 'town_code', 'address', 'contact_name', 'contact_phone_cipher', 'verification', 'verified_at', 'lat', 'lng', 'created_at', 'updated_at', 'verification_reason', 'created_by'];
const POST_COLUMNS = [
  'id', 'employer_id', 'title', 'occupation_code', 'description', 'skills', 'wage_min', 'wage_max', 'wage_unit', 'monthly_wage_min', 'type', 'headcount', 'town_code',
  'village_code', 'address', 'lat', 'lng', 'benefits', 'start_date', 'end_date', 'status', 'compliance_flags', 'review_note', 'reviewed_by', 'reviewed_at',
  'submitted_at', 'open_reports', 'published_at', 'refreshed_at', 'expires_at', 'created_at', 'updated_at',
];

/** Three verified employers per trade over the 镇街, then 20,000 published posts written as employers write them. */
async function insertData(conn, now) {
  const [towns] = await conn.query("SELECT code, name FROM regions WHERE level = 'town' ORDER BY code");
  const [villages] = await conn.query("SELECT code, name, parent_code AS town FROM regions WHERE level = 'village' ORDER BY code");
  const [leaves] = await conn.query("SELECT code, name, synonyms FROM occupations WHERE level = 'leaf' ORDER BY code");
  const townName = new Map(towns.map((t) => [t.code, t.name]));
  const villagesOf = new Map(towns.map((t) => [t.code, villages.filter((v) => v.town === t.code)]));
  // Town centres near 山亭 (35.09 N, 117.46 E), a few km apart.
  const centre = new Map(towns.map((t, i) => [t.code, [35.02 + (i % 4) * 0.05, 117.32 + Math.floor(i / 4) * 0.09]]));
  const short = (name) => name.replace(/(街道|镇|经济开发区)$/, '');
  const cipher = personalDataCipher();

  const employers = [];
  TRADES.forEach((trade, ti) => {
    for (let k = 0; k < 3; k++) {
      const town = pick(towns);
      const firm = FIRM_WORDS[(ti * 3 + k) % FIRM_WORDS.length];
      const name = `山亭区${short(town.name)}${firm}${trade.suffix[k % trade.suffix.length]}`;
      const verified = new Date(now - between(40, 400) * DAY);
      const i = employers.length;
      employers.push({ id: randomUUID(), name, firm, trade: ti, town: town.code, row: [null, name, creditCode(i), trade.industry, town.code, `${town.name}${firm}路${between(1, 200)}号`, nthName(i + 7), cipher.encrypt(nthPhone(i + 500)), 'verified', verified, null, null, verified, verified, null, null] });
    }
  });
  for (const e of employers) e.row[0] = e.id;
  await conn.query(`INSERT INTO employers (${EMPLOYER_COLUMNS.join(', ')}) VALUES ?`, [employers.map((e) => e.row)]);
  const employersOf = TRADES.map((_, ti) => employers.filter((e) => e.trade === ti));

  const occupations = leaves.map((o) => ({ ...o, synonyms: JSON.parse(o.synonyms) }));
  const occupationPairs = occupations.map((o) => [o, OCCUPATION_WEIGHTS[o.code] ?? 1]);
  const t0 = performance.now();
  const BATCH = 1000;
  for (let start = 0; start < POSTS; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(POSTS, start + BATCH); i++) {
      const occ = weighted(occupationPairs);
      const employer = pick(employersOf[tradeOf(occ.code)]);
      const town = rand() < 0.75 ? employer.town : pick(towns).code;
      const village = rand() < 0.5 ? pick(villagesOf.get(town)) : null;
      const type = weighted([['full_time', 60], ['part_time', 10], ['gig', 12], ['seasonal', 12], ['shared_staff', 6]]);
      const unit = type === 'gig' ? weighted([['day', 80], ['hour', 20]]) : weighted([['month', 55], ['day', 25], ['hour', 10], ['piece', 10]]);
      const [wageMin, wageMax] =
        unit === 'month' ? ((m) => [m, m + between(500, 2500, 100)])(between(2600, 9000, 100))
        : unit === 'day' ? ((d) => [d, d + between(0, 80, 10)])(between(100, 350, 10))
        : unit === 'hour' ? ((h) => [h, h + between(0, 8)])(between(16, 40))
        : ((p) => [p, Math.round((p + between(1, 10) / 10) * 10) / 10])(between(2, 50) / 10);
      const headcount = weighted([[1, 25], [2, 25], [3, 15], [5, 15], [10, 10], [20, 6], [50, 4]]);
      const benefits = Object.keys(BENEFIT_SHARES).filter((b) => rand() < BENEFIT_SHARES[b]);
      const syn = occ.synonyms.length ? pick(occ.synonyms) : occ.name;
      const title = pick([
        () => occ.name,
        () => `急招${occ.name}`,
        () => `${occ.name}（${pick(TYPE_HINTS[type])}）`,
        () => `${short(townName.get(town))}${occ.name}${headcount}名`,
        () => `${employer.firm}招${occ.name}`,
        () => `${occ.name}/${syn}`,
      ])();
      const pay =
        unit === 'month' ? `月薪${wageMin}-${wageMax}元`
        : unit === 'day' ? pick([`日薪${wageMin}-${wageMax}元，按天结算`, `${wageMin}元一天，日结`])
        : unit === 'hour' ? `每小时${wageMin}元，加班另算`
        : `计件工资，多劳多得，每件${wageMin}-${wageMax}元`;
      const description = [
        pick([`${townName.get(town)}${employer.name}招${occ.name}${headcount}人`, `因订单增加，现招${occ.name}${headcount}名`, `${employer.firm}${occ.name}岗位，${headcount}人`]),
        pick([`主要负责${syn}相关工作`, `会${syn}的师傅优先`, `${syn}熟手优先，新手可带`]),
        pick(REQUIREMENTS),
        pay,
        ...benefits.slice(0, 2).map((b) => pick(BENEFIT_PHRASES[b])),
        pick(SCHEDULES),
      ].join('，') + '。';
      const cert = CERTS[occ.code] ?? CERTS[occ.code.slice(0, 4)];
      const skills = [...new Set([syn, ...(rand() < 0.5 ? [pick(occ.synonyms.length ? occ.synonyms : [occ.name])] : []), ...(cert && rand() < 0.7 ? [cert] : [])])];
      // Published up to 30 days ago; a fifth refreshed (一键刷新) since, which restarts the 30 days.
      const refreshed = new Date(now - Math.floor(rand() * 29.5 * DAY));
      const published = rand() < 0.2 ? new Date(refreshed - Math.floor(rand() * 20 * DAY)) : refreshed;
      const dated = type === 'gig' || type === 'seasonal' || type === 'shared_staff';
      const startDate = dated ? new Date(now + between(0, 20) * DAY) : null;
      const endDate = dated ? new Date(+startDate + (type === 'gig' ? between(1, 30) : between(20, 90)) * DAY) : null;
      const expires = type === 'gig' || type === 'seasonal' ? endDate : new Date(+refreshed + 30 * DAY);
      const [lat, lng] = centre.get(town);
      const located = rand() < 0.6;
      rows.push([
        randomUUID(), employer.id, title, occ.code, description, JSON.stringify(skills), wageMin, wageMax, unit, monthlyEquivalent(wageMin, unit), type, headcount, town,
        village?.code ?? null, `${townName.get(town)}${village ? village.name.replace(/(居委会|村委会)$/, '村') : '工业园'}`, located ? (lat + (rand() - 0.5) * 0.04).toFixed(6) : null,
        located ? (lng + (rand() - 0.5) * 0.05).toFixed(6) : null, JSON.stringify(benefits), startDate?.toISOString().slice(0, 10) ?? null, endDate?.toISOString().slice(0, 10) ?? null,
        'published', '[]', null, null, new Date(+published - 3_600_000), new Date(+published - 7_200_000), 0, published, refreshed, expires,
        new Date(+published - 7_200_000), refreshed,
      ]);
    }
    await conn.query(`INSERT INTO job_postings (${POST_COLUMNS.join(', ')}) VALUES ?`, [rows]);
  }
  return { seconds: (performance.now() - t0) / 1000, employers: employers.length, towns: towns.map((t) => t.code) };
}

/**
 * The SELECT JobPostingsService.listPublished builds (same joins, WHERE, ORDER BY, LIMIT), keyword by
 * the term index (post-search-index.ts applyKeyword) or naively by LIKE '%…%' over the text columns.
 */
function postsSql({ kw, town, type, wageMin, cursor, naive = false, count = false }, now) {
  const where = ["p.status = 'published'", '(p.expires_at IS NULL OR p.expires_at > ?)', 'p.open_reports < ?'];
  const params = [now, HIDE_AT];
  const add = (cond, ...values) => {
    where.push(cond);
    params.push(...values);
  };
  if (town) add('p.town_code = ?', town);
  if (type) add('p.type = ?', type);
  if (wageMin !== undefined) add('p.monthly_wage_min >= ?', wageMin);
  if (kw && naive) {
    add("(p.title LIKE ? ESCAPE '!' OR p.description LIKE ? ESCAPE '!' OR p.skills LIKE ? ESCAPE '!')", `%${kw}%`, `%${kw}%`, `%${kw}%`);
  } else if (kw) {
    add('p.id IN (SELECT t0.post_id FROM post_search_terms t0 WHERE t0.term = ?)', kw);
  }
  if (cursor) {
    add('(p.refreshed_at < ? OR (p.refreshed_at = ? AND p.id < ?))', cursor.at, cursor.at, cursor.id);
  }
  if (count) return { sql: `SELECT COUNT(*) AS n FROM job_postings p WHERE ${where.join(' AND ')}`, params };
  return {
    sql: `SELECT p.id AS pid, p.*, e.*, p.refreshed_at AS sort_value FROM job_postings p LEFT JOIN employers e ON e.id = p.employer_id WHERE ${where.join(' AND ')} ORDER BY p.refreshed_at DESC, p.id DESC LIMIT ${LIMIT}`,
    params,
  };
}

const qs = (o) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

async function httpGet(base, path) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`);
  const body = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body, rows: body.items.length };
}

async function sqlRun(conn, { sql, params }) {
  const t0 = performance.now();
  const [rows] = await conn.query(sql, params);
  return { ms: performance.now() - t0, rows: rows.length, ids: rows.map((r) => r.pid) };
}

/** Sequential runs of `run(i)` after warm-up: p50/p95/p99/max and the mean rows returned. */
async function measure(run) {
  for (let i = 0; i < WARMUP; i++) await run(i);
  const times = [];
  let rows = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const r = await run(i + WARMUP);
    times.push(r.ms);
    rows += r.rows;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times[times.length - 1], rows: rows / REQUESTS };
}

/** EXPLAIN, or on MariaDB ANALYZE (the plan run for real: r_rows is what each step actually read). */
async function plan(conn, { sql, params }) {
  let rows;
  let analyzed = true;
  try {
    [rows] = await conn.query(`ANALYZE ${sql}`, params);
  } catch {
    analyzed = false;
    [rows] = await conn.query(`EXPLAIN ${sql}`, params);
  }
  return rows.map((r) => `${r.table}: ${r.select_type !== 'SIMPLE' ? `${r.select_type} ` : ''}type=${r.type} key=${r.key ?? '—'} rows≈${r.rows}${analyzed && r.r_rows !== undefined ? ` r_rows=${r.r_rows}` : ''} ${r.Extra ?? ''}`.trim());
}

/**
 * printTable pads by string length, but a Chinese character takes two columns in a terminal: each
 * cell of the first column gets ideographic spaces (one length, two columns) until all cells have as
 * many double-width characters, so the columns line up.
 */
function alignWide(rows) {
  const wide = (s) => [...s].filter((c) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c)).length;
  const most = Math.max(...rows.map((r) => wide(r[0])));
  return rows.map(([first, ...rest]) => [first + '\u3000'.repeat(most - wide(first)), ...rest]);
}

async function timedStart(url, label) {
  const t0 = performance.now();
  const api = await startApi(url, label);
  return { api, seconds: (performance.now() - t0) / 1000 };
}

async function main() {
  console.log('building the API (incremental)…');
  buildApi();
  const maria = await createMariadbDatabase('zaogong_bench_posts');
  if (!maria) {
    console.log('MariaDB is not available: nothing measured');
    return;
  }
  let api;
  let conn;
  try {
    const first = await timedStart(maria.url, 'migrate');
    api = first.api;
    conn = await maria.connect();
    const now = Date.now();
    console.log(`MariaDB ${maria.version}: migrated and seeded in ${first.seconds.toFixed(1)} s; inserting ${POSTS} published posts with mysql2 bulk INSERTs…`);
    const data = await insertData(conn, now);
    console.log(`  ${POSTS} posts of ${data.employers} verified employers in ${data.seconds.toFixed(1)} s`);
    await api.proc.stop();
    api = null;

    // The API indexes posts that have no terms when it starts (PostSearchIndex.onApplicationBootstrap).
    const indexing = await timedStart(maria.url, 'index');
    await indexing.api.proc.stop();
    const warm = await timedStart(maria.url, 'warm');
    api = warm.api;
    const [[terms]] = await conn.query('SELECT COUNT(*) AS n, COUNT(DISTINCT term) AS distinctTerms, COUNT(DISTINCT post_id) AS posts FROM post_search_terms');
    await conn.query('ANALYZE TABLE job_postings, post_search_terms');
    const [sizes] = await conn.query(
      "SELECT table_name AS t, ROUND(data_length / 1048576, 1) AS dataMb, ROUND(index_length / 1048576, 1) AS indexMb FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('job_postings', 'post_search_terms')",
    );
    console.log(
      `  keyword index built at start: ${indexing.seconds.toFixed(1)} s from spawn to /health/ready, against ${warm.seconds.toFixed(1)} s for the next start (already indexed) → ≈ ${(indexing.seconds - warm.seconds).toFixed(1)} s of indexing`,
    );
    console.log(`  post_search_terms: ${terms.n} rows (${(terms.n / terms.posts).toFixed(1)} per post, ${terms.distinctTerms} distinct terms, ${terms.posts} posts indexed)`);
    console.log(`  sizes: ${sizes.map((s) => `${s.t} ${s.dataMb} MB data + ${s.indexMb} MB indexes`).join('; ')}`);

    const at = new Date();
    const towns = data.towns;
    const matches = async (q) => (await conn.query(postsSql({ ...q, count: true }, at).sql, postsSql({ ...q, count: true }, at).params))[0][0].n;
    const avgMatches = async (qsList) => {
      let sum = 0;
      for (const q of qsList) sum += await matches(q);
      return sum / qsList.length;
    };
    console.log('\n  posts per keyword (term index / LIKE on title, description, skills):');
    const per = [];
    for (const kw of [...COMMON, ...RARE]) per.push(`${kw} ${await matches({ kw })}/${await matches({ kw, naive: true })}`);
    console.log(`  ${per.join(' · ')}`);

    // One rotation of parameters per scenario, shared by the HTTP and SQL runs so they ask the same.
    const kwTown = (i) => ({ kw: COMMON[i % COMMON.length], town: towns[Math.floor(i / COMMON.length) % towns.length] });
    const rareTown = (i) => ({ kw: RARE[i % RARE.length], town: towns[Math.floor(i / RARE.length) % towns.length] });
    const kwOnly = (i) => ({ kw: COMMON[i % COMMON.length] });
    const rareOnly = (i) => ({ kw: RARE[i % RARE.length] });
    const kwWage = (i) => ({ kw: COMMON[i % COMMON.length], wageMin: WAGE_FLOORS[Math.floor(i / COMMON.length) % WAGE_FLOORS.length] });
    const townType = (i) => ({ town: towns[i % towns.length], type: TYPES[Math.floor(i / towns.length) % TYPES.length] });
    const toPath = (q) => `/posts?${qs({ q: q.kw, townCode: q.town, type: q.type, wageMin: q.wageMin, cursor: q.cursorText })}`;

    // Page 2: the cursors of the first pages of keyword + 镇街 that have one.
    const page2 = [];
    for (let i = 0; i < COMMON.length * towns.length; i++) {
      const q = kwTown(i);
      const r = await httpGet(api.base, toPath(q));
      if (!r.body.nextCursor) continue;
      const [sortValue, id] = JSON.parse(Buffer.from(r.body.nextCursor, 'base64url').toString('utf8'));
      page2.push({ ...q, cursorText: r.body.nextCursor, cursor: { at: new Date(sortValue), id } });
    }
    const page2At = (i) => page2[i % page2.length];

    // The SQL below must be the API's: compare first pages (and one second page) id for id.
    let agree = 0;
    let checks = 0;
    for (const q of [...COMMON.map((kw) => ({ kw })), ...COMMON.map((kw, i) => ({ kw, town: towns[i % towns.length] })), ...RARE.map((kw) => ({ kw })), townType(3), kwWage(7), page2At(0)]) {
      const http = (await httpGet(api.base, toPath(q))).body.items.map((p) => p.id);
      const sql = (await sqlRun(conn, postsSql(q, at))).ids.slice(0, 20);
      checks++;
      if (JSON.stringify(http) === JSON.stringify(sql)) agree++;
      else console.warn(`  ! SQL and API differ for ${JSON.stringify({ ...q, cursor: undefined, cursorText: undefined })}: API ${http.length} items, SQL ${sql.length}`);
    }
    console.log(`\n  the SQL timed below returns the API's page, id for id, in ${agree} of ${checks} checks`);

    const httpScenarios = [
      { name: 'newest, no keyword (home page)', q: () => ({}) },
      { name: 'keyword (common)', q: kwOnly },
      { name: 'keyword + 镇街 (common)', q: kwTown, goal: true },
      { name: 'keyword + 镇街 (rare)', q: rareTown, goal: true },
      { name: 'keyword + wageMin', q: kwWage, goal: true },
      { name: '镇街 + type, no keyword', q: townType },
      { name: 'keyword + 镇街, page 2 (cursor)', q: page2At, goal: true },
    ];
    const sqlScenarios = [
      { name: 'keyword + 镇街 (common)', q: kwTown },
      { name: 'keyword + 镇街 (rare)', q: rareTown },
      { name: 'keyword (common)', q: kwOnly },
      { name: 'keyword (rare)', q: rareOnly },
      { name: 'keyword + wageMin', q: kwWage },
    ];
    const rotation = (q) => [...new Map(Array.from({ length: REQUESTS + WARMUP }, (_, i) => q(i)).map((x) => [JSON.stringify({ ...x, cursor: undefined }), x])).values()];

    console.log('\nHTTP, GET /api/v1/posts (no login):');
    const results = [];
    for (const s of httpScenarios) {
      const r = await measure((i) => httpGet(api.base, toPath(s.q(i))));
      const m = await avgMatches(rotation(s.q).map((x) => ({ ...x, cursor: undefined })));
      results.push({ scenario: s.name, via: 'HTTP', matches: m, goal: s.goal, ...r });
      console.log(`  ${s.name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
    }
    console.log('\nSQL through mysql2, the API\'s query (term index) and the naive one (LIKE \'%…%\'):');
    for (const s of sqlScenarios) {
      const indexed = await measure((i) => sqlRun(conn, postsSql(s.q(i), at)));
      const naive = await measure((i) => sqlRun(conn, postsSql({ ...s.q(i), naive: true }, at)));
      const list = rotation(s.q);
      results.push({ scenario: s.name, via: 'SQL, term index', matches: await avgMatches(list), ...indexed });
      results.push({ scenario: s.name, via: 'SQL, LIKE scan', matches: await avgMatches(list.map((x) => ({ ...x, naive: true }))), ...naive, ratio: { p50: naive.p50 / indexed.p50, p95: naive.p95 / indexed.p95 } });
      console.log(`  ${s.name}: index p95 ${indexed.p95.toFixed(1)} ms, LIKE p95 ${naive.p95.toFixed(1)} ms`);
    }

    console.log('');
    console.log(`${POSTS} published posts on MariaDB ${maria.version}; ${REQUESTS} sequential requests per row after ${WARMUP} warm-up (ms); matches = posts the condition selects (mean over the rotation); rows = rows returned (the SQL reads one more than the API's page of 20):`);
    printTable(alignWide([
      ['scenario', 'via', 'matches', 'p50', 'p95', 'p99', 'max', 'rows', 'LIKE÷index p50', 'LIKE÷index p95'],
      ...results.map((r) => [
        r.scenario, r.via, r.matches.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), r.rows.toFixed(1),
        r.ratio ? `×${r.ratio.p50.toFixed(1)}` : '', r.ratio ? `×${r.ratio.p95.toFixed(1)}` : '',
      ]),
    ]), 2);
    const goalRows = results.filter((r) => r.goal);
    const worst = goalRows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const named = results.find((r) => r.via === 'HTTP' && r.scenario === 'keyword + 镇街 (common)');
    const sqlCommon = results.find((r) => r.via === 'SQL, LIKE scan' && r.scenario === 'keyword + 镇街 (common)');
    const sqlRare = results.find((r) => r.via === 'SQL, LIKE scan' && r.scenario === 'keyword + 镇街 (rare)');
    console.log(
      `keyword + 镇街 over HTTP: p95 ${named.p95.toFixed(1)} ms; worst keyword + filter p95 ${worst.p95.toFixed(1)} ms (${worst.scenario}); goal p95 < 30 ms: ${goalRows.every((r) => r.p95 < 30) ? 'met' : 'NOT met'}`,
    );
    console.log(`the naive LIKE scan against the term index, same query in SQL: p95 ×${sqlCommon.ratio.p95.toFixed(1)} (common keyword + 镇街), ×${sqlRare.ratio.p95.toFixed(1)} (rare keyword + 镇街)`);

    console.log('\nANALYZE (MariaDB: the plan, run; rows≈ is the estimate, r_rows what was read):');
    const plans = [
      ['keyword + 镇街, term index', postsSql(kwTown(4), at)],
      ['keyword + 镇街, LIKE scan', postsSql({ ...kwTown(4), naive: true }, at)],
      ['rare keyword + 镇街, term index', postsSql(rareTown(0), at)],
      ['rare keyword + 镇街, LIKE scan', postsSql({ ...rareTown(0), naive: true }, at)],
      ['keyword, term index', postsSql(kwOnly(4), at)],
      ['keyword, LIKE scan', postsSql({ ...kwOnly(4), naive: true }, at)],
      ['keyword + wageMin, term index', postsSql(kwWage(4), at)],
      ['镇街 + type', postsSql(townType(0), at)],
      ['keyword + 镇街, page 2', postsSql(page2At(0), at)],
    ];
    for (const [label, q] of plans) {
      const lines = await plan(conn, q);
      console.log(`  ${label}:`);
      for (const l of lines) console.log(`      ${l}`);
    }
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
