import type { RegionLevel } from '../enums/region-level';

export interface RegionItem {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}
