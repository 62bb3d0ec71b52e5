// Reads a V8 .cpuprofile (from `node --cpu-prof`) and prints the functions with the most self time,
// then the same time summed by where the code lives (a package under node_modules, node's own
// internals, the app's files), so a profile can be read without opening DevTools.
//
//   node bench/profile-top.mjs <file.cpuprofile> [--top 15] [--by-place 10] [--window 3.5:13.5]
//
// --window FROM:TO keeps only the samples taken FROM to TO seconds after the profile started (e.g.
// the load, without the start-up). bench/profile-routes.mjs takes one profile per route and prints
// this summary for each; to take one by hand: build (`node scripts/build-api.mjs`), start
// `node --cpu-prof --cpu-prof-dir=<dir> dist/apps/api/apps/api/src/main.js` with the usual
// environment, drive it (autocannon), stop it with SIGINT or SIGTERM (the profile is written on exit).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './lib.mjs';

/** A short place for a script URL: the package under node_modules, node's internals, or the path in the repository. */
function where(url) {
  if (url.startsWith('node:')) return url.startsWith('node:internal') ? 'node:internal' : url;
  let path = url;
  try {
    if (url.startsWith('file://')) path = fileURLToPath(url);
  } catch {
    /* keep the URL */
  }
  const nm = path.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return `npm:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  return relative(root, path).replace(/^dist\/apps\/api\/(apps\/api\/src\/)?/, '');
}

/**
 * Self time of a profile, by function and by place, over the samples within [fromS, toS] seconds of
 * its start. Idle time is left out of the shares (they are of the busy time).
 */
export function summarise(profile, { fromS = 0, toS = Infinity } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map();
  const byPlace = new Map();
  let idle = 0;
  let busy = 0;
  let t = 0;
  const { samples = [], timeDeltas = [] } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; DevTools gives it to sample i.
    const dt = Math.max(0, timeDeltas[i] ?? 0);
    t += dt;
    const s = t / 1e6;
    if (s < fromS || s > toS) continue;
    const ms = dt / 1000;
    const cf = nodes.get(samples[i]).callFrame;
    const name = cf.functionName || '(anonymous)';
    if (name === '(idle)') {
      idle += ms;
      continue;
    }
    busy += ms;
    const place = cf.url ? where(cf.url) : name.startsWith('(') ? name : '(native)';
    const key = `${name}\u0000${place}:${cf.lineNumber + 1}`;
    const f = byFunction.get(key) ?? { name, place: cf.url ? `${place}:${cf.lineNumber + 1}` : '', ms: 0 };
    f.ms += ms;
    byFunction.set(key, f);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
  }
  return {
    idleMs: idle,
    busyMs: busy,
    functions: [...byFunction.values()].sort((a, b) => b.ms - a.ms),
    places: [...byPlace.entries()].map(([place, ms]) => ({ place, ms })).sort((a, b) => b.ms - a.ms),
  };
}

/** Prints a summary: the top functions, then the top places; `perRequest` adds µs per request. */
export function printSummary(sum, { top = 15, byPlace = 10, requests = 0, indent = '' } = {}) {
  const pct = (ms) => `${((ms / Math.max(sum.busyMs, 1e-9)) * 100).toFixed(1)} %`;
  const us = (ms) => (requests > 0 ? `${((ms * 1000) / requests).toFixed(1).padStart(7)} µs/req` : '');
  console.log(`${indent}busy ${(sum.busyMs / 1000).toFixed(2)} s, idle ${(sum.idleMs / 1000).toFixed(2)} s${requests ? `; ${requests} requests → ${((sum.busyMs * 1000) / requests).toFixed(0)} µs of main-thread time each` : ''}`);
  console.log(`${indent}top ${top} functions by self time (shares of busy time):`);
  const rows = sum.functions.slice(0, top);
  const w = Math.min(48, Math.max(8, ...rows.map((r) => r.name.length)));
  for (const r of rows) console.log(`${indent}  ${r.ms.toFixed(0).padStart(6)} ms ${pct(r.ms).padStart(7)} ${us(r.ms)}  ${r.name.slice(0, w).padEnd(w)}  ${r.place}`);
  if (byPlace > 0) {
    console.log(`${indent}top ${byPlace} places by self time:`);
    for (const p of sum.places.slice(0, byPlace)) console.log(`${indent}  ${p.ms.toFixed(0).padStart(6)} ms ${pct(p.ms).padStart(7)} ${us(p.ms)}  ${p.place}`);
  }
}

function parseArgs(argv) {
  const out = { file: null, top: 15, byPlace: 10, fromS: 0, toS: Infinity };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--top') out.top = Number(argv[++i]);
    else if (a === '--by-place') out.byPlace = Number(argv[++i]);
    else if (a === '--window') {
      const [from, to] = String(argv[++i]).split(':');
      out.fromS = from === '' ? 0 : Number(from);
      out.toS = to === undefined || to === '' ? Infinity : Number(to);
    } else if (!out.file) out.file = a;
  }
  if (!out.file || !Number.isInteger(out.top) || !Number.isInteger(out.byPlace) || Number.isNaN(out.fromS) || Number.isNaN(out.toS)) {
    console.error('usage: node bench/profile-top.mjs <file.cpuprofile> [--top 15] [--by-place 10] [--window FROM:TO seconds]');
    process.exit(2);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const profile = JSON.parse(readFileSync(args.file, 'utf8'));
  console.log(`${args.file}${args.fromS || args.toS !== Infinity ? ` (samples ${args.fromS}–${args.toS} s after its start)` : ''}`);
  printSummary(summarise(profile, args), args);
}
