import request from 'supertest';
import ExcelJS from 'exceljs';
import type { RegionCentreRowError, RegionCentresSummary, RegionItem } from '@zaogong/shared';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';
import { binary, readWorkbook } from './support/resident-sheets';

const API = '/api/v1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SANGCUN = '370406103'; // 桑村镇
const HUKOU = '370406103201'; // 户口村委会, 桑村镇
const SUZHUANG = '370406103202'; // 苏庄村委会, 桑村镇
const XUZHUANG = '370406106'; // 徐庄镇
const HULUTAO = '370406106201'; // 葫芦套村委会, 徐庄镇
const SOURCE = '天地图 2026-11 村委会驻地';
const HEADER = ['代码', '纬度', '经度', '来源'];
/** 代码,纬度,经度,来源 in GBK, as Excel on a Chinese PC saves "CSV (逗号分隔)". */
const GBK_HEADER = Buffer.from([0xb4, 0xfa, 0xc2, 0xeb, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x2c, 0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xc0, 0xb4, 0xd4, 0xb4, 0x0d, 0x0a]);

type Row = (string | number | null)[];

/** 镇街/村居 centre points: the district admin's import and template, on each database. */
describe.each(DATABASE_KINDS)('region centres on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    Object.assign(
      tokens,
      await devLogins(t.server, {
        admin: { role: 'admin', name: '区人社局' },
        officer: { role: 'admin', name: '桑村镇干部', regionCode: SANGCUN },
        liaison: { role: 'liaison', name: '户口村联络员', regionCode: HUKOU },
        employer: { role: 'employer', name: '老板' },
        seeker: { role: 'seeker', name: '求职者' },
      }),
    );
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const auth = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const upload = (who: string | null, file: Buffer, name = 'centres.xlsx', type = XLSX) => {
    const r = request(t.server).post(`${API}/regions/centres`);
    if (who) r.set(auth(who));
    return r.attach('file', file, { filename: name, contentType: type });
  };
  const xlsx = async (rows: Row[], header: string[] = HEADER): Promise<Buffer> => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('中心点');
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const csv = (rows: Row[], bom = true): Buffer => {
    const text = [HEADER, ...rows].map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\r\n') + '\r\n';
    return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  };
  const summary = async (): Promise<RegionCentresSummary> => (await request(t.server).get(`${API}/regions/centres`).set(auth('admin')).expect(200)).body;
  const centreOf = async (code: string) => {
    const rows = await t.dataSource.query('SELECT lat, lng, centre_source AS source, centre_updated_at AS at FROM regions WHERE code = ?', [code]);
    const r = rows[0];
    return { lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng), source: r.source as string | null, updated: r.at !== null };
  };
  const filledCount = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM regions WHERE lat IS NOT NULL'))[0].n);
  const audits = async () => (await request(t.server).get(`${API}/audit?action=regions.centres_import`).set(auth('admin')).expect(200)).body.items;
  const rowErrors = (body: { errors?: RegionCentreRowError[] }) => (body.errors ?? []).map((e) => [e.row, e.field]);

  it('starts with no centre anywhere: the counts and the template say so', async () => {
    if (!db) return;
    expect(await summary()).toEqual({ towns: { total: 11, withCentre: 0 }, villages: { total: 280, withCentre: 0 }, lastUpdatedAt: null });
    const res = await request(t.server).get(`${API}/regions/centres.xlsx`).set(auth('admin')).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('村居中心点.xlsx')}`);
    const ws = (await readWorkbook(res.body)).getWorksheet('中心点');
    if (!ws) throw new Error('no 中心点 sheet');
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['代码', '镇街', '村居', '纬度', '经度', '来源', '导入日期']);
    expect(ws.actualRowCount).toBe(1 + 11 + 280);
    // Each 镇街 comes just before its 村居; codes are text, and nothing is filled in.
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) codes.push(row.getCell(1).value as string);
    });
    const town = codes.indexOf(SANGCUN);
    const itsVillages = codes.filter((c) => c.length === 12 && c.startsWith(SANGCUN));
    expect(itsVillages).toHaveLength(20);
    expect(codes.slice(town + 1, town + 21)).toEqual(itsVillages);
    const hukou = ws.getRow(codes.indexOf(HUKOU) + 2);
    expect([hukou.getCell(2).value, hukou.getCell(3).value, hukou.getCell(4).value, hukou.getCell(5).value, hukou.getCell(6).text]).toEqual(['桑村镇', '户口村委会', null, null, '']);
  });

  it('a good .xlsx writes every row and answers how many 镇街 and 村居; GET /regions shows the points; audit-logged', async () => {
    if (!db) return;
    const res = await upload(
      'admin',
      await xlsx([
        [SANGCUN, 35.0583, 117.3812, '天地图 2026-11 镇政府驻地'],
        [Number(HUKOU), 35.0321, '117.4012', SOURCE],
        [SUZHUANG, '35.041', 117.395, SOURCE],
        [HULUTAO, 35.1702, 117.6301, SOURCE],
      ]),
    ).expect(200);
    expect(res.body).toEqual({ updated: 4, towns: 1, villages: 3 });
    expect(await centreOf(HUKOU)).toEqual({ lat: 35.0321, lng: 117.4012, source: SOURCE, updated: true });
    const villages: RegionItem[] = (await request(t.server).get(`${API}/regions?parent=${SANGCUN}`).expect(200)).body.items;
    expect(villages.find((v) => v.code === HUKOU)).toMatchObject({ lat: 35.0321, lng: 117.4012 });
    expect(villages.find((v) => v.code === '370406103203')).toMatchObject({ lat: null, lng: null });
    const s = await summary();
    expect(s).toMatchObject({ towns: { total: 11, withCentre: 1 }, villages: { total: 280, withCentre: 3 } });
    expect(s.lastUpdatedAt).not.toBeNull();
    const [entry] = await audits();
    expect(entry).toMatchObject({ action: 'regions.centres_import', actor: { role: 'admin' }, detail: { format: 'xlsx', rows: 4, towns: 1, villages: 3 } });
  });

  it('the template then carries the points and sources, and uploaded back unchanged it imports the filled rows only', async () => {
    if (!db) return;
    const res = await request(t.server).get(`${API}/regions/centres.xlsx`).set(auth('admin')).buffer(true).parse(binary).expect(200);
    const wb = await readWorkbook(res.body);
    const ws = wb.getWorksheet('中心点');
    if (!ws) throw new Error('no 中心点 sheet');
    let hukou: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === HUKOU) hukou = row;
    });
    expect([hukou?.getCell(4).value, hukou?.getCell(5).value, hukou?.getCell(6).value]).toEqual([35.0321, 117.4012, SOURCE]);
    expect(String(hukou?.getCell(7).value)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await upload('admin', Buffer.from(await wb.xlsx.writeBuffer())).expect(200);
    expect(again.body).toEqual({ updated: 4, towns: 1, villages: 3 });
  });

  it('a good CSV in UTF-8 with a BOM (Excel’s “CSV UTF-8”) imports, and re-uploading replaces a point', async () => {
    if (!db) return;
    const res = await upload('admin', csv([[HUKOU, 35.0333, 117.4022, '腾讯地图坐标拾取 2026-12'], [XUZHUANG, 35.1501, 117.6102, '天地图 镇政府']]), 'centres.csv', 'text/csv').expect(200);
    expect(res.body).toEqual({ updated: 2, towns: 1, villages: 1 });
    expect(await centreOf(HUKOU)).toEqual({ lat: 35.0333, lng: 117.4022, source: '腾讯地图坐标拾取 2026-12', updated: true });
    // Without a BOM as well.
    await upload('admin', csv([[XUZHUANG, 35.1502, 117.6103, '天地图 镇政府']], false), 'centres.csv', 'text/csv').expect(200);
    expect((await centreOf(XUZHUANG)).lat).toBe(35.1502);
  });

  it('a CSV saved in GBK is refused with how to save it, and writes nothing', async () => {
    if (!db) return;
    const before = await filledCount();
    const gbk = Buffer.concat([GBK_HEADER, Buffer.from(`${SUZHUANG},35.05,117.39,tianditu\r\n`, 'latin1')]);
    const res = await upload('admin', gbk, 'centres.csv', 'text/csv').expect(400);
    expect(res.body.message).toContain('请把CSV另存为UTF-8编码，或直接上传xlsx');
    expect(res.body.message).toMatch(/GBK/);
    expect(await filledCount()).toBe(before);
  });

  it('a bad code, a point outside the district and a missing source are each named by row and column', async () => {
    if (!db) return;
    const code = await upload('admin', await xlsx([[HUKOU, 35.03, 117.4, SOURCE], ['370406103999', 35.03, 117.4, SOURCE], ['370406', 35.1, 117.45, SOURCE], ['370405103201', 35.1, 117.45, SOURCE]])).expect(400);
    expect(rowErrors(code.body)).toEqual([
      [3, 'code'],
      [4, 'code'],
      [5, 'code'],
    ]);
    expect(code.body.errors[0].message).toMatch(/山亭区没有代码为 370406103999 的村居/);
    for (const e of code.body.errors) expect(e.message).toMatch(/^代码：/);

    const outside = await upload('admin', csv([[HUKOU, 35.03, 117.4, SOURCE], [SUZHUANG, 34.5, 117.4, SOURCE], [HULUTAO, 35.17, 118.6, SOURCE], [XUZHUANG, 117.61, 35.15, SOURCE]]), 'c.csv', 'text/csv').expect(400);
    expect(rowErrors(outside.body)).toEqual([
      [3, 'lat'],
      [4, 'lng'],
      [5, 'lat'],
    ]);
    expect(outside.body.errors[0].message).toMatch(/^纬度：34.5 不在山亭区范围内/);
    expect(outside.body.errors[2].message).toMatch(/填反了/);
    expect(outside.body.message).toMatch(/^有3行不对，这次什么都没有保存/);

    const source = await upload('admin', await xlsx([[HUKOU, 35.03, 117.4, null], [SUZHUANG, 35.04, 117.39, '图']])).expect(400);
    expect(rowErrors(source.body)).toEqual([
      [2, 'source'],
      [3, 'source'],
    ]);
    expect(source.body.errors[0].message).toMatch(/^来源：必填/);
  });

  it('is all or nothing: good rows beside a bad one are not written either', async () => {
    if (!db) return;
    const before = { hukou: await centreOf(HUKOU), suzhuang: await centreOf(SUZHUANG), audits: (await audits()).length };
    const res = await upload('admin', await xlsx([[HUKOU, 35.0399, 117.4099, '新来源'], [SUZHUANG, 35.0499, 117.3999, '新来源'], [HULUTAO, 'abc', 117.63, SOURCE], [HUKOU, 35.03, 117.4, SOURCE]])).expect(400);
    expect(rowErrors(res.body)).toEqual([
      [4, 'lat'],
      [5, 'code'],
    ]);
    expect(res.body.errors[1].message).toMatch(/和第2行是同一个地方/);
    expect(await centreOf(HUKOU)).toEqual(before.hukou);
    expect(await centreOf(SUZHUANG)).toEqual(before.suzhuang);
    expect((await audits()).length).toBe(before.audits);
  });

  it('is the district admin’s alone: a 镇街 officer, a liaison, an employer and a seeker get 403; nobody logged in 401', async () => {
    if (!db) return;
    const before = await filledCount();
    const file = await xlsx([[SUZHUANG, 35.0411, 117.3951, SOURCE]]);
    for (const who of ['officer', 'liaison', 'employer', 'seeker']) {
      const res = await upload(who, file).expect(403);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      await request(t.server).get(`${API}/regions/centres.xlsx`).set(auth(who)).expect(403);
      await request(t.server).get(`${API}/regions/centres`).set(auth(who)).expect(403);
    }
    expect((await upload('officer', file).expect(403)).body.message).toBe('村居中心点只有区级管理员可以导入');
    await upload(null, file).expect(401);
    await request(t.server).get(`${API}/regions/centres.xlsx`).expect(401);
    await request(t.server).get(`${API}/regions/centres`).expect(401);
    expect(await filledCount()).toBe(before);
    // The public region list stays public.
    await request(t.server).get(`${API}/regions?parent=${SANGCUN}`).expect(200);
    expect((await request(t.server).get(`${API}/regions/${SANGCUN}`).expect(200)).body).toMatchObject({ name: '桑村镇', lat: 35.0583 });
  });

  describe('hostile uploads', () => {
    it('an empty file, a file that is no spreadsheet, and no file at all are 400s in Chinese', async () => {
      if (!db) return;
      expect((await upload('admin', Buffer.alloc(0), 'empty.csv', 'text/csv').expect(400)).body.message).toMatch(/文件是空的/);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64, 0xff)]);
      expect((await upload('admin', png, 'photo.xlsx').expect(400)).body.message).toMatch(/不是表格文件/);
      expect((await upload('admin', Buffer.from('hello, this is a letter\nnot a table\n'), 'letter.csv', 'text/csv').expect(400)).body.message).toMatch(/没找到表头/);
      expect((await upload('admin', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(300, 7)])).expect(400)).body.message).toMatch(/打不开/);
      expect((await upload('admin', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(300)]), 'old.xls').expect(400)).body.message).toMatch(/旧版 Excel/);
      expect((await request(t.server).post(`${API}/regions/centres`).set(auth('admin')).send({}).expect(400)).body.message).toMatch(/字段名 file/);
      expect((await request(t.server).post(`${API}/regions/centres`).set(auth('admin')).field('note', 'x').expect(400)).body.message).toMatch(/没有收到文件/);
    });

    it('a file over the 10 MB limit is a 413 in Chinese', async () => {
      if (!db) return;
      const big = Buffer.alloc(11 * 1024 * 1024, 0x2c);
      const res = await upload('admin', big, 'big.csv', 'text/csv').expect(413);
      expect(res.body.message).toMatch(/文件太大了：最大10MB/);
    });

    it('a sheet of thousands of rows is refused without being written', async () => {
      if (!db) return;
      const before = await filledCount();
      const rows: Row[] = Array.from({ length: 1200 }, () => [HUKOU, 35.03, 117.4, SOURCE]);
      expect((await upload('admin', csv(rows), 'many.csv', 'text/csv').expect(400)).body.message).toMatch(/超过1000行/);
      expect(await filledCount()).toBe(before);
    });
  });
});
