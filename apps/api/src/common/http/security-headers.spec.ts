import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineScriptHashes, inlineScriptsOf } from './security-headers';

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
