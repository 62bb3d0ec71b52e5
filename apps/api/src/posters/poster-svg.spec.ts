import { Resvg } from '@resvg/resvg-js';
import { POSTER_FONT_FAMILY, findPosterFonts } from './poster-fonts';
import { postPosterContent, type PosterContent } from './poster-content';
import { POSTER_HEIGHT, POSTER_WIDTH, escapeXml, posterSvg, printable, textWidth, wrapText, type PosterArt } from './poster-svg';
import { qrModules } from './qr-modules';

const NOW = new Date('2026-12-01T02:00:00Z');
const fonts = findPosterFonts(null);
const font = { family: POSTER_FONT_FAMILY, fauxBold: !fonts.bold };

/** The drawn extent of one line of text, measured by resvg with the poster fonts. */
function drawnWidth(text: string, size: number): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="400"><text x="0" y="300" font-size="${size}" font-family="${escapeXml(POSTER_FONT_FAMILY)}">${escapeXml(text)}</text></svg>`;
  const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fonts.files } }).getBBox();
  return box ? box.x + box.width : 0;
}

function content(over: Partial<PosterContent> = {}): PosterContent {
  return {
    ...postPosterContent(
      { title: '电焊工', type: 'full_time', wageMin: 5000, wageMax: 6500, wageUnit: 'month', headcount: 3, townName: '桑村镇', villageName: '户口村', address: '桑村镇工业园3号', benefits: ['meals', 'housing'], startDate: null, endDate: null, workStartTime: null, expiresAt: new Date('2026-12-30T15:00:00Z'), employerName: '山亭区测试制品有限公司' },
      [{ label: '本村联络员 王芳', number: '13905461234' }],
      NOW,
    ),
    ...over,
  };
}

const art = (c: PosterContent): PosterArt => ({ content: c, code: { kind: 'qr', modules: qrModules('http://127.0.0.1:3000/#/pages/index/index?scene=ABCD2345') }, posterId: 'ABCD2345' });

/** The bounding box of everything drawn but the white page. */
function inkBox(svg: string) {
  // The page's own white rectangle spans everything: measure without it.
  const body = svg.replace(/<rect width="1240" height="1754" fill="#ffffff"\/>/, '');
  return new Resvg(body, { font: fonts.cjk ? { loadSystemFonts: false, fontFiles: fonts.files } : { loadSystemFonts: true } }).getBBox();
}

describe('poster text', () => {
  it('estimates every width at or above what the font draws, so a wrapped line never runs over', () => {
    if (!fonts.cjk) return; // no CJK font on this machine: nothing to measure against (the API warns at start)
    for (const s of ['招聘食堂帮厨电焊工', 'WWWWMMMM', 'mmmmwwww', '0123456789', 'abcdefghijklmnop', '（）：，。、《》', '5000–6500 元/月', 'Ab12@%&']) {
      expect(textWidth(s, 100)).toBeGreaterThanOrEqual(drawnWidth(s, 100));
    }
  });

  it('wraps Chinese by width, keeps punctuation off the start of a line, and cuts with … past the last line', () => {
    const w = wrapText('招聘电焊工，包吃包住，男女不限，长期稳定', 100, 500, 8);
    expect(w.lines.every((l) => textWidth(l, 100) <= 500)).toBe(true);
    expect(w.lines.some((l) => /^[，。]/.test(l))).toBe(false);
    expect(w.lines.join('')).toBe('招聘电焊工，包吃包住，男女不限，长期稳定');
    const cut = wrapText('很长'.repeat(40), 100, 500, 2);
    expect(cut).toMatchObject({ cut: true });
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1].endsWith('…')).toBe(true);
    // A Latin word wider than the line is split rather than left to run over.
    expect(wrapText('W'.repeat(30), 100, 500, 10).lines.every((l) => textWidth(l, 100) <= 500)).toBe(true);
  });

  it('drops what no font draws and escapes markup', () => {
    expect(printable('招工😀啦\u200d\u0007  快来')).toBe('招工啦 快来');
    expect(escapeXml('<b>&"\'')).toBe('&lt;b&gt;&amp;&quot;&apos;');
    const svg = posterSvg(art(content({ title: '</text><script>alert(1)</script>' })), font);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it.each([
    ['a short title', '食堂帮厨'],
    ['a long Chinese title', '山亭区桑村镇工业园塑料编织袋厂招聘长期电焊工、维修工、叉车司机和仓库保管员，包吃包住，五险一金，月休四天'],
    ['a long Latin title', 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW'],
  ])('keeps %s on the page, the title large', (_what, title) => {
    const c = content({ title, rows: [...content().rows, { label: '地点', text: '很长的地址'.repeat(20) }] });
    const svg = posterSvg(art(c), font);
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    // Read from two metres: nothing but the footer below 40 px (about 7 mm at 150 dpi), the title at least 70.
    expect(sizes.filter((s) => s < 40).length).toBeLessThanOrEqual(1);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(70);
    if (!fonts.cjk) return;
    const box = inkBox(svg);
    expect(box).toBeDefined();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(POSTER_WIDTH);
    expect(box!.y + box!.height).toBeLessThanOrEqual(POSTER_HEIGHT);
    // Text stays inside the side margins (the band and the dashed line are the only things wider).
    const textBox = inkBox(svg.replace(/<rect[^>]*fill="#c8161d"\/>|<line[^>]*\/>|<path[^>]*\/>/g, ''));
    expect(textBox!.x).toBeGreaterThanOrEqual(60);
    expect(textBox!.x + textBox!.width).toBeLessThanOrEqual(POSTER_WIDTH - 60);
  });
});
