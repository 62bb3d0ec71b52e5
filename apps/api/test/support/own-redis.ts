import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { redisAvailable, servicesRequired } from './services';

export interface OwnRedis {
  url: string;
  /** Stops it (its data is gone: no persistence, as after a crash of a cache-only Redis). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

/** A TCP port free on loopback right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * A Redis of the test's own, on its own port, that the test can stop and start (the shared one on
 * 6379 must not be stopped). Null, with a note, when redis-server is not installed, unless
 * REQUIRE_SERVICES=1, which makes it an error.
 */
export async function startOwnRedis(): Promise<OwnRedis | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    if (servicesRequired()) throw new Error('redis-server is not installed, and REQUIRE_SERVICES=1');
    console.warn('redis-server is not installed: the Redis outage tests are skipped');
    return null;
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await redisAvailable(url)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };
  await start();
  return { url, start, stop };
}
