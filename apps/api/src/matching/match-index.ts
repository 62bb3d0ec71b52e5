import type { PostProfile, ResidentProfile } from './engine/types';
import type { SkillVocabulary } from './engine/vocabulary';

/** Below this many candidates from occupation and skills, the whole 镇街 is added. */
const FEW_CANDIDATES = 200;

/**
 * Posting lists of open posts and of people looking for work, by occupation, occupation group, skill
 * concept and 镇街, so a query scores the few hundred that can fit rather than everyone. Pure data
 * structure: the MatchIndexService fills it from the database and keeps it current.
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
    const keys = this.postMatchKeys(p);
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
    const keys = this.personMatchKeys(r);
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
    const ids = gather(this.postsByKey, this.personMatchKeys(r), [...new Set([r.townCode, ...r.desiredTownCodes])].map(townKey));
    return [...ids].map((id) => this.posts.get(id) as PostProfile);
  }

  /** People looking for work who can fit a post; else people of its 镇街. */
  peopleCandidates(p: PostProfile): ResidentProfile[] {
    const ids = gather(this.peopleByKey, this.postMatchKeys(p), [townKey(p.townCode)]);
    return [...ids].map((id) => this.people.get(id) as ResidentProfile);
  }

  /** Every open post (the naive baseline of the benchmark, and small districts). */
  allPosts(): IterableIterator<PostProfile> {
    return this.posts.values();
  }

  allPeople(): IterableIterator<ResidentProfile> {
    return this.people.values();
  }

  /** Keys by which a post is found: its occupation and group, the concepts of its skills, its 镇街. */
  private postMatchKeys(p: PostProfile): string[] {
    const keys = new Set<string>([`leaf:${p.occupationCode}`, townKey(p.townCode)]);
    const group = this.vocabulary.groupOfLeaf(p.occupationCode);
    if (group) keys.add(`group:${group}`);
    for (const s of p.skillsWanted) for (const c of s.concepts) keys.add(c);
    return [...keys];
  }

  /** Keys by which a person is found: wanted occupations and their groups, skill concepts, 镇街. */
  private personMatchKeys(r: ResidentProfile): string[] {
    const keys = new Set<string>(r.skillConcepts);
    for (const d of r.desiredOccupations) {
      keys.add(`leaf:${d}`);
      // Related trades (打包 ~ 打包发货) are found through the index, not only by the 镇街 fallback.
      for (const rel of this.vocabulary.relatedLeaves(d)) keys.add(`leaf:${rel}`);
      const group = this.vocabulary.groupOfLeaf(d);
      if (group) keys.add(`group:${group}`);
    }
    keys.add(townKey(r.townCode));
    return [...keys];
  }
}

const townKey = (code: string) => `town:${code}`;

/** The union of the lists under the work keys; the place keys join only when that union is small. */
function gather(lists: Map<string, Set<string>>, keys: string[], placeKeys: string[]): Set<string> {
  const out = new Set<string>();
  for (const k of keys) if (!k.startsWith('town:')) for (const id of lists.get(k) ?? []) out.add(id);
  if (out.size < FEW_CANDIDATES) for (const k of placeKeys) for (const id of lists.get(k) ?? []) out.add(id);
  return out;
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
