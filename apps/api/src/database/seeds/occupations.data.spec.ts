import { MAJOR_GROUPS, OCCUPATION_GROUPS, OCCUPATION_LEAVES } from './occupations.data';

const DADIAN_2022_MAJOR_GROUPS: Array<[string, string]> = [
  ['1', '党的机关、国家机关、群众团体和社会组织、企事业单位负责人'],
  ['2', '专业技术人员'],
  ['3', '办事人员和有关人员'],
  ['4', '社会生产服务和生活服务人员'],
  ['5', '农、林、牧、渔业生产及辅助人员'],
  ['6', '生产制造及有关人员'],
  ['7', '军队人员'],
  ['8', '不便分类的其他从业人员'],
];

/** Trades this district's residents and employers must be able to find. */
const REQUIRED_TRADES = [
  '豆制品', '塑编', '石材', '机械', '电焊', '瓦工', '货车', '保洁', '保安', '厨师', '帮厨',
  '服务员', '家政', '护工', '育婴', '种植', '采摘', '养殖', '主播', '客服', '电商', '民宿',
  '导游', '文员', '教师', '护士',
];

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    if (seen.has(value)) return true;
    seen.add(value);
    return false;
  });
}

describe('occupation seed data', () => {
  it('has exactly the 8 major groups of 职业分类大典 (2022) with their exact names', () => {
    expect(MAJOR_GROUPS.map((g) => [g.code, g.name])).toEqual(DADIAN_2022_MAJOR_GROUPS);
  });

  it('has well-formed, unique group codes under an existing major group', () => {
    const majorCodes = new Set(MAJOR_GROUPS.map((g) => g.code));
    for (const group of OCCUPATION_GROUPS) {
      expect(group.code).toMatch(/^[1-8]-\d{2}$/);
      expect(majorCodes.has(group.majorGroup)).toBe(true);
      expect(group.code.startsWith(`${group.majorGroup}-`)).toBe(true);
      expect(group.name.trim()).not.toBe('');
    }
    expect(duplicates(OCCUPATION_GROUPS.map((g) => g.code))).toEqual([]);
    expect(duplicates(OCCUPATION_GROUPS.map((g) => g.name))).toEqual([]);
  });

  it('has well-formed, unique leaf codes under an existing group', () => {
    const groupCodes = new Set(OCCUPATION_GROUPS.map((g) => g.code));
    for (const leaf of OCCUPATION_LEAVES) {
      expect(leaf.code).toMatch(/^[1-8]-\d{2}-\d{2}$/);
      expect(groupCodes.has(leaf.group)).toBe(true);
      expect(leaf.code.startsWith(`${leaf.group}-`)).toBe(true);
    }
    expect(duplicates(OCCUPATION_LEAVES.map((l) => l.code))).toEqual([]);
  });

  it('has at least 150 leaves with unique names, and no empty group', () => {
    expect(OCCUPATION_LEAVES.length).toBeGreaterThanOrEqual(150);
    expect(duplicates(OCCUPATION_LEAVES.map((l) => l.name))).toEqual([]);
    const usedGroups = new Set(OCCUPATION_LEAVES.map((l) => l.group));
    expect(OCCUPATION_GROUPS.filter((g) => !usedGroups.has(g.code))).toEqual([]);
  });

  it('gives every leaf at least 2 distinct, non-empty synonyms, none equal to a leaf name', () => {
    const leafNames = new Set(OCCUPATION_LEAVES.map((l) => l.name));
    for (const leaf of OCCUPATION_LEAVES) {
      expect(leaf.name.trim()).toBe(leaf.name);
      expect(leaf.name).not.toBe('');
      expect(leaf.synonyms.length).toBeGreaterThanOrEqual(2);
      expect(duplicates(leaf.synonyms)).toEqual([]);
      for (const synonym of leaf.synonyms) {
        expect(synonym.trim()).toBe(synonym);
        expect(synonym).not.toBe('');
        // Own name never; another leaf's name would make that leaf ambiguous in search.
        expect(leafNames.has(synonym) ? `${leaf.code} ${leaf.name}: ${synonym}` : null).toBeNull();
      }
    }
  });

  it.each(REQUIRED_TRADES)('covers the district trade %s by name or synonym', (trade) => {
    const found = OCCUPATION_LEAVES.some(
      (leaf) => leaf.name.includes(trade) || leaf.synonyms.some((s) => s.includes(trade)),
    );
    expect(found).toBe(true);
  });
});
