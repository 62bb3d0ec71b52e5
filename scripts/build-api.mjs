// Compiles libs/shared and the API (incremental: a no-op when nothing changed). Used by the start scripts.
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const apiEntry = (name) => resolve(root, `dist/apps/api/apps/api/src/${name}.js`);

export function buildApi() {
  const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
  for (const project of ['libs/shared/tsconfig.lib.json', 'apps/api/tsconfig.app.json']) {
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildApi();
