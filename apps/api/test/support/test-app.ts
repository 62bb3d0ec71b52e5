import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import type { ProcessOptions } from '../../src/process-options';
import type { TestDatabase } from './test-databases';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** The raw Node server for supertest. */
  server: import('node:http').Server;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real application on a test database, with fixed secrets and silent logs. `env` overrides
 * settings exactly as environment variables would (e.g. { SEED_DEMO: 'true', REDIS_URL: … }).
 */
export async function startTestApp(db: TestDatabase, env: Record<string, string> = {}, process: Partial<ProcessOptions> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zaogong-data-'));
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123',
      DATA_KEY: 'test-data-key-0123456789abcdef012345',
      AUTH_DEV_LOGIN: 'true',
      SEED_DEMO: 'false',
      QUEUE_PREFIX: `zgtest-${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'silent',
      // The suites send many requests a minute from one address: limits on, but far above that
      // (hostile-input.e2e-spec.ts sets low ones to see them work).
      RATE_LIMIT_LOGIN_PER_MIN: '100000',
      RATE_LIMIT_WRITES_PER_MIN: '100000',
      ...env,
    },
    globalThis.process.cwd(),
  );
  // The test database's own settings (MariaDB database name, SQLite file) win over the URL parse.
  config.database = db.config;
  const app = await createApp(config, { runProcessors: true, ...process });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const { DataSource: DS } = await import('typeorm');
  return {
    app,
    config,
    server: app.getHttpServer(),
    dataSource: app.get(DS),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs each named account in through the dev login; returns name → bearer token. */
export async function devLogins(server: TestApp['server'], logins: Record<string, object>): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [name, body] of Object.entries(logins)) {
    const res = await request(server).post('/api/v1/auth/dev-login').send(body);
    if (res.status !== 200) throw new Error(`dev login "${name}" failed with ${res.status}: ${JSON.stringify(res.body)}`);
    tokens[name] = res.body.token;
  }
  return tokens;
}
