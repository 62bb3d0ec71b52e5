import type { PosterContent } from './poster-content';

/**
 * The A4 poster as an SVG (1240×1754 px: A4 at 150 dpi), pure. Text is wrapped by an estimate of its width
 * that is never smaller than what the CJK fonts draw (a Chinese character is one em wide, Latin letters less),
 * so a line never runs off the page: a long title gets smaller, then wraps, then ends in "…".
 */

export const POSTER_WIDTH = 1240;
export const POSTER_HEIGHT = 1754;
const MARGIN = 80;
const CONTENT_WIDTH = POSTER_WIDTH - 2 * MARGIN;
const RED = '#c8161d';
const BLUE = '#0b5cad';
const INK = '#111111';
const GREY = '#555555';

/** The code printed on the poster: WeChat's 小程序码 image, or the modules of a QR code drawn here. */
export type PosterCodeArt = { kind: 'image'; mime: 'image/png' | 'image/jpeg'; bytes: Buffer } | { kind: 'qr'; modules: boolean[][] };

export interface PosterFontChoice {
  /** The font-family list the text asks for. */
  family: string;
  /** No bold face is installed: thicken bold text with a stroke of its own colour. */
  fauxBold: boolean;
}

/** Characters no poster font draws (emoji, joiners, controls): dropped instead of printed as boxes. */
const UNPRINTABLE = /\p{Extended_Pictographic}|\p{Cc}|\p{Cf}|[\u{FE00}-\u{FE0F}]|[\u{1F3FB}-\u{1F3FF}]/gu;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, '').replace(/\s+/g, ' ').trim();
}

/** Width in ems, rounded up for every glyph of the fonts in use (Noto Sans CJK, WenQuanYi Zen Hei). */
function charEms(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x80) return 1;
  if (ch === ' ') return 0.4;
  if (/[0-9]/.test(ch)) return 0.62;
  if (/[A-Z@%&MWmw]/.test(ch)) return 0.95;
  return 0.66;
}

export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += charEms(ch);
  return ems * size;
}

/** Punctuation that may not start a line: it goes down with the character before it. */
const NO_LINE_START = /^[，。、；：！？）」』”’》,.;:!?)\]]/;

/** Words of Latin letters and digits stay together; every other character stands alone. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.,:/+-]*|\s+|[^\sA-Za-z0-9]/gu) ?? [];
}

export interface Wrapped {
  lines: string[];
  /** The text did not fit in maxLines: the last line ends in "…". */
  cut: boolean;
}

/** Greedy wrapping of `text` at `size` px into lines of at most `width` px, at most `maxLines`. */
export function wrapText(text: string, size: number, width: number, maxLines: number): Wrapped {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  const queue = tokens(text);
  while (queue.length) {
    const tok = queue.shift() as string;
    if (!line && /^\s+$/.test(tok)) continue;
    if (textWidth(line + tok, size) <= width) {
      line += tok;
      continue;
    }
    if (!line) {
      // One word wider than the line: split it where it must.
      const chars = [...tok];
      let part = '';
      while (chars.length && textWidth(part + chars[0], size) <= width) part += chars.shift();
      if (!part) part = chars.shift() ?? '';
      line = part;
      if (chars.length) queue.unshift(chars.join(''));
      push();
      continue;
    }
    const space = line.lastIndexOf(' ');
    if (space > 0 && [...line.slice(space + 1)].length <= 8 && space >= line.length / 2) {
      // Break at the last space when what follows it is short: "12月9日 星期三" / "上午9点到下午4点".
      const rest = line.slice(space + 1);
      line = line.slice(0, space);
      push();
      queue.unshift(rest, tok);
      continue;
    }
    if (NO_LINE_START.test(tok)) {
      // Take the last character of this line down with the punctuation.
      const chars = [...line];
      const last = chars.pop() as string;
      line = chars.join('');
      push();
      queue.unshift(last, tok);
      continue;
    }
    push();
    queue.unshift(tok);
  }
  if (line) push();
  // No line of one lone character at the end: the one before gives it its last character.
  const n = lines.length;
  if (n >= 2 && [...lines[n - 1]].length === 1 && [...lines[n - 2]].length > 2) {
    const prev = [...lines[n - 2]];
    const moved = prev.pop() as string;
    lines[n - 2] = prev.join('').trimEnd();
    lines[n - 1] = moved + lines[n - 1];
  }
  if (lines.length <= maxLines) return { lines, cut: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && textWidth(`${last}…`, size) > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return { lines: kept, cut: true };
}

/** The largest size from `sizes` at which `text` fits on one line of `width`, else the smallest. */
export function fitOneLine(text: string, sizes: readonly number[], width: number): number {
  return sizes.find((s) => textWidth(text, s) <= width) ?? sizes[sizes.length - 1];
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

interface TextOptions {
  x: number;
  y: number;
  size: number;
  fill: string;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
}

function textEl(text: string, o: TextOptions, font: PosterFontChoice): string {
  const weight = o.bold ? ' font-weight="700"' : '';
  const stroke = o.bold && font.fauxBold ? ` stroke="${o.fill}" stroke-width="${Math.max(1, Math.round(o.size / 36))}" stroke-linejoin="round"` : '';
  const anchor = o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : '';
  return `<text x="${o.x}" y="${o.y}" font-size="${o.size}"${weight} fill="${o.fill}"${stroke}${anchor}>${escapeXml(text)}</text>`;
}

// The bottom block: the code on the left; what to do with it and whom to call on the right; the footer under both.
const CODE_SIZE = 440;
const FOOTER_Y = POSTER_HEIGHT - 34;
const CODE_Y = FOOTER_Y - 50 - CODE_SIZE;
/** Where the text above must end. */
const BODY_END = CODE_Y - 30;
const BAND_HEIGHT = 230;
const BODY_TOP = BAND_HEIGHT + 40;
const ROW_LABEL_EMS = 3;

/** Title and row sizes, tried in this order: both come down together, the title staying the largest. */
const SIZES: readonly (readonly [title: number, row: number])[] = [
  [150, 60], [136, 60], [136, 56], [122, 56], [122, 52], [110, 52], [110, 48], [98, 48], [88, 48], [88, 44], [78, 44], [70, 44],
];
const HIGHLIGHT_SIZES = [112, 100, 90, 80, 70, 60] as const;

interface Layout {
  title: Wrapped & { size: number };
  highlight: Wrapped & { size: number };
  rows: { label: string; text: Wrapped; size: number }[];
  height: number;
}

function rowWrap(text: string, size: number, maxLines: number): Wrapped {
  return wrapText(text, size, CONTENT_WIDTH - ROW_LABEL_EMS * size - 24, maxLines);
}

function measure(c: PosterContent, titleSize: number, highlightSize: number, rowSize: number, rows: PosterContent['rows']): Layout {
  const title = { ...wrapText(c.title, titleSize, CONTENT_WIDTH, titleSize >= 110 ? 3 : 4), size: titleSize };
  const highlight = { ...wrapText(c.highlight, highlightSize, CONTENT_WIDTH, 2), size: highlightSize };
  const laid = rows.map((r) => ({ label: r.label, text: rowWrap(r.text, rowSize, 2), size: rowSize }));
  const height =
    title.lines.length * titleSize * 1.18 + 20 + highlight.lines.length * highlightSize * 1.2 + 24 + laid.reduce((h, r) => h + r.text.lines.length * rowSize * 1.25 + 14, 0);
  return { title, highlight, rows: laid, height };
}

/**
 * Sizes chosen from the largest down until everything fits above the code: first the title (uncut if it can
 * be), then the rows, then the last rows are left out (the least needed come last).
 */
export function layoutPoster(c: PosterContent): Layout {
  const room = BODY_END - BODY_TOP;
  const highlightSize = fitOneLine(c.highlight, HIGHLIGHT_SIZES, CONTENT_WIDTH);
  for (const cutAllowed of [false, true]) {
    for (const [titleSize, rowSize] of SIZES) {
      const l = measure(c, titleSize, highlightSize, rowSize, c.rows);
      if (l.height <= room && (cutAllowed || !l.title.cut)) return l;
    }
  }
  const [titleSize, rowSize] = SIZES[SIZES.length - 1];
  const smallest = HIGHLIGHT_SIZES[HIGHLIGHT_SIZES.length - 1];
  for (let keep = c.rows.length - 1; keep > 0; keep--) {
    const l = measure(c, titleSize, smallest, rowSize, c.rows.slice(0, keep));
    if (l.height <= room) return l;
  }
  return measure(c, titleSize, smallest, rowSize, []);
}

function codeEl(code: PosterCodeArt, x: number, y: number, size: number): string {
  if (code.kind === 'image') {
    const href = `data:${code.mime};base64,${code.bytes.toString('base64')}`;
    return `<image x="${x}" y="${y}" width="${size}" height="${size}" preserveAspectRatio="xMidYMid meet" xlink:href="${href}"/>`;
  }
  const n = code.modules.length;
  // Whole pixels per module with a 4-module quiet zone, centred in the square: crisp when printed.
  const unit = Math.max(1, Math.floor(size / (n + 8)));
  const offset = Math.floor((size - unit * n) / 2);
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let col = 0; col < n; col++) if (code.modules[r][col]) d += `M${col} ${r}h1v1h-1z`;
  }
  return `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#ffffff"/><path transform="translate(${x + offset} ${y + offset}) scale(${unit})" shape-rendering="crispEdges" fill="#000000" d="${d}"/>`;
}

export interface PosterArt {
  content: PosterContent;
  code: PosterCodeArt;
  posterId: string;
}

/** The whole poster as an SVG document, every user-given text escaped. */
export function posterSvg(art: PosterArt, font: PosterFontChoice): string {
  const c: PosterContent = {
    ...art.content,
    title: printable(art.content.title) || '招工',
    highlight: printable(art.content.highlight),
    tag: printable(art.content.tag),
    rows: art.content.rows.map((r) => ({ label: r.label, text: printable(r.text) })).filter((r) => r.text),
    phones: art.content.phones.map((p) => ({ label: printable(p.label), number: printable(p.number) })),
  };
  const out: string[] = [];
  const t = (text: string, o: TextOptions) => out.push(textEl(text, o, font));

  // The red band: 招工 and what kind of work.
  out.push(`<rect x="0" y="0" width="${POSTER_WIDTH}" height="${BAND_HEIGHT}" fill="${RED}"/>`);
  t(c.banner, { x: MARGIN, y: 132, size: fitOneLine(c.banner, [116, 100, 88], CONTENT_WIDTH), fill: '#ffffff', bold: true });
  if (c.tag) t(c.tag, { x: MARGIN, y: 202, size: fitOneLine(c.tag, [50, 44, 38, 34], CONTENT_WIDTH), fill: '#ffffff' });

  const l = layoutPoster(c);
  let y = BODY_TOP;
  for (const line of l.title.lines) {
    y += l.title.size;
    t(line, { x: MARGIN, y, size: l.title.size, fill: INK, bold: true });
    y += l.title.size * 0.18;
  }
  y += 20;
  for (const line of l.highlight.lines) {
    y += l.highlight.size;
    t(line, { x: MARGIN, y, size: l.highlight.size, fill: RED, bold: true });
    y += l.highlight.size * 0.2;
  }
  y += 24;
  for (const row of l.rows) {
    const labelWidth = ROW_LABEL_EMS * row.size;
    let first = true;
    for (const line of row.text.lines) {
      y += row.size;
      if (first) t(row.label, { x: MARGIN, y, size: row.size, fill: BLUE, bold: true });
      t(line, { x: MARGIN + labelWidth + 24, y, size: row.size, fill: INK });
      y += row.size * 0.25;
      first = false;
    }
    y += 14;
  }

  // The code; beside it what to do with it and whom to call.
  out.push(`<line x1="${MARGIN}" y1="${CODE_Y - 22}" x2="${POSTER_WIDTH - MARGIN}" y2="${CODE_Y - 22}" stroke="#bbbbbb" stroke-width="3" stroke-dasharray="18 12"/>`);
  out.push(codeEl(art.code, MARGIN - 20, CODE_Y, CODE_SIZE));
  const px = MARGIN + CODE_SIZE + 10;
  const pw = POSTER_WIDTH - MARGIN - px;
  let py = CODE_Y + 20;
  for (const line of wrapText(c.call, 64, pw, 2).lines) {
    py += 64;
    t(line, { x: px, y: py, size: 64, fill: INK, bold: true });
    py += 14;
  }
  py += 24;
  if (c.phones.length) {
    const two = c.phones.length > 1;
    const head = two ? 40 : 44;
    t('打电话问', { x: px, y: py + head, size: head, fill: GREY });
    py += head + 6;
    for (const [i, phone] of c.phones.entries()) {
      const numberSize = fitOneLine(phone.number, i === 0 ? (two ? [66, 60, 54] : [84, 76, 68, 60]) : [54, 50, 46], pw);
      py += numberSize + 10;
      t(phone.number, { x: px, y: py, size: numberSize, fill: i === 0 ? RED : INK, bold: true });
      const labelSize = fitOneLine(phone.label, two ? [36, 32, 30] : [42, 38, 34, 30], pw);
      py += labelSize + 8;
      t(wrapText(phone.label, labelSize, pw, 1).lines[0] ?? '', { x: px, y: py, size: labelSize, fill: GREY });
      py += 16;
    }
  }
  const footer = `枣工快递 · 山亭区公共就业服务    海报编号 ${art.posterId}`;
  t(footer, { x: POSTER_WIDTH / 2, y: FOOTER_Y, size: fitOneLine(footer, [30, 26], CONTENT_WIDTH), fill: GREY, anchor: 'middle' });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}">`,
    `<rect width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" fill="#ffffff"/>`,
    `<g font-family="${escapeXml(font.family)}">`,
    ...out,
    '</g></svg>',
  ].join('');
}
