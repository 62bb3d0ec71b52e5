// `npm run start:api` (and `npm run start:worker` with --worker): builds if needed, then runs the API
// (or the worker) configured only by the environment (see README "Settings").
import { spawn } from 'node:child_process';
import { apiEntry, buildApi, root } from './build-api.mjs';

const worker = process.argv.includes('--worker');
if (process.env.SKIP_BUILD !== '1') buildApi();
const child = spawn(process.execPath, [apiEntry(worker ? 'worker' : 'main'), ...process.argv.slice(2).filter((a) => a !== '--worker')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
