import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DatabaseConfig } from '../../src/config/app-config';
import { mysqlAvailable as mysqlAnswers, mysqlUrl, servicesRequired } from './services';

/**
 * The database kinds every database suite runs on, for `describe.each`: SQLite always, and
 * MariaDB/MySQL at MYSQL_URL (default the local server). A suite whose MySQL database cannot be
 * created (no server, REQUIRE_SERVICES unset) returns early from its tests, with a warning.
 */
export const DATABASE_KINDS = ['sqlite', 'mysql'] as const;
export type DatabaseKindUnderTest = (typeof DATABASE_KINDS)[number];

export interface TestDatabase {
  label: string;
  url: string;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

let mysqlUp: Promise<boolean> | undefined;
function mysqlAvailable(): Promise<boolean> {
  mysqlUp ??= mysqlAnswers(mysqlUrl()).then((up) => {
    if (up) return true;
    if (servicesRequired()) throw new Error(`REQUIRE_SERVICES=1 but MySQL/MariaDB at ${mysqlUrl()} does not answer`);
    console.warn(`MySQL/MariaDB at ${mysqlUrl()} does not answer: its tests are skipped (set REQUIRE_SERVICES=1 to fail instead)`);
    return false;
  });
  return mysqlUp;
}

function adminConnection() {
  return createConnection({ uri: mysqlUrl().replace(/^mariadb:/, 'mysql:'), connectTimeout: 2000 });
}

/** A fresh, empty database of the given kind, private to the calling suite. */
export async function createTestDatabase(kind: DatabaseKindUnderTest): Promise<TestDatabase | null> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'zaogong-test-'));
    const file = join(dir, 'test.sqlite');
    return {
      label: 'SQLite',
      url: `sqlite:${file}`,
      config: { kind: 'sqlite', file },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!(await mysqlAvailable())) return null;
  const name = `zaogong_t_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  const admin = await adminConnection();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const u = new URL(mysqlUrl());
  u.pathname = `/${name}`;
  const isMariadb = u.protocol === 'mariadb:' || (await serverIsMariadb());
  return {
    label: isMariadb ? 'MariaDB' : 'MySQL',
    url: u.toString(),
    config: {
      kind: isMariadb ? 'mariadb' : 'mysql',
      host: u.hostname,
      port: Number(u.port || 3306),
      username: decodeURIComponent(u.username) || 'root',
      password: decodeURIComponent(u.password),
      database: name,
    },
    drop: async () => {
      const c = await adminConnection();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

async function serverIsMariadb(): Promise<boolean> {
  const c = await adminConnection();
  const [rows] = await c.query('SELECT VERSION() AS v');
  await c.end();
  return /mariadb/i.test(String((rows as Array<{ v: string }>)[0]?.v));
}
