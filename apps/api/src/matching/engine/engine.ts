import { KEY_GROUP_LABELS, POST_TYPE_LABELS, type Availability, type PostType } from '@zaogong/shared';
import type { HardFilterFailure, MatchNames, MatchResult, PostProfile, ResidentProfile } from './types';
import { groupConcept, leafConcept, wordConcept, type SkillVocabulary } from './vocabulary';
import {
  DEFAULT_REACH_KM,
  DESIRED_TOWN_KM,
  ESTIMATED_KM,
  FRESHNESS_DAYS,
  KEY_GROUP_BONUS,
  MATCH_WEIGHTS,
  OCCUPATION_FIT,
  PIECE_RATE_WAGE_FIT,
  SKILL_GROUP_CREDIT,
  UNKNOWN_SCHEDULE_FIT,
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

interface Feature {
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
  if (r.maxCommuteKm !== null && distance(r, p).km > r.maxCommuteKm) return 'too_far';
  if (r.expectedMonthly !== null && p.monthlyMax !== null && p.monthlyMax < WAGE_FLOOR_SHARE * r.expectedMonthly) return 'wage_too_low';
  return null;
}

/**
 * The score of a pair in [0, 1] and the reasons a person reads, strongest first. `forPeople` adds
 * the key-group priority (it orders people for a post, never posts for a person).
 */
export function scorePair(r: ResidentProfile, p: PostProfile, ctx: MatchContext, forPeople: boolean): MatchResult {
  const parts: [number, Feature][] = [
    [MATCH_WEIGHTS.occupation, occupationFit(r, p, ctx)],
    [MATCH_WEIGHTS.skills, skillsFit(r, p)],
    [MATCH_WEIGHTS.distance, distanceFit(r, p, ctx.names)],
    [MATCH_WEIGHTS.wage, wageFit(r, p)],
    [MATCH_WEIGHTS.schedule, scheduleFit(r, p)],
    [MATCH_WEIGHTS.freshness, freshness(p, ctx.now)],
  ];
  let score = parts.reduce((sum, [w, f]) => sum + w * f.value, 0);
  const reasons = parts
    .filter(([, f]) => f.reason)
    .sort((a, b) => b[0] * b[1].value - a[0] * a[1].value)
    .map(([, f]) => f.reason as string);
  if (forPeople && r.keyGroups.length > 0) {
    score += KEY_GROUP_BONUS;
    reasons.push(`${KEY_GROUP_LABELS[r.keyGroups[0]]}，优先推荐`);
  }
  return { score: Math.round(Math.min(1, score) * 1000) / 1000, reasons: [...new Set(reasons)].slice(0, MAX_REASONS) };
}

export interface Ranked<T> {
  item: T;
  result: MatchResult;
}

/** The best posts for a person among the given ones (already narrowed by the index or not). */
export function rankPosts(r: ResidentProfile, posts: Iterable<PostProfile>, ctx: MatchContext, limit: number): Ranked<PostProfile>[] {
  const out: Ranked<PostProfile>[] = [];
  for (const p of posts) {
    if (hardFilter(r, p, ctx.now, 'posts')) continue;
    out.push({ item: p, result: scorePair(r, p, ctx, false) });
  }
  return top(out, limit, (x) => x.item.refreshedAt);
}

/** The best people for a post among the given ones. */
export function rankPeople(p: PostProfile, people: Iterable<ResidentProfile>, ctx: MatchContext, limit: number): Ranked<ResidentProfile>[] {
  const out: Ranked<ResidentProfile>[] = [];
  for (const r of people) {
    if (hardFilter(r, p, ctx.now, 'people')) continue;
    out.push({ item: r, result: scorePair(r, p, ctx, true) });
  }
  return top(out, limit, () => 0);
}

function top<T extends { item: { id: string } }>(list: (T & Ranked<T['item']>)[], limit: number, tieBreak: (x: T) => number): T[] {
  return list.sort((a, b) => b.result.score - a.result.score || tieBreak(b) - tieBreak(a) || (a.item.id < b.item.id ? -1 : 1)).slice(0, limit);
}

// ── features ──────────────────────────────────────────────────────────────────

export function occupationFit(r: ResidentProfile, p: PostProfile, ctx: MatchContext): Feature {
  const o = p.occupationCode;
  const name = ctx.names.occupation(o) ?? '这个工种';
  if (r.desiredOccupations.includes(o)) return { value: OCCUPATION_FIT.sameLeaf, reason: `想做${name}` };
  if (r.skillConcepts.has(leafConcept(o))) {
    const word = r.skills.find((w) => ctx.vocabulary.leavesOf(w).includes(o));
    return { value: OCCUPATION_FIT.skillNamesLeaf, reason: word ? `会${word}` : `能做${name}` };
  }
  const close = r.desiredOccupations.find((d) => ctx.vocabulary.shareSynonym(d, o));
  if (close) return { value: OCCUPATION_FIT.sharedSynonym, reason: `和想做的${ctx.names.occupation(close) ?? '工种'}相近` };
  const group = ctx.vocabulary.groupOfLeaf(o);
  if (group && (r.desiredOccupations.some((d) => ctx.vocabulary.groupOfLeaf(d) === group) || r.skillConcepts.has(groupConcept(group)))) {
    return { value: OCCUPATION_FIT.sameGroup, reason: `同类工种（${ctx.names.group(group) ?? group}）` };
  }
  if (r.desiredOccupations.some((d) => d[0] === o[0])) return { value: OCCUPATION_FIT.sameMajorGroup };
  return { value: 0 };
}

export function skillsFit(r: ResidentProfile, p: PostProfile): Feature {
  if (p.skillsWanted.length === 0) {
    // Nothing asked for: having the post's occupation among one's skills still counts.
    if (r.skillConcepts.has(leafConcept(p.occupationCode))) return { value: 1 };
    return { value: 0.3 };
  }
  let credit = 0;
  const met: string[] = [];
  for (const want of p.skillsWanted) {
    if (r.skillConcepts.has(wordConcept(want.word)) || want.concepts.some((c) => c.startsWith('leaf:') && r.skillConcepts.has(c))) {
      credit += 1;
      met.push(want.word);
    } else if (want.concepts.some((c) => c.startsWith('group:') && r.skillConcepts.has(c))) {
      credit += SKILL_GROUP_CREDIT;
    }
  }
  const value = credit / p.skillsWanted.length;
  return { value, reason: met.length ? `会${met.slice(0, 2).join('、')}` : undefined };
}

/** Km between the person and the work: by coordinates when both have them, else estimated by region. */
export function distance(r: ResidentProfile, p: PostProfile): { km: number; how: 'coords' | 'village' | 'town' | 'desired' | 'other' } {
  if (r.lat !== null && r.lng !== null && p.lat !== null && p.lng !== null) return { km: haversineKm(r.lat, r.lng, p.lat, p.lng), how: 'coords' };
  if (p.villageCode && p.villageCode === r.villageCode) return { km: ESTIMATED_KM.sameVillage, how: 'village' };
  if (p.townCode === r.townCode) return { km: ESTIMATED_KM.sameTown, how: 'town' };
  if (r.desiredTownCodes.includes(p.townCode)) return { km: Math.min(DESIRED_TOWN_KM, ESTIMATED_KM.otherTown), how: 'desired' };
  return { km: ESTIMATED_KM.otherTown, how: 'other' };
}

export function distanceFit(r: ResidentProfile, p: PostProfile, names: MatchNames): Feature {
  const d = distance(r, p);
  const reach = r.maxCommuteKm ?? DEFAULT_REACH_KM;
  const value = Math.max(0, Math.min(1, 1 - d.km / Math.max(reach, 1)));
  const town = names.region(p.townCode) ?? '本镇';
  switch (d.how) {
    case 'coords':
      return { value, reason: d.km < 1 ? '离您不到1公里' : `离您${d.km.toFixed(1)}公里` };
    case 'village':
      return { value, reason: '就在本村' };
    case 'town':
      return { value, reason: `同在${town}` };
    case 'desired':
      return { value, reason: `在您想去的${town}` };
    default:
      return { value };
  }
}

export function wageFit(r: ResidentProfile, p: PostProfile): Feature {
  const expected = r.expectedMonthly;
  if (expected === null) return { value: 0.7 };
  if (p.monthlyMax === null || p.monthlyMin === null) return { value: PIECE_RATE_WAGE_FIT };
  let value: number;
  if (p.monthlyMin >= expected) value = 0.9 + 0.1 * Math.min(1, ((p.monthlyMin - expected) / expected) * 2);
  else if (p.monthlyMax >= expected) value = 0.75;
  else value = 0.2 + 0.4 * Math.max(0, (p.monthlyMax - WAGE_FLOOR_SHARE * expected) / ((1 - WAGE_FLOOR_SHARE) * expected));
  return { value, reason: p.monthlyMax >= expected ? wageReason(r, p) : undefined };
}

function wageReason(r: ResidentProfile, p: PostProfile): string {
  const e = r.expectedWage;
  const unitName = { month: '月薪', day: '日薪', hour: '时薪', piece: '计件' }[p.wageUnit];
  if (e && e.unit === p.wageUnit) {
    const range = p.wageMin === p.wageMax ? `${p.wageMin}` : `${p.wageMin}–${p.wageMax}`;
    return p.wageMin >= e.amount ? `${unitName}${range}元，高于期望${e.amount}元` : `${unitName}最高${p.wageMax}元，达到期望${e.amount}元`;
  }
  // Different units: say it in 元/月, the unit the comparison was made in.
  return (p.monthlyMin ?? 0) >= (r.expectedMonthly ?? 0) ? `约合月薪${p.monthlyMin}元起，不低于期望` : `约合月薪最高${p.monthlyMax}元，达到期望`;
}

export function scheduleFit(r: ResidentProfile, p: PostProfile): Feature {
  if (r.availability.length === 0) return { value: UNKNOWN_SCHEDULE_FIT };
  const fits = SCHEDULE_FIT[p.type];
  const natural = r.availability.includes(fits[0]);
  const value = natural ? 1 : 0.8;
  return { value, reason: natural && p.type !== 'full_time' ? `${POST_TYPE_LABELS[p.type]}，合您的时间` : undefined };
}

export function freshness(p: PostProfile, now: number): Feature {
  const days = Math.max(0, (now - p.refreshedAt) / DAY_MS);
  return { value: Math.max(0, 1 - days / FRESHNESS_DAYS), reason: days < 2 ? '新发布' : undefined };
}

export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(a));
}
