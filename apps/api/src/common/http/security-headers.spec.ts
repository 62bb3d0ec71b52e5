import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineScriptHashes, inlineScriptsOf, securityHeaders } from './security-headers';

describe('inline script hashes of the H5 index.html', () => {
  const code = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
  const html = `<!doctype html><html><head><script>${code}</script><script defer="defer" src="/js/app.js"></script><script type="text/javascript" src='/js/x.js'></script></head><body><script></script></body></html>`;

  it('finds the scripts without a src', () => {
    expect(inlineScriptsOf(html)).toEqual([code]);
  });

  it('gives their CSP sha256 hashes, and none without a build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-h5-'));
    try {
      writeFileSync(join(dir, 'index.html'), html);
      expect(inlineScriptHashes(dir)).toEqual([`'sha256-${createHash('sha256').update(code).digest('base64')}'`]);
      expect(inlineScriptHashes(join(dir, 'missing'))).toEqual([]);
      expect(inlineScriptHashes(null)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('securityHeaders', () => {
  it('are what helmet 8 wrote with this configuration (computed once now, not per request)', () => {
    expect(securityHeaders(null)).toEqual({
      'content-security-policy':
        "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: blob: https:;media-src 'self' blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';worker-src 'self' blob:",
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
    });
  });

  it('allow the H5 build’s inline script by its hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-h5-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<script>var a=1;</script>');
      const hash = createHash('sha256').update('var a=1;').digest('base64');
      expect(securityHeaders(dir)['content-security-policy']).toContain(`script-src 'self' 'sha256-${hash}';`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
