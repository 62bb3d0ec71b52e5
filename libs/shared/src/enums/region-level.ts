/** GB/T 2260 levels below the province that this service uses. */
export const REGION_LEVELS = ['district', 'town', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  district: '区县',
  town: '镇街',
  village: '村居',
};
