import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * The fonts a poster is drawn with. Chinese needs a CJK font on the server (Debian: fonts-noto-cjk or
 * fonts-wqy-zenhei), or POSTER_FONT_FILE; without one the poster's Chinese would print as nothing, so the
 * API says so once at start (PosterRenderer) and still answers.
 */
export interface PosterFonts {
  /** Font files loaded for every render (only these: faster and the same on every machine). */
  files: string[];
  /** Whether a CJK font was found (else the system's fonts are loaded, and Chinese may not show). */
  cjk: boolean;
  /** A bold face is among the files; else bold text is thickened with a stroke. */
  bold: boolean;
}

/** The families of the fonts looked for, best first; the SVG asks for them in this order. */
export const POSTER_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei', 'Droid Sans Fallback', sans-serif";

/** File names of CJK fonts, best first (fonts-noto-cjk, Source Han Sans, fonts-wqy-zenhei, fonts-wqy-microhei, Droid). */
const KNOWN: readonly RegExp[] = [/^NotoSansCJK(sc)?-Regular\.(ttc|otf)$/i, /^SourceHanSans(SC|CN)?-Regular\.(ttc|otf)$/i, /^NotoSansSC-Regular\.(otf|ttf)$/i, /^wqy-zenhei\.ttc$/i, /^wqy-microhei\.ttc$/i, /^DroidSansFallback(Full)?\.ttf$/i];
const BOLD: readonly RegExp[] = [/^NotoSansCJK(sc)?-Bold\.(ttc|otf)$/i, /^SourceHanSans(SC|CN)?-Bold\.(ttc|otf)$/i, /^NotoSansSC-Bold\.(otf|ttf)$/i];

export const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];

/** Font files under `dirs`, a few levels deep (Debian puts them at /usr/share/fonts/opentype/noto/). */
function fontFiles(dirs: readonly string[], depth = 4): string[] {
  const out: string[] = [];
  const walk = (dir: string, left: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        if (left > 0) walk(path, left - 1);
      } else if (/\.(ttc|otf|ttf)$/i.test(name)) out.push(path);
    }
  };
  for (const d of dirs) walk(d, depth);
  return out;
}

/** The explicit file (POSTER_FONT_FILE) when given, else the best CJK font found under `dirs`. */
export function findPosterFonts(explicit: string | null, dirs: readonly string[] = FONT_DIRS): PosterFonts {
  if (explicit && existsSync(explicit)) return { files: [explicit], cjk: true, bold: /bold/i.test(basename(explicit)) };
  const found = fontFiles(dirs);
  const pick = (patterns: readonly RegExp[]) => {
    for (const p of patterns) {
      const hit = found.find((f) => p.test(basename(f)));
      if (hit) return hit;
    }
    return null;
  };
  const regular = pick(KNOWN);
  if (!regular) return { files: [], cjk: false, bold: false };
  const bold = pick(BOLD);
  return { files: bold ? [regular, bold] : [regular], cjk: true, bold: bold !== null };
}
