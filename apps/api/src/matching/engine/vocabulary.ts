/** An occupation leaf as the vocabulary needs it. */
export interface VocabularyLeaf {
  code: string;
  name: string;
  group: string;
  synonyms: string[];
}

export const wordConcept = (w: string) => `w:${w}`;
export const leafConcept = (code: string) => `leaf:${code}`;
export const groupConcept = (code: string) => `group:${code}`;
/** Words as the text segmenter gives them (lower case): the taxonomy says CNC, people's text cnc. */
const norm = (w: string) => w.toLowerCase();

/**
 * Maps skill words to concepts, using the occupation taxonomy's names and synonyms: 电焊 and 烧电焊
 * both name the leaf 电焊工; 焊工 names 电焊工, 氩弧焊工 and 二保焊工 (it is ambiguous on purpose), so
 * "焊工" matches each of them while 电焊 and 氩弧焊 meet only through their group (焊接与金属加工).
 */
export class SkillVocabulary {
  private readonly byWord = new Map<string, string[]>();
  private readonly groupOf = new Map<string, string>();
  private readonly wordsOf = new Map<string, ReadonlySet<string>>();
  private readonly relatedOf = new Map<string, Set<string>>();

  constructor(leaves: readonly VocabularyLeaf[]) {
    for (const leaf of leaves) {
      this.groupOf.set(leaf.code, leaf.group);
      const words = new Set([leaf.name, ...leaf.synonyms].map(norm));
      this.wordsOf.set(leaf.code, words);
      for (const w of words) {
        const list = this.byWord.get(w) ?? [];
        list.push(leaf.code);
        this.byWord.set(w, list);
      }
    }
    // Leaves whose words contain another leaf's word are related: 打包发货 (电商打包发货员) begins with
    // 打包 (包装工), 搬运工 (装卸工) with 搬运 (搬家工); 数控车工 ends with 车工, 电商客服 with 客服. Only at a
    // word's start, or at its end after a word of its own, so 叉车工 (叉车 + 工) does not hold 车工.
    for (const [outer, outerLeaves] of this.byWord) {
      for (const inner of heldWords(outer)) {
        for (const b of this.byWord.get(inner) ?? []) {
          for (const a of outerLeaves) {
            if (a === b) continue;
            this.link(a, b);
            this.link(b, a);
          }
        }
      }
    }
  }

  private link(a: string, b: string): void {
    const set = this.relatedOf.get(a) ?? new Set<string>();
    set.add(b);
    this.relatedOf.set(a, set);
  }

  groupOfLeaf(code: string): string | undefined {
    return this.groupOf.get(code) ?? (/^\d-\d{2}-\d{2}$/.test(code) ? code.slice(0, 4) : undefined);
  }

  /** Leaves a word names exactly (a name or a synonym). */
  leavesOf(word: string): readonly string[] {
    // Most words are Chinese and already as the map keeps them: a lower-cased copy only when that misses (hot in ranking).
    return this.byWord.get(word) ?? this.byWord.get(norm(word)) ?? [];
  }

  /** Whether one leaf's name or synonym contains the other's (打包发货 and 打包; 数控车工 and 车工). */
  related(a: string, b: string): boolean {
    return this.relatedOf.get(a)?.has(b) ?? false;
  }

  /** The leaves related to one (see related), e.g. for an index to find related posts. */
  relatedLeaves(code: string): readonly string[] {
    return [...(this.relatedOf.get(code) ?? [])];
  }

  /** The leaves that share a name or synonym with one (shareSynonym), itself included. */
  synonymLeaves(code: string): ReadonlySet<string> {
    const out = new Set<string>([code]);
    for (const w of this.wordsOf.get(code) ?? []) for (const leaf of this.byWord.get(w) ?? []) out.add(leaf);
    return out;
  }

  /** Whether two leaves share a name or synonym (电焊工 and 氩弧焊工 both answer to 焊工). */
  shareSynonym(a: string, b: string): boolean {
    if (a === b) return true;
    const wa = this.wordsOf.get(a);
    const wb = this.wordsOf.get(b);
    if (!wa || !wb) return false;
    for (const w of wa) if (wb.has(w)) return true;
    return false;
  }

  /** Concepts of segmented words: each word itself, the leaves it names and their groups. */
  conceptsOf(words: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const w of words) {
      out.add(wordConcept(w));
      for (const leaf of this.leavesOf(w)) this.addLeaf(out, leaf);
    }
    return out;
  }

  /** Adds a leaf and its group to a concept set. */
  addLeaf(set: Set<string>, code: string): void {
    set.add(leafConcept(code));
    const group = this.groupOfLeaf(code);
    if (group) set.add(groupConcept(group));
  }
}

/** The shorter words a word may hold: its beginnings, and its endings after two characters of its own. */
function heldWords(word: string): string[] {
  const out: string[] = [];
  for (let n = 2; n < word.length; n++) out.push(word.slice(0, n));
  for (let start = 2; start <= word.length - 2; start++) out.push(word.slice(start));
  return out;
}
