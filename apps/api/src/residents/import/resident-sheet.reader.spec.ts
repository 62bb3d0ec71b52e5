import ExcelJS from 'exceljs';
import { readResidentSheet } from './resident-sheet.reader';

const HEADERS = ['姓名', '身份证号', '手机号', '村居名称', '可接受的用工方式', '同意方式', '同意时间'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶';
const GIVEN = '秀英芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华建国玉梅红志伟春海德福金凤文斌立新成';

async function workbook(rows: unknown[][], build?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民信息');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  build?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const message = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { getResponse(): { message: string } }).getResponse().message;
  }
  return 'no error';
};

describe('readResidentSheet', () => {
  it('keeps every Chinese character of thousands of distinct names intact', async () => {
    // Enough distinct shared strings to cross the inflate chunks many times: exceljs's streaming reader
    // split characters at those boundaries (U+FFFD); this reader must not.
    // (With these 3,000 rows the streaming reader garbled 10 names.)
    const names = Array.from({ length: 3000 }, (_, i) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[Math.floor(i / 7) % GIVEN.length]}`);
    const { rows } = await readResidentSheet(await workbook(names.map((n, i) => [n, `37040619850315${String(i).padStart(4, '0')}`, '13900000000', '户口村委会', '全职'])));
    expect(rows.map((r) => r.cells.name)).toEqual(names);
    expect(rows[0].row).toBe(2);
  });

  it('opens a sheet with dropdowns on whole columns without expanding them', async () => {
    const buf = await workbook([['张三', '1', '2', '3', '4', '5', '6']], (ws) => {
      const dv = (ws as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations;
      for (const c of ['C', 'D', 'E', 'F', 'G']) dv.add(`${c}2:${c}1048576`, { type: 'list', allowBlank: true, formulae: ['"a,b"'] });
    });
    const started = process.hrtime.bigint();
    expect((await readResidentSheet(buf)).rows).toHaveLength(1);
    // Expanded, these ranges took ≈6 s and ≈0.5 GB; skipped, a few milliseconds.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(3000);
  });

  it('finds the header below a title row, and skips empty and example rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['桑村镇户口村 2025年登记']);
    ws.addRow(['序号', ...HEADERS]);
    ws.addRow([1, '示例：王秀英', '370406198503150028']);
    ws.addRow([]);
    ws.addRow([2, '李四', '370406198503150036']);
    const { rows } = await readResidentSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([{ row: 5, cells: expect.objectContaining({ name: '李四', idNumber: '370406198503150036' }) }]);
  });

  it('refuses what it cannot use, in plain Chinese', async () => {
    expect(await message(readResidentSheet(Buffer.alloc(0)))).toMatch(/空的/);
    expect(await message(readResidentSheet(Buffer.from('姓名,身份证号')))).toMatch(/不是 Excel 表格/);
    expect(await message(readResidentSheet(await workbook([], (ws) => ws.getRow(1).getCell(3).value = '电话')))).toMatch(/没有要导入的人/);
    expect(await message(readResidentSheet(await workbook(Array.from({ length: 50_001 }, () => ['张三']))))).toMatch(/行数太多/);
  });
});
