import { OCCUPATION_LEAVES } from '../database/seeds/occupations.data';
import { SearchWords, editDistance } from './search-words';

describe('SearchWords', () => {
  const words = new SearchWords(OCCUPATION_LEAVES);
  const near = (q: string) => words.nearWords(q).map((n) => n.word);

  describe('expand (what a query word also finds)', () => {
    it.each([
      ['电焊', ['电焊', '电焊工', '焊工']],
      ['烧电焊', ['烧电焊', '电焊工', '焊工']],
      ['氩弧焊', ['氩弧焊', '氩弧焊工', '焊工']],
      ['焊工', ['焊工', '电焊工', '氩弧焊工', '二保焊工']],
    ])('%s → %j', (word, expected) => {
      expect(words.expand(word).sort()).toEqual([...expected].sort());
    });

    it('a word only one occupation uses adds that occupation’s name, not its other synonyms', () => {
      expect(words.expand('保安').sort()).toEqual(['保安', '保安员']);
    });

    it('a word the catalogue does not know stands for itself, normalised', () => {
      expect(words.expand('焊工证')).toEqual(['焊工证']);
      expect(words.expand(' Abc ')).toEqual(['abc']);
    });
  });

  describe('nearWords (你是不是要找)', () => {
    it('a homophone from the pinyin input method comes first: 焊宫 → 焊工', () => {
      expect(words.nearWords('焊宫')[0]).toEqual({ word: '焊工', closeness: 0 });
    });

    it('pinyin typed as letters: in full, and the start of a word', () => {
      expect(near('hangong')[0]).toBe('焊工');
      expect(near('hanjie')).toContain('焊接工');
      expect(near('baoan')[0]).toBe('保安');
    });

    it('pinyin with a letter wrong', () => {
      expect(near('hangongg')).toContain('焊工');
    });

    it('a character off', () => {
      expect(near('电悍工')).toContain('电焊工');
      expect(near('叉车司')).toContain('叉车司机');
    });

    it('a word inside the query, and the query inside a word', () => {
      expect(near('电焊师傅')).toContain('电焊');
      expect(near('氩弧')).toContain('氩弧焊工');
    });

    it('an exact occupation word gets its group’s other occupations (保安 → 门卫)', () => {
      const list = words.nearWords('保安', 20);
      expect(list.map((n) => n.word)).toEqual(expect.arrayContaining(['门卫', '监控员', '安检员']));
      expect(list.find((n) => n.word === '门卫')?.closeness).toBeGreaterThanOrEqual(3);
      expect(near('厨子').slice(0, 3)).toEqual(expect.arrayContaining(['帮厨']));
      // Not what was typed, and nothing from another group.
      expect(list.map((n) => n.word)).not.toContain('保安');
      expect(list.map((n) => n.word)).not.toContain('电焊工');
    });

    it('two characters with neither in place are not a typo of each other', () => {
      expect(near('宫女')).not.toContain('焊工');
    });

    it('nothing for a single letter, an empty query, or words far from the catalogue', () => {
      expect(words.nearWords('h')).toEqual([]);
      expect(words.nearWords('  ')).toEqual([]);
      expect(words.nearWords('量子计算')).toEqual([]);
    });

    it('orders by closeness, then the shorter word', () => {
      const list = words.nearWords('hanjie', 20);
      const closeness = list.map((n) => n.closeness);
      expect(closeness).toEqual([...closeness].sort((a, b) => a - b));
    });
  });

  describe('a small catalogue', () => {
    const small = new SearchWords([
      { code: '1', name: '钳工', group: 'g', synonyms: ['通用'] },
      { code: '2', name: '刨床', group: 'g', synonyms: ['通用'] },
      { code: '3', name: '厨师', group: 'h', synonyms: [] },
    ]);

    it('expands through shared words only', () => {
      expect(small.expand('钳工').sort()).toEqual(['钳工', '通用'].sort());
      expect(small.expand('厨师')).toEqual(['厨师']);
    });

    it('siblings come from the same group only', () => {
      expect(small.nearWords('厨师')).toEqual([]);
      expect(small.nearWords('钳工')).toEqual([{ word: '刨床', closeness: 3.5 }]);
    });
  });
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['焊宫', '焊工', 1],
    ['hanjie', 'hangong', 4],
    ['电焊', '电焊工', 1],
    ['abc', 'cba', 2],
  ])('%s / %s = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('gives up past the limit', () => {
    expect(editDistance('aaaa', 'bbbb', 1)).toBe(2);
  });
});
