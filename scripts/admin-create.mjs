// `npm run admin:create -- --name 张三`: builds the API if needed, then prints a one-time code that makes
// a district admin (on its last line). Configured by the same environment as the API.
import { spawnSync } from 'node:child_process';
import { apiEntry, buildApi, root } from './build-api.mjs';

if (process.env.SKIP_BUILD !== '1') buildApi();
const r = spawnSync(process.execPath, [apiEntry('admin-create'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: process.env });
process.exit(r.status ?? 1);
