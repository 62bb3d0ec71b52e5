import type { DataSource } from 'typeorm';
import type { RegionLevel } from '@zaogong/shared';
import { Occupation } from '../../occupations/entities/occupation.entity';
import { Region } from '../../regions/entities/region.entity';
import { MAJOR_GROUPS, OCCUPATION_GROUPS, OCCUPATION_LEAVES } from './occupations.data';
import regionsData from './regions.data.json';

interface RegionSeed {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** Regions and occupations: reference data, seeded on every empty database (not demo data). */
export async function seedReferenceData(ds: DataSource): Promise<{ regions: number; occupations: number }> {
  let regions = 0;
  let occupations = 0;
  await ds.transaction(async (em) => {
    if ((await em.count(Region)) === 0) {
      const rows = (regionsData as RegionSeed[]).map((r) => ({ ...r, lat: null, lng: null }));
      for (let i = 0; i < rows.length; i += 200) await em.insert(Region, rows.slice(i, i + 200));
      regions = rows.length;
    }
    if ((await em.count(Occupation)) === 0) {
      const rows: Occupation[] = [
        ...MAJOR_GROUPS.map((m) => row(m.code, m.name, 'major', null, m.code, [])),
        ...OCCUPATION_GROUPS.map((g) => row(g.code, g.name, 'group', g.majorGroup, g.majorGroup, [])),
        ...OCCUPATION_LEAVES.map((l) => row(l.code, l.name, 'leaf', l.group, l.group.split('-')[0], l.synonyms)),
      ];
      for (let i = 0; i < rows.length; i += 100) await em.insert(Occupation, rows.slice(i, i + 100));
      occupations = rows.length;
    }
  });
  return { regions, occupations };
}

function row(code: string, name: string, level: Occupation['level'], parentCode: string | null, majorGroup: string, synonyms: string[]): Occupation {
  return Object.assign(new Occupation(), {
    code,
    name,
    level,
    parentCode,
    majorGroup,
    synonyms,
    keywords: [name, ...synonyms].join('|').slice(0, 500),
  });
}
