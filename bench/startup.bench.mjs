// Start-up time of `npm start` on a built tree: from spawning it to the first 200 of
// GET /api/v1/health and of GET / (the H5 page), first on an empty SQLite file (migrations and
// seeding included), then on the already-seeded file (warm restart), in pairs. Figures only.
// Env: BENCH_STARTUP_RUNS (runs per case; default 3, or 1 when a cold start takes ≥ 10 s).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { cleanEnv, fileSize, freePort, median, printTable, root, startGroup, tail, tempDir, waitFor200 } from './lib.mjs';

const H5_INDEX = resolve(root, 'dist/apps/miniapp/h5/index.html');
const SLOW_MS = 10_000;

function prepare() {
  console.log('building the API (incremental)…');
  execFileSync(process.execPath, ['scripts/build-api.mjs'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(H5_INDEX)) {
    console.log(`${H5_INDEX} is missing: building the H5 app first (npm run build:h5), not timed…`);
    execFileSync('npm', ['run', '-s', 'build:h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (!existsSync(H5_INDEX)) throw new Error(`npm run build:h5 did not produce ${H5_INDEX}`);
  }
}

/** One `npm start` in `dir` (its SQLite file and data dir); resolves ms to health 200 and to / 200. */
async function runOnce(dir, label) {
  const port = await freePort();
  const logFile = join(dir, `${label}.log`);
  const env = cleanEnv({
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, 'zaogong.sqlite')}`,
    DATA_DIR: join(dir, 'data'),
    npm_config_update_notifier: 'false',
  });
  const t0 = performance.now();
  const proc = startGroup('npm', ['start'], { env, logFile });
  try {
    const pageSeen = new Map();
    const [health, page] = await Promise.all([
      waitFor200(port, '/api/v1/health', { proc, timeoutMs: 180_000 }),
      waitFor200(port, '/', { proc, timeoutMs: 180_000, seen: pageSeen }),
    ]);
    const log = readFileSync(logFile, 'utf8');
    return { health: health - t0, page: page - t0, pageSeen, migrated: /Ran \d+ migration/.test(log), seeded: /Seeded /.test(log) };
  } catch (e) {
    console.error(`${label} failed: ${e instanceof Error ? e.message : e}\n--- log tail ---\n${tail(logFile)}`);
    throw e;
  } finally {
    await proc.stop();
  }
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** When / answered 200 well after health, what it answered before (e.g. 404 while the H5 build was being rewritten). */
const lateNote = (r) =>
  r.page - r.health > 500 && r.pageSeen.size ? ` (before its 200, / answered ${[...r.pageSeen].map(([s, n]) => `${s}×${n}`).join(', ')})` : '';

async function main() {
  prepare();
  console.log(`timing \`npm start\` (includes npm, the incremental API build check and the API boot) on ${availableParallelism()} shared cores`);
  const requested = process.env.BENCH_STARTUP_RUNS ? Number(process.env.BENCH_STARTUP_RUNS) : null;
  if (requested !== null && (!Number.isInteger(requested) || requested < 1 || requested > 10)) throw new Error('BENCH_STARTUP_RUNS must be an integer 1–10');

  // Pairs, so that a drift in what else the shared machine does weighs on both cases alike: a start
  // on a new empty file, then a restart on the file that start has just seeded.
  const cold = [];
  const warm = [];
  let seededBytes = 0;
  const pair = async (i) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'zaogong.sqlite'), ''); // an empty SQLite file
    const c = await runOnce(dir, `cold-${i}`);
    console.log(`  run ${i}, empty file:  health ${fmt(c.health)}, / ${fmt(c.page)}${lateNote(c)}`);
    cold.push(c);
    seededBytes = fileSize(join(dir, 'zaogong.sqlite'));
    const w = await runOnce(dir, `warm-${i}`);
    console.log(`  run ${i}, seeded file: health ${fmt(w.health)}, / ${fmt(w.page)}${lateNote(w)}`);
    warm.push(w);
  };
  await pair(1);
  const runs = requested ?? (Math.max(cold[0].page, warm[0].page) < SLOW_MS ? 3 : 1);
  for (let i = 2; i <= runs; i++) await pair(i);

  console.log('');
  const row = (name, rs, key) => [name, String(rs.length), fmt(Math.min(...rs.map((r) => r[key]))), fmt(median(rs.map((r) => r[key])))];
  printTable([
    ['case', 'runs', 'min', 'median'],
    row('empty SQLite → /api/v1/health 200', cold, 'health'),
    row('empty SQLite → / (H5) 200', cold, 'page'),
    row('seeded SQLite → /api/v1/health 200', warm, 'health'),
    row('seeded SQLite → / (H5) 200', warm, 'page'),
  ]);
  console.log('');
  const diff = median(cold.map((r) => r.health)) - median(warm.map((r) => r.health));
  console.log(`seeded SQLite file: ${(seededBytes / 1024).toFixed(0)} KB; median empty − median seeded (health): ${diff >= 0 ? '' : '−'}${fmt(Math.abs(diff))}`);
  if (!cold.every((r) => r.migrated && r.seeded)) console.warn('warning: a run on the empty file did not log its migrations and seeding');
  if (warm.some((r) => r.migrated)) console.warn('warning: a run on the seeded file ran migrations again');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
