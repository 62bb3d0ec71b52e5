import type ExcelJS from 'exceljs';
import { textFromCell, type CellInput } from '../../residents/import/resident-sheet.columns';
import { MAX_SHEET_ROWS, badFile, cellInput, openUploadedWorkbook, workbookFormat } from '../../residents/import/resident-sheet.reader';
import { CENTRE_COLUMNS, centreFieldForHeader, isUnfilledRow, type CentreCells, type CentreField } from './region-centres.policy';

/** The template's sheet; an upload may also name it otherwise (its first visible sheet is read). */
export const CENTRE_SHEET_NAME = '中心点';
/** Filled rows one upload may carry: the district has 291 镇街 and 村居, so anything far above is not this file. */
export const MAX_CENTRE_ROWS = 1000;
const HEADER_SEARCH_ROWS = 10;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface CentreSheetRow {
  /** The row number Excel shows (for a CSV: its record number, the header being row 1). */
  row: number;
  cells: CentreCells;
}

export interface CentreSheet {
  format: 'xlsx' | 'csv';
  rows: CentreSheetRow[];
}

/** The message for a CSV saved in another encoding than UTF-8 (the brief's words, for the admin). */
export const NOT_UTF8 = '请把CSV另存为UTF-8编码，或直接上传xlsx';

/**
 * Reads an uploaded centre-point file: an .xlsx (by its first bytes, whatever its name) or a CSV in
 * UTF-8 (with or without a BOM). Only rows with something in 纬度, 经度 or 来源 come back. File-level
 * problems (empty, not a spreadsheet, GBK, no header, too many rows) are a 400 in plain Chinese.
 */
export async function readCentreSheet(buffer: Buffer): Promise<CentreSheet> {
  if (buffer.length === 0) throw badFile('上传的文件是空的：请选择填好的 Excel 表格（.xlsx）或 CSV 文件');
  if (workbookFormat(buffer)) {
    const workbook = await openUploadedWorkbook(buffer, `表格的行数太多（连空行超过${MAX_SHEET_ROWS}行）：山亭区只有291个镇街和村居，请用下载的模板填写`);
    return { format: 'xlsx', rows: fromWorkbook(workbook) };
  }
  return { format: 'csv', rows: fromRecords(parseCsv(decodeCsv(buffer))) };
}

function fromWorkbook(workbook: ExcelJS.Workbook): CentreSheetRow[] {
  const sheet = workbook.getWorksheet(CENTRE_SHEET_NAME) ?? workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw badFile('这个 Excel 文件打不开（里面没有工作表）：请用下载的模板重新填写后上传');
  const records: CellInput[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellInput[] = [];
    if (row.hasValues) {
      row.eachCell((cell, col) => {
        cells[col - 1] = cellInput(cell.value);
      });
    }
    records.push(Array.from(cells, (c) => c ?? null));
  }
  return fromRecords(records);
}

/** Rows of cells (row 1 first) → the header's columns and every filled row below it. */
function fromRecords(records: CellInput[][]): CentreSheetRow[] {
  let headerRow = -1;
  let columns = new Map<CentreField, number>();
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, records.length) && headerRow < 0; r++) {
    const found = new Map<CentreField, number>();
    records[r].forEach((v, col) => {
      const key = centreFieldForHeader(textFromCell(v));
      if (key && !found.has(key)) found.set(key, col);
    });
    if (found.has('code') && (found.has('lat') || found.has('lng'))) {
      headerRow = r;
      columns = found;
    }
  }
  if (headerRow < 0) throw badFile('没找到表头：第一行应是“代码、纬度、经度、来源”这几列，请用下载的模板填写');
  const missing = CENTRE_COLUMNS.filter((c) => !columns.has(c.key)).map((c) => c.header);
  if (missing.length) throw badFile(`表格缺少这些列：${missing.join('、')}。请用下载的模板填写`);

  const rows: CentreSheetRow[] = [];
  for (let r = headerRow + 1; r < records.length; r++) {
    const cells: CentreCells = {};
    for (const [key, col] of columns) cells[key] = records[r][col] ?? null;
    if (isUnfilledRow(cells)) continue;
    rows.push({ row: r + 1, cells });
    if (rows.length > MAX_CENTRE_ROWS) throw badFile(`表格里填了太多行（超过${MAX_CENTRE_ROWS}行）：山亭区只有291个镇街和村居，请用下载的模板填写`);
  }
  if (!rows.length) throw badFile('表格里没有填中心点：请在“纬度、经度、来源”三列里填好要导入的镇街或村居，没填的行会跳过');
  return rows;
}

// Characters a text file never holds (C0 controls but tab and line breaks, and DEL).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The text of an uploaded CSV. UTF-8, with or without a BOM, is read; a file in GBK (what Excel on a
 * Chinese PC saves as "CSV (逗号分隔)") or UTF-16 (Excel's "Unicode 文本") is refused with how to save it
 * instead of being read as garbage; bytes that are no text at all are "not a spreadsheet".
 */
export function decodeCsv(buffer: Buffer): string {
  const notSpreadsheet = () => badFile('上传的不是表格文件：请上传 Excel 表格（.xlsx）或 UTF-8 编码的 CSV 文件，最好用下载的模板填写');
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    throw badFile(`这个文件是 UTF-16（Excel 的“Unicode 文本”）编码的：${NOT_UTF8}`);
  }
  const body = buffer.subarray(0, 3).equals(UTF8_BOM) ? buffer.subarray(3) : buffer;
  if (body.includes(0)) throw notSpreadsheet();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    let gbk: string | null = null;
    try {
      gbk = new TextDecoder('gb18030', { fatal: true }).decode(body);
    } catch {
      gbk = null;
    }
    if (gbk !== null && !CONTROL.test(gbk) && /[\u4e00-\u9fff]/.test(gbk)) {
      throw badFile(`这个 CSV 文件是 GBK 编码的（中文电脑上的 Excel 默认这样保存），直接读会变成乱码：${NOT_UTF8}（Excel 里选“另存为”→“CSV UTF-8（逗号分隔）”）`);
    }
    throw notSpreadsheet();
  }
  if (CONTROL.test(text)) throw notSpreadsheet();
  return text;
}

/**
 * RFC 4180 CSV: fields split by commas (or by tabs when the first line has tabs and no commas), "…"
 * quotes with "" inside, records ended by CRLF, LF or CR. Empty fields are null. Stops with a 400
 * past as many records as an uploaded .xlsx may have rows.
 */
export function parseCsv(text: string): CellInput[][] {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records: CellInput[][] = [];
  let record: CellInput[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    const v = field.trim();
    record.push(v === '' ? null : v);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    if (records.length > MAX_SHEET_ROWS) throw badFile(`CSV 文件的行数太多（连空行超过${MAX_SHEET_ROWS}行）：山亭区只有291个镇街和村居，请用下载的模板填写`);
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (c === delimiter) endField();
    else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || record.length) endRecord();
  return records;
}
