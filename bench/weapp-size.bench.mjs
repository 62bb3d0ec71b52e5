// Size of the WeChat mini-program build (dist/apps/miniapp/weapp): the main package (every file
// outside the subpackage roots of app.json) and each subpackage, against WeChat's 2 MB limit per
// package. Builds the weapp first when it is missing. Figures only.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { printTable, root } from './lib.mjs';

const WEAPP = resolve(root, 'dist/apps/miniapp/weapp');
const LIMIT = 2 * 1024 * 1024; // WeChat: main package ≤ 2 MB (each subpackage ≤ 2 MB too)
// Files in the output that are not app code (licence banners, source maps, the devtools project file).
const NOT_CODE = /(\.LICENSE\.txt|\.map|^project(\.private)?\.config\.json)$/;

/** Every file under `dir`, as [path relative to WEAPP with '/' separators, bytes]. Bounded by the tree. */
function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push([relative(WEAPP, full).split(sep).join('/'), statSync(full).size]);
  }
  return out;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function main() {
  if (!existsSync(join(WEAPP, 'app.json'))) {
    console.log(`${WEAPP}/app.json is missing: building the weapp (npm run build:weapp)…`);
    execFileSync('npm', ['run', '-s', 'build:weapp'], { cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_update_notifier: 'false' } });
    if (!existsSync(join(WEAPP, 'app.json'))) throw new Error(`npm run build:weapp did not produce ${WEAPP}/app.json`);
  }
  const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8'));
  const subs = [...(app.subPackages ?? []), ...(app.subpackages ?? [])];
  const roots = subs.map((s) => String(s.root).replace(/^\.?\/+/, '').replace(/\/+$/, '')).filter(Boolean);

  const main = { bytes: 0, files: 0, notCode: 0 };
  const perSub = new Map(roots.map((r) => [r, { bytes: 0, files: 0, notCode: 0 }]));
  for (const [path, bytes] of walk(WEAPP)) {
    const owner = roots.find((r) => path === r || path.startsWith(`${r}/`));
    const acc = owner ? perSub.get(owner) : main;
    acc.bytes += bytes;
    acc.files += 1;
    if (NOT_CODE.test(path.split('/').pop())) acc.notCode += bytes;
  }

  const row = (name, a) => [name, String(a.files), kb(a.bytes), kb(a.notCode), kb(LIMIT - a.bytes), `${((a.bytes / LIMIT) * 100).toFixed(1)} %`];
  console.log(`${relative(root, WEAPP)}: ${roots.length} subpackage(s) in app.json`);
  console.log('');
  printTable([
    ['package', 'files', 'size', 'of which not code', 'headroom to 2 MB', 'of limit'],
    row('main package', main),
    ...[...perSub].map(([r, a]) => row(`subpackage ${r}`, a)),
  ]);
  const total = main.bytes + [...perSub.values()].reduce((s, a) => s + a.bytes, 0);
  console.log('');
  console.log(`main package: ${kb(main.bytes)} of the 2 MB (${kb(LIMIT)}) limit, headroom ${kb(LIMIT - main.bytes)}: ${main.bytes <= LIMIT ? 'within' : 'OVER'} the limit`);
  console.log(`whole app (main + subpackages): ${kb(total)}`);
  console.log('sizes are bytes on disk of every file in the output; "not code" (*.LICENSE.txt, *.map, project.config.json) may be left out by the uploader.');
}

main();
