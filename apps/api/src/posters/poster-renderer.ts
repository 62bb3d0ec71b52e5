import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { POSTER_FONT_FAMILY, findPosterFonts, type PosterFonts } from './poster-fonts';
import { POSTER_HEIGHT, POSTER_WIDTH, posterSvg, type PosterArt } from './poster-svg';

/** A4 in PDF points (1/72 inch). */
const A4_POINTS = { width: 595.28, height: 841.89 };
/** Posters drawn lately, by their SVG: the PDF after the PNG, or a second tap, is not drawn again (about 200 KB each). */
const CACHE_SIZE = 24;

/**
 * Draws posters: the SVG of poster-svg.ts rendered to PNG by resvg (a Rust renderer shipped as a prebuilt
 * binary in its npm package; rendered off the event loop), and the PNG placed on one A4 page of a PDF by
 * pdfkit. The CJK font is looked for once, at start.
 */
@Injectable()
export class PosterRenderer implements OnModuleInit {
  private readonly logger = new Logger(PosterRenderer.name);
  private fonts?: PosterFonts;
  private readonly drawn = new Map<string, Buffer>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    this.fonts = findPosterFonts(this.config.posterFontFile);
    if (!this.fonts.cjk) {
      this.logger.warn('No CJK font found for posters: their Chinese text will not show. Install fonts-wqy-zenhei or fonts-noto-cjk, or set POSTER_FONT_FILE.');
    }
  }

  private get fontSet(): PosterFonts {
    this.fonts ??= findPosterFonts(this.config.posterFontFile);
    return this.fonts;
  }

  svg(art: PosterArt): string {
    return posterSvg(art, { family: POSTER_FONT_FAMILY, fauxBold: !this.fontSet.bold });
  }

  renderOptions(): ResvgRenderOptions {
    const fonts = this.fontSet;
    return {
      background: '#ffffff',
      fitTo: { mode: 'original' },
      dpi: 150,
      logLevel: 'off',
      font: fonts.cjk ? { loadSystemFonts: false, fontFiles: fonts.files } : { loadSystemFonts: true },
    };
  }

  /**
   * The poster as a PNG of 1240×1754 px (A4 at 150 dpi). Drawing takes about half a second (with a large CJK font
   * resvg spends about 1 ms a character): the same poster asked again soon is served from memory.
   */
  async png(art: PosterArt): Promise<Buffer> {
    const svg = this.svg(art);
    const key = createHash('sha256').update(svg).digest('base64');
    const hit = this.drawn.get(key);
    if (hit) {
      this.drawn.delete(key);
      this.drawn.set(key, hit);
      return hit;
    }
    const png = (await renderAsync(svg, this.renderOptions())).asPng();
    if (this.drawn.size >= CACHE_SIZE) this.drawn.delete(this.drawn.keys().next().value as string);
    this.drawn.set(key, png);
    return png;
  }

  /** The poster's PNG filling one A4 page. */
  async pdf(art: PosterArt, title: string): Promise<Buffer> {
    const png = await this.png(art);
    return pngOnA4(png, title);
  }
}

/** One A4 page holding the image edge to edge (its size is A4's own proportion). */
export function pngOnA4(png: Buffer, title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: title, Creator: '枣工快递' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.image(png, 0, 0, { width: A4_POINTS.width, height: (A4_POINTS.width * POSTER_HEIGHT) / POSTER_WIDTH });
    doc.end();
  });
}
