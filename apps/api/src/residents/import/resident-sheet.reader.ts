import { BadRequestException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { COLUMN_BY_KEY, EXAMPLE_MARK, MAX_IMPORT_ROWS, SHEET_COLUMNS, SHEET_NAME, columnForHeader, textFromCell, type CellInput, type ColumnKey } from './resident-sheet.columns';

/** One data row of an uploaded sheet. */
export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  cells: Partial<Record<ColumnKey, CellInput>>;
}

export interface ParsedSheet {
  rows: SheetRow[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const HEADER_SEARCH_ROWS = 10;
/** Rows (empty formatted ones included) a worksheet may have before the file is refused unread. */
export const MAX_SHEET_ROWS = 50_000;

/**
 * What exceljs skips while opening an upload. Above all dataValidations: it expands every validation
 * range cell by cell, so a dropdown set on whole columns in Excel (E2:E1048576) makes a 7 KB file take
 * seconds and half a gigabyte to open. The rest is formatting an import never reads.
 * (exceljs's streaming reader would skip them too, but it splits multi-byte characters that straddle
 * its chunks: some Chinese names came out as U+FFFD. The whole-file reader decodes each part at once.)
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'hyperlinks', 'picture', 'drawing', 'autoFilter', 'mergeCells', 'rowBreaks', 'tableParts'];

/** A 400 about the uploaded file as a whole. */
export function badFile(message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, message, errors: [{ field: 'file', message }] });
}

/** What the first bytes say an upload is: an .xlsx (a zip), an old .xls (OLE), or neither. */
export function workbookFormat(buffer: Buffer): 'xlsx' | 'xls' | null {
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) return 'xls';
  return null;
}

/**
 * Opens an uploaded .xlsx the way every import does (skipping what exceljs expands slowly, refusing a
 * sheet of more than MAX_SHEET_ROWS rows with `tooManyRows`). File-level problems are a 400 in plain Chinese.
 */
export async function openUploadedWorkbook(buffer: Buffer, tooManyRows: string): Promise<ExcelJS.Workbook> {
  if (buffer.length === 0) throw badFile('上传的文件是空的，请选择填好的 Excel 表格');
  const format = workbookFormat(buffer);
  if (format === 'xls') throw badFile('这是旧版 Excel（.xls）文件：请在 Excel 里“另存为”“Excel 工作簿（.xlsx）”后再上传');
  if (format !== 'xlsx') throw badFile('上传的不是 Excel 表格（.xlsx）：请用下载的模板填写后上传');
  const workbook = new ExcelJS.Workbook();
  try {
    const options = { ignoreNodes: IGNORED_NODES, maxRows: MAX_SHEET_ROWS } as unknown as Parameters<ExcelJS.Xlsx['load']>[1];
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, options);
  } catch (e) {
    if (e instanceof Error && /^Max row count/.test(e.message)) throw badFile(tooManyRows);
    throw badFile('这个 Excel 文件打不开（可能已损坏）：请用下载的模板重新填写后上传');
  }
  return workbook;
}

/** What a cell holds, reduced to text, a number or a date (formulas give their result). */
export function cellInput(value: ExcelJS.CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return cellInput(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return cellInput((value.result ?? null) as ExcelJS.CellValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value && typeof value.text === 'string') return cellInput(value.text);
    if ('error' in value) return null;
  }
  return null;
}

/**
 * Reads an uploaded .xlsx: the sheet named 居民信息 (or the first visible one), its header row (found
 * among the first rows by the 姓名 and 身份证号 headers), and every non-empty row below it except the
 * template's example. File-level problems are a 400 in plain Chinese.
 */
export async function readResidentSheet(buffer: Buffer): Promise<ParsedSheet> {
  const workbook = await openUploadedWorkbook(buffer, `表格的行数太多（连空行超过${MAX_SHEET_ROWS}行）：一次最多导入${MAX_IMPORT_ROWS}人，请把要导入的行复制到新下载的模板里再上传`);
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets.find((ws) => ws.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw badFile('这个 Excel 文件打不开（里面没有工作表）：请用下载的模板重新填写后上传');

  let headerRow = 0;
  const columns = new Map<ColumnKey, number>();
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount) && !headerRow; r++) {
    const found = new Map<ColumnKey, number>();
    sheet.getRow(r).eachCell((cell, col) => {
      const key = columnForHeader(textFromCell(cellInput(cell.value)));
      if (key && !found.has(key)) found.set(key, col);
    });
    if (found.has('name') && found.has('idNumber')) {
      headerRow = r;
      for (const [k, v] of found) columns.set(k, v);
    }
  }
  if (!headerRow) throw badFile('没找到表头：第一行应是“姓名、身份证号、手机号……”等列名，请用下载的模板填写');
  const missing = SHEET_COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c) => c.header);
  if (missing.length) throw badFile(`表格缺少这些列：${missing.join('、')}。请用下载的模板填写`);

  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const cells: Partial<Record<ColumnKey, CellInput>> = {};
    let any = false;
    for (const [key, col] of columns) {
      const v = cellInput(row.getCell(col).value);
      cells[key] = v;
      if (v !== null) any = true;
    }
    if (!any || textFromCell(cells.name ?? null).startsWith(EXAMPLE_MARK)) continue;
    rows.push({ row: r, cells });
    if (rows.length > MAX_IMPORT_ROWS) throw badFile(`一次最多导入${MAX_IMPORT_ROWS}人：请把表格分成几个文件分别上传`);
  }
  if (!rows.length) throw badFile(`表格里没有要导入的人：请从第${headerRow + 1}行起，每行填一个人（${COLUMN_BY_KEY.get('name')?.header}以“${EXAMPLE_MARK}”开头的行会被跳过）`);
  return { rows };
}
