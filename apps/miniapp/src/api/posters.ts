import Taro from '@tarojs/taro';
import { apiBase, buildQuery, errorFor, networkError, sendAuthorized } from './client';
import { posterPath, type PosterKind } from './endpoints';

/**
 * The printable poster of a post or an event (GET /posts/:id/poster.png|pdf, /events/:id/poster.png|pdf). The
 * API takes the token only as a Bearer header, so the picture is fetched as bytes: H5 shows it from a blob URL
 * and saves it with a download link; WeChat writes it to a file of its own, shows it, and saves it to the album.
 */

const IS_H5 = process.env.TARO_ENV === 'h5';
const IS_WEAPP = process.env.TARO_ENV === 'weapp';

export interface PosterImage {
  /** What <Image> shows: a blob: URL (H5) or a local file path (WeChat). */
  src: string;
  /** The poster's short id (its code's scene), from the X-Poster-Id header. */
  posterId: string | null;
  /** WeChat: the file saveImageToPhotosAlbum takes. */
  filePath?: string;
  fileName: string;
}

function headerOf(header: Record<string, unknown> | undefined, name: string): string | null {
  if (!header) return null;
  const hit = Object.keys(header).find((k) => k.toLowerCase() === name);
  return hit ? String(header[hit]) : null;
}

/** The bytes and headers of a poster file, fetched with the bearer token (a 401 refreshes the session once). */
async function fetchPoster(kind: PosterKind, id: string, format: 'png' | 'pdf', villageCode?: string) {
  const url = `${apiBase()}${posterPath(kind, id, format)}${buildQuery({ villageCode })}`;
  const res = await sendAuthorized(async (header) => {
    try {
      return await Taro.request<ArrayBuffer>({ url, method: 'GET', header, responseType: 'arraybuffer', dataType: '其他', timeout: 60000 });
    } catch {
      throw networkError(false);
    }
  }, false);
  if (res.statusCode < 200 || res.statusCode >= 300) throw errorFor(res.statusCode, res.data, false);
  return { bytes: res.data, posterId: headerOf(res.header as Record<string, unknown>, 'x-poster-id') };
}

/** WeChat: bytes into a file of the mini-program's own (the album and openDocument take a path). */
function writeLocal(name: string, bytes: ArrayBuffer): string {
  const path = `${Taro.env.USER_DATA_PATH}/${name}`;
  Taro.getFileSystemManager().writeFileSync(path, bytes, 'binary');
  return path;
}

export async function loadPosterImage(kind: PosterKind, id: string, villageCode?: string): Promise<PosterImage> {
  const { bytes, posterId } = await fetchPoster(kind, id, 'png', villageCode);
  const fileName = `海报-${posterId ?? id.slice(0, 8)}.png`;
  if (IS_WEAPP) {
    const filePath = writeLocal(`poster-${posterId ?? id}.png`, bytes);
    return { src: filePath, filePath, posterId, fileName };
  }
  return { src: URL.createObjectURL(new Blob([bytes], { type: 'image/png' })), posterId, fileName };
}

/** H5: the browser saves the file (an <a download> click). */
function saveInBrowser(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
}

/**
 * 保存到相册 (WeChat; asks once for the album permission) or download (H5). False when the person said no to
 * the album: the page then says how to allow it.
 */
export async function savePosterImage(image: PosterImage): Promise<boolean> {
  if (IS_WEAPP && image.filePath) {
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: image.filePath });
      return true;
    } catch {
      return false;
    }
  }
  if (IS_H5) {
    saveInBrowser(image.src, image.fileName);
    return true;
  }
  return false;
}

/** The PDF: WeChat opens it (from there it can be sent to a computer to print); H5 downloads it. */
export async function openPosterPdf(kind: PosterKind, id: string, villageCode?: string): Promise<void> {
  const { bytes, posterId } = await fetchPoster(kind, id, 'pdf', villageCode);
  const name = `海报-${posterId ?? id.slice(0, 8)}.pdf`;
  if (IS_WEAPP) {
    await Taro.openDocument({ filePath: writeLocal(`poster-${posterId ?? id}.pdf`, bytes), fileType: 'pdf', showMenu: true });
    return;
  }
  if (IS_H5) {
    const href = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    saveInBrowser(href, name);
    setTimeout(() => URL.revokeObjectURL(href), 30000);
    return;
  }
  throw new Error('unsupported platform');
}
