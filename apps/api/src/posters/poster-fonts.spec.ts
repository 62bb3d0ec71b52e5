import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { findPosterFonts } from './poster-fonts';
import { PosterRenderer } from './poster-renderer';
import { postPosterContent } from './poster-content';
import { qrModules } from './qr-modules';

describe('poster fonts', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'zg-fonts-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the best CJK font a few folders down, with its bold face', () => {
    mkdirSync(join(dir, 'truetype/wqy'), { recursive: true });
    mkdirSync(join(dir, 'opentype/noto'), { recursive: true });
    for (const f of ['truetype/wqy/wqy-zenhei.ttc', 'opentype/noto/NotoSansCJK-Regular.ttc', 'opentype/noto/NotoSansCJK-Bold.ttc', 'opentype/noto/NotoSerif-Regular.ttf']) writeFileSync(join(dir, f), '');
    expect(findPosterFonts(null, [dir])).toEqual({ files: [join(dir, 'opentype/noto/NotoSansCJK-Regular.ttc'), join(dir, 'opentype/noto/NotoSansCJK-Bold.ttc')], cjk: true, bold: true });
    rmSync(join(dir, 'opentype'), { recursive: true });
    expect(findPosterFonts(null, [dir])).toEqual({ files: [join(dir, 'truetype/wqy/wqy-zenhei.ttc')], cjk: true, bold: false });
  });

  it('takes POSTER_FONT_FILE when given, and says when there is no CJK font at all', () => {
    writeFileSync(join(dir, 'MyFont.otf'), '');
    expect(findPosterFonts(join(dir, 'MyFont.otf'), [])).toEqual({ files: [join(dir, 'MyFont.otf')], cjk: true, bold: false });
    expect(findPosterFonts(null, [dir, join(dir, 'missing')])).toEqual({ files: [], cjk: false, bold: false });
  });

  it('still draws a poster when no CJK font is found (the API warns once at start)', async () => {
    const renderer = new PosterRenderer({ posterFontFile: null } as AppConfig);
    // As on a machine without CJK fonts: the system's fonts are loaded instead.
    Object.assign(renderer, { fonts: { files: [], cjk: false, bold: false } });
    expect(renderer.renderOptions().font).toEqual({ loadSystemFonts: true });
    const content = postPosterContent({ title: '电焊工', type: 'full_time', wageMin: 5000, wageMax: 6500, wageUnit: 'month', headcount: 3, townName: null, villageName: null, address: null, benefits: [], startDate: null, endDate: null, workStartTime: null, expiresAt: null, employerName: '厂' }, [], new Date());
    const png = await renderer.png({ content, code: { kind: 'qr', modules: qrModules('x') }, posterId: 'ABCD2345' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
