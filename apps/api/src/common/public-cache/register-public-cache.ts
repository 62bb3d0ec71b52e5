import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PublicCache } from './public-cache';
import { publicCacheKey, type PublicCacheKey } from './public-cache-routes';

/** The headers of an answer that travel with its cached body (security headers and the request id are each request's). */
const KEPT_HEADERS = ['content-type', 'cache-control'] as const;

const pending = Symbol('publicCachePending');
type Pending = PublicCacheKey & { generation: number };
type Marked = FastifyRequest & { [pending]?: Pending };

/**
 * Serves the answers of PublicCache before Nest sees the request (no guard, pipe or query runs), and keeps the
 * answers the routes give. Only a GET without an Authorization header is looked up or kept: a signed-in
 * person's view may differ. Registered after the hooks that set each answer's headers (request id, security
 * headers), so a cached answer carries them too; before Nest adds its routes.
 */
export function registerPublicCache(server: FastifyInstance, cache: PublicCache): void {
  server.addHook('onRequest', (req: Marked, reply: FastifyReply, done: (err?: Error) => void) => {
    if (req.method !== 'GET' || req.headers.authorization !== undefined) return done();
    const k = publicCacheKey(req.url);
    if (!k) return done();
    const hit = cache.get(k.key);
    if (hit) {
      // An early answer: done() is not called, so nothing after this hook runs for the request.
      void reply.headers(hit.headers).code(200).send(hit.body);
      return;
    }
    req[pending] = { ...k, generation: cache.generation(k.namespace) };
    done();
  });
  server.addHook('onSend', (req: Marked, reply: FastifyReply, payload: unknown, done: (err: Error | null, payload?: unknown) => void) => {
    const p = req[pending];
    if (p && reply.statusCode === 200 && typeof payload === 'string') {
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const v = reply.getHeader(name);
        if (typeof v === 'string') headers[name] = v;
      }
      cache.store(p.key, p.namespace, p.generation, p.ttlMs, { body: payload, headers }, p.validUntil?.(payload));
    }
    done(null, payload);
  });
}
