import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The headers of an error fastify answers before any hook has run (see framework-errors.ts): a JSON
 * body that is never to be sniffed, framed or allowed to load anything.
 */
export const ERROR_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

/** One year, with the subdomains: sent only on requests that came over TLS. */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/**
 * Browser security headers on every answer (@fastify/helmet): nosniff; no framing by anyone
 * (frame-ancestors 'none', X-Frame-Options DENY); no Referer sent; and a content security policy
 * that the H5 build (a Taro webpack bundle: its own scripts and styles, inline styles, images from
 * anywhere over https, calls to its own origin, and the one inline script of its index.html, which
 * sets the root font size and is allowed by its hash) keeps working under.
 * HSTS only when the request came over TLS (directly, or x-forwarded-proto https from the proxy),
 * so a plain-http development server never tells a browser to insist on https.
 */
export async function registerSecurityHeaders(server: FastifyInstance, h5Dir: string | null): Promise<void> {
  await server.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        mediaSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(h5Dir)],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  });
  server.addHook('onRequest', (req, reply, done) => {
    if (req.protocol === 'https') void reply.header('strict-transport-security', HSTS_VALUE);
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
