import { HOURS_PER_DAY, KEY_GROUP_LABELS, PAID_DAYS_PER_MONTH, POST_TYPE_LABELS, type Availability, type PostType, type WageUnit } from '@zaogong/shared';
import type { HardFilterFailure, MatchNames, MatchResult, PostProfile, ResidentProfile } from './types';
import { groupConcept, leafConcept, wordConcept, type SkillVocabulary } from './vocabulary';
import {
  BELOW_EXPECTATION_PENALTY,
  DEFAULT_REACH_KM,
  DESIRED_TOWN_KM,
  ESTIMATE_EXCLUDE_FACTOR,
  ESTIMATED_KM,
  FRESHNESS_DAYS,
  KEY_GROUP_BONUS,
  KEY_GROUP_MIN_TRADE,
  MATCH_WEIGHTS,
  NEW_POST_DAYS,
  NO_SKILLS_ASKED_FIT,
  OCCUPATION_FIT,
  OFF_TRADE_CONTEXT_SHARE,
  PIECE_RATE_WAGE_FIT,
  SECOND_SCHEDULE_FIT,
  SKILL_BROADER_CREDIT,
  SKILL_GROUP_CREDIT,
  UNKNOWN_SCHEDULE_FIT,
  WAGE_FIT,
  WAGE_FLOOR_SHARE,
} from './weights';

const DAY_MS = 86_400_000;
const MAX_REASONS = 4;

export interface MatchContext {
  vocabulary: SkillVocabulary;
  names: MatchNames;
  /** Epoch ms. */
  now: number;
}

/** Which availabilities fit a type of post, the first being the natural one. */
export const SCHEDULE_FIT: Record<PostType, readonly Availability[]> = {
  full_time: ['full_time'],
  part_time: ['part_time', 'gig'],
  gig: ['gig', 'part_time'],
  seasonal: ['seasonal', 'gig'],
  shared_staff: ['full_time', 'seasonal'],
};

export interface Feature {
  value: number;
  reason?: string;
}

/**
 * Pairs that must not be shown at all, before any scoring: a post no longer open, a person not
 * looking (only when ranking people), a schedule they cannot do, work beyond their travel distance,
 * pay far below their expectation.
 */
export function hardFilter(r: ResidentProfile, p: PostProfile, now: number, ranking: 'posts' | 'people'): HardFilterFailure | null {
  if (!p.open || (p.expiresAt !== null && p.expiresAt <= now)) return 'closed';
  if (ranking === 'people' && r.status !== 'seeking') return 'not_seeking';
  if (r.availability.length > 0 && !SCHEDULE_FIT[p.type].some((a) => r.availability.includes(a))) return 'schedule';
  // A measured distance excludes at the limit; a 村居/镇街 estimate only well beyond it, being rough.
  if (r.maxCommuteKm !== null) {
    const d = distance(r, p);
    if (d.km > r.maxCommuteKm * (d.how === 'coords' ? 1 : ESTIMATE_EXCLUDE_FACTOR)) return 'too_far';
  }
  if (r.expectedMonthly !== null && p.monthlyMax !== null && p.monthlyMax < WAGE_FLOOR_SHARE * r.expectedMonthly) return 'wage_too_low';
  return null;
}

/**
 * The score of a pair in [0, 1] and the reasons a person reads, strongest first. `forPeople` adds
 * the key-group priority (it orders people for a post, never posts for a person).
 */
export function scorePair(r: ResidentProfile, p: PostProfile, ctx: MatchContext, forPeople: boolean): MatchResult {
  const { score, parts, priority } = weigh(r, p, ctx, forPeople);
  const reasons = parts
    .filter(([, f]) => f.reason)
    .sort((a, b) => b[0] * b[1].value - a[0] * a[1].value)
    .map(([, f]) => f.reason as string)
    // 会二保焊 says nothing 会二保焊、焊工 does not.
    .filter((reason, i, all) => all.indexOf(reason) === i && !all.some((other) => other !== reason && other.startsWith(reason)));
  // The key-group reason keeps the last place, so it is always shown (to staff; employers get the others).
  if (priority) return { score: round(score), reasons: [...reasons.slice(0, MAX_REASONS - 1), `${KEY_GROUP_LABELS[r.keyGroups[0]]}，优先推荐`], reasonsWithoutKeyGroup: reasons.slice(0, MAX_REASONS) };
  return { score: round(score), reasons: reasons.slice(0, MAX_REASONS) };
}

/** The weighted features of a pair and its score, without putting the reasons in order. */
function weigh(r: ResidentProfile, p: PostProfile, ctx: MatchContext, forPeople: boolean, memo?: SkillMemo): { score: number; parts: [number, Feature][]; priority: boolean } {
  const occupation = occupationFit(r, p, ctx);
  const skills = skillsFit(r, p, ctx.vocabulary, memo);
  // Nearness, pay, hours and freshness make work the person can do better; they do not make other
  // work fit. In full for their own trade (or a close synonym), OFF_TRADE_CONTEXT_SHARE for work
  // outside it, in between for work of the same group.
  const trade = tradeFit(occupation, skills, p);
  const context = OFF_TRADE_CONTEXT_SHARE + (1 - OFF_TRADE_CONTEXT_SHARE) * Math.min(1, trade / OCCUPATION_FIT.sharedSynonym);
  const parts: [number, Feature][] = [
    [MATCH_WEIGHTS.occupation, occupation],
    [MATCH_WEIGHTS.skills, skills],
    [MATCH_WEIGHTS.distance * context, distanceFit(r, p, ctx.names, forPeople)],
    [MATCH_WEIGHTS.wage * context, wageFit(r, p)],
    [MATCH_WEIGHTS.schedule * context, scheduleFit(r, p, forPeople)],
    // 新发布 describes the post, the same for every candidate: said to the seeker only.
    [MATCH_WEIGHTS.freshness * context, forPeople ? { value: freshness(p, ctx.now).value } : freshness(p, ctx.now)],
  ];
  let score = parts.reduce((sum, [w, f]) => sum + w * f.value, 0);
  // Work that pays less than the person said they need ranks lower, whatever else fits.
  if (belowExpectation(r, p)) score = Math.max(0, score - BELOW_EXPECTATION_PENALTY);
  // Priority among the people who can do the work, as the employment plans ask; none for others.
  const priority = forPeople && r.keyGroups.length > 0 && trade >= KEY_GROUP_MIN_TRADE;
  if (priority) score += KEY_GROUP_BONUS;
  return { score, parts, priority };
}

function round(score: number): number {
  return Math.round(Math.min(1, score) * 1000) / 1000;
}

/** How far the work is the person's trade, in [0, 1]: the occupation fit, or the share of the asked skills they have. */
export function tradeFit(occupation: Feature, skills: Feature, p: PostProfile): number {
  return Math.max(occupation.value, p.skillsWanted.length > 0 ? skills.value : 0);
}

export interface Ranked<T> {
  item: T;
  result: MatchResult;
}

/**
 * The best posts for a person among the given ones (already narrowed by the index or not). Scores
 * every candidate, keeps the best `limit`, and words the reasons only for those.
 */
export function rankPosts(r: ResidentProfile, posts: Iterable<PostProfile>, ctx: MatchContext, limit: number): Ranked<PostProfile>[] {
  const best = new TopK<PostProfile>(limit);
  const memo: SkillMemo = new Map();
  for (const p of posts) {
    if (hardFilter(r, p, ctx.now, 'posts')) continue;
    const score = round(weigh(r, p, ctx, false, memo).score);
    // Among equals, the newer post first.
    if (best.accepts(score)) best.add(p, score, p.refreshedAt);
  }
  return best.sorted().map((p) => ({ item: p, result: scorePair(r, p, ctx, false) }));
}

/** The best people for a post among the given ones. */
export function rankPeople(p: PostProfile, people: Iterable<ResidentProfile>, ctx: MatchContext, limit: number): Ranked<ResidentProfile>[] {
  const best = new TopK<ResidentProfile>(limit);
  for (const r of people) {
    if (hardFilter(r, p, ctx.now, 'people')) continue;
    const score = round(weigh(r, p, ctx, true).score);
    // Among equals, the nearest first.
    if (best.accepts(score)) best.add(r, score, -distance(r, p).km);
  }
  return best.sorted().map((r) => ({ item: r, result: scorePair(r, p, ctx, true) }));
}

/** The best k items by score, then tie-break value (higher first), then id; no full sort of thousands. */
class TopK<T extends { id: string }> {
  private readonly items: { item: T; score: number; tie: number }[] = [];

  constructor(private readonly k: number) {}

  /** Whether an item with this score could enter (cheap pre-check before computing the tie-break). */
  accepts(score: number): boolean {
    return this.k > 0 && (this.items.length < this.k || score >= this.items[this.items.length - 1].score);
  }

  add(item: T, score: number, tie: number): void {
    const entry = { item, score, tie };
    const list = this.items;
    let i = list.length;
    while (i > 0 && before(entry, list[i - 1])) i--;
    if (i >= this.k) return;
    list.splice(i, 0, entry);
    if (list.length > this.k) list.pop();
  }

  sorted(): T[] {
    return this.items.map((e) => e.item);
  }
}

function before(a: { item: { id: string }; score: number; tie: number }, b: { item: { id: string }; score: number; tie: number }): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.tie !== b.tie) return a.tie > b.tie;
  return a.item.id < b.item.id;
}

// ── features ──────────────────────────────────────────────────────────────────

export function occupationFit(r: ResidentProfile, p: PostProfile, ctx: MatchContext): Feature {
  const o = p.occupationCode;
  const v = ctx.vocabulary;
  // Named only when it is said: most pairs get no reason from here.
  const name = () => ctx.names.occupation(o) ?? '这个工种';
  if (r.desiredOccupations.includes(o)) return { value: OCCUPATION_FIT.sameLeaf, reason: `想做${name()}` };
  const facts = occupationFacts(p, v);
  if (r.skillConcepts.has(facts.leaf)) {
    // A word for this occupation only (烧电焊 for 电焊工) counts more than one shared by several
    // (焊工 names 电焊工, 氩弧焊工 and 二保焊工): that is as close as wanting a sibling occupation.
    const naming = r.skills.filter((w) => v.leavesOf(w).includes(o));
    const exact = naming.find((w) => v.leavesOf(w).length === 1);
    const word = exact ?? naming[0];
    return { value: exact ? OCCUPATION_FIT.skillNamesLeaf : OCCUPATION_FIT.sharedSynonym, reason: word ? `会${word}` : `能做${name()}` };
  }
  const close = r.desiredOccupations.find((d) => facts.synonyms.has(d));
  if (close) return { value: OCCUPATION_FIT.sharedSynonym, reason: `和想做的${ctx.names.occupation(close) ?? '工种'}相近` };
  const group = facts.group;
  if (group && (r.desiredOccupations.some((d) => v.groupOfLeaf(d) === group) || r.skillConcepts.has(facts.groupConcept!))) {
    return { value: OCCUPATION_FIT.sameGroup, reason: `同类工种（${ctx.names.group(group) ?? group}）` };
  }
  // Occupations the person wants or names with a skill word, in that order: the first related to the post's.
  let related = r.desiredOccupations.find((d) => facts.related.has(d));
  for (let i = 0; related === undefined && i < r.skills.length; i++) related = v.leavesOf(r.skills[i]).find((d) => facts.related.has(d));
  if (related) return { value: OCCUPATION_FIT.relatedName, reason: `和${ctx.names.occupation(related) ?? '想做的工种'}相关` };
  if (r.desiredOccupations.some((d) => d[0] === o[0])) return { value: OCCUPATION_FIT.sameMajorGroup };
  return { value: 0 };
}

/** A post's occupation as occupationFit reads it: worked out once per post and vocabulary, not per pair. */
interface OccupationFacts {
  vocabulary: SkillVocabulary;
  leaf: string;
  group: string | undefined;
  groupConcept: string | undefined;
  /** Leaves sharing a name or synonym with it (vocabulary.shareSynonym), and leaves related to it (vocabulary.related, symmetric). */
  synonyms: ReadonlySet<string>;
  related: ReadonlySet<string>;
}

const occupationFactsOf = new WeakMap<PostProfile, OccupationFacts>();

function occupationFacts(p: PostProfile, vocabulary: SkillVocabulary): OccupationFacts {
  let f = occupationFactsOf.get(p);
  // Profiles are never changed in place (an edited post gets a new one), so its facts hold while the vocabulary does.
  if (!f || f.vocabulary !== vocabulary) {
    const group = vocabulary.groupOfLeaf(p.occupationCode);
    const o = p.occupationCode;
    f = { vocabulary, leaf: leafConcept(o), group, groupConcept: group ? groupConcept(group) : undefined, synonyms: vocabulary.synonymLeaves(o), related: new Set(vocabulary.relatedLeaves(o)) };
    occupationFactsOf.set(p, f);
  }
  return f;
}

/**
 * The share of the skills the post asks for that the person has. A skill counts in full when the
 * person said it, or a word at least as precise (烧电焊 for 电焊; 电焊 for 焊工), or wants the
 * occupation it names (送货 for someone who wants to be a 配送员); in part when the person's word is
 * broader (焊工 for 二保焊) or only of the same group (电焊 for 氩弧焊).
 */
export function skillsFit(r: ResidentProfile, p: PostProfile, vocabulary: SkillVocabulary, memo?: SkillMemo): Feature {
  if (p.skillsWanted.length === 0) {
    // Nothing asked for: having the post's occupation among one's skills still counts.
    if (r.skillConcepts.has(leafConcept(p.occupationCode))) return { value: 1 };
    return { value: NO_SKILLS_ASKED_FIT };
  }
  let credit = 0;
  const met: string[] = [];
  for (const want of p.skillsWanted) {
    let m = memo?.get(want.word);
    if (!m) {
      m = personMeets(r, want, vocabulary);
      memo?.set(want.word, m);
    }
    // The person's own word that meets it: the same word, or one at least as precise (电焊 for 焊工).
    // Among several, one not quoted yet, so the reason names what the person brings.
    const own = m.sameWord ? want.word : (m.precise.find((w) => !met.includes(w)) ?? m.precise[0]);
    if (own !== undefined || m.wantsIt) {
      credit += 1;
      // Said in the person's words ("会电焊", not the post's "会焊工"); wanting the occupation is not knowing the skill.
      if (own !== undefined && !met.includes(own)) met.push(own);
    } else if (m.broader) {
      credit += SKILL_BROADER_CREDIT;
    } else if (m.sameGroup) {
      credit += SKILL_GROUP_CREDIT;
    }
  }
  const value = credit / p.skillsWanted.length;
  return { value, reason: met.length ? `会${met.slice(0, 2).join('、')}` : undefined };
}

/** How one person meets one asked-for skill (skillsFit), whatever the post. */
interface SkillMet {
  /** The person said the very word. */
  sameWord: boolean;
  /** The person's words at least as precise (电焊 for 焊工), in their order. */
  precise: readonly string[];
  /** The person wants an occupation the skill names. */
  wantsIt: boolean;
  /** A word of the person's is broader (焊工 for 二保焊). */
  broader: boolean;
  /** Only of the same group (电焊 for 氩弧焊). */
  sameGroup: boolean;
}

/**
 * One person's SkillMet by asked-for word, while ranking posts for them: the same words come back in
 * thousands of posts, and a word's concepts are the vocabulary's, the same in each.
 */
export type SkillMemo = Map<string, SkillMet>;

function personMeets(r: ResidentProfile, want: PostProfile['skillsWanted'][number], vocabulary: SkillVocabulary): SkillMet {
  const w = wantedSkill(want);
  return {
    sameWord: r.skillConcepts.has(w.wordConcept),
    precise: r.skills.filter((word) => namesOnly(vocabulary.leavesOf(word), w.leaves)),
    wantsIt: namesAny(r.desiredOccupations, w.leaves),
    broader: r.skills.some((word) => namesAny(vocabulary.leavesOf(word), w.leaves)),
    sameGroup: w.groups.some((c) => r.skillConcepts.has(c)),
  };
}

/** A skill a post asks for, as skillsFit reads it: worked out once per post (ranking asks it thousands of times). */
interface WantedSkill {
  wordConcept: string;
  /** The occupation leaves it names (codes). */
  leaves: ReadonlySet<string>;
  /** Its group concepts. */
  groups: readonly string[];
}

const wantedSkills = new WeakMap<PostProfile['skillsWanted'][number], WantedSkill>();

function wantedSkill(want: PostProfile['skillsWanted'][number]): WantedSkill {
  let w = wantedSkills.get(want);
  if (!w) {
    const leafPrefix = leafConcept('');
    w = {
      wordConcept: wordConcept(want.word),
      leaves: new Set(want.concepts.filter((c) => c.startsWith(leafPrefix)).map((c) => c.slice(leafPrefix.length))),
      groups: want.concepts.filter((c) => c.startsWith(groupConcept(''))),
    };
    wantedSkills.set(want, w);
  }
  return w;
}

/** Whether some of these leaves are among the wanted ones. */
function namesAny(leaves: readonly string[], wanted: ReadonlySet<string>): boolean {
  for (const l of leaves) if (wanted.has(l)) return true;
  return false;
}

/** Whether a word names occupations and all of them are among the wanted ones (at least as precise). */
function namesOnly(leaves: readonly string[], wanted: ReadonlySet<string>): boolean {
  if (leaves.length === 0) return false;
  for (const l of leaves) if (!wanted.has(l)) return false;
  return true;
}

/** Km between the person and the work: by coordinates when both have them, else estimated by region. */
export function distance(r: ResidentProfile, p: PostProfile): { km: number; how: 'coords' | 'village' | 'town' | 'desired' | 'other' } {
  if (r.lat !== null && r.lng !== null && p.lat !== null && p.lng !== null) return { km: haversineKm(r.lat, r.lng, p.lat, p.lng), how: 'coords' };
  if (p.villageCode && p.villageCode === r.villageCode) return { km: ESTIMATED_KM.sameVillage, how: 'village' };
  if (p.townCode === r.townCode) return { km: ESTIMATED_KM.sameTown, how: 'town' };
  if (r.desiredTownCodes.includes(p.townCode)) return { km: Math.min(DESIRED_TOWN_KM, ESTIMATED_KM.otherTown), how: 'desired' };
  return { km: ESTIMATED_KM.otherTown, how: 'other' };
}

/** `forPeople`: the reason is read by the employer about the person, not by the person. */
export function distanceFit(r: ResidentProfile, p: PostProfile, names: MatchNames, forPeople = false): Feature {
  const d = distance(r, p);
  const reach = r.maxCommuteKm ?? DEFAULT_REACH_KM;
  const value = Math.max(0, Math.min(1, 1 - d.km / Math.max(reach, 1)));
  const town = names.region(p.townCode) ?? '本镇';
  const from = forPeople ? '离岗位' : '离您';
  switch (d.how) {
    case 'coords':
      return { value, reason: d.km < 1 ? `${from}不到1公里` : `${from}${d.km.toFixed(1)}公里` };
    case 'village':
      return { value, reason: '就在本村' };
    case 'town':
      return { value, reason: `同在${town}` };
    case 'desired':
      return { value, reason: forPeople ? `想来${town}工作` : `在您想去的${town}` };
    default:
      return { value };
  }
}

/**
 * Pay against the person's expectation, compared in the post's own unit (the expectation converted
 * when the person gave another: 4000 元/月 is about 184 元/天), so a reason quotes figures the person
 * can check. A post whose best pay is below the expectation gets no reason (nothing true to say for
 * it) and ranks lower (BELOW_EXPECTATION_PENALTY, in weigh).
 */
export function wageFit(r: ResidentProfile, p: PostProfile): Feature {
  const e = r.expectedWage;
  if (!e || r.expectedMonthly === null) return { value: WAGE_FIT.noExpectation };
  if (p.monthlyMax === null || p.monthlyMin === null) return { value: PIECE_RATE_WAGE_FIT };
  const expected = inUnit(e.amount, e.unit, p.wageUnit);
  if (expected === null) return { value: PIECE_RATE_WAGE_FIT };
  let value: number;
  if (p.wageMin >= expected) value = WAGE_FIT.meets + (1 - WAGE_FIT.meets) * Math.min(1, (p.wageMin - expected) / (expected * WAGE_FIT.fullAbove));
  else if (p.wageMax >= expected) value = WAGE_FIT.rangeMeets;
  else {
    const belowShare = Math.max(0, (p.wageMax - WAGE_FLOOR_SHARE * expected) / ((1 - WAGE_FLOOR_SHARE) * expected));
    value = WAGE_FIT.atFloor + (WAGE_FIT.justBelow - WAGE_FIT.atFloor) * belowShare;
  }
  return { value, reason: p.wageMax >= expected ? wageReason(e, expected, p) : undefined };
}

/** Whether even the best pay of the post is below what the person said they need. */
export function belowExpectation(r: ResidentProfile, p: PostProfile): boolean {
  const e = r.expectedWage;
  if (!e || p.monthlyMax === null) return false;
  const expected = inUnit(e.amount, e.unit, p.wageUnit);
  return expected !== null && p.wageMax < expected;
}

const PER_MONTH: Record<WageUnit, number | null> = { month: 1, day: PAID_DAYS_PER_MONTH, hour: PAID_DAYS_PER_MONTH * HOURS_PER_DAY, piece: null };

/** An amount in another unit (日薪 × 21.75 = 月薪, 时薪 × 8 = 日薪); null for piece rates. */
function inUnit(amount: number, from: WageUnit, to: WageUnit): number | null {
  if (from === to) return amount;
  const f = PER_MONTH[from];
  const t = PER_MONTH[to];
  return f === null || t === null ? null : (amount * f) / t;
}

/**
 * "月薪6000–7500元，高于期望5000元"; in another unit than the person's, the expectation converted:
 * "日薪200–260元，高于期望（约合日薪184元）". Only the top of the range meets it: "月薪最高6000元，达到期望5500元".
 */
function wageReason(e: { amount: number; unit: WageUnit }, expected: number, p: PostProfile): string {
  const unitName = { month: '月薪', day: '日薪', hour: '时薪', piece: '计件' }[p.wageUnit];
  const shown = e.unit === p.wageUnit ? `${e.amount}元` : `（约合${unitName}${Math.round(expected)}元）`;
  const range = p.wageMin === p.wageMax ? `${p.wageMin}` : `${p.wageMin}–${p.wageMax}`;
  if (p.wageMin >= expected) return `${unitName}${range}元，${p.wageMin > expected && p.wageMin !== Math.round(expected) ? '高于' : '达到'}期望${shown}`;
  return `${unitName}最高${p.wageMax}元，达到期望${shown}`;
}

export function scheduleFit(r: ResidentProfile, p: PostProfile, forPeople = false): Feature {
  if (r.availability.length === 0) return { value: UNKNOWN_SCHEDULE_FIT };
  const fits = SCHEDULE_FIT[p.type];
  const natural = r.availability.includes(fits[0]);
  const value = natural ? 1 : SECOND_SCHEDULE_FIT;
  const label = POST_TYPE_LABELS[p.type];
  return { value, reason: natural && p.type !== 'full_time' ? (forPeople ? `愿做${label}` : `${label}，合您的时间`) : undefined };
}

export function freshness(p: PostProfile, now: number): Feature {
  const days = Math.max(0, (now - p.refreshedAt) / DAY_MS);
  return { value: Math.max(0, 1 - days / FRESHNESS_DAYS), reason: days < NEW_POST_DAYS ? '新发布' : undefined };
}

export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}
