import { pinyin } from 'pinyin-pro';

/** An occupation leaf as the search needs it: its name, its group and the words people use for it. */
export interface SearchLeaf {
  code: string;
  name: string;
  group: string;
  synonyms: string[];
}

/** A word the person may have meant; the lower `closeness`, the nearer to what they typed. */
export interface NearWord {
  word: string;
  closeness: number;
}

/** Closeness of each kind of near word (lower is nearer). */
const CLOSENESS = {
  /** Sounds the same: the pinyin input method picked the wrong character (焊宫 for 焊工). */
  homophone: 0,
  /** Typed in pinyin, spelled out in full (hangong for 焊工). */
  pinyin: 0.5,
  /** The start of a word's pinyin (hanjie for 焊接工). */
  pinyinStart: 1,
  /** A catalogue word inside what was typed (电焊师傅 → 电焊). */
  inside: 1.2,
  /** A character wrong or missing in a longer word (电悍工 for 电焊工), or a letter of its pinyin. */
  typo: 1.5,
  /** What was typed inside a catalogue word (叉车司 → 叉车司机, 氩弧 → 氩弧焊工). */
  longer: 2,
  /** Another occupation of the same group (保安 → 门卫): work the person is likely to take too. */
  sibling: 3,
} as const;

interface Entry {
  word: string;
  /** Toneless pinyin, letters only (焊工 → hangong; CNC操作工 → cnccaozuogong). */
  spelled: string;
  leaves: SearchLeaf[];
}

const norm = (w: string) => w.toLowerCase().replace(/\s+/g, '');
const LATIN = /^[a-z]+$/;

/**
 * The words of the occupation catalogue (names and synonyms) as the keyword search uses them:
 *
 * - `expand`: what a query word also stands for in the post index. A word naming an occupation also
 *   finds that occupation's name and the umbrella words it shares with its siblings, so 电焊 (电焊工)
 *   finds 氩弧焊工 posts through 焊工, which both answer to.
 * - `nearWords`: what a person may have meant when a keyword finds little: a homophone typed with the
 *   pinyin input method (焊宫 → 焊工), pinyin typed as letters (hanjie → 焊接工), a character off in a
 *   longer word, a catalogue word inside the query or the query inside one, and for a word the
 *   catalogue knows (保安) the other occupations of its group. The caller keeps only those that
 *   really find posts.
 */
export class SearchWords {
  private readonly entries: Entry[] = [];
  private readonly byWord = new Map<string, Entry>();
  private readonly byGroup = new Map<string, SearchLeaf[]>();

  constructor(leaves: readonly SearchLeaf[]) {
    for (const leaf of leaves) {
      this.byGroup.set(leaf.group, [...(this.byGroup.get(leaf.group) ?? []), leaf]);
      for (const w of new Set([leaf.name, ...leaf.synonyms].map(norm))) {
        if (!w) continue;
        let entry = this.byWord.get(w);
        if (!entry) {
          entry = { word: w, spelled: spell(w), leaves: [] };
          this.byWord.set(w, entry);
          this.entries.push(entry);
        }
        entry.leaves.push(leaf);
      }
    }
  }

  /** Whether the catalogue knows this word (an occupation's name or synonym). */
  has(word: string): boolean {
    return this.byWord.has(norm(word));
  }

  /**
   * The index terms a query word stands for: itself, the names of the occupations it names, and
   * the words those occupations share with other occupations (焊工 for 电焊工, 氩弧焊工, 二保焊工).
   */
  expand(word: string): string[] {
    const w = norm(word);
    const out = new Set([w]);
    for (const leaf of this.byWord.get(w)?.leaves ?? []) {
      out.add(norm(leaf.name));
      for (const s of leaf.synonyms.map(norm)) if ((this.byWord.get(s)?.leaves.length ?? 0) > 1) out.add(s);
    }
    return [...out];
  }

  /** Catalogue words the person may have meant by `query`, nearest first, at most `limit`. */
  nearWords(query: string, limit = 8): NearWord[] {
    const q = norm(query);
    if (!q) return [];
    const found = new Map<string, number>();
    const offer = (word: string, closeness: number) => {
      if (word === q) return;
      const before = found.get(word);
      if (before === undefined || closeness < before) found.set(word, closeness);
    };
    if (LATIN.test(q)) this.spelledNear(q, offer);
    else this.writtenNear(q, offer);
    return [...found]
      .map(([word, closeness]) => ({ word, closeness }))
      .sort((a, b) => a.closeness - b.closeness || a.word.length - b.word.length || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, limit);
  }

  /** Letters: pinyin typed without the input method (hangong, hanjie). */
  private spelledNear(q: string, offer: (w: string, c: number) => void): void {
    if (q.length < 2) return;
    const typos = q.length >= 5 ? (q.length >= 9 ? 2 : 1) : 0;
    for (const e of this.entries) {
      if (!e.spelled || LATIN.test(e.word)) continue;
      if (e.spelled === q) offer(e.word, CLOSENESS.pinyin);
      else if (q.length >= 3 && e.spelled.startsWith(q)) offer(e.word, CLOSENESS.pinyinStart + (e.spelled.length - q.length) / 100);
      else if (typos > 0 && Math.abs(e.spelled.length - q.length) <= typos) {
        const d = editDistance(q, e.spelled, typos);
        if (d <= typos) offer(e.word, CLOSENESS.typo + d / 10);
      }
    }
  }

  /**
   * Characters. A word the catalogue knows was typed right: it gets only longer words and its
   * siblings. Otherwise homophones; a character off only in words of three or more (in two, one
   * character off is another word: 保安, 保姆, 保洁); catalogue words inside the query.
   */
  private writtenNear(q: string, offer: (w: string, c: number) => void): void {
    const known = this.byWord.get(q);
    const spelled = spell(q);
    const chars = [...q];
    const typos = known || chars.length < 3 ? 0 : chars.length >= 6 ? 2 : 1;
    for (const e of this.entries) {
      const len = [...e.word].length;
      if (!known && spelled && e.spelled === spelled) {
        offer(e.word, CLOSENESS.homophone);
        continue;
      }
      if (typos > 0 && len >= 3 && Math.abs(len - chars.length) <= typos) {
        const d = editDistance(chars, [...e.word], typos);
        if (d <= typos) offer(e.word, CLOSENESS.typo + d / 10);
        else if (Math.abs(e.spelled.length - spelled.length) <= 1 && editDistance(spelled, e.spelled, 1) <= 1) offer(e.word, CLOSENESS.typo + 0.05);
      }
      if (!known && len >= 2 && chars.length > len && q.includes(e.word)) offer(e.word, CLOSENESS.inside + (chars.length - len) / 100);
      if (chars.length >= 2 && len > chars.length && e.word.includes(q)) offer(e.word, CLOSENESS.longer + (len - chars.length) / 100);
    }
    // A word the catalogue knows that finds little: the other occupations of its group, those
    // sharing a character with it first (厨子 → 帮厨 before 服务员).
    const own = new Set(chars);
    for (const leaf of known?.leaves ?? []) {
      for (const sibling of this.byGroup.get(leaf.group) ?? []) {
        if (known?.leaves.includes(sibling)) continue;
        const name = norm(sibling.name);
        offer(name, CLOSENESS.sibling + ([...name].some((c) => own.has(c)) ? 0 : 0.5));
      }
    }
  }
}

/** Toneless pinyin of the Han characters, other letters and digits kept, lower case, nothing else. */
function spell(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Levenshtein distance of two sequences, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string | readonly string[], b: string | readonly string[], max = Number.MAX_SAFE_INTEGER): number {
  const x = typeof a === 'string' ? [...a] : a;
  const y = typeof b === 'string' ? [...b] : b;
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (row[j] < best) best = row[j];
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[y.length];
}
