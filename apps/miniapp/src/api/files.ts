import Taro from '@tarojs/taro';
import type { ImportReport } from '@zaogong/shared';
import { apiBase, buildQuery, errorFor, networkError, sendAuthorized } from './client';
import { FILE_PATHS } from './endpoints';

/**
 * Excel files (the import template, the masked export) and the import upload. The API takes the
 * token only as a Bearer header, so a plain link cannot fetch them: H5 downloads the bytes with
 * the header and hands them to the browser; WeChat downloads to a temporary file and opens it.
 */

const IS_H5 = process.env.TARO_ENV === 'h5';
const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What this platform can do with files, so a page can say plainly what is not possible. */
export const FILE_SUPPORT = {
  download: IS_H5 || IS_WEAPP,
  upload: IS_H5 || IS_WEAPP,
  /** Where the picked file comes from, in words for the page. */
  pickFrom: IS_WEAPP ? 'chat' : IS_H5 ? 'device' : 'none',
} as const;

/** Downloads `path` (under the API base) and saves (H5) or opens (WeChat) it as `fileName`. */
export async function downloadXlsx(path: string, fileName: string): Promise<void> {
  const url = `${apiBase()}${path}`;
  if (IS_H5) {
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
    saveInBrowser(res.data, fileName);
    return;
  }
  if (IS_WEAPP) {
    const res = await sendAuthorized(async (header) => {
      try {
        const r = await Taro.downloadFile({ url, header });
        return { ...r, data: undefined };
      } catch {
        throw networkError(false);
      }
    }, false);
    if (res.statusCode < 200 || res.statusCode >= 300) throw errorFor(res.statusCode, undefined, false);
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  throw new Error('unsupported platform');
}

/** H5 only: the bytes become a file the browser saves (an <a download> click). */
function saveInBrowser(data: ArrayBuffer, fileName: string): void {
  const blob = new Blob([data], { type: XLSX_MIME });
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

export const downloadTemplate = () => downloadXlsx(FILE_PATHS.importTemplate, '居民信息导入模板.xlsx');
export const downloadExport = () => downloadXlsx(FILE_PATHS.export, '居民名单（已打码）.xlsx');

/** A file picked for import: an H5 File, or a WeChat temporary path. */
export interface PickedFile {
  name: string;
  size: number;
  file?: File;
  path?: string;
}

/** Opens the platform's file chooser for one .xlsx; null when the user backs out. */
export async function pickXlsx(): Promise<PickedFile | null> {
  if (IS_H5) return pickInBrowser();
  if (IS_WEAPP) {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
      const f = res.tempFiles[0];
      return f ? { name: f.name, size: f.size, path: f.path } : null;
    } catch {
      return null; // cancelled
    }
  }
  return null;
}

/** H5: a hidden <input type=file> in the page, clicked from the user's tap. */
function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = `.xlsx,${XLSX_MIME}`;
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
export async function uploadImport(picked: PickedFile, dryRun: boolean): Promise<ImportReport> {
  const url = `${apiBase()}${FILE_PATHS.import}${buildQuery({ dryRun: dryRun ? 'true' : 'false' })}`;
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
    return JSON.parse(res.data) as ImportReport;
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
    return JSON.parse(res.data) as ImportReport;
  }
  throw new Error('unsupported platform');
}
