// Helpers for the matching benchmark: the compiled matching modules (after buildApi), the district's
// reference data from the seeds (the same the database is seeded with), the MatchContext the API builds,
// and the work profile of people looking for work in 山亭 (trades skewed to 普工, 包装, 保洁, 采摘, 电焊;
// skills as people write them; wages by the month or the day). Not a benchmark itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root, weighted } from './lib.mjs';
import { CERTS, OCCUPATION_WEIGHTS } from './posts-lib.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => join(root, 'dist/apps/api/apps/api/src', path);

/** The compiled matching modules and seed data; call after buildApi(). */
export function loadMatching() {
  return {
    MatchIndex: require(dist('matching/match-index.js')).MatchIndex,
    engine: require(dist('matching/engine/engine.js')),
    weights: require(dist('matching/engine/weights.js')),
    SkillVocabulary: require(dist('matching/engine/vocabulary.js')).SkillVocabulary,
    ProfileBuilder: require(dist('matching/profiles.js')).ProfileBuilder,
    ChineseText: require(dist('common/text/chinese-text.js')).ChineseText,
    occupations: require(dist('database/seeds/occupations.data.js')),
    regions: JSON.parse(readFileSync(join(root, 'apps/api/src/database/seeds/regions.data.json'), 'utf8')),
  };
}

const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Towns, villages and leaves shaped as bench/posts-lib.mjs referenceFromDb reads them from a seeded database. */
export function seedReference(m) {
  return {
    towns: m.regions.filter((r) => r.level === 'town').map((r) => ({ code: r.code, name: r.name })).sort(byCode),
    villages: m.regions.filter((r) => r.level === 'village').map((r) => ({ code: r.code, name: r.name, town: r.parentCode })).sort(byCode),
    leaves: [...m.occupations.OCCUPATION_LEAVES].sort(byCode).map((o) => ({ code: o.code, name: o.name, synonyms: o.synonyms })),
  };
}

/** The vocabulary and names MatchIndexService.loadReference builds from the occupations and regions tables. */
export function matchReference(m) {
  const { MAJOR_GROUPS, OCCUPATION_GROUPS, OCCUPATION_LEAVES } = m.occupations;
  const vocabulary = new m.SkillVocabulary(OCCUPATION_LEAVES.map((o) => ({ code: o.code, name: o.name, group: o.group, synonyms: o.synonyms })));
  const occNames = new Map([...MAJOR_GROUPS, ...OCCUPATION_GROUPS, ...OCCUPATION_LEAVES].map((o) => [o.code, o.name]));
  const regionNames = new Map(m.regions.map((r) => [r.code, r.name]));
  const names = { occupation: (c) => occNames.get(c), group: (c) => occNames.get(c), region: (c) => regionNames.get(c) };
  return { vocabulary, names, context: (now = Date.now()) => ({ vocabulary, names, now }) };
}

/**
 * What people registered as looking for work ask for, by occupation leaf: the district's factory,
 * cleaning, farm-picking and building work most, a long tail of trades with weight 1 (the posts'
 * weights, with the seekers' own leanings on top).
 */
const SEEKER_WEIGHTS = {
  ...OCCUPATION_WEIGHTS,
  '6-10-01': 70, '6-10-02': 40, '4-02-01': 40, '5-02-01': 30, '6-05-01': 28, '6-06-07': 25, '8-01-01': 20, '4-01-11': 15, '6-09-01': 15,
  '5-02-02': 12, '5-02-05': 10, '4-05-01': 12, '4-05-06': 10, '4-04-02': 10, '4-04-08': 8, '3-03-01': 12, '3-03-02': 10, '4-06-08': 10,
  '6-01-09': 10, '6-02-04': 8, '5-01-01': 10, '4-02-02': 8,
};
const SKILL_PHRASES = ['能吃苦', '会开车', '会用电脑', '手脚麻利', '会做饭', '有力气'];
const STATUSES = [
  ['seeking', 82],
  ['employed', 9],
  ['not_seeking', 5],
  ['migrated', 4],
];
const AVAILABILITY = [
  [['full_time'], 50],
  [['full_time', 'gig'], 15],
  [['part_time', 'gig'], 10],
  [['seasonal', 'gig'], 8],
  [['gig'], 5],
  [[], 12],
];
const COMMUTE = [[null, 45], [3, 4], [5, 8], [10, 12], [15, 8], [20, 10], [30, 8], [50, 5]];

/**
 * A `fields` hook for residentRecords (bench/residents-lib.mjs): 1–3 desired leaves (a tenth want
 * "anything" and give only skills), skills as names or synonyms of those leaves and sometimes of
 * another, a certificate or a plain phrase ("能吃苦"); a fifth would also go to another 镇街; wages
 * by the month (2,500–7,000 元) or the day (100–260 元); availability; travel distance.
 */
export function seekerFields({ leaves, towns }) {
  const pairs = leaves.map((o) => [o, SEEKER_WEIGHTS[o.code] ?? 1]);
  const townCodes = towns.map((t) => t.code);
  return (rand, { townCode }) => {
    const pickIn = (xs) => xs[Math.floor(rand() * xs.length)];
    const n = weighted(rand, [[0, 10], [1, 55], [2, 27], [3, 8]]);
    const wanted = new Map();
    for (let k = 0; k < Math.max(n, 1); k++) {
      const o = weighted(rand, pairs);
      wanted.set(o.code, o);
    }
    const skills = new Set();
    for (const o of wanted.values()) {
      if (rand() < 0.7) skills.add(pickIn([o.name, ...o.synonyms]));
      if (rand() < 0.25) skills.add(pickIn(o.synonyms.length ? o.synonyms : [o.name]));
      const cert = CERTS[o.code] ?? CERTS[o.code.slice(0, 4)];
      if (cert && rand() < 0.3) skills.add(cert);
    }
    if (rand() < 0.2) {
      const other = weighted(rand, pairs);
      skills.add(pickIn([other.name, ...other.synonyms]));
    }
    if (rand() < 0.15) skills.add(pickIn(SKILL_PHRASES));
    const desiredTownCodes = [];
    const t = rand();
    if (t < 0.25) for (let k = 0; k < (t < 0.05 ? 2 : 1); k++) {
      const other = pickIn(townCodes);
      if (other !== townCode && !desiredTownCodes.includes(other)) desiredTownCodes.push(other);
    }
    const w = rand();
    const wage = w < 0.5 ? { amount: 2500 + Math.floor(rand() * 46) * 100, unit: 'month' } : w < 0.75 ? { amount: 100 + Math.floor(rand() * 17) * 10, unit: 'day' } : null;
    return {
      education: pickIn(['primary', 'junior_high', 'junior_high', 'senior_high', 'vocational', 'college', null]),
      skills: [...skills],
      desiredOccupations: n === 0 ? [] : [...wanted.keys()],
      desiredTownCodes,
      maxCommuteKm: weighted(rand, COMMUTE),
      expectedWageMin: wage?.amount ?? null,
      wageUnit: wage?.unit ?? null,
      availability: weighted(rand, AVAILABILITY),
      status: weighted(rand, STATUSES),
    };
  };
}
