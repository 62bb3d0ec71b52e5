import { BadRequestException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { decodeCsv, parseCsv, readCentreSheet } from './centre-sheet.reader';

const GBK_HEADER = Buffer.from([0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x2c, 0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xc0, 0xb4, 0xd4, 0xb4, 0x0d, 0x0a]); // 代码,纬度,经度,来源 in GBK

async function messageOf(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof BadRequestException) return (e.getResponse() as { message: string }).message;
    throw e;
  }
  throw new Error('no 400');
}

describe('centre CSV: encodings', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const text = '代码,纬度\n370406103,35.05\n';
    expect(decodeCsv(Buffer.from(text))).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
  });

  it('refuses GBK and UTF-16 with how to save it, and binary as not a spreadsheet', async () => {
    expect(await messageOf(() => decodeCsv(Buffer.concat([GBK_HEADER, Buffer.from('370406103,35.05,117.38,x\r\n')])))).toMatch(/GBK.*请把CSV另存为UTF-8编码，或直接上传xlsx/);
    expect(await messageOf(() => decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('代码', 'utf16le')])))).toMatch(/UTF-16.*请把CSV另存为UTF-8编码，或直接上传xlsx/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(await messageOf(() => decodeCsv(png))).toMatch(/不是表格文件/);
    expect(await messageOf(() => decodeCsv(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))).toMatch(/不是表格文件/);
    expect(await messageOf(() => decodeCsv(Buffer.from('abc\u0001def')))).toMatch(/不是表格文件/);
  });
});

describe('centre CSV: parsing', () => {
  it.each([
    ['plain, LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['CRLF, no newline at the end', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['old Mac CR', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['empty fields are null', 'a,,c\n,,\n', [['a', null, 'c'], [null, null, null]]],
    ['quotes with commas, quotes and line breaks inside', 'a,"天地图, ""村委会""\n驻地",c\n', [['a', '天地图, "村委会"\n驻地', 'c']]],
    ['tab-separated when the header has tabs and no commas', '代码\t纬度\n370406103\t35.05\n', [['代码', '纬度'], ['370406103', '35.05']]],
    ['spaces around fields are trimmed', ' a , b \n', [['a', 'b']]],
  ])('%s', (_what, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });
});

describe('centre sheets: reading a file', () => {
  it('reads a CSV: the header’s columns in any order, filled rows only, numbered as Excel shows them', async () => {
    const csv = '来源,经度,纬度,代码,名称\n天地图,117.38,35.05,370406103,桑村镇\n,,,370406103201,户口村\n腾讯地图,117.40,35.03,370406103201,户口村\n';
    const sheet = await readCentreSheet(Buffer.from(csv));
    expect(sheet).toEqual({
      format: 'csv',
      rows: [
        { row: 2, cells: { source: '天地图', lng: '117.38', lat: '35.05', code: '370406103' } },
        { row: 4, cells: { source: '腾讯地图', lng: '117.40', lat: '35.03', code: '370406103201' } },
      ],
    });
  });

  it('reads an .xlsx by its bytes, whatever its name; numbers stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('中心点');
    ws.addRow(['代码', '村居', '纬度', '经度', '来源']);
    ws.addRow(['370406103201', '户口村', 35.0321, 117.4012, '天地图 2026-11']);
    ws.addRow(['370406103202', '苏庄村', null, null, null]);
    const sheet = await readCentreSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheet).toEqual({ format: 'xlsx', rows: [{ row: 2, cells: { code: '370406103201', lat: 35.0321, lng: 117.4012, source: '天地图 2026-11' } }] });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /文件是空的/],
    ['no header', Buffer.from('甲,乙\n1,2\n'), /没找到表头/],
    ['a missing column', Buffer.from('代码,纬度,经度\n370406103,35.05,117.38\n'), /缺少这些列：来源/],
    ['nothing filled in', Buffer.from('代码,纬度,经度,来源\n370406103,,,\n'), /没有填中心点/],
    ['an old .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]), /旧版 Excel/],
    ['a broken .xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(100, 7)]), /打不开/],
    ['too many filled rows', Buffer.from(`代码,纬度,经度,来源\n${'370406103,35.05,117.38,天地图\n'.repeat(1001)}`), /超过1000行/],
    ['too many rows, blank ones included', Buffer.from(`代码,纬度,经度,来源\n${'\n'.repeat(50_001)}`), /行数太多/],
  ])('%s is a 400', async (_what, buffer, message) => {
    expect(await messageOf(() => readCentreSheet(buffer))).toMatch(message);
  });
});
