// Published posts for the benchmarks, as employers write them (山亭's trades, titles, descriptions with
// pay and schedule, skills from the taxonomy's synonyms, certificates, benefits, wages in every unit,
// gig and seasonal dates): a seeded generator (the same posts on every run, ids aside) and its bulk
// inserter for MariaDB, with verified employers. Not a benchmark itself.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { rng, weighted as weightedWith } from './lib.mjs';
import { nthName, nthPhone, personalDataCipher } from './residents-lib.mjs';

const DAY = 86_400_000;

/** The district's trades (山亭: food and 豆制品, 塑编, 石材, machinery, farming, logistics, care) get most posts. */
export const OCCUPATION_WEIGHTS = {
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

export const CERTS = { '6-05': '焊工证', '4-01-06': '叉车证', '4-01-01': 'B2驾照', '4-01-03': 'C1驾照', '6-08-01': '电工证', '6-07': '操作证', '4-05-06': '护理证', '6-10-08': '司炉证' };
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


/**
 * Three verified employers per trade over the 镇街, then i → a published post, from reference data
 * shaped as in the database: towns { code, name }, villages { code, name, town }, occupation leaves
 * { code, name, synonyms }, each ordered by code. Returns { employers, next }; a post's fields are
 * named as the JobPosting entity's (lat/lng numbers, dates as Date or 'YYYY-MM-DD').
 */
export function postRecords({ towns, villages, leaves, now, seed = 20261204 }) {
  const rand = rng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const between = (lo, hi, step = 1) => lo + Math.floor(rand() * (Math.floor((hi - lo) / step) + 1)) * step;
  const weighted = (pairs) => weightedWith(rand, pairs);
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
      const id = randomUUID();
      employers.push({ id, name, firm, trade: ti, town: town.code, row: [id, name, creditCode(i), trade.industry, town.code, `${town.name}${firm}路${between(1, 200)}号`, nthName(i + 7), cipher.encrypt(nthPhone(i + 500)), 'verified', verified, null, null, verified, verified, null, null] });
    }
  });
  const employersOf = TRADES.map((_, ti) => employers.filter((e) => e.trade === ti));
  const occupationPairs = leaves.map((o) => [o, OCCUPATION_WEIGHTS[o.code] ?? 1]);

  const next = () => {
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
    const postLat = located ? Number((lat + (rand() - 0.5) * 0.04).toFixed(6)) : null;
    const postLng = located ? Number((lng + (rand() - 0.5) * 0.05).toFixed(6)) : null;
    return {
      id: randomUUID(), employerId: employer.id, title, occupationCode: occ.code, description, skills, wageMin, wageMax, wageUnit: unit,
      monthlyWageMin: monthlyEquivalent(wageMin, unit), type, headcount, townCode: town, villageCode: village?.code ?? null,
      address: `${townName.get(town)}${village ? village.name.replace(/(居委会|村委会)$/, '村') : '工业园'}`, lat: postLat, lng: postLng, benefits,
      startDate: startDate?.toISOString().slice(0, 10) ?? null, endDate: endDate?.toISOString().slice(0, 10) ?? null, status: 'published',
      complianceFlags: [], reviewNote: null, reviewedBy: null, reviewedAt: new Date(+published - 3_600_000), submittedAt: new Date(+published - 7_200_000),
      openReports: 0, publishedAt: published, refreshedAt: refreshed, expiresAt: expires, createdAt: new Date(+published - 7_200_000), updatedAt: refreshed,
    };
  };
  return { employers, next };
}

/** Towns, villages and occupation leaves as postRecords wants them, from a migrated database. */
export async function referenceFromDb(conn) {
  const [towns] = await conn.query("SELECT code, name FROM regions WHERE level = 'town' ORDER BY code");
  const [villages] = await conn.query("SELECT code, name, parent_code AS town FROM regions WHERE level = 'village' ORDER BY code");
  const [leaves] = await conn.query("SELECT code, name, synonyms FROM occupations WHERE level = 'leaf' ORDER BY code");
  return { towns, villages, leaves: leaves.map((o) => ({ ...o, synonyms: typeof o.synonyms === 'string' ? JSON.parse(o.synonyms) : o.synonyms })) };
}

/** Bulk-inserts the employers and `count` published posts of postRecords; resolves { seconds, employers, towns }. */
export async function insertPosts(conn, { count, now, seed }) {
  const ref = await referenceFromDb(conn);
  const { employers, next } = postRecords({ ...ref, now, seed });
  await conn.query(`INSERT INTO employers (${EMPLOYER_COLUMNS.join(', ')}) VALUES ?`, [employers.map((e) => e.row)]);
  const t0 = performance.now();
  const BATCH = 1000;
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const p = next(i);
      rows.push([
        p.id, p.employerId, p.title, p.occupationCode, p.description, JSON.stringify(p.skills), p.wageMin, p.wageMax, p.wageUnit, p.monthlyWageMin, p.type, p.headcount,
        p.townCode, p.villageCode, p.address, p.lat?.toFixed(6) ?? null, p.lng?.toFixed(6) ?? null, JSON.stringify(p.benefits), p.startDate, p.endDate, p.status,
        JSON.stringify(p.complianceFlags), p.reviewNote, p.reviewedBy, p.reviewedAt, p.submittedAt, p.openReports, p.publishedAt, p.refreshedAt, p.expiresAt, p.createdAt,
        p.updatedAt,
      ]);
    }
    await conn.query(`INSERT INTO job_postings (${POST_COLUMNS.join(', ')}) VALUES ?`, [rows]);
  }
  return { seconds: (performance.now() - t0) / 1000, employers: employers.length, towns: ref.towns.map((t) => t.code) };
}
