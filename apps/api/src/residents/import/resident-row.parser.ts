import { AVAILABILITY_LABELS, EDUCATION_LABELS, KEY_GROUP_LABELS, WAGE_UNIT_LABELS, type FieldError } from '@zaogong/shared';
import {
  COLUMN_BY_KEY,
  availabilityFromText,
  consentMethodFromText,
  consentTimeFromCell,
  educationFromText,
  yearMonthFromText,
  keyGroupFromText,
  numberFromCell,
  splitList,
  textFromCell,
  wageUnitFromText,
  type CellInput,
  type ColumnKey,
} from './resident-sheet.columns';

export interface VillageRef {
  code: string;
  name: string;
  townCode: string;
}
export interface TownRef {
  code: string;
  name: string;
}
export interface OccupationRef {
  code: string;
  name: string;
  synonyms: string[];
}

const OCCUPATION_CODE = /^[1-8]-\d{2}-\d{2}$/;
const VILLAGE_CODE = /^\d{12}$/;

/** The names a 村居 is called by: 户口村委会 → 户口村, 户口; 灵芝湖社区居委会 → 灵芝湖社区, 灵芝湖. */
export function villageAliases(name: string): string[] {
  const out = [name];
  const strip = (suffix: string, ...adds: string[]) => {
    if (!name.endsWith(suffix) || name.length <= suffix.length) return false;
    const base = name.slice(0, -suffix.length);
    out.push(base, ...adds.map((a) => base + a));
    return true;
  };
  if (!strip('社区居委会', '社区', '居委会', '居')) if (!strip('村委会', '村')) strip('居委会', '居', '社区');
  return [...new Set(out)];
}

/**
 * Names → codes for the columns a person fills with words: 村居 (by name, within the caller's scope
 * first) and 想干的活 (occupation names and synonyms, exact match). Built once per import.
 */
export class SheetLookups {
  private readonly villagesByAlias = new Map<string, VillageRef[]>();
  private readonly townNames = new Map<string, string>();
  private readonly occupationsByName = new Map<string, string>();
  private readonly occupationsBySynonym = new Map<string, string[]>();

  constructor(villages: VillageRef[], towns: TownRef[], occupations: OccupationRef[]) {
    for (const v of villages) {
      for (const alias of villageAliases(v.name)) {
        const list = this.villagesByAlias.get(alias) ?? [];
        list.push(v);
        this.villagesByAlias.set(alias, list);
      }
    }
    for (const t of towns) this.townNames.set(t.code, t.name);
    for (const o of occupations) {
      this.occupationsByName.set(o.name, o.code);
      for (const s of o.synonyms) this.occupationsBySynonym.set(s, [...(this.occupationsBySynonym.get(s) ?? []), o.code]);
    }
  }

  /**
   * A 村居 named by its code, its name, or 镇街 + name (桑村镇-户口村委会). Of several 村居 with one
   * name, those the caller may act on win; a code outside the scope is returned for the scope check
   * to report.
   */
  village(text: string, mayAccess: (code: string) => boolean): { code: string } | { error: string } {
    const t = text.replace(/\s+/g, '');
    if (VILLAGE_CODE.test(t)) return { code: t };
    let candidates = this.villagesByAlias.get(t) ?? [];
    if (!candidates.length) {
      for (const [code, town] of this.townNames) {
        if (!t.startsWith(town) || t.length <= town.length) continue;
        const rest = t.slice(town.length).replace(/^[-—–·/、,，]+/, '');
        candidates = (this.villagesByAlias.get(rest) ?? []).filter((v) => v.townCode === code);
        if (candidates.length) break;
      }
    }
    if (!candidates.length) return { error: `山亭区没有“${text}”这个村居，请从下拉列表里选，或填12位村居代码` };
    const mine = candidates.filter((v) => mayAccess(v.code));
    const pick = mine.length ? mine : candidates;
    if (pick.length === 1) return { code: pick[0].code };
    const towns = pick.map((v) => this.townNames.get(v.townCode) ?? v.townCode);
    return { error: `有几个村居都叫“${text}”（在${towns.join('、')}），请写成“${towns[0]}-${pick[0].name}”这样，或填村居代码` };
  }

  /** Occupation leaf codes for names, synonyms (all leaves that carry it) or codes; unknown words listed. */
  occupations(words: string[]): { codes: string[]; unknown: string[] } {
    const codes: string[] = [];
    const unknown: string[] = [];
    for (const w of words) {
      const byName = this.occupationsByName.get(w);
      if (byName) codes.push(byName);
      else if (OCCUPATION_CODE.test(w)) codes.push(w);
      else if (this.occupationsBySynonym.has(w)) codes.push(...(this.occupationsBySynonym.get(w) as string[]));
      else unknown.push(w);
    }
    return { codes: [...new Set(codes)], unknown };
  }
}

export interface RowInput {
  /** Shaped like the body of POST /residents, for the same DTO validation. */
  input: Record<string, unknown>;
  /** Problems found while reading the cells; the fields named here are left out of `input`. */
  errors: FieldError[];
}

const header = (key: ColumnKey) => COLUMN_BY_KEY.get(key)?.header ?? key;
const fieldOf = (key: ColumnKey) => COLUMN_BY_KEY.get(key)?.field ?? key;
const choices = (labels: Record<string, string>) => Object.values(labels).join('、');

/** One sheet row → a POST /residents body, reading labels and names as codes. Pure. */
export function rowToInput(cells: Partial<Record<ColumnKey, CellInput>>, lookups: SheetLookups, mayAccess: (code: string) => boolean): RowInput {
  const input: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const fail = (key: ColumnKey, message: string) => errors.push({ field: fieldOf(key), message: `${header(key)}：${message}` });
  const text = (key: ColumnKey) => textFromCell(cells[key] ?? null);
  const required = (key: ColumnKey): string | undefined => {
    const t = text(key);
    if (!t) fail(key, '必须填写');
    return t || undefined;
  };
  const list = <T>(key: ColumnKey, read: (s: string) => T | undefined, allowed: string): T[] | undefined => {
    const words = splitList(text(key));
    const bad = words.filter((w) => read(w) === undefined);
    if (bad.length) {
      fail(key, `“${bad.join('、')}”不是可选的，应为${allowed}`);
      return undefined;
    }
    return [...new Set(words.map((w) => read(w) as T))];
  };

  const name = required('name');
  if (name !== undefined) input.name = name;

  if (typeof cells.idNumber === 'number') {
    fail('idNumber', '这一格被存成了数字，后几位已被表格改成0；请把这一列设为“文本”格式，重新填写身份证号');
  } else {
    const id = required('idNumber');
    if (id !== undefined) input.idNumber = id;
  }

  const phone = required('phone');
  if (phone !== undefined) input.phone = phone;

  const village = required('village');
  if (village !== undefined) {
    const v = lookups.village(village, mayAccess);
    if ('code' in v) input.villageCode = v.code;
    else fail('village', v.error);
  }

  const edu = text('education');
  if (edu) {
    const code = educationFromText(edu);
    if (code) input.education = code;
    else fail('education', `没有“${edu}”这一项，请从下拉列表里选（${choices(EDUCATION_LABELS)}）`);
  }

  const graduated = text('graduation');
  if (graduated) {
    const ym = yearMonthFromText(graduated);
    if (ym) input.graduationDate = ym;
    else fail('graduation', `“${graduated}”不是年月，请写成 2025-06 这样`);
  }

  input.skills = splitList(text('skills'));

  const occ = lookups.occupations(splitList(text('occupations')));
  if (occ.unknown.length) fail('occupations', `没有找到“${occ.unknown.join('、')}”，请用小程序“职业”列表里的名称，如 电焊工、保洁员`);
  else input.desiredOccupations = occ.codes;

  if (!text('availability')) fail('availability', `至少填一种（${choices(AVAILABILITY_LABELS)}）`);
  else {
    const a = list('availability', availabilityFromText, choices(AVAILABILITY_LABELS));
    if (a) input.availability = a;
  }

  if (text('wage')) {
    const n = numberFromCell(cells.wage ?? null);
    if (n === undefined) fail('wage', '只填数字（元），如 3000');
    else input.expectedWageMin = n;
  }
  const unit = text('wageUnit');
  if (unit) {
    const u = wageUnitFromText(unit);
    if (u) input.wageUnit = u;
    else fail('wageUnit', `没有“${unit}”这一项，应为${choices(WAGE_UNIT_LABELS)}`);
  }
  if (text('commute')) {
    const n = numberFromCell(cells.commute ?? null);
    if (n === undefined) fail('commute', '只填整数（公里），如 15');
    else input.maxCommuteKm = n;
  }

  const kg = text('keyGroups');
  if (kg && !['无', '否', '没有', '都不是'].includes(kg)) {
    const groups = list('keyGroups', keyGroupFromText, choices(KEY_GROUP_LABELS));
    if (groups) input.keyGroups = groups;
  } else input.keyGroups = [];

  const consent: Record<string, unknown> = {};
  const method = required('consentMethod');
  if (method !== undefined) {
    const m = consentMethodFromText(method);
    if (m) consent.method = m;
    else fail('consentMethod', `应为“本人签字”或“口头同意”（没有本人同意不能登记）`);
  }
  const atCell = cells.consentAt ?? null;
  if (atCell === null) fail('consentAt', '必须填写本人同意的日期，如 2026-11-20');
  else {
    const at = consentTimeFromCell(atCell);
    if (at) consent.at = at;
    else fail('consentAt', `看不懂“${textFromCell(atCell)}”，请写成 2026-11-20 这样的日期`);
  }
  input.consent = consent;
  return { input, errors };
}
