// `npm start`: the whole product on the embedded default — API and worker in one process on SQLite
// and an in-process queue, demo data seeded, the H5 app served on the same origin.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { apiEntry, buildApi, root } from './build-api.mjs';

const h5Dir = resolve(root, 'dist/apps/miniapp/h5');
buildApi();
if (!existsSync(resolve(h5Dir, 'index.html')) || process.env.REBUILD_H5 === '1') {
  console.log('Building the H5 app (first start only; set REBUILD_H5=1 to rebuild)…');
  execFileSync('npm', ['run', '-s', 'build:h5'], { cwd: root, stdio: 'inherit' });
}
const env = {
  NODE_ENV: 'development',
  AUTH_DEV_LOGIN: 'true',
  H5_DIR: h5Dir,
  ...process.env,
};
const port = env.PORT || '3000';
const child = spawn(process.execPath, [apiEntry('main')], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// The URL once the server answers (migrations, seeds and the matching index come first), not before.
const started = Date.now();
async function announceWhenReady() {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n  枣工快递 is ready (${seconds} s): open http://localhost:${port}/ (API: http://localhost:${port}/api/v1, docs: http://localhost:${port}/api/docs)\n`);
}
void announceWhenReady();
