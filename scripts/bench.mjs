// `npm run bench`: runs every bench/*.bench.mjs in turn, each as a child process (own process group,
// killed at the end) with its output shown as it comes; exits non-zero if one fails. Benchmarks
// print figures and ratios to a baseline measured in the same run; none asserts a timing.
// `npm run bench -- health startup` runs only the files whose names contain one of the words.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

let current = null;
function killGroup(pid, sig) {
  try {
    process.kill(-pid, sig);
  } catch {
    /* the group is gone */
  }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (current) killGroup(current, 'SIGTERM');
    setTimeout(() => {
      if (current) killGroup(current, 'SIGKILL');
      process.exit(130);
    }, 3000).unref();
  });
}
process.on('exit', () => current && killGroup(current, 'SIGKILL'));

function run(file) {
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(benchDir, file)], { cwd: root, stdio: 'inherit', detached: true });
    current = child.pid;
    child.on('error', (e) => {
      console.error(`${file}: ${e.message}`);
      res(1);
    });
    child.on('exit', (code, signal) => {
      killGroup(child.pid, 'SIGKILL'); // whatever it left behind
      current = null;
      res(code ?? (signal ? 1 : 0));
    });
  });
}

if (files.length === 0) {
  console.error(`no bench/*.bench.mjs${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  process.exit(1);
}
const outcomes = [];
for (const file of files) {
  console.log(`\n=== ${file} ${'='.repeat(Math.max(3, 70 - file.length))}`);
  const started = Date.now();
  const code = await run(file);
  outcomes.push({ file, code, seconds: (Date.now() - started) / 1000 });
}
console.log('\n=== summary ' + '='.repeat(62));
for (const o of outcomes) console.log(`${o.code === 0 ? 'ok    ' : 'FAILED'}  ${o.file} (${o.seconds.toFixed(1)} s)`);
const failed = outcomes.filter((o) => o.code !== 0);
process.exit(failed.length ? 1 : 0);
