import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseDatabaseUrl } from './app-config';

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'zg-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const secrets = { JWT_SECRET: 'j'.repeat(32), DATA_KEY: 'd'.repeat(32) };

  it('defaults to SQLite under data/, demo data on, dev login off, port 3000', () => {
    const c = loadConfig({}, dir);
    expect(c.database).toEqual({ kind: 'sqlite', file: join(dir, 'data/zaogong.sqlite') });
    expect(c).toMatchObject({ port: 3000, seedDemo: true, devLogin: false, redisUrl: null, production: false });
  });

  it('generates development secrets once and keeps them under data/', () => {
    const a = loadConfig({}, dir);
    const b = loadConfig({}, dir);
    expect(a.jwtSecret).toHaveLength(64);
    expect(b.jwtSecret).toBe(a.jwtSecret);
    expect(readFileSync(join(dir, 'data/data-key.txt'), 'utf8').trim()).toBe(a.dataKey);
  });

  it('turns demo seeding off by default on MySQL', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://u:p%40ss@db:3307/zaogong' }, dir)).toMatchObject({
      seedDemo: false,
      database: { kind: 'mysql', host: 'db', port: 3307, username: 'u', password: 'p@ss', database: 'zaogong' },
    });
    expect(parseDatabaseUrl('mariadb://root@127.0.0.1/test', dir)).toMatchObject({ kind: 'mariadb', port: 3306, password: '' });
  });

  it.each([
    [{ NODE_ENV: 'production' }, /JWT_SECRET is required/],
    [{ NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32) }, /DATA_KEY is required/],
    [{ NODE_ENV: 'production', AUTH_DEV_LOGIN: 'true', ...secrets }, /AUTH_DEV_LOGIN=true is refused/],
    [{ JWT_SECRET: 'short' }, /at least 32/],
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'postgres://x/y' }, /mysql:\/\/, mariadb:\/\/ or sqlite:/],
    [{ DATABASE_URL: 'mysql://host' }, /name a database/],
    [{ DATABASE_URL: 'sqlite:' }, /needs a file/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO must be true or false/],
    [{ WECHAT_TEMPLATES: 'oops' }, /WECHAT_TEMPLATES/],
    [{ H5_DIR: '/no/such/dir' }, /H5_DIR/],
    [{ QUEUE_PREFIX: 'a:b' }, /QUEUE_PREFIX/],
    [{ WECHAT_TEMPLATES: 'birthday=T1' }, /unknown kind "birthday"/],
    [{ RUN_PROCESSORS: 'sometimes' }, /RUN_PROCESSORS/],
    [{ SMS_API_URL: 'not a url', SMS_API_KEY: 'k' }, /SMS_API_URL/],
    [{ SMS_API_URL: 'http://sms.example/send' }, /SMS_API_KEY is required/],
    [{ NOTIFY_ATTEMPTS: '0' }, /NOTIFY_ATTEMPTS/],
    [{ NOTIFY_BACKOFF_MS: '1.5' }, /NOTIFY_BACKOFF_MS/],
    [{ DIGEST_AT: '9:00' }, /DIGEST_AT must be HH:mm/],
    [{ DIGEST_AT: '22:00' }, /between 08:00 and 20:59/],
    [{ DIGEST_AT: '07:59' }, /between 08:00 and 20:59/],
    [{ RATE_LIMIT_LOGIN_PER_MIN: '-1' }, /RATE_LIMIT_LOGIN_PER_MIN/],
    [{ RATE_LIMIT_WRITES_PER_MIN: '2.5' }, /RATE_LIMIT_WRITES_PER_MIN/],
    [{ API_DOCS: 'maybe' }, /API_DOCS must be true or false/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv, dir)).toThrow(ConfigError);
    expect(() => loadConfig(env as NodeJS.ProcessEnv, dir)).toThrow(message);
  });

  it('starts in production with explicit secrets and no dev login', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }, dir)).toMatchObject({ production: true, devLogin: false });
  });

  it('reads WeChat templates as kind=id pairs', () => {
    expect(loadConfig({ WECHAT_TEMPLATES: 'interview=T1, hire_confirm=T2' }, dir).wechat.templates).toEqual({ interview: 'T1', hire_confirm: 'T2' });
  });

  it('runs the processors in the API by default; SMS off until configured; delivery tries and the digest time', () => {
    expect(loadConfig({}, dir)).toMatchObject({ runProcessors: true, sms: null, notify: { attempts: 8, backoffMs: 5000, digestAt: '09:00' } });
    expect(loadConfig({ RUN_PROCESSORS: 'false', SMS_API_URL: 'https://sms.example/send', SMS_API_KEY: 'k', NOTIFY_ATTEMPTS: '3', NOTIFY_BACKOFF_MS: '100', DIGEST_AT: '18:30' }, dir)).toMatchObject({
      runProcessors: false,
      sms: { url: 'https://sms.example/send', key: 'k' },
      notify: { attempts: 3, backoffMs: 100, digestAt: '18:30' },
    });
  });

  it('runs one API process unless API_PROCESSES says more (auto: one per core), and more only on MySQL/MariaDB with Redis', () => {
    const shared = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/zaogong', REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig({}, dir).processes).toBe(1);
    expect(loadConfig({ ...shared, API_PROCESSES: '2' }, dir).processes).toBe(2);
    expect(loadConfig({ ...shared, API_PROCESSES: 'auto' }, dir).processes).toBe(availableParallelism());
    expect(() => loadConfig({ API_PROCESSES: '2' }, dir)).toThrow(/needs REDIS_URL and a MySQL\/MariaDB/);
    expect(() => loadConfig({ DATABASE_URL: shared.DATABASE_URL, API_PROCESSES: '2' }, dir)).toThrow(/needs REDIS_URL/);
    for (const bad of ['0', 'two', '1.5', '65']) expect(() => loadConfig({ ...shared, API_PROCESSES: bad }, dir)).toThrow(/API_PROCESSES/);
  });

  it('limits logins to 60 and writes to 600 a minute by default; 0 turns a limit off', () => {
    expect(loadConfig({}, dir).rateLimit).toEqual({ loginPerMin: 60, writesPerMin: 600 });
    expect(loadConfig({ RATE_LIMIT_LOGIN_PER_MIN: '0', RATE_LIMIT_WRITES_PER_MIN: '600' }, dir).rateLimit).toEqual({ loginPerMin: 0, writesPerMin: 600 });
  });

  it('believes forwarded addresses from local and private-network proxies only, unless TRUST_PROXY says otherwise', () => {
    expect(loadConfig({}, dir).trustProxy).toBe('127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7');
    expect(loadConfig({ TRUST_PROXY: '10.1.2.3, 10.1.0.0/16' }, dir).trustProxy).toBe('10.1.2.3,10.1.0.0/16');
    expect(loadConfig({ TRUST_PROXY: 'false' }, dir).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx' }, dir)).toThrow(/TRUST_PROXY/);
  });

  it('shows 12333 as the service phone unless SERVICE_PHONE says another; refuses one that is no number', () => {
    expect(loadConfig({}, dir).servicePhone).toBe('12333');
    expect(loadConfig({ SERVICE_PHONE: '0632-8812333' }, dir).servicePhone).toBe('0632-8812333');
    expect(() => loadConfig({ SERVICE_PHONE: '人社局' }, dir)).toThrow(/SERVICE_PHONE/);
  });

  it('checks each account on every request; the benchmark switch that turns it off is refused in production', () => {
    expect(loadConfig({}, dir).accountCheck).toBe(true);
    expect(loadConfig({ AUTH_ACCOUNT_CHECK: 'false' }, dir).accountCheck).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATA_KEY: 'y'.repeat(32), AUTH_ACCOUNT_CHECK: 'false' }, dir)).toThrow(/AUTH_ACCOUNT_CHECK/);
  });

  it('serves the API docs except in production, unless API_DOCS=true', () => {
    expect(loadConfig({}, dir).apiDocs).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }, dir).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', API_DOCS: 'true', ...secrets }, dir).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }, dir).apiDocs).toBe(false);
  });
});
