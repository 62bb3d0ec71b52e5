// `npm test`: every check, in order, stopping at the first failure.
//   lint → typecheck → Jest (libs/shared, API unit, API end-to-end on SQLite and MariaDB + Redis)
//   → build (API, H5, weapp) → weapp output check → browser test of the H5 build in Chromium.
// MariaDB/Redis suites run when those answer and must run when REQUIRE_SERVICES=1 (CI).
// SKIP_BUILD_CHECKS=1 stops after Jest (a quick loop while working on the API).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { root } from './build-api.mjs';

const required = process.env.REQUIRE_SERVICES === '1';
const steps = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['jest', 'npx', ['jest', '--ci']],
];
if (process.env.SKIP_BUILD_CHECKS !== '1') {
  steps.push(
    ['build', 'npm', ['run', '-s', 'build']],
    ['weapp check', process.execPath, ['--test', 'apps/miniapp/weapp-check/']],
  );
  if (existsSync('/usr/bin/chromium')) steps.push(['browser test', process.execPath, ['--test', 'apps/miniapp/e2e/']]);
  else if (required) steps.push(['browser test', 'sh', ['-c', 'echo "Chromium (/usr/bin/chromium) is missing: apt-get install -y chromium fonts-wqy-zenhei" >&2; exit 1']]);
  else console.warn('\n!! /usr/bin/chromium is missing: the browser test is skipped (apt-get install -y chromium fonts-wqy-zenhei)\n');
}

const timings = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd === process.execPath ? 'node' : cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`\n=== ${name} FAILED (exit ${r.status ?? r.signal}); timings: ${timings.join(', ')}`);
    process.exit(1);
  }
}
console.log(`\n=== all checks passed; timings: ${timings.join(', ')}`);
