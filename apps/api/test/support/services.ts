/**
 * Reachability checks for the external services some suites need (Redis, MariaDB).
 *
 * A suite calls `requireRedisOrSkip()` / `requireMysqlOrSkip()` in `beforeAll`; when the service
 * does not answer it logs why and returns false (each test then returns early), unless
 * REQUIRE_SERVICES=1, in which case it throws so the suite fails (CI).
 */
import { createConnection } from 'mysql2/promise';
import { Redis } from 'ioredis';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_MYSQL_URL = 'mysql://root:@127.0.0.1:3306/test';

const TIMEOUT_MS = 2_000;

export function servicesRequired(): boolean {
  return process.env.REQUIRE_SERVICES === '1';
}

export function redisUrl(): string {
  return process.env.REDIS_URL || DEFAULT_REDIS_URL;
}

export function mysqlUrl(): string {
  return process.env.MYSQL_URL || DEFAULT_MYSQL_URL;
}

/** True when Redis answers PING within 2 s. Never retries, never leaves a connection open. */
export async function redisAvailable(url: string = redisUrl()): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {
    // Reported through the return value.
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
    });
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    // After a failed connect the status is already 'end'; disconnecting again would leave
    // ioredis's 2 s disconnect timer running.
    if (client.status !== 'end') {
      client.disconnect();
    }
  }
}

/** True when MariaDB/MySQL accepts a connection within 2 s. Accepts mysql:// and mariadb:// URLs. */
export async function mysqlAvailable(url: string = mysqlUrl()): Promise<boolean> {
  try {
    const connection = await createConnection({
      uri: url.replace(/^mariadb:/, 'mysql:'),
      connectTimeout: TIMEOUT_MS,
    });
    try {
      await connection.ping();
    } finally {
      await connection.end().catch(() => connection.destroy());
    }
    return true;
  } catch {
    return false;
  }
}

/** For a suite's `beforeAll`: true to run, false to skip (logged); throws when REQUIRE_SERVICES=1. */
export async function requireServiceOrSkip(service: string, available: () => Promise<boolean>): Promise<boolean> {
  if (await available()) {
    return true;
  }
  if (servicesRequired()) {
    throw new Error(`${service} not reachable and REQUIRE_SERVICES=1`);
  }
  console.warn(`${service} not reachable; suite skipped (set REQUIRE_SERVICES=1 to fail instead)`);
  return false;
}

export function requireRedisOrSkip(url: string = redisUrl()): Promise<boolean> {
  return requireServiceOrSkip('Redis', () => redisAvailable(url));
}

export function requireMysqlOrSkip(url: string = mysqlUrl()): Promise<boolean> {
  return requireServiceOrSkip('MariaDB', () => mysqlAvailable(url));
}
