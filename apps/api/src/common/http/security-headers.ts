import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The headers of a JSON answer sent before any hook has run — an error fastify answers itself (see
 * framework-errors.ts), the direct liveness probe (health/live-probe.ts): a body that is never to be sniffed,
 * framed or allowed to load anything.
 */
export const ERROR_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** One year, with the subdomains: sent only on requests that came over TLS. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** The content security policy's directives, in the order they are sent. */
function cspDirectives(h5Dir: string | null): Array<[string, string[]]> {
  return [
    ['default-src', ["'self'"]],
    ['base-uri', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['font-src', ["'self'", 'data:']],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['img-src', ["'self'", 'data:', 'blob:', 'https:']],
    ['media-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['script-src', ["'self'", ...inlineScriptHashes(h5Dir)]],
    ['script-src-attr', ["'none'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['worker-src', ["'self'", 'blob:']],
  ];
}

/**
 * The browser security headers of every answer, as helmet 8 writes them with this configuration: nosniff;
 * no framing by anyone (frame-ancestors 'none', X-Frame-Options DENY); no Referer sent; COOP same-origin,
 * CORP same-site; and a content security policy that the H5 build (a Taro webpack bundle: its own scripts
 * and styles, inline styles, images from anywhere over https, calls to its own origin, and the one inline
 * script of its index.html, allowed by its hash) keeps working under. Computed once: they are the same for
 * every request (helmet rebuilt them for each, a tenth of a bare request's time).
 */
export function securityHeaders(h5Dir: string | null): Readonly<Record<string, string>> {
  return {
    'content-security-policy': cspDirectives(h5Dir).map(([name, values]) => `${name} ${values.join(' ')}`).join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-site',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
}

/**
 * Sets securityHeaders() (`headers`) on every answer, in one hook that registers before Nest adds its routes. HSTS only
 * when the request came over TLS (directly, or x-forwarded-proto https from a trusted proxy), so a plain-http
 * development server never tells a browser to insist on https.
 */
export function registerSecurityHeaders(server: FastifyInstance, headers: Readonly<Record<string, string>>): void {
  const withHsts = { ...headers, 'strict-transport-security': HSTS_VALUE };
  server.addHook('onRequest', (req, reply, done) => {
    void reply.headers(req.protocol === 'https' ? withHsts : headers);
    done();
  });
}

/** CSP hashes ('sha256-…') of the inline scripts of the H5 build's index.html; none without a build. */
export function inlineScriptHashes(h5Dir: string | null): string[] {
  const file = h5Dir ? join(h5Dir, 'index.html') : null;
  if (!file || !existsSync(file)) return [];
  return inlineScriptsOf(readFileSync(file, 'utf8')).map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
}

/** The bodies of the <script> elements without a src. */
export function inlineScriptsOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1]) && m[2].trim()) out.push(m[2]);
  }
  return out;
}
