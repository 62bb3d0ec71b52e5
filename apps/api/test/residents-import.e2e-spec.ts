import request from 'supertest';
import { maskIdNumber, maskPhone, type ImportReport } from '@zaogong/shared';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';
import { HEADERS, allText, binary, goodRow, readWorkbook, sheetBuffer, testIdNumber, testPhone, type SheetRowValues } from './support/resident-sheets';

const API = '/api/v1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HUKOU = '370406103201'; // 户口村委会, 桑村镇
const SUZHUANG = '370406103202'; // 苏庄村委会, 桑村镇
const HULUTAO = '370406106201'; // 葫芦套村委会, 徐庄镇

/** 批量导入 and 台账导出 of the real-name ledger, on each database. */
describe.each(DATABASE_KINDS)('residents import and export on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    const logins: Record<string, object> = {
      admin: { role: 'admin', name: '区人社局' },
      hukou: { role: 'liaison', name: '户口村联络员', regionCode: HUKOU },
      suzhuang: { role: 'liaison', name: '苏庄村联络员', regionCode: SUZHUANG },
      sangcun: { role: 'liaison', name: '桑村镇联络员', regionCode: '370406103' },
      seeker: { role: 'seeker', name: '求职者' },
    };
    Object.assign(tokens, await devLogins(t.server, logins));
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const upload = (who: string, file: Buffer, dryRun?: boolean, name = 'residents.xlsx') =>
    request(t.server)
      .post(`${API}/residents/import${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`)
      .set(auth(who))
      .attach('file', file, { filename: name, contentType: XLSX });
  const importRows = async (who: string, rows: SheetRowValues[], dryRun?: boolean): Promise<ImportReport> => (await upload(who, await sheetBuffer(rows), dryRun).expect(200)).body;
  const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM residents'))[0].n);
  const audits = async (action: string) => (await request(t.server).get(`${API}/audit?action=${action}`).set(auth('admin')).expect(200)).body.items;
  const download = (who: string, path: string) => request(t.server).get(`${API}${path}`).set(auth(who)).buffer(true).parse(binary);

  describe('template', () => {
    it('downloads as .xlsx with the headers, an example row, dropdowns, a 说明 sheet and the caller’s 村居', async () => {
      if (!db) return;
      const res = await download('sangcun', '/residents/import/template.xlsx').expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('居民信息导入模板.xlsx')}`);
      const wb = await readWorkbook(res.body);
      const ws = wb.getWorksheet('居民信息');
      expect(ws).toBeDefined();
      const headers = (ws?.getRow(1).values as unknown[]).slice(1);
      expect(headers).toEqual([...HEADERS]);
      expect(String(ws?.getCell('A2').value)).toMatch(/^示例/);
      expect(ws?.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['"小学,初中,高中,中专/技校,大专,本科,硕士及以上"'] });
      expect(ws?.getCell('M3').dataValidation).toMatchObject({ type: 'list', formulae: ['"本人签字,口头同意"'] });
      expect(ws?.getCell('D3').dataValidation?.type).toBe('list');
      const help = wb.getWorksheet('说明');
      expect(allText(help as never)).toContain('身份证号');
      const villages = wb.getWorksheet('村居列表');
      expect(villages?.state).toBe('hidden');
      expect(villages?.rowCount).toBe(21); // header + the 20 村居 of 桑村镇
    });

    it('filled in and uploaded, imports the filled rows and skips the example', async () => {
      if (!db) return;
      const res = await download('hukou', '/residents/import/template.xlsx').expect(200);
      const wb = await readWorkbook(res.body);
      const ws = wb.getWorksheet('居民信息');
      if (!ws) throw new Error('no sheet');
      // The untouched template has nobody to import.
      const empty = await upload('hukou', Buffer.from(await wb.xlsx.writeBuffer())).expect(400);
      expect(empty.body.message).toMatch(/没有要导入的人/);
      const row = goodRow(900, '户口村委会');
      ws.getRow(3).values = HEADERS.map((h) => row[h] ?? null);
      const report = (await upload('hukou', Buffer.from(await wb.xlsx.writeBuffer())).expect(200)).body;
      expect(report).toEqual({ dryRun: false, total: 1, created: 1, updated: 0, failed: 0, errors: [] });
    });

    it('is for liaisons and admins only', async () => {
      if (!db) return;
      await request(t.server).get(`${API}/residents/import/template.xlsx`).set(auth('seeker')).expect(403);
      await request(t.server).get(`${API}/residents/import/template.xlsx`).expect(401);
    });
  });

  describe('a sheet with good and bad rows', () => {
    let report: ImportReport;
    const before: { residents: number; audits: number } = { residents: 0, audits: 0 };

    beforeAll(async () => {
      if (!db) return;
      before.residents = await count();
      before.audits = (await audits('residents.import')).length;
      const badCheck = testIdNumber(2).slice(0, 17) + (testIdNumber(2).endsWith('0') ? '1' : '0');
      report = await importRows('hukou', [
        goodRow(1, '户口村委会'), // row 2
        goodRow(2, HUKOU, { 身份证号: badCheck }), // row 3: bad check digit
        goodRow(3, '户口村', { 手机号: '1234' }), // row 4: bad phone
        goodRow(4, '不存在村'), // row 5: unknown 村居
        goodRow(5, HUKOU, { 想干的活: '造火箭' }), // row 6: unknown occupation
        goodRow(6, HUKOU, { 身份证号: testIdNumber(1) }), // row 7: same person as row 2
        goodRow(7, SUZHUANG), // row 8: another 村居 of the same 镇街
        goodRow(8, HUKOU, { 手机号: Number(testPhone(8)), 同意时间: new Date(Date.UTC(2025, 2, 1, 9, 30)), 想干的活: '焊工、6-10-02', 文化程度: '中专', 重点群体: '退役军人、脱贫人口' }), // row 9
        goodRow(9, HUKOU, { 同意方式: '', 可接受的用工方式: '上班', 期望工资: '三千' }), // row 10: several problems
      ]);
    });

    it('imports the good rows and reports each bad row by its row number', async () => {
      if (!db) return;
      expect(report).toMatchObject({ dryRun: false, total: 9, created: 2, updated: 0, failed: 7 });
      const byRow = (row: number) => report.errors.filter((e) => e.row === row).map((e) => e.field);
      expect(byRow(2)).toEqual([]);
      expect(byRow(3)).toEqual(['idNumber']);
      expect(byRow(4)).toEqual(['phone']);
      expect(byRow(5)).toEqual(['villageCode']);
      expect(byRow(6)).toEqual(['desiredOccupations']);
      expect(byRow(7)).toEqual(['idNumber']);
      expect(byRow(8)).toEqual(['villageCode']);
      expect(byRow(9)).toEqual([]);
      expect(byRow(10).sort()).toEqual(['availability', 'consent.method', 'expectedWageMin']);
      const message = (row: number) => report.errors.find((e) => e.row === row)?.message;
      expect(message(3)).toBe('身份证号最后一位不对，请再核对一遍');
      expect(message(4)).toMatch(/^手机号/);
      expect(message(5)).toMatch(/^村居名称：山亭区没有“不存在村”这个村居/);
      expect(message(6)).toMatch(/^想干的活：没有找到“造火箭”/);
      expect(message(7)).toBe('身份证号：和第2行是同一个人，同一个人只填一行');
      expect(message(8)).toMatch(/不在您的管辖范围内/);
      for (const e of report.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await count()).toBe(before.residents + 2);
    });

    it('stores what the sheet said, read from labels and names', async () => {
      if (!db) return;
      const list = (await request(t.server).get(`${API}/residents?q=${encodeURIComponent(testIdNumber(8))}`).set(auth('hukou')).expect(200)).body.items;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        villageCode: HUKOU,
        phone: maskPhone(testPhone(8)),
        education: 'vocational',
        desiredOccupations: expect.arrayContaining(['6-05-01', '6-05-02', '6-05-03', '6-10-02']),
        keyGroups: ['veteran', 'low_income'],
        availability: ['full_time', 'gig'],
        expectedWageMin: 3000,
        wageUnit: 'month',
        maxCommuteKm: 15,
        status: 'seeking',
        consent: { method: 'signature', at: '2025-03-01T01:30:00.000Z' },
      });
    });

    it('writes one audit entry for the import, with counts and no personal data', async () => {
      if (!db) return;
      const entries = await audits('residents.import');
      expect(entries).toHaveLength(before.audits + 1);
      expect(entries[0].detail).toEqual({ total: 9, created: 2, updated: 0, failed: 7 });
      expect(entries[0].actor.name).toBe('户口村联络员');
    });
  });

  it('dryRun=true reports what would happen and writes nothing', async () => {
    if (!db) return;
    const residents = await count();
    const auditCount = (await audits('residents.import')).length;
    const report = await importRows('hukou', [goodRow(20, HUKOU), goodRow(21, HUKOU), goodRow(1, HUKOU), goodRow(22, '不存在村')], true);
    expect(report).toMatchObject({ dryRun: true, total: 4, created: 2, updated: 1, failed: 1 });
    expect(await count()).toBe(residents);
    expect(await audits('residents.import')).toHaveLength(auditCount);
  });

  it('re-importing the same sheet updates the records instead of duplicating them', async () => {
    if (!db) return;
    const rows = [goodRow(30, HUKOU), goodRow(31, '户口村委会'), goodRow(32, HUKOU)];
    expect(await importRows('hukou', rows)).toMatchObject({ created: 3, updated: 0, failed: 0 });
    const residents = await count();
    rows[1] = { ...rows[1], 手机号: testPhone(3100), 文化程度: '高中' };
    expect(await importRows('hukou', rows)).toEqual({ dryRun: false, total: 3, created: 0, updated: 3, failed: 0, errors: [] });
    expect(await count()).toBe(residents);
    const item = (await request(t.server).get(`${API}/residents?q=${testIdNumber(31)}`).set(auth('hukou')).expect(200)).body.items[0];
    expect(item).toMatchObject({ phone: maskPhone(testPhone(3100)), education: 'senior_high', status: 'seeking' });
  });

  it('a row for a person registered outside the caller’s scope is a row error, not a 403', async () => {
    if (!db) return;
    // testIdNumber(30) lives in 户口村; the 苏庄村 liaison may not touch that record.
    const report = await importRows('suzhuang', [goodRow(30, SUZHUANG), goodRow(40, SUZHUANG)]);
    expect(report).toMatchObject({ total: 2, created: 1, updated: 0, failed: 1 });
    expect(report.errors).toEqual([{ row: 2, field: 'idNumber', message: expect.stringMatching(/已在别的村居登记/) }]);
  });

  it('a 镇街 liaison imports into any 村居 of the 镇街 by name; a district admin anywhere', async () => {
    if (!db) return;
    expect(await importRows('sangcun', [goodRow(50, '苏庄村委会'), goodRow(51, '桑村镇-瓜园村委会'), goodRow(52, HULUTAO)])).toMatchObject({ created: 2, failed: 1 });
    expect(await importRows('admin', [goodRow(52, HULUTAO), goodRow(53, '西集镇刘庄村委会'), goodRow(55, '葫芦套村')])).toMatchObject({ created: 3, failed: 0 });
    // 刘庄村委会 exists in two 镇街: the bare name is ambiguous for a district admin.
    const ambiguous = await importRows('admin', [goodRow(54, '刘庄村委会')], true);
    expect(ambiguous.errors[0].message).toMatch(/有几个村居都叫“刘庄村委会”/);
  });

  it('a name search pages through the same records, in the same order, as the plain list', async () => {
    if (!db) return;
    // Every name in this database starts with 测试, so both walks must meet every record once.
    const walk = async (who: string, query: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await request(t.server)
          .get(`${API}/residents?limit=3${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
          .set(auth(who))
          .expect(200);
        seen.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    for (const who of ['admin', 'sangcun', 'hukou']) {
      const plain = await walk(who, '');
      expect(plain.length).toBeGreaterThan(3);
      expect(await walk(who, `&q=${encodeURIComponent('测试')}`)).toEqual(plain);
    }
    const one = (await request(t.server).get(`${API}/residents?q=${encodeURIComponent('测试乙子')}`).set(auth('admin')).expect(200)).body.items;
    expect(one.map((i: { name: string }) => i.name)).toEqual(['测试乙子']);
  });

  describe('refused files', () => {
    it('a file over 10 MB is a 413 in Chinese', async () => {
      if (!db) return;
      const big = Buffer.alloc(11 * 1024 * 1024, 1);
      big.write('PK\u0003\u0004', 0, 'latin1');
      const res = await upload('hukou', big).expect(413);
      expect(res.body.message).toMatch(/文件太大了：最大10MB/);
    });

    it('a text file renamed .xlsx, a zip that is not a workbook, and an old .xls are 400s in Chinese', async () => {
      if (!db) return;
      const text = await upload('hukou', Buffer.from('姓名,身份证号\n张三,370406198001010011\n', 'utf8')).expect(400);
      expect(text.body.message).toMatch(/不是 Excel 表格/);
      const zip = await upload('hukou', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(200, 7)])).expect(400);
      expect(zip.body.message).toMatch(/打不开/);
      const xls = await upload('hukou', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(200)]), undefined, 'old.xls').expect(400);
      expect(xls.body.message).toMatch(/旧版 Excel/);
    });

    it('no file, a sheet without the headers, and a bad dryRun value are 400s', async () => {
      if (!db) return;
      expect((await request(t.server).post(`${API}/residents/import`).set(auth('hukou')).send({}).expect(400)).body.message).toMatch(/上传 Excel/);
      const other = await request(t.server).post(`${API}/residents/import`).set(auth('hukou')).field('note', 'x').expect(400);
      expect(other.body.message).toMatch(/没有收到文件/);
      const headerless = await upload('hukou', await sheetBuffer([{ 姓名: '张三' }], ['姓名', '电话'])).expect(400);
      expect(headerless.body.message).toMatch(/没找到表头/);
      const missing = await upload('hukou', await sheetBuffer([goodRow(60, HUKOU)], HEADERS.filter((h) => h !== '同意时间'))).expect(400);
      expect(missing.body.message).toBe('表格缺少这些列：同意时间。请用下载的模板填写');
      await upload('hukou', await sheetBuffer([goodRow(61, HUKOU)]), 'yes' as never).expect(400);
    });

    it('a sheet with dropdowns on whole columns (as Excel sets them) still reads quickly', async () => {
      if (!db) return;
      const wb = await readWorkbook(await sheetBuffer([goodRow(80, HUKOU)]));
      const ws = wb.getWorksheet('居民信息') as unknown as { dataValidations: { add(a: string, v: object): void } };
      for (const col of ['E', 'H', 'J', 'L', 'M']) ws.dataValidations.add(`${col}2:${col}1048576`, { type: 'list', allowBlank: true, formulae: ['"甲,乙"'] });
      // exceljs expands such ranges cell by cell (≈6 s and ≈0.5 GB for this 7 KB file) unless told to
      // skip them, as the importer does: this takes milliseconds.
      const report = (await upload('hukou', Buffer.from(await wb.xlsx.writeBuffer()), true).expect(200)).body;
      expect(report).toMatchObject({ total: 1, failed: 0 });
    });

    it('is refused to a seeker', async () => {
      if (!db) return;
      await upload('seeker', await sheetBuffer([goodRow(70, HUKOU)])).expect(403);
    });
  });

  describe('export', () => {
    it('a liaison’s ledger holds only their 村居, masked, with a title row and Chinese labels', async () => {
      if (!db) return;
      const res = await download('hukou', '/residents/export.xlsx').expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      const ws = (await readWorkbook(res.body)).getWorksheet('台账');
      if (!ws) throw new Error('no sheet');
      expect(String(ws.getCell('A1').value)).toMatch(/^山亭区劳动力实名制台账（桑村镇户口村委会）.*导出日期：\d{4}-\d{2}-\d{2}/);
      expect((ws.getRow(2).values as unknown[]).slice(1, 10)).toEqual(['序号', '姓名', '性别', '出生日期', '年龄', '身份证号', '手机号', '镇街', '村居']);
      const mine = (await request(t.server).get(`${API}/residents?limit=100`).set(auth('hukou')).expect(200)).body.items as Array<{ name: string }>;
      expect(ws.rowCount - 2).toBe(mine.length);
      const villages = new Set<string>();
      for (let r = 3; r <= ws.rowCount; r++) villages.add(String(ws.getRow(r).getCell(9).value));
      expect([...villages]).toEqual(['户口村委会']);

      const text = allText(ws);
      for (const n of [1, 8, 30, 31, 32]) {
        expect(text).not.toContain(testIdNumber(n));
        expect(text).toContain(maskIdNumber(testIdNumber(n)));
      }
      expect(text).not.toContain(testPhone(3100));
      expect(text).toContain(maskPhone(testPhone(3100)));
      expect(text).not.toContain(testIdNumber(40)); // 苏庄村
      expect(text).toContain('返乡农民工');
      expect(text).toContain('求职中');
      expect(text).toContain('包装工、保洁员');
    });

    it('an admin’s ledger holds every 村居; filters narrow it; the export is audit-logged', async () => {
      if (!db) return;
      const all = (await readWorkbook((await download('admin', '/residents/export.xlsx').expect(200)).body)).getWorksheet('台账');
      expect((all?.rowCount ?? 0) - 2).toBe(await count());
      expect(allText(all as never)).toContain(maskIdNumber(testIdNumber(52)));
      const xuzhuang = (await readWorkbook((await download('admin', '/residents/export.xlsx?townCode=370406106&status=seeking&keyGroup=returning_migrant').expect(200)).body)).getWorksheet('台账');
      expect((xuzhuang?.rowCount ?? 0) - 2).toBe(2);
      expect(String(xuzhuang?.getCell('A1').value)).toMatch(/徐庄镇.*状态：求职中.*重点群体：返乡农民工/);
      const entries = await audits('residents.export');
      expect(entries[0].detail).toEqual({ filters: { townCode: '370406106', status: 'seeking', keyGroup: 'returning_migrant' }, rows: 2 });
      expect(JSON.stringify(entries)).not.toContain(testIdNumber(52));
    });

    it('a region outside the caller’s scope is a 403; a seeker gets 403', async () => {
      if (!db) return;
      await request(t.server).get(`${API}/residents/export.xlsx?villageCode=${SUZHUANG}`).set(auth('hukou')).expect(403);
      await request(t.server).get(`${API}/residents/export.xlsx?townCode=370406106`).set(auth('sangcun')).expect(403);
      await request(t.server).get(`${API}/residents/export.xlsx`).set(auth('seeker')).expect(403);
    });
  });
});
