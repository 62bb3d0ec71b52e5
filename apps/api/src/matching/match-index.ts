import type { PostProfile, ResidentProfile } from './engine/types';
import type { SkillVocabulary } from './engine/vocabulary';

/** Below this many candidates from occupation and skills, the whole 镇街 is added. */
const FEW_CANDIDATES = 200;
/**
 * People for a post are gathered in tiers, nearest and most specific first, and gathering stops once
 * a tier brings the set to this size: enough that the best ten are among them (the benchmark checks
 * the top ten against scoring everyone), few enough to score in milliseconds.
 */
const ENOUGH_PEOPLE = 500;

/**
 * Posting lists of open posts and of people looking for work, by occupation, occupation group, skill
 * concept and 镇街, so a query scores the few hundred that can fit rather than everyone. Pure data
 * structure: the MatchIndexService fills it from the database and keeps it current.
 *
 * People are also filed by "work key @ 镇街" (their own and the ones they would go to), so that a post
 * for a common trade (普工: tens of thousands of people) first looks at the people of its own 镇街.
 */
export class MatchIndex {
  private readonly posts = new Map<string, PostProfile>();
  private readonly people = new Map<string, ResidentProfile>();
  private readonly postsByKey = new Map<string, Set<string>>();
  private readonly peopleByKey = new Map<string, Set<string>>();
  private readonly postKeys = new Map<string, string[]>();
  private readonly personKeys = new Map<string, string[]>();

  constructor(private readonly vocabulary: SkillVocabulary) {}

  get postCount(): number {
    return this.posts.size;
  }

  get peopleCount(): number {
    return this.people.size;
  }

  post(id: string): PostProfile | undefined {
    return this.posts.get(id);
  }

  /** Adds or replaces a post; a post that is not open is only removed. */
  upsertPost(p: PostProfile): void {
    this.removePost(p.id);
    if (!p.open) return;
    const keys = [...this.postWorkKeys(p), townKey(p.townCode)];
    this.posts.set(p.id, p);
    this.postKeys.set(p.id, keys);
    for (const k of keys) addTo(this.postsByKey, k, p.id);
  }

  removePost(id: string): void {
    for (const k of this.postKeys.get(id) ?? []) removeFrom(this.postsByKey, k, id);
    this.postKeys.delete(id);
    this.posts.delete(id);
  }

  /** Adds or replaces a person; only people looking for work are kept. */
  upsertPerson(r: ResidentProfile): void {
    this.removePerson(r.id);
    if (r.status !== 'seeking') return;
    const keys = this.personFilingKeys(r);
    this.people.set(r.id, r);
    this.personKeys.set(r.id, keys);
    for (const k of keys) addTo(this.peopleByKey, k, r.id);
  }

  removePerson(id: string): void {
    for (const k of this.personKeys.get(id) ?? []) removeFrom(this.peopleByKey, k, id);
    this.personKeys.delete(id);
    this.people.delete(id);
  }

  /** Open posts that can fit a person: same or related occupation, a skill in common; else nearby. */
  postCandidates(r: ResidentProfile): PostProfile[] {
    const ids = new Set<string>();
    collect(this.postsByKey, this.personWorkKeys(r, true), ids);
    if (ids.size < FEW_CANDIDATES) collect(this.postsByKey, [...new Set([r.townCode, ...r.desiredTownCodes])].map(townKey), ids);
    return [...ids].map((id) => this.posts.get(id) as PostProfile);
  }

  /**
   * People who can fit a post, in tiers until there are enough: its own trade and asked skills in its
   * 镇街; the same across the district (with related trades); its occupation group in its 镇街; the group
   * across the district; finally anyone of its 镇街.
   */
  peopleCandidates(p: PostProfile): ResidentProfile[] {
    const town = p.townCode;
    const specific = this.postSpecificKeys(p);
    const groups = this.postGroupKeys(p);
    const tiers = [
      specific.map((k) => at(k, town)),
      [...specific, `rel:${p.occupationCode}`],
      groups.map((k) => at(k, town)),
      groups,
    ];
    const ids = new Set<string>();
    for (const tier of tiers) {
      collect(this.peopleByKey, tier, ids);
      if (ids.size >= ENOUGH_PEOPLE) break;
    }
    if (ids.size < FEW_CANDIDATES) collect(this.peopleByKey, [townKey(town)], ids);
    return [...ids].map((id) => this.people.get(id) as ResidentProfile);
  }

  /** Every open post (the naive baseline of the benchmark, and small districts). */
  allPosts(): IterableIterator<PostProfile> {
    return this.posts.values();
  }

  allPeople(): IterableIterator<ResidentProfile> {
    return this.people.values();
  }

  /** A post's own occupation and the words and leaves of the skills it asks for. */
  private postSpecificKeys(p: PostProfile): string[] {
    const keys = new Set<string>([`leaf:${p.occupationCode}`]);
    for (const s of p.skillsWanted) for (const c of s.concepts) if (!c.startsWith('group:')) keys.add(c);
    return [...keys];
  }

  private postGroupKeys(p: PostProfile): string[] {
    const keys = new Set<string>();
    const group = this.vocabulary.groupOfLeaf(p.occupationCode);
    if (group) keys.add(`group:${group}`);
    for (const s of p.skillsWanted) for (const c of s.concepts) if (c.startsWith('group:')) keys.add(c);
    return [...keys];
  }

  private postWorkKeys(p: PostProfile): string[] {
    return [...this.postSpecificKeys(p), ...this.postGroupKeys(p)];
  }

  /**
   * Keys of the work a person wants or can do: wanted leaves and their groups, skill concepts. With
   * `lookup`, related leaves as leaves (to find posts of a related trade); when filing the person,
   * as rel: keys, so that a post reaches related people only after the people of its own trade.
   */
  private personWorkKeys(r: ResidentProfile, lookup: boolean): string[] {
    const keys = new Set<string>(r.skillConcepts);
    for (const d of r.desiredOccupations) {
      keys.add(`leaf:${d}`);
      const group = this.vocabulary.groupOfLeaf(d);
      if (group) keys.add(`group:${group}`);
      for (const rel of this.vocabulary.relatedLeaves(d)) keys.add(lookup ? `leaf:${rel}` : `rel:${rel}`);
    }
    return [...keys];
  }

  /** Where a person is filed: each work key, and each work key at their own and their desired 镇街. */
  private personFilingKeys(r: ResidentProfile): string[] {
    const work = this.personWorkKeys(r, false);
    const towns = [...new Set([r.townCode, ...r.desiredTownCodes])];
    const keys = [...work, townKey(r.townCode)];
    for (const k of work) if (!k.startsWith('rel:')) for (const t of towns) keys.push(at(k, t));
    return keys;
  }
}

const townKey = (code: string) => `town:${code}`;
const at = (key: string, town: string) => `${key}@${town}`;

function collect(lists: Map<string, Set<string>>, keys: string[], into: Set<string>): void {
  for (const k of keys) for (const id of lists.get(k) ?? []) into.add(id);
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(id);
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}
