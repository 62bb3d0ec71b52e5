import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_MINIMUM_WAGE, TEMPLATE_KINDS, type TemplateKind } from '@zaogong/shared';

/** The one reader of process.env. Everything else receives an AppConfig. */
export type DatabaseKind = 'sqlite' | 'mysql' | 'mariadb';

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** sqlite: absolute file path or ':memory:' */
  file?: string;
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  database?: string;
}

export interface AppConfig {
  production: boolean;
  port: number;
  database: DatabaseConfig;
  databaseUrl: string;
  redisUrl: string | null;
  /** Redis key prefix of the queues (QUEUE_PREFIX), so several deployments can share one Redis. */
  queuePrefix: string;
  seedDemo: boolean;
  devLogin: boolean;
  /**
   * Act on each account's current role, region and state (the default). `AUTH_ACCOUNT_CHECK=false` trusts what
   * the token claimed when it was issued, as a stateless JWT guard does: only for benchmarks measuring what
   * the check costs; refused in production.
   */
  accountCheck: boolean;
  /**
   * Which proxies' X-Forwarded-For / -Proto the API believes (TRUST_PROXY): a comma-separated list of
   * addresses or CIDR ranges, `true` for any, `false` for none. The client's address picks the per-IP
   * login limit, so a client that can reach the API directly must not be able to name its own.
   */
  trustProxy: string | boolean;
  /** The service phone shown where people are told to call (SERVICE_PHONE); 12333 is the national 人社 hotline. */
  servicePhone: string;
  jwtSecret: string;
  dataKey: string;
  wechat: { apiBase: string; appId: string | null; secret: string | null; templates: Partial<Record<TemplateKind, string>> };
  /** RUN_PROCESSORS: run the queue processors in the API process too (default true; a deployment with a separate worker sets false). */
  runProcessors: boolean;
  /** HTTP processes `main` runs (Node cluster, API_PROCESSES); more than one needs Redis and MySQL/MariaDB. */
  processes: number;
  /** SMS through one HTTP provider (SMS_API_URL, SMS_API_KEY); null when not configured. */
  sms: { url: string; key: string } | null;
  /** Notification delivery: tries per message (NOTIFY_ATTEMPTS) and the backoff base (NOTIFY_BACKOFF_MS); the digest's time (DIGEST_AT). */
  notify: { attempts: number; backoffMs: number; digestAt: string };
  h5Dir: string | null;
  /**
   * A font file (TTF/OTF/TTC) with Chinese glyphs for the printed posters (POSTER_FONT_FILE); null = look for
   * fonts-noto-cjk or fonts-wqy-zenhei under /usr/share/fonts.
   */
  posterFontFile: string | null;
  /** Where posts' photos are kept on disk (PHOTO_DIR; default <DATA_DIR>/photos). */
  photoDir: string;
  dataDir: string;
  logLevel: string;
  /** 最低工资标准 of the district (元): the compliance check rejects posts paying less. */
  minimumWage: { monthly: number; hourly: number };
  /**
   * Requests per minute: login routes per IP (RATE_LIMIT_LOGIN_PER_MIN) and writes per account
   * (RATE_LIMIT_WRITES_PER_MIN); 0 turns a limit off. Counted in Redis when REDIS_URL is set.
   */
  rateLimit: { loginPerMin: number; writesPerMin: number };
  /** Swagger UI and JSON at /api/docs (API_DOCS; default on, off when NODE_ENV=production). */
  apiDocs: boolean;
}

export class ConfigError extends Error {}

const DEFAULT_TEMPLATES: Record<TemplateKind, string> = {
  application_update: 'dev-template-application-update',
  interview: 'dev-template-interview',
  hire_confirm: 'dev-template-hire-confirm',
  post_review: 'dev-template-post-review',
  job_digest: 'dev-template-job-digest',
};

function parseBool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** By default the proxies of this machine and of private networks (nginx in the compose file, a load balancer). */
export const DEFAULT_TRUSTED_PROXIES = '127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7';

function parseTrustProxy(raw: string | undefined): string | boolean {
  if (raw === undefined || raw.trim() === '') return DEFAULT_TRUSTED_PROXIES;
  const v = raw.trim().toLowerCase();
  if (v === 'true' || v === 'false') return v === 'true';
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^[0-9a-f:.]+(\/\d{1,3})?$/i.test(p))) throw new ConfigError(`TRUST_PROXY must be true, false or addresses/CIDR ranges separated by commas, got "${raw}"`);
  return parts.join(',');
}

function parseAmount(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 100000) throw new ConfigError(`${name} must be a positive amount in 元, got "${raw}"`);
  return n;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT must be an integer 0–65535, got "${raw}"`);
  return n;
}

export function parseDatabaseUrl(url: string, cwd: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new ConfigError('DATABASE_URL sqlite: needs a file, e.g. sqlite:data/zaogong.sqlite');
    return { kind: 'sqlite', file: file === ':memory:' ? file : isAbsolute(file) ? file : resolve(cwd, file) };
  }
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a valid URL: "${url.replace(/:[^:@/]*@/, ':***@')}"`);
  }
  const kind = u.protocol === 'mysql:' ? 'mysql' : u.protocol === 'mariadb:' ? 'mariadb' : null;
  if (!kind) throw new ConfigError('DATABASE_URL must start with mysql://, mariadb:// or sqlite:');
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!database) throw new ConfigError('DATABASE_URL must name a database, e.g. mysql://root@127.0.0.1:3306/zaogong');
  return {
    kind,
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    username: decodeURIComponent(u.username) || 'root',
    password: decodeURIComponent(u.password),
    database,
  };
}

function parseTemplates(raw: string | undefined): Partial<Record<TemplateKind, string>> {
  if (!raw) return { ...DEFAULT_TEMPLATES };
  const out: Partial<Record<TemplateKind, string>> = {};
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, id] = part.split('=').map((p) => p?.trim());
    if (!kind || !id) throw new ConfigError(`WECHAT_TEMPLATES must look like kind=id,kind=id; bad part "${part}"`);
    if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) throw new ConfigError(`WECHAT_TEMPLATES: unknown kind "${kind}" (known: ${TEMPLATE_KINDS.join(', ')})`);
    out[kind as TemplateKind] = id;
  }
  return out;
}

function parseCount(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ConfigError(`${name} must be an integer 1–${max}, got "${raw}"`);
  return n;
}

/** API_PROCESSES: a count 1–64, or `auto` for one per CPU core. Unset: 1. */
function parseProcesses(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  if (raw.trim() === 'auto') return Math.max(1, availableParallelism());
  return parseCount('API_PROCESSES', raw, 1, 64);
}

/** A per-minute request limit: an integer ≥ 0, where 0 means no limit. */
function parseRateLimit(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new ConfigError(`${name} must be an integer 0–1000000 (0 = no limit), got "${raw}"`);
  return n;
}

function parseSms(env: NodeJS.ProcessEnv): AppConfig['sms'] {
  const url = env.SMS_API_URL?.trim();
  if (!url) return null;
  try {
    new URL(url);
  } catch {
    throw new ConfigError(`SMS_API_URL is not a URL: "${url}"`);
  }
  if (!env.SMS_API_KEY) throw new ConfigError('SMS_API_KEY is required with SMS_API_URL');
  return { url, key: env.SMS_API_KEY };
}

/** The digest may not go out in the quiet hours (21:00–08:00). */
function parseTimeOfDayOrThrow(raw: string): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!m) throw new ConfigError(`DIGEST_AT must be HH:mm, got "${raw}"`);
  const h = Number(m[1]);
  if (h < 8 || h >= 21) throw new ConfigError(`DIGEST_AT must be between 08:00 and 20:59 (no messages at night), got "${raw}"`);
  return raw;
}

/** Secrets kept under data/ so that a development install keeps its keys across restarts. */
function devSecret(dataDir: string, name: 'jwt-secret' | 'data-key'): string {
  const file = resolve(dataDir, `${name}.txt`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const value = randomBytes(32).toString('hex');
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

function requireStrongSecret(name: string, value: string): string {
  if (value.length < 32) throw new ConfigError(`${name} must be at least 32 characters`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(cwd, env.DATA_DIR || 'data');
  const databaseUrl = env.DATABASE_URL || 'sqlite:data/zaogong.sqlite';
  const database = parseDatabaseUrl(databaseUrl, cwd);
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  const processes = parseProcesses(env.API_PROCESSES);
  if (processes > 1 && (!redisUrl || database.kind === 'sqlite')) {
    throw new ConfigError(`API_PROCESSES=${processes} needs REDIS_URL and a MySQL/MariaDB DATABASE_URL: the processes share the queue, the change feed and the database (the embedded default runs one process)`);
  }
  const queuePrefix = env.QUEUE_PREFIX || 'zaogong';
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(queuePrefix)) throw new ConfigError('QUEUE_PREFIX may hold only letters, digits, _ . - (at most 40)');
  const devLogin = parseBool('AUTH_DEV_LOGIN', env.AUTH_DEV_LOGIN, false);
  if (production && devLogin) throw new ConfigError('AUTH_DEV_LOGIN=true is refused when NODE_ENV=production');
  const accountCheck = parseBool('AUTH_ACCOUNT_CHECK', env.AUTH_ACCOUNT_CHECK, true);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const servicePhone = (env.SERVICE_PHONE ?? '').trim() || '12333';
  if (!/^[\d-]{3,20}$/.test(servicePhone)) throw new ConfigError(`SERVICE_PHONE must be a phone number (digits and dashes), got "${env.SERVICE_PHONE}"`);
  if (production && !accountCheck) throw new ConfigError('AUTH_ACCOUNT_CHECK=false (a benchmark switch) is refused when NODE_ENV=production');
  if (production && !env.JWT_SECRET) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (production && !env.DATA_KEY) throw new ConfigError('DATA_KEY is required when NODE_ENV=production');
  const jwtSecret = env.JWT_SECRET ? requireStrongSecret('JWT_SECRET', env.JWT_SECRET) : devSecret(dataDir, 'jwt-secret');
  const dataKey = env.DATA_KEY ? requireStrongSecret('DATA_KEY', env.DATA_KEY) : devSecret(dataDir, 'data-key');
  const h5Default = resolve(cwd, 'dist/apps/miniapp/h5');
  const h5Dir = env.H5_DIR ? resolve(cwd, env.H5_DIR) : existsSync(h5Default) ? h5Default : null;
  if (env.H5_DIR && !existsSync(resolve(cwd, env.H5_DIR))) throw new ConfigError(`H5_DIR does not exist: ${env.H5_DIR}`);
  const posterFontFile = env.POSTER_FONT_FILE?.trim() ? resolve(cwd, env.POSTER_FONT_FILE.trim()) : null;
  if (posterFontFile && !existsSync(posterFontFile)) throw new ConfigError(`POSTER_FONT_FILE does not exist: ${env.POSTER_FONT_FILE}`);
  const apiBase = (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, '');
  try {
    new URL(apiBase);
  } catch {
    throw new ConfigError(`WECHAT_API_BASE is not a URL: "${apiBase}"`);
  }
  return {
    production,
    port: parsePort(env.PORT),
    database,
    databaseUrl,
    redisUrl,
    queuePrefix,
    seedDemo: parseBool('SEED_DEMO', env.SEED_DEMO, database.kind === 'sqlite'),
    devLogin,
    accountCheck,
    trustProxy,
    servicePhone,
    jwtSecret,
    dataKey,
    wechat: {
      apiBase,
      appId: env.WECHAT_APPID || null,
      secret: env.WECHAT_SECRET || null,
      templates: parseTemplates(env.WECHAT_TEMPLATES),
    },
    runProcessors: parseBool('RUN_PROCESSORS', env.RUN_PROCESSORS, true),
    processes,
    sms: parseSms(env),
    notify: {
      attempts: parseCount('NOTIFY_ATTEMPTS', env.NOTIFY_ATTEMPTS, 8, 20),
      backoffMs: parseCount('NOTIFY_BACKOFF_MS', env.NOTIFY_BACKOFF_MS, 5_000, 3_600_000),
      digestAt: parseTimeOfDayOrThrow(env.DIGEST_AT || '09:00'),
    },
    h5Dir,
    posterFontFile,
    photoDir: resolve(cwd, env.PHOTO_DIR?.trim() || join(dataDir, 'photos')),
    dataDir,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    minimumWage: {
      monthly: parseAmount('MIN_WAGE_MONTHLY', env.MIN_WAGE_MONTHLY, DEFAULT_MINIMUM_WAGE.monthly),
      hourly: parseAmount('MIN_WAGE_HOURLY', env.MIN_WAGE_HOURLY, DEFAULT_MINIMUM_WAGE.hourly),
    },
    rateLimit: {
      loginPerMin: parseRateLimit('RATE_LIMIT_LOGIN_PER_MIN', env.RATE_LIMIT_LOGIN_PER_MIN, 60),
      writesPerMin: parseRateLimit('RATE_LIMIT_WRITES_PER_MIN', env.RATE_LIMIT_WRITES_PER_MIN, 600),
    },
    apiDocs: parseBool('API_DOCS', env.API_DOCS, !production),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** For process entry points: the configuration, or a clear message and exit code 2 on a bad value. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`Configuration error: ${e.message}`);
    process.exit(2);
  }
}
