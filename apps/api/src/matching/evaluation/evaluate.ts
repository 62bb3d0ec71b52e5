import { ChineseText } from '../../common/text/chinese-text';
import { OCCUPATION_GROUPS, OCCUPATION_LEAVES } from '../../database/seeds/occupations.data';
import REGIONS from '../../database/seeds/regions.data.json';
import { rankPeople, rankPosts, type MatchContext, type Ranked } from '../engine/engine';
import type { MatchNames, MatchResult } from '../engine/types';
import { SkillVocabulary } from '../engine/vocabulary';
import { ProfileBuilder, type PostSource, type ResidentSource } from '../profiles';
import { EVAL_NOW, EVAL_POSTS, EVAL_RESIDENTS, type EvalPost, type EvalResident, type Grade, type Labels } from './eval-set';

/**
 * Runs the labelled evaluation set (eval-set.ts) through the real profile builder and engine and
 * measures, in both directions, top-1 accuracy (the first result is one the person would pick
 * first, grade 3) and NDCG@5 (graded gains 2^g − 1, ideal order from the labels). Pure apart from
 * the jieba dictionary the ChineseText loads; no database, no index: every item is scored.
 */

const DAY_MS = 86_400_000;
export const NDCG_DEPTH = 5;

/** Names of occupations, groups and places from the seed data, as the API supplies them. */
export function seedMatchNames(): MatchNames {
  const leaves = new Map(OCCUPATION_LEAVES.map((l) => [l.code, l.name]));
  const groups = new Map(OCCUPATION_GROUPS.map((g) => [g.code, g.name]));
  const regions = new Map((REGIONS as { code: string; name: string }[]).map((r) => [r.code, r.name]));
  return { occupation: (c) => leaves.get(c), group: (c) => groups.get(c), region: (c) => regions.get(c) };
}

export function residentSource(r: EvalResident): ResidentSource {
  return {
    id: r.id,
    villageCode: r.villageCode,
    townCode: r.townCode,
    skills: r.skills,
    desiredOccupations: r.desiredOccupations,
    desiredTownCodes: r.desiredTownCodes ?? [],
    maxCommuteKm: r.maxCommuteKm,
    expectedWageMin: r.expectedWage?.amount ?? null,
    wageUnit: r.expectedWage?.unit ?? null,
    availability: r.availability,
    keyGroups: r.keyGroups ?? [],
    status: r.status ?? 'seeking',
  };
}

export function postSource(p: EvalPost, now: number): PostSource {
  const daysAgo = (d: number) => new Date(now - d * DAY_MS);
  return {
    id: p.id,
    occupationCode: p.occupationCode,
    skills: p.skills,
    townCode: p.townCode,
    villageCode: p.villageCode,
    lat: p.location?.lat ?? null,
    lng: p.location?.lng ?? null,
    wageMin: p.wage.min,
    wageMax: p.wage.max,
    wageUnit: p.wage.unit,
    type: p.type,
    status: p.status ?? 'published',
    openReports: p.openReports ?? 0,
    refreshedAt: p.refreshedDaysAgo === undefined ? null : daysAgo(p.refreshedDaysAgo),
    publishedAt: daysAgo(p.publishedDaysAgo),
    createdAt: daysAgo(p.publishedDaysAgo),
    expiresAt: p.expiresInDays === null ? null : daysAgo(-p.expiresInDays),
  };
}

/** Discounted cumulative gain of grades in ranked order, to depth k. */
export function dcg(grades: readonly number[], k = NDCG_DEPTH): number {
  return grades.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** NDCG@k of a ranking (its grades in order) against all the query's labelled grades. */
export function ndcg(rankedGrades: readonly number[], labelled: readonly number[], k = NDCG_DEPTH): number {
  const ideal = dcg([...labelled].sort((a, b) => b - a), k);
  return ideal === 0 ? 0 : dcg(rankedGrades, k) / ideal;
}

export interface RankedItem {
  id: string;
  /** The post's title or the person's description. */
  label: string;
  grade: Grade | 0;
  score: number;
  reasons: string[];
}

export interface QueryOutcome {
  id: string;
  label: string;
  top1: boolean;
  ndcg: number;
  /** The first five results. */
  top: RankedItem[];
  /** Where the best-labelled item came (1-based; null when it was filtered out), with its result. */
  expected: (RankedItem & { rank: number | null })[];
}

export interface DirectionReport {
  queries: number;
  /** Share of queries whose first result has grade 3. */
  top1: number;
  /** Mean NDCG@5. */
  ndcg5: number;
  outcomes: QueryOutcome[];
  /** The queries whose first result was not a grade-3 item. */
  misses: QueryOutcome[];
}

export interface EvalReport {
  residents: number;
  posts: number;
  /** Labelled pairs (grade ≥ 1) in each direction. */
  labels: { postsForResidents: number; peopleForPosts: number };
  postsForResident: DirectionReport;
  peopleForPost: DirectionReport;
}

export interface EvaluateOptions {
  text?: ChineseText;
  now?: number;
  residents?: readonly EvalResident[];
  posts?: readonly EvalPost[];
}

/** Runs the whole set: every resident against every post, every labelled post against every resident. */
export function evaluate(options: EvaluateOptions = {}): EvalReport {
  const now = options.now ?? EVAL_NOW;
  const residents = options.residents ?? EVAL_RESIDENTS;
  const posts = options.posts ?? EVAL_POSTS;
  const vocabulary = new SkillVocabulary(OCCUPATION_LEAVES);
  const builder = new ProfileBuilder(options.text ?? new ChineseText(), vocabulary);
  const ctx: MatchContext = { vocabulary, names: seedMatchNames(), now };

  const residentProfiles = residents.map((r) => builder.resident(residentSource(r), r.location));
  const postProfiles = posts.map((p) => builder.post(postSource(p, now)));
  const postLabel = new Map(posts.map((p) => [p.id, p.title]));
  const residentLabel = new Map(residents.map((r) => [r.id, r.who]));

  const forResidents = residents.map((r, i) =>
    outcome(r.id, r.who, r.posts, rankPosts(residentProfiles[i], postProfiles, ctx, postProfiles.length), postLabel),
  );
  // A post nobody is labelled for (closed, expired, hidden) has no right answer to measure.
  const forPosts = posts.flatMap((p, i) =>
    Object.keys(p.people).length === 0
      ? []
      : [outcome(p.id, p.title, p.people, rankPeople(postProfiles[i], residentProfiles, ctx, residentProfiles.length), residentLabel)],
  );

  return {
    residents: residents.length,
    posts: posts.length,
    labels: {
      postsForResidents: residents.reduce((n, r) => n + Object.keys(r.posts).length, 0),
      peopleForPosts: posts.reduce((n, p) => n + Object.keys(p.people).length, 0),
    },
    postsForResident: summarise(forResidents),
    peopleForPost: summarise(forPosts),
  };
}

function outcome(id: string, label: string, labels: Labels, ranked: Ranked<{ id: string }>[], names: Map<string, string>): QueryOutcome {
  const grade = (itemId: string): Grade | 0 => labels[itemId] ?? 0;
  const item = (r: Ranked<{ id: string }>): RankedItem => ({ id: r.item.id, label: names.get(r.item.id) ?? r.item.id, grade: grade(r.item.id), ...result(r.result) });
  const best = Math.max(0, ...Object.values(labels));
  const expected = Object.keys(labels)
    .filter((k) => labels[k] === best)
    .map((k) => {
      const at = ranked.findIndex((r) => r.item.id === k);
      return at < 0 ? { id: k, label: names.get(k) ?? k, grade: grade(k), score: 0, reasons: [], rank: null } : { ...item(ranked[at]), rank: at + 1 };
    });
  return {
    id,
    label,
    top1: ranked.length > 0 && grade(ranked[0].item.id) === 3,
    ndcg: ndcg(
      ranked.slice(0, NDCG_DEPTH).map((r) => grade(r.item.id)),
      Object.values(labels),
    ),
    top: ranked.slice(0, NDCG_DEPTH).map(item),
    expected,
  };
}

function result(r: MatchResult): { score: number; reasons: string[] } {
  return { score: r.score, reasons: r.reasons };
}

function summarise(outcomes: QueryOutcome[]): DirectionReport {
  const n = outcomes.length;
  return {
    queries: n,
    top1: n ? outcomes.filter((o) => o.top1).length / n : 0,
    ndcg5: n ? outcomes.reduce((s, o) => s + o.ndcg, 0) / n : 0,
    outcomes,
    misses: outcomes.filter((o) => !o.top1),
  };
}

/**
 * What is wrong with the labels themselves, if anything: unknown ids, a query without a grade-3
 * item, a pair labelled in one direction only (except people not looking for work, who are never
 * labelled for a post), labels on posts no longer open.
 */
export function labelProblems(residents: readonly EvalResident[] = EVAL_RESIDENTS, posts: readonly EvalPost[] = EVAL_POSTS): string[] {
  const problems: string[] = [];
  const postById = new Map(posts.map((p) => [p.id, p]));
  const residentById = new Map(residents.map((r) => [r.id, r]));
  const isOpen = (p: EvalPost) => (p.status ?? 'published') === 'published' && (p.openReports ?? 0) < 3 && (p.expiresInDays === null || p.expiresInDays > 0);
  if (new Set(residents.map((r) => r.id)).size !== residents.length) problems.push('duplicate resident id');
  if (new Set(posts.map((p) => p.id)).size !== posts.length) problems.push('duplicate post id');
  for (const r of residents) {
    if (!Object.values(r.posts).includes(3)) problems.push(`${r.id}: no grade-3 post`);
    for (const pid of Object.keys(r.posts)) {
      const p = postById.get(pid);
      if (!p) problems.push(`${r.id}: unknown post ${pid}`);
      else if (!isOpen(p)) problems.push(`${r.id}: labels ${pid}, which is not open`);
      else if ((r.status ?? 'seeking') === 'seeking' && !p.people[r.id]) problems.push(`${r.id}→${pid} is not labelled from the post's side`);
    }
  }
  for (const p of posts) {
    if (isOpen(p) && !Object.values(p.people).includes(3)) problems.push(`${p.id}: no grade-3 person`);
    if (!isOpen(p) && Object.keys(p.people).length > 0) problems.push(`${p.id}: not open but labelled`);
    for (const rid of Object.keys(p.people)) {
      const r = residentById.get(rid);
      if (!r) problems.push(`${p.id}: unknown resident ${rid}`);
      else if ((r.status ?? 'seeking') !== 'seeking') problems.push(`${p.id}: labels ${rid}, who is not looking for work`);
      else if (!r.posts[p.id]) problems.push(`${p.id}→${rid} is not labelled from the person's side`);
    }
  }
  return problems;
}
