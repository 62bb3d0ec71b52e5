export interface OccupationItem {
  /** Leaf code, e.g. "6-01-03". */
  code: string;
  name: string;
  /** The middle group's code, e.g. "6-01". */
  group: string;
  groupName: string;
  /** 职业分类大典 (2022) major group, "1" … "8". */
  majorGroup: string;
  synonyms: string[];
}
