import { Injectable } from '@nestjs/common';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { OCCUPATION_LEAVES } from '../../database/seeds/occupations.data';
import REGIONS from '../../database/seeds/regions.data.json';

/** Words that say nothing about which job it is; indexing them would only make every post match. */
const STOPWORDS = new Set([
  '招聘', '急招', '诚聘', '高薪', '招收', '招工', '岗位', '工作', '公司', '有限公司', '有限', '责任', '优先', '要求',
  '我们', '你们', '可以', '以上', '以下', '左右', '欢迎', '联系', '电话', '地址', '负责', '相关', '以及', '或者', '没有',
  '需要', '一名', '若干', '人员', '数名', '名额',
]);

/** Region suffixes: people say 桑村 for 桑村镇 and 双山 for 双山居委会. */
const PLACE_SUFFIX = /(街道|镇|经济开发区|开发区|居委会|村委会|社区|村)$/;

/**
 * The district's own words, so jieba keeps them whole in posts and queries alike: occupation names
 * and synonyms (开叉车, 点卤 …) and place names with and without their suffix (桑村镇, 桑村).
 */
function districtDictionary(): Buffer {
  const words = new Set<string>();
  for (const o of OCCUPATION_LEAVES) for (const w of [o.name, ...o.synonyms]) words.add(w);
  for (const r of REGIONS as { name: string; level: string }[]) {
    if (r.level === 'district') continue;
    words.add(r.name);
    const short = r.name.replace(PLACE_SUFFIX, '');
    if (short.length >= 2) words.add(short);
  }
  return Buffer.from([...words].map((w) => `${w} 2000`).join('\n'), 'utf8');
}

/** Longest word kept in the index (the column holds 32 characters). */
const MAX_TERM = 32;

/**
 * Chinese word segmentation (jieba, the dictionary loaded once per process, ~0.15 s) and the
 * normalisation both the post index and the queries use, so they agree on what a word is.
 */
@Injectable()
export class ChineseText {
  private readonly jieba: Jieba;

  constructor() {
    this.jieba = Jieba.withDict(dict);
    this.jieba.loadDict(districtDictionary());
  }

  /** Full-width to half-width, lower case, no spaces: "ＣＮＣ 操作工" → "cnc操作工". */
  static normalise(text: string): string {
    return text
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/\u3000/g, ' ')
      .toLowerCase();
  }

  /**
   * Every word of the texts, in the fine-grained "search" cut (电焊工 → 电焊, 焊工, 电焊工), so a
   * query word matches inside longer words. Single characters and stopwords are left out.
   */
  indexTerms(texts: string[]): string[] {
    const out = new Set<string>();
    for (const text of texts) {
      for (const w of this.jieba.cutForSearch(ChineseText.normalise(text), true)) {
        const term = w.trim();
        if (isWord(term)) out.add(term.slice(0, MAX_TERM));
      }
      // A synonym or skill that is one word to people stays one term even if jieba splits it.
      const whole = ChineseText.normalise(text).replace(/\s+/g, '');
      if (isWord(whole) && whole.length <= 8) out.add(whole);
    }
    return [...out];
  }

  /** The words of a query, in the precise cut: each must be found for a post to match. */
  queryTerms(query: string): string[] {
    const q = ChineseText.normalise(query).trim();
    const whole = q.replace(/\s+/g, '');
    const words = this.jieba
      .cut(q, true)
      .map((w) => w.trim())
      .filter(isWord)
      .map((w) => w.slice(0, MAX_TERM));
    return [...new Set(words.length ? words : isWord(whole) ? [whole] : [])];
  }
}

function isWord(w: string): boolean {
  if (w.length < 2 || STOPWORDS.has(w)) return false;
  return /[\p{Script=Han}a-z0-9]/u.test(w) && !/^[\p{P}\p{S}\s]+$/u.test(w);
}
