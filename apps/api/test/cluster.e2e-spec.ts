import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startOwnRedis, type OwnRedis } from './support/own-redis';
import { createTestDatabase, type TestDatabase } from './support/test-databases';
import { until } from './support/wait';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const V1 = '370406103201';

/**
 * The built API as a real cluster (API_PROCESSES=2) on MariaDB and a Redis of the test's own, as a
 * server runs it: both processes answer on the one port; a write retried with the same Idempotency-Key
 * gets the first answer and is made once whichever process takes each try; a killed process is
 * replaced; SIGTERM to the primary stops both processes and it exits 0.
 */
describe('the API as two processes (Node cluster) on MariaDB + Redis', () => {
  let db: TestDatabase | null;
  let redis: OwnRedis | null = null;
  let api: ChildProcess | undefined;
  let dataDir = '';
  let base = '';
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('mysql');
    if (!db) return;
    redis = await startOwnRedis();
    if (!redis) return;
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-api.mjs')], { cwd: ROOT, stdio: 'ignore' });
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'zaogong-cluster-'));
    api = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        API_PROCESSES: '2',
        PORT: String(port),
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: `zgcluster-${port}`,
        DATA_DIR: dataDir,
        JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123',
        DATA_KEY: 'test-data-key-0123456789abcdef012345',
        AUTH_DEV_LOGIN: 'true',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        RATE_LIMIT_WRITES_PER_MIN: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [api.stdout, api.stderr]) stream?.on('data', (c: Buffer) => lines.push(...c.toString().split('\n')));
    base = `http://127.0.0.1:${port}/api/v1`;
    await until('both processes ready', () => lines.some((l) => l.includes('with 2 processes')), 90_000);
  }, 240_000);

  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await redis?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A request on a new connection each time, so the cluster hands the tries to both processes. */
  const call = async (method: string, path: string, token?: string, body?: unknown, key?: string) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { connection: 'close', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const pidsThatServed = (path: string) =>
    new Set(
      lines
        .filter((l) => l.includes('"request completed"') || l.includes('request completed'))
        .map((l) => {
          try {
            return JSON.parse(l) as { pid: number; req?: { path?: string } };
          } catch {
            return null;
          }
        })
        .filter((l) => l?.req?.path === path)
        .map((l) => l!.pid),
    );

  it('runs two processes beside the primary, both answering on the one port', async () => {
    if (!db || !redis) return;
    const children = spawnSync('pgrep', ['-P', String(api!.pid)]).stdout.toString().trim().split('\n').filter(Boolean);
    expect(children).toHaveLength(2);
    for (let i = 0; i < 8; i += 1) expect((await call('GET', '/health')).status).toBe(200);
    for (let i = 0; i < 8; i += 1) expect((await call('GET', '/regions?parent=370406')).status).toBe(200);
    expect(pidsThatServed('/api/v1/regions')).toEqual(new Set(children.map(Number)));
  });

  it('a write retried with one key is made once, whichever process takes each try; another body with that key is a 422', async () => {
    if (!db || !redis) return;
    const login = await call('POST', '/auth/dev-login', undefined, { role: 'seeker', name: '刘芳' });
    const token = login.body.token as string;
    const body = { name: '刘芳', phone: '13905512399', villageCode: V1 };
    const tries = [];
    for (let i = 0; i < 6; i += 1) tries.push(await call('POST', '/me/profile/quick', token, body, 'quick-profile-0001'));
    expect(tries.map((r) => r.status)).toEqual(Array(6).fill(201));
    for (const r of tries) expect(r.body).toEqual(tries[0].body);
    expect(pidsThatServed('/api/v1/me/profile/quick').size).toBe(2);
    const other = await call('POST', '/me/profile/quick', token, { ...body, name: '刘芳芳' }, 'quick-profile-0001');
    expect(other.status).toBe(422);
    const profile = await call('GET', '/me/profile', token);
    expect(profile.body).toMatchObject({ name: '刘芳' });
  });

  it('a process killed with SIGKILL is replaced, and the port keeps answering', async () => {
    if (!db || !redis) return;
    const children = () => spawnSync('pgrep', ['-P', String(api!.pid)]).stdout.toString().trim().split('\n').filter(Boolean);
    const [victim, survivor] = children();
    process.kill(Number(victim), 'SIGKILL');
    // A connection handed to the dying process in that instant hangs; a client that gives up after a few
    // seconds and tries again (as the mini-app does) is answered by the other.
    const health = () => fetch(`${base}/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(3_000) }).then((r) => r.status, () => 0);
    for (let i = 0; i < 5; i += 1) expect((await health()) || (await health())).toBe(200);
    const now = await until('a new process in its place', () => {
      const c = children();
      return c.length === 2 && !c.includes(victim) ? c : undefined;
    }, 60_000);
    expect(now).toContain(survivor);
    await until('the new process answering', () => lines.some((l) => l.includes('API process 3 ')), 60_000);
  }, 90_000);

  it('SIGTERM to the primary stops both processes, and it exits 0', async () => {
    if (!db || !redis) return;
    const exited = new Promise<number | null>((r) => api!.once('exit', (code) => r(code)));
    api!.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.includes('all API processes stopped'))).toBe(true);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  }, 60_000);
});
