import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { idNumberCheckChar } from '@zaogong/shared';

/** The import template's headers, in its order. */
export const HEADERS = ['姓名', '身份证号', '手机号', '村居名称', '文化程度', '技能', '想干的活', '可接受的用工方式', '期望工资', '工资单位', '最远通勤公里', '重点群体', '同意方式', '同意时间', '毕业时间'] as const;
export type Header = (typeof HEADERS)[number];
export type SheetRowValues = Partial<Record<Header, ExcelJS.CellValue>>;

/** A 身份证号 that passes GB 11643 (a 山亭区 area code, the given birth date, sequence n). */
export function testIdNumber(n: number, birth = '19800101'): string {
  const body = `370406${birth}${String(n % 1000).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

export function testPhone(n: number): string {
  return `139${String(n).padStart(8, '0')}`;
}

/** A row that imports cleanly into `village` (a name or code). */
export function goodRow(n: number, village: string, extra: SheetRowValues = {}): SheetRowValues {
  return {
    姓名: `测试${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(n / 10) % 12]}`,
    身份证号: testIdNumber(n),
    手机号: testPhone(n),
    村居名称: village,
    文化程度: '初中',
    技能: '缝纫、包装',
    想干的活: '包装工、保洁员',
    可接受的用工方式: '全职、零工',
    期望工资: 3000,
    工资单位: '元/月',
    最远通勤公里: 15,
    重点群体: '返乡农民工',
    同意方式: '本人签字',
    同意时间: '2025-03-01',
    ...extra,
  };
}

/** An .xlsx with a 居民信息 sheet: the headers in row 1, then one row per entry. */
export async function sheetBuffer(rows: SheetRowValues[], headers: readonly string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民信息');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(headers.map((h) => (r as Record<string, ExcelJS.CellValue>)[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell's text in a sheet, for "does this value appear anywhere" checks. */
export function allText(ws: ExcelJS.Worksheet): string {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => out.push(String(cell.text ?? ''))));
  return out.join('\n');
}

/** supertest parser that keeps a binary body as a Buffer. */
export function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  // In Node the response handed to a parser is the incoming message stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
