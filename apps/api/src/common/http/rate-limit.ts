import rateLimit from '@fastify/rate-limit';
import { HttpException, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { API_BASE_PATH } from '@zaogong/shared';
import type { AppConfig } from '../../config/app-config';

/**
 * Request limits (docs/business-logic/hostile-input.md), counted per minute:
 * - login routes, per IP (RATE_LIMIT_LOGIN_PER_MIN, default 60): a login, an SMS code, a refresh, a
 *   second factor, a QR ticket or an invitation code; the PC's poll of its QR ticket is not counted;
 * - every other write (POST, PUT, PATCH, DELETE), per account (RATE_LIMIT_WRITES_PER_MIN, default 600):
 *   the account is the bearer token's `sub`, read without checking the signature (it only picks the
 *   counter; the auth guard still refuses a forged token), else the IP.
 * Reads are not limited (and not hooked). Above a limit: 429 with Retry-After. With REDIS_URL the counts live in
 * Redis, so every API process shares them; when Redis does not answer, requests pass.
 */
export const RATE_WINDOW_MS = 60_000;

const LOGIN_ROUTE = new RegExp(`^${API_BASE_PATH}/auth/(wechat|sms/send|sms/login|refresh|mfa|qr(/[^/]+/approve)?|invitations/accept)/?$`);
/** The development login (never on in production) is not limited: demos and test suites log in many people from one address. */
const DEV_LOGIN_ROUTE = new RegExp(`^${API_BASE_PATH}/auth/dev-login/?$`);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UNLIMITED = '-';

/** The counter a request is counted on: `l:<ip>` (login), `w:<account or ip>` (write), or none. */
export function rateLimitKey(method: string, url: string, authorization: string | undefined, ip: string, limits: AppConfig['rateLimit']): string {
  if (!WRITE_METHODS.has(method)) return UNLIMITED;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (DEV_LOGIN_ROUTE.test(path)) return UNLIMITED;
  if (LOGIN_ROUTE.test(path)) return limits.loginPerMin > 0 ? `l:${ipBucket(ip)}` : UNLIMITED;
  if (limits.writesPerMin === 0) return UNLIMITED;
  const account = tokenSubject(authorization);
  return account ? `w:u:${account}` : `w:ip:${ipBucket(ip)}`;
}

/**
 * The address a counter belongs to: an IPv4 address as it is (also when written IPv4-mapped), an
 * IPv6 address by its /64, which one subscriber holds whole.
 */
export function ipBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The `sub` claim of a bearer JWT, decoded only (never trusted beyond choosing a counter). */
export function tokenSubject(authorization: string | undefined): string | null {
  if (!authorization?.startsWith('Bearer ')) return null;
  const parts = authorization.slice(7).trim().split('.');
  if (parts.length !== 3 || parts[1].length > 2048) return null;
  try {
    const sub = (JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' && /^[\w-]{1,64}$/.test(sub) ? sub : null;
  } catch {
    return null;
  }
}

function tooMany(seconds: number): HttpException {
  return new HttpException({ statusCode: 429, message: `请求太频繁，请${Math.max(1, seconds)}秒后再试` }, 429);
}

/** Registers the limits on the HTTP server (before Nest registers its routes); nothing when both are 0. */
export async function registerRateLimits(server: FastifyInstance, config: AppConfig): Promise<void> {
  const limits = config.rateLimit;
  if (limits.loginPerMin === 0 && limits.writesPerMin === 0) return;
  let redis: Redis | undefined;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { connectTimeout: 1000, maxRetriesPerRequest: 1, enableAutoPipelining: true });
    const log = new Logger('RateLimit');
    let warned = false;
    redis.on('error', (e: Error) => {
      // Requests pass while Redis is away (skipOnError); say so once, not per retry.
      if (!warned) log.warn(`rate-limit store unreachable, limits not applied: ${e.message}`);
      warned = true;
    });
    redis.on('ready', () => (warned = false));
    server.addHook('onClose', async () => {
      await redis?.quit().catch(() => redis?.disconnect());
    });
  }
  await server.register(rateLimit, {
    // Not on every route: reads are never limited, so only routes that take a write method get the
    // hook (below), all counting on the one store. A GET pays nothing.
    global: false,
    hook: 'onRequest',
    timeWindow: RATE_WINDOW_MS,
    keyGenerator: (req: FastifyRequest) => rateLimitKey(req.method, req.url, req.headers.authorization, req.ip, limits),
    allowList: (_req: FastifyRequest, key: string) => key === UNLIMITED,
    max: (_req: FastifyRequest, key: string) => (key.startsWith('l:') ? limits.loginPerMin : limits.writesPerMin),
    // Only the 429 says how long to wait; successful answers carry no rate-limit headers.
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
    errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) => tooMany(Math.ceil(ctx.ttl / 1000)),
    skipOnError: true,
    ...(redis ? { redis, nameSpace: `${config.queuePrefix}:rate:` } : {}),
  });
  const limiter = server.rateLimit();
  server.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => WRITE_METHODS.has(m))) return;
    const existing = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [...existing, limiter];
  });
}
