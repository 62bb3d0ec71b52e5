import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { API_BASE_PATH, type HealthStatus } from '@zaogong/shared';

/** The liveness probe's path (HealthController.live answers it too, behind a proxy). */
export const LIVE_PATH = `${API_BASE_PATH}/health`;

const BODY = JSON.stringify({ status: 'ok' } satisfies HealthStatus);

/**
 * A probe straight from a container runtime, a load balancer's check or a monitor on the machine: no proxy
 * in between (no X-Forwarded-*, no request id to carry on) and no TLS, so no HSTS is due.
 */
function isDirectProbe(req: IncomingMessage): boolean {
  if (req.method !== 'GET' || req.url !== LIVE_PATH) return false;
  const h = req.headers;
  return h['x-forwarded-proto'] === undefined && h['x-forwarded-for'] === undefined && h['x-request-id'] === undefined && !(req.socket as TLSSocket).encrypted;
}

/**
 * fastify's `serverFactory`: the API's HTTP server, which answers a direct liveness probe (GET /api/v1/health)
 * itself — {"status":"ok"}, a request id and the security headers of a JSON answer (`securityHeaders`: no
 * sniffing, no framing, no referrer, CSP default-src 'none') — and hands
 * every other request to fastify. The probe says only that the process answers, so it needs nothing of
 * Nest's pipeline, and a monitor polling it costs what a bare Node server costs (issue 17). Readiness
 * (/health/ready) and any probe through a proxy go the usual way. The server is set up as fastify sets up
 * its own (HTTP options, timeouts). Once the server is stopping, the probe goes the usual way too.
 */
export function serverWithLiveProbe(securityHeaders: Readonly<Record<string, string>>) {
  const headers: Readonly<Record<string, string>> = {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(BODY)),
  };
  // `opts` are fastify's own options, with which it would have created the server itself.
  return (handler: (req: IncomingMessage, res: ServerResponse) => void, opts: Record<string, unknown>): Server => {
    const num = (k: string) => (typeof opts[k] === 'number' ? opts[k] : undefined);
    const server: Server = createServer((opts.http ?? {}) as ServerOptions, (req, res) => {
      // While stopping (no longer listening) the probe too goes the usual way, which answers `Connection: close`.
      if (!server.listening || !isDirectProbe(req)) return handler(req, res);
      res.writeHead(200, { ...headers, 'x-request-id': randomUUID() });
      res.end(BODY);
    });
    server.keepAliveTimeout = num('keepAliveTimeout') ?? server.keepAliveTimeout;
    server.requestTimeout = num('requestTimeout') ?? server.requestTimeout;
    server.setTimeout(num('connectionTimeout') ?? 0);
    const perSocket = num('maxRequestsPerSocket');
    if (perSocket) server.maxRequestsPerSocket = perSocket;
    return server;
  };
}
