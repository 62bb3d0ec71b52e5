import { regionLevelOf, type RegionLevel } from '@zaogong/shared';
import REGIONS from '../../database/seeds/regions.data.json';

/**
 * The district's real region codes: the same 292-row extract the regions table is seeded from
 * (database/seeds/regions.data.json). A code of the right shape that is not in it (370406999,
 * 370406103999) names no place, and every route refuses it with a 400.
 */
const KNOWN = new Map<string, RegionLevel>((REGIONS as { code: string; level: RegionLevel }[]).map((r) => [r.code, r.level]));

/** The level of a real region code of the district, or null for anything else. */
export function knownRegionLevel(code: unknown): RegionLevel | null {
  if (typeof code !== 'string') return null;
  const level = KNOWN.get(code);
  return level !== undefined && level === regionLevelOf(code) ? level : null;
}

export function isKnownTownCode(code: unknown): boolean {
  return knownRegionLevel(code) === 'town';
}

export function isKnownVillageCode(code: unknown): boolean {
  return knownRegionLevel(code) === 'village';
}
