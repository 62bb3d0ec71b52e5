import { DISTRICT_CODE } from '../constants';
import type { RegionLevel } from '../enums/region-level';

/**
 * GB/T 2260 and the statistical division codes below it, as this service uses them:
 *   district '370406' (6 digits), 镇街 '370406103' (9), 村居 '370406103201' (12).
 * Only codes inside DISTRICT_CODE are recognised; a 000 segment is never a real town or village.
 */

const TOWN_RE = new RegExp(`^${DISTRICT_CODE}(?!000)\\d{3}$`);
const VILLAGE_RE = new RegExp(`^${DISTRICT_CODE}(?!000)\\d{3}(?!000)\\d{3}$`);

export function regionLevelOf(code: unknown): RegionLevel | null {
  if (typeof code !== 'string') return null;
  if (code === DISTRICT_CODE) return 'district';
  if (TOWN_RE.test(code)) return 'town';
  if (VILLAGE_RE.test(code)) return 'village';
  return null;
}

export function isTownCode(code: unknown): boolean {
  return regionLevelOf(code) === 'town';
}

export function isVillageCode(code: unknown): boolean {
  return regionLevelOf(code) === 'village';
}

/** The 镇街 a 村居 belongs to; a town code is its own town; anything else gives null. */
export function townOf(code: unknown): string | null {
  const level = regionLevelOf(code);
  if (level === 'village') return (code as string).slice(0, 9);
  if (level === 'town') return code as string;
  return null;
}

/**
 * Whether `code` lies inside `scopeCode`: a village is within its town and the district, a town within
 * the district, and every code within itself. False when either code is not a recognised region.
 */
export function isWithinRegion(code: unknown, scopeCode: unknown): boolean {
  if (regionLevelOf(code) === null || regionLevelOf(scopeCode) === null) return false;
  return (code as string).startsWith(scopeCode as string);
}
