import Taro from '@tarojs/taro';
import { chinaDateOf, type ImportReport, type RegionCentresImportResult } from '@zaogong/shared';
import { apiBase, buildQuery, errorFor, networkError, sendAuthorized } from './client';
import { FILE_PATHS } from './endpoints';

/**
 * Excel files (the import template, the masked export, the 村居中心点 template), the uploads (residents,
 * centre points), and the copy of one's own data (JSON). The API takes the token only as a Bearer
 * header, so a plain link cannot fetch them: H5 downloads the bytes with the header and hands them to
 * the browser; WeChat downloads to a temporary file and opens (Excel) or forwards (JSON) it.
 */

const IS_H5 = process.env.TARO_ENV === 'h5';
const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What a browser's file picker offers for each extension a page asks for. */
const ACCEPT: Record<string, string> = { xlsx: `.xlsx,${XLSX_MIME}`, csv: '.csv,text/csv' };

/** What this platform can do with files, so a page can say plainly what is not possible. */
export const FILE_SUPPORT = {
  download: IS_H5 || IS_WEAPP,
  upload: IS_H5 || IS_WEAPP,
  /** Where the picked file comes from, in words for the page. */
  pickFrom: IS_WEAPP ? 'chat' : IS_H5 ? 'device' : 'none',
} as const;

/** H5: the bytes of `url`, fetched with the bearer token (a 401 refreshes the session once). */
async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await sendAuthorized(async (header) => {
    try {
      return await Taro.request<ArrayBuffer>({
        url,
        method: 'GET',
        header,
        responseType: 'arraybuffer',
        dataType: '其他',
        timeout: 60000,
      });
    } catch {
      throw networkError(false);
    }
  }, false);
  if (res.statusCode < 200 || res.statusCode >= 300) throw errorFor(res.statusCode, res.data, false);
  return res.data;
}

/**
 * WeChat: `url` downloaded with the bearer token into a temporary file; its path. A refusal is
 * written into that file too, so its Chinese message is read from there.
 */
async function downloadToTemp(url: string): Promise<string> {
  const res = await sendAuthorized(async (header) => {
    try {
      const r = await Taro.downloadFile({ url, header });
      return { ...r, data: undefined };
    } catch {
      throw networkError(false);
    }
  }, false);
  if (res.statusCode < 200 || res.statusCode >= 300) throw errorFor(res.statusCode, readTempText(res.tempFilePath), false);
  return res.tempFilePath;
}

/** The text of a small temporary file (an error body), or undefined. */
function readTempText(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    const text = Taro.getFileSystemManager().readFileSync(path, 'utf8');
    return typeof text === 'string' && text.length < 64 * 1024 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Downloads `path` (under the API base) and saves (H5) or opens (WeChat) it as `fileName`. */
export async function downloadXlsx(path: string, fileName: string): Promise<void> {
  const url = `${apiBase()}${path}`;
  if (IS_H5) {
    saveInBrowser(await fetchBytes(url), fileName, XLSX_MIME);
    return;
  }
  if (IS_WEAPP) {
    await Taro.openDocument({ filePath: await downloadToTemp(url), fileType: 'xlsx', showMenu: true });
    return;
  }
  throw new Error('unsupported platform');
}

/** H5 only: the bytes become a file the browser saves (an <a download> click). */
function saveInBrowser(data: ArrayBuffer, fileName: string, mime: string): void {
  const blob = new Blob([data], { type: mime });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(href), 30000);
}

/** The copy of one's own data (GET /me/data-export): saved in a browser, or a temporary file in WeChat. */
export type MyDataFile = { fileName: string; saved: true } | { fileName: string; saved: false; tempFilePath: string };

/** 我的个人信息-20260301.json, dated in China time as the API names it. */
export function myDataFileName(now: Date = new Date()): string {
  return `我的个人信息-${chinaDateOf(now).replace(/-/g, '')}.json`;
}

/**
 * 下载我的数据. H5: the browser saves the JSON file into its downloads. WeChat cannot open a .json file
 * (wx.openDocument takes only office documents and PDF) and a mini-program cannot put a file where the
 * person finds it on their phone; so the file is downloaded to a temporary path and the page then offers
 * `shareMyDataFile`, which sends it into a WeChat chat (e.g. 文件传输助手), from where it can be saved or
 * opened on a PC. WeChat allows that only from a tap, hence the second button rather than a share here.
 */
export async function downloadMyData(): Promise<MyDataFile> {
  const url = `${apiBase()}${FILE_PATHS.myData}`;
  const fileName = myDataFileName();
  if (IS_H5) {
    saveInBrowser(await fetchBytes(url), fileName, 'application/json;charset=utf-8');
    return { fileName, saved: true };
  }
  if (IS_WEAPP) return { fileName, saved: false, tempFilePath: await downloadToTemp(url) };
  throw new Error('unsupported platform');
}

/** WeChat, from a tap: sends the downloaded file into a chat the person picks. False when they backed out. */
export async function shareMyDataFile(file: { tempFilePath: string; fileName: string }): Promise<boolean> {
  try {
    await Taro.shareFileMessage({ filePath: file.tempFilePath, fileName: file.fileName });
    return true;
  } catch {
    return false;
  }
}

export const downloadTemplate = () => downloadXlsx(FILE_PATHS.importTemplate, '居民信息导入模板.xlsx');
export const downloadExport = () => downloadXlsx(FILE_PATHS.export, '居民名单（已打码）.xlsx');
export const downloadRegionCentres = () => downloadXlsx(FILE_PATHS.regionCentresTemplate, '村居中心点.xlsx');

/** A file picked for import: an H5 File, or a WeChat temporary path. */
export interface PickedFile {
  name: string;
  size: number;
  file?: File;
  path?: string;
}

/** Opens the platform's file chooser for one .xlsx; null when the user backs out. */
export const pickXlsx = (): Promise<PickedFile | null> => pickFile(['xlsx']);

/** Opens the platform's file chooser for one file of these extensions (e.g. xlsx, csv); null when the user backs out. */
export async function pickFile(extensions: readonly string[]): Promise<PickedFile | null> {
  if (IS_H5) return pickInBrowser(extensions.map((e) => ACCEPT[e] ?? `.${e}`).join(','));
  if (IS_WEAPP) {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] });
      const f = res.tempFiles[0];
      return f ? { name: f.name, size: f.size, path: f.path } : null;
    } catch {
      return null; // cancelled
    }
  }
  return null;
}

/** H5: a hidden <input type=file> in the page, clicked from the user's tap. */
function pickInBrowser(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.className = 'zg-file-input';
    input.style.display = 'none';
    const done = (picked: PickedFile | null) => {
      input.remove();
      resolve(picked);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done(file ? { name: file.name, size: file.size, file } : null);
    });
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

/** POST /residents/import: a dry run checks every row and saves nothing. */
export function uploadImport(picked: PickedFile, dryRun: boolean): Promise<ImportReport> {
  return uploadFile<ImportReport>(`${FILE_PATHS.import}${buildQuery({ dryRun: dryRun ? 'true' : 'false' })}`, picked);
}

/** One photo from the album or the camera, compressed by WeChat; in H5 a picked image file. Null when the user backs out. */
export async function pickPhoto(): Promise<PickedFile | null> {
  if (IS_H5) return pickInBrowser('image/jpeg,image/png,image/webp');
  if (IS_WEAPP) {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const f = res.tempFiles[0];
      return f ? { name: 'photo.jpg', size: f.size, path: f.path } : null;
    } catch {
      return null; // cancelled
    }
  }
  return null;
}

/** POST /posts/:id/photos (the post's employer): up to 3, ≤ 2 MB each. */
export function uploadPostPhoto(postId: string, picked: PickedFile): Promise<{ id: string; url: string }> {
  return uploadFile<{ id: string; url: string }>(`/posts/${postId}/photos`, picked);
}

/** POST /regions/centres: all rows or none (a 400 names every bad row in its `errors`). */
export function uploadRegionCentres(picked: PickedFile): Promise<RegionCentresImportResult> {
  return uploadFile<RegionCentresImportResult>(FILE_PATHS.regionCentres, picked);
}

/** Posts a picked file as the multipart field `file` to `path` (under the API base); the JSON answer. */
async function uploadFile<T>(path: string, picked: PickedFile): Promise<T> {
  const url = `${apiBase()}${path}`;
  if (IS_H5 && picked.file) {
    const form = new FormData();
    form.append('file', picked.file, picked.name);
    const res = await sendAuthorized(async (header) => {
      try {
        const r = await fetch(url, { method: 'POST', headers: header, body: form });
        return { statusCode: r.status, data: await r.text() };
      } catch {
        throw networkError(false);
      }
    }, false);
    if (res.statusCode < 200 || res.statusCode >= 300) throw errorFor(res.statusCode, res.data, false);
    return JSON.parse(res.data) as T;
  }
  if (IS_WEAPP && picked.path) {
    const path = picked.path;
    const res = await sendAuthorized(async (header) => {
      try {
        return await Taro.uploadFile({ url, filePath: path, name: 'file', header });
      } catch {
        throw networkError(false);
      }
    }, false);
    if (res.statusCode < 200 || res.statusCode >= 300) throw errorFor(res.statusCode, res.data, false);
    return JSON.parse(res.data) as T;
  }
  throw new Error('unsupported platform');
}
