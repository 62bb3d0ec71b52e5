// Helpers for the 零工 benchmarks: China dates, distances, and 20,000 open gig posts bulk-inserted into
// job_postings on MariaDB (published, type gig, working days covering today and the next days, points
// within ~30 km of 山亭). Not a benchmark itself.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { rng } from './lib.mjs';
import { postRecords, referenceFromDb } from './posts-lib.mjs';

const DAY = 86_400_000;
/** The district's middle (lat, lng): the posts and the askers are drawn around it. */
export const CENTRE = { lat: 35.08, lng: 117.4 };
export const KM_PER_DEGREE = 111.32;

/** Today's China date (YYYY-MM-DD), as the API's Clock reads it. */
export const chinaToday = (at = Date.now()) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10);
/** YYYY-MM-DD plus n days. */
export const addDays = (ymd, n) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Great-circle distance in km (kmBetween in job-postings.service.ts, unrounded). */
export function haversineKm(lat1, lng1, lat2, lng2) {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}

/** A point uniformly within `km` of `centre`, from `rand`. */
export function pointWithin(rand, km, centre = CENTRE) {
  const r = km * Math.sqrt(rand());
  const theta = rand() * 2 * Math.PI;
  return {
    lat: Number((centre.lat + (r * Math.cos(theta)) / KM_PER_DEGREE).toFixed(6)),
    lng: Number((centre.lng + (r * Math.sin(theta)) / (KM_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180))).toFixed(6)),
  };
}

// posts-lib.mjs's employer columns, and the JobPosting entity's columns (job-posting.entity.ts), with the
// time work starts (the 零工 migration, 1764800000000-gig-market.ts).
const EMPLOYER_COLUMNS = ['id', 'name', 'credit_code', 'industry_code', 'town_code', 'address', 'contact_name', 'contact_phone_cipher', 'verification', 'verified_at', 'lat', 'lng', 'created_at', 'updated_at', 'verification_reason', 'created_by'];
const POST_COLUMNS = [
  'id', 'employer_id', 'title', 'occupation_code', 'description', 'skills', 'wage_min', 'wage_max', 'wage_unit', 'monthly_wage_min', 'type', 'headcount', 'town_code',
  'village_code', 'address', 'lat', 'lng', 'benefits', 'start_date', 'end_date', 'work_start_time', 'status', 'compliance_flags', 'review_note', 'reviewed_by', 'reviewed_at',
  'submitted_at', 'open_reports', 'published_at', 'refreshed_at', 'expires_at', 'created_at', 'updated_at',
];

/** Day work as villagers post it: what, and the words of the 技能 list. */
const WORK = [
  ['摘花椒', '5-01-01'], ['收玉米', '5-01-01'], ['栽地瓜', '5-01-01'], ['摘樱桃', '5-01-01'], ['装车卸货', '4-02-01'], ['搬运', '4-02-01'],
  ['装修小工', '6-06-01'], ['建筑小工', '6-06-01'], ['帮厨', '4-04-01'], ['打扫卫生', '4-02-01'], ['豆腐坊帮工', '6-01-01'], ['打包装箱', '6-02-01'],
];
const WORK_START = ['06:00', '07:00', '07:30', '08:00', '08:00', '13:00'];

/**
 * The posts' employers (posts-lib's verified employers) and `count` published gig posts, every one open on
 * today's China date: starting up to 2 days ago or in the next 2 days, lasting 1 to 6 days, with a point
 * within `radiusKm` of the centre. Resolves { seconds, employers, today }.
 */
export async function insertGigPosts(conn, { count, radiusKm = 30, seed = 20261207, now = Date.now() }) {
  const ref = await referenceFromDb(conn);
  const { employers } = postRecords({ ...ref, now, seed });
  await conn.query(`INSERT INTO employers (${EMPLOYER_COLUMNS.join(', ')}) VALUES ?`, [employers.map((e) => e.row)]);
  const leaves = new Set(ref.leaves.map((l) => l.code));
  const occupation = (code) => (leaves.has(code) ? code : ref.leaves[0].code);
  const townsByCode = new Map(ref.towns.map((t) => [t.code, t]));
  const rand = rng(seed + 1);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const today = chinaToday(now);
  const t0 = performance.now();
  const BATCH = 1000;
  for (let start = 0; start < count; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const [what, occ] = pick(WORK);
      const employer = pick(employers);
      const town = townsByCode.get(employer.town) ?? pick(ref.towns);
      const { lat, lng } = pointWithin(rand, radiusKm);
      const first = addDays(today, Math.floor(rand() * 5) - 2);
      let last = addDays(first, Math.floor(rand() * 6));
      if (last < today) last = today;
      const wage = 120 + Math.floor(rand() * 18) * 10;
      const published = new Date(now - Math.floor(rand() * 3 * DAY));
      const expires = new Date(Date.parse(`${last}T23:59:59.999+08:00`));
      rows.push([
        randomUUID(), employer.id, `${what}（日结）`, occupation(occ), `${town.name}${what}，${wage}元一天，干完结账，男女不限。`, JSON.stringify([what]), wage, wage + 20, 'day', Math.round(wage * 21.75), 'gig',
        1 + Math.floor(rand() * 8), town.code, null, `${town.name}`, lat.toFixed(6), lng.toFixed(6), JSON.stringify([]), first, last, pick(WORK_START), 'published', JSON.stringify([]), null, null,
        new Date(+published - 3_600_000), new Date(+published - 7_200_000), 0, published, published, expires, new Date(+published - 7_200_000), published,
      ]);
    }
    await conn.query(`INSERT INTO job_postings (${POST_COLUMNS.join(', ')}) VALUES ?`, [rows]);
  }
  // Each post's point, as the API keeps it when a post is written (post-points.ts): these have their own.
  await conn.query("UPDATE job_postings SET geo_lat = lat, geo_lng = lng WHERE type = 'gig'");
  return { seconds: (performance.now() - t0) / 1000, employers: employers.length, today };
}
