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

/**
 * Maps skill words to concepts, using the occupation taxonomy's names and synonyms: 电焊 and 烧电焊
 * both name the leaf 电焊工; 焊工 names 电焊工, 氩弧焊工 and 二保焊工 (it is ambiguous on purpose), so
 * "焊工" matches each of them while 电焊 and 氩弧焊 meet only through their group (焊接与金属加工).
 */
export class SkillVocabulary {
  private readonly byWord = new Map<string, string[]>();
  private readonly groupOf = new Map<string, string>();
  private readonly wordsOf = new Map<string, ReadonlySet<string>>();

  constructor(leaves: readonly VocabularyLeaf[]) {
    for (const leaf of leaves) {
      this.groupOf.set(leaf.code, leaf.group);
      this.wordsOf.set(leaf.code, new Set([leaf.name, ...leaf.synonyms]));
      for (const w of new Set([leaf.name, ...leaf.synonyms])) {
        const list = this.byWord.get(w) ?? [];
        list.push(leaf.code);
        this.byWord.set(w, list);
      }
    }
  }

  groupOfLeaf(code: string): string | undefined {
    return this.groupOf.get(code) ?? (/^\d-\d{2}-\d{2}$/.test(code) ? code.slice(0, 4) : undefined);
  }

  /** Leaves a word names exactly (a name or a synonym). */
  leavesOf(word: string): readonly string[] {
    return this.byWord.get(word) ?? [];
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
