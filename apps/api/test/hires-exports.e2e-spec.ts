import request from 'supertest';
import type ExcelJS from 'exceljs';
import { chinaDateOf, maskIdNumber } from '@zaogong/shared';
import { AuditLog } from '../src/audit/entities/audit-log.entity';
import { idNumber } from './support/identity';
import { publishedPost, verifiedEmployer } from './support/posts';
import { allText, binary, readWorkbook } from './support/resident-sheets';
import { devLogins, startTestApp, type TestApp } from './support/test-app';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './support/test-databases';

const API = '/api/v1';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const V1 = '370406103201'; // 桑村镇户口村委会
const V1B = '370406103202'; // 桑村镇苏庄村委会
const V2 = '370406105201'; // 城头镇
const YEAR = Number(chinaDateOf(new Date()).slice(0, 4));
const TODAY = chinaDateOf(new Date());
const LEDGER_HEADERS = ['序号', '姓名', '性别', '身份证号', '年龄', '镇街', '村居', '人员类别', '就业单位', '统一社会信用代码', '岗位', '就业日期', '工资', '核实方式', '核实日期'];

/** The people of this suite: who registers them, where, their 身份证号 and key groups. */
const PEOPLE = {
  liu: { who: 'lia1', name: '刘芳', id: idNumber('370406', '19880512', '312'), village: V1, keyGroups: ['hard_to_employ', 'low_income'] },
  chen: { who: 'town', name: '陈红', id: idNumber('370406', '19790101', '342'), village: V1B, keyGroups: ['veteran'] },
  wang: { who: 'lia1', name: '王强', id: idNumber('370406', '19900909', '333'), village: V1, keyGroups: [] },
  zhao: { who: 'lia1', name: '赵敏', id: idNumber('370406', '19950707', '324'), village: V1, keyGroups: [] },
  ma: { who: 'lia2', name: '马军', id: idNumber('370406', '19920303', '171'), village: V2, keyGroups: [] },
} as const;
type Person = keyof typeof PEOPLE;

describe.each(DATABASE_KINDS)('hire exports on %s', (kind) => {
  let db: TestDatabase | null;
  let t: TestApp;
  let tok: Record<string, string>;
  let employerName: string;
  const rid: Partial<Record<Person, string>> = {};

  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });
  const download = (who: string, path: string) => request(t.server).get(`${API}${path}`).set(as(who)).buffer(true).parse(binary);
  const sheet = async (who: string, path: string, name: string): Promise<ExcelJS.Worksheet> => {
    const res = await download(who, path).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const ws = (await readWorkbook(res.body)).getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  const ledger = (who: string, query = '') => sheet(who, `/hires/ledger.xlsx?year=${YEAR}${query}`, '台账');
  /** The ledger's people: rows between the header row (3) and the totals row. */
  const people = (ws: ExcelJS.Worksheet) => {
    const out: Record<string, string>[] = [];
    for (let r = 4; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (typeof row.getCell(1).value !== 'number') break;
      out.push(Object.fromEntries(LEDGER_HEADERS.map((h, i) => [h, row.getCell(i + 1).text])));
    }
    return out;
  };
  const totalsOf = (ws: ExcelJS.Worksheet) => ws.getRow(4 + people(ws).length).getCell(1).text;
  const audits = (action: string) => t.dataSource.getRepository(AuditLog).find({ where: { action }, order: { at: 'DESC' } });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    if (!db) return;
    t = await startTestApp(db);
    tok = await devLogins(t.server, {
      admin: { role: 'admin', name: '区人社局' },
      officer: { role: 'admin', name: '桑村镇人社所', regionCode: '370406103' },
      lia1: { role: 'liaison', name: '桑村联络员', regionCode: V1 },
      lia2: { role: 'liaison', name: '城头联络员', regionCode: V2 },
      town: { role: 'liaison', name: '桑村镇联络员', regionCode: '370406103' },
      far: { role: 'liaison', name: '徐庄镇联络员', regionCode: '370406106' },
      boss: { role: 'employer', name: '张经理' },
      seeker: { role: 'seeker', name: '求职者' },
    });
    employerName = '山亭区桑村塑编制品有限公司';
    const employerId = await verifiedEmployer(t, tok.boss, tok.admin, 'MA7Q1D3R', employerName);
    const postId = (await publishedPost(t, tok.boss, tok.admin, { title: '塑编工', occupationCode: '6-02-01', description: '编织袋生产，男女不限', skills: ['塑编'], wageMin: 3200, wageMax: 4000 })).id;
    for (const [i, [key, p]] of (Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]).entries()) {
      const res = await request(t.server)
        .post(`${API}/residents`)
        .set(as(p.who))
        .send({ name: p.name, idNumber: p.id, phone: `139054650${i}0`, villageCode: p.village, skills: ['编织'], desiredOccupations: ['6-02-01'], availability: ['full_time'], keyGroups: p.keyGroups, consent: { method: 'signature', at: new Date().toISOString() } })
        .expect(201);
      rid[key] = res.body.id;
    }
    // A liaison records each hire (the person's side); the employer confirms, or an admin verifies.
    const hire = async (key: Person, startDate: string, extra: object = {}) =>
      (await request(t.server).post(`${API}/hires`).set(as(PEOPLE[key].who)).send({ residentId: rid[key], employerId, startDate, ...extra }).expect(201)).body.id as string;
    const confirm = (id: string) => request(t.server).post(`${API}/hires/${id}/confirm`).set(as('boss')).expect(200);
    const verify = (id: string, reason: string) => request(t.server).post(`${API}/hires/${id}/verify`).set(as('admin')).send({ reason }).expect(200);
    await confirm(await hire('liu', TODAY, { postId, wage: 4000, wageUnit: 'month' }));
    await confirm(await hire('liu', TODAY, { wage: 180, wageUnit: 'day' })); // the same person again: counted once
    await verify(await hire('chen', TODAY), '电话核实本人已在岗');
    await hire('wang', TODAY); // never confirmed by the employer: not counted
    await verify(await hire('zhao', `${YEAR - 1}-12-28`), '补登去年的录用'); // last year's count
    await confirm(await hire('ma', TODAY, { postId, wage: 3800.5 }));
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('the admin’s ledger: title, date and area, Chinese headers, one masked row per counted person, a totals row', async () => {
    if (!db) return;
    const res = await download('admin', `/hires/ledger.xlsx?year=${YEAR}`).expect(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`山亭区${YEAR}年新增就业实名制台账-山亭区-`)}`);
    expect(res.headers['content-disposition']).toContain(`filename="employment-ledger-${YEAR}.xlsx"`);
    const ws = await ledger('admin');
    expect(ws.getCell('A1').text).toBe(`山亭区${YEAR}年城镇新增就业实名制台账`);
    expect(ws.getCell('A2').text).toMatch(new RegExp(`统计范围：山亭区.*导出日期：${TODAY}.*共3人.*身份证号已隐去中间部分`));
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(LEDGER_HEADERS);

    const rows = people(ws);
    expect(rows.map((r) => r['姓名'])).toEqual(['刘芳', '陈红', '马军']); // by 镇街 (桑村 before 城头), then 村居, then date
    expect(rows.map((r) => r['序号'])).toEqual(['1', '2', '3']);
    const [liu, chen, ma] = rows;
    expect(liu).toMatchObject({
      性别: '女',
      身份证号: maskIdNumber(PEOPLE.liu.id),
      镇街: '桑村镇',
      人员类别: '就业困难人员、脱贫人口',
      就业单位: employerName,
      岗位: '塑编工',
      就业日期: TODAY,
      工资: '4000元/月',
      核实方式: '双方确认',
      核实日期: TODAY,
    });
    expect(liu['统一社会信用代码']).toMatch(/^91370406MA7Q1D3R.{2}$/);
    expect(Number(liu['年龄'])).toBe(YEAR - 1988 - (TODAY.slice(5) < '05-12' ? 1 : 0));
    expect(chen).toMatchObject({ 人员类别: '退役军人', 核实方式: '管理员核实：电话核实本人已在岗', 岗位: '', 工资: '' });
    expect(ma).toMatchObject({ 镇街: '城头镇', 工资: '3800.5元/月', 人员类别: '' });
    expect(totalsOf(ws)).toBe('合计 3 人');

    const text = allText(ws);
    for (const p of Object.values(PEOPLE)) expect(text).not.toContain(p.id);
    expect(text).not.toContain('王强'); // unverified
    expect(text).not.toContain('赵敏'); // last year
    const stats = (await request(t.server).get(`${API}/stats/employment?year=${YEAR}`).set(as('admin')).expect(200)).body;
    expect(stats.count).toBe(rows.length); // the same people the count counts

    const [entry] = await audits('hires.ledger_export');
    expect(entry).toMatchObject({ actorRole: 'admin', detail: { year: YEAR, area: null, rows: 3, fullIdNumbers: false } });
    expect(JSON.stringify(await audits('hires.ledger_export'))).not.toMatch(/\d{17}[\dX]/);
  });

  it('another year holds its own people; an empty year is a ledger of 0 people', async () => {
    if (!db) return;
    const last = await sheet('admin', `/hires/ledger.xlsx?year=${YEAR - 1}`, '台账');
    expect(people(last).map((r) => r['姓名'])).toEqual(['赵敏']);
    expect(last.getCell('A1').text).toBe(`山亭区${YEAR - 1}年城镇新增就业实名制台账`);
    const none = await sheet('admin', `/hires/ledger.xlsx?year=${YEAR - 5}`, '台账');
    expect(people(none)).toHaveLength(0);
    expect(totalsOf(none)).toBe('合计 0 人');
    await request(t.server).get(`${API}/hires/ledger.xlsx?year=abc`).set(as('admin')).expect(400);
  });

  it('full 身份证号 only for an admin with a reason, audit-logged with the reason', async () => {
    if (!db) return;
    const fullBefore = (await audits('hires.ledger_export_full')).length;
    const exportsBefore = (await audits('hires.ledger_export')).length;
    for (const q of ['&reveal=true', '&reveal=true&reason=', '&reveal=true&reason=%20%20看看%20', `&reveal=true&reason=${'长'.repeat(201)}`, '&reveal=yes&reason=报送区人社局核对']) {
      const res = await request(t.server).get(`${API}/hires/ledger.xlsx?year=${YEAR}${q}`).set(as('admin')).expect(400);
      expect(JSON.stringify(res.body)).toMatch(/原因|true 或 false/);
    }
    await request(t.server).get(`${API}/hires/ledger.xlsx?year=${YEAR}&reveal=true&reason=${encodeURIComponent('报送区人社局核对')}`).set(as('lia1')).expect(403);
    expect(await audits('hires.ledger_export_full')).toHaveLength(fullBefore);
    expect(await audits('hires.ledger_export')).toHaveLength(exportsBefore);

    const ws = await ledger('admin', `&reveal=true&reason=${encodeURIComponent('报送区人社局核对')}`);
    expect(ws.getCell('A2').text).toContain('含完整身份证号');
    expect(people(ws).map((r) => r['身份证号'])).toEqual([PEOPLE.liu.id, PEOPLE.chen.id, PEOPLE.ma.id]);
    const [full] = await audits('hires.ledger_export_full');
    expect(full).toMatchObject({ actorRole: 'admin', targetType: 'new_employment', detail: { year: YEAR, reason: '报送区人社局核对', rows: 3 } });
    expect((await audits('hires.ledger_export'))[0].detail).toMatchObject({ fullIdNumbers: true, rows: 3 });
    expect(JSON.stringify(await audits('hires.ledger_export_full'))).not.toContain(PEOPLE.liu.id);

    // A 镇街 officer (admin of one 镇街) may too, for their 镇街 only.
    const town = await ledger('officer', `&reveal=true&reason=${encodeURIComponent('镇街核对')}`);
    expect(people(town).map((r) => r['身份证号'])).toEqual([PEOPLE.liu.id, PEOPLE.chen.id]);
  });

  it('a liaison or 镇街 officer gets their area only; another area’s liaison none of these rows; seekers and employers 403', async () => {
    if (!db) return;
    const village = await ledger('lia1');
    expect(people(village).map((r) => r['姓名'])).toEqual(['刘芳']);
    expect(village.getCell('A2').text).toContain('统计范围：桑村镇户口村委会');
    expect(totalsOf(village)).toBe('合计 1 人');
    const town = await ledger('town');
    expect(people(town).map((r) => r['姓名'])).toEqual(['刘芳', '陈红']);
    expect(people(town).map((r) => r['村居'])).toEqual(['户口村委会', '苏庄村委会']);
    expect(people(town).every((r) => r['身份证号'] === maskIdNumber(PEOPLE[r['姓名'] === '刘芳' ? 'liu' : 'chen'].id))).toBe(true);
    expect(town.getCell('A2').text).toContain('统计范围：桑村镇');
    expect(people(await ledger('officer')).map((r) => r['姓名'])).toEqual(['刘芳', '陈红']);
    expect(people(await ledger('lia2')).map((r) => r['姓名'])).toEqual(['马军']);
    const far = await ledger('far');
    expect(people(far)).toHaveLength(0);
    expect(totalsOf(far)).toBe('合计 0 人');
    expect(allText(far)).not.toMatch(/刘芳|陈红|马军/);
    const [entry] = await audits('hires.ledger_export');
    expect(entry).toMatchObject({ actorRole: 'liaison', detail: { area: '370406106', rows: 0 } });
    await request(t.server).get(`${API}/hires/ledger.xlsx?year=${YEAR}`).set(as('seeker')).expect(403);
    await request(t.server).get(`${API}/hires/ledger.xlsx?year=${YEAR}`).set(as('boss')).expect(403);
    await request(t.server).get(`${API}/hires/ledger.xlsx?year=${YEAR}`).expect(401);
  });

  it('the statistics workbook: six sheets with titles, Chinese headers and totals, scoped like GET /stats/employment', async () => {
    if (!db) return;
    const res = await download('admin', `/stats/employment.xlsx?year=${YEAR}`).expect(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`山亭区${YEAR}年新增就业统计-山亭区-`)}`);
    const wb = await readWorkbook(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体', '分镇街', '分月份', '重点群体', '供需情况', '工资价位']);
    const get = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
    const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

    const overall = get('总体');
    expect(overall.getCell('A1').text).toBe(`山亭区${YEAR}年城镇新增就业统计——总体`);
    expect(overall.getCell('A2').text).toMatch(new RegExp(`统计范围：山亭区.*导出日期：${TODAY}`));
    expect(values(overall, 3)).toEqual(['年度', '目标（人）', '新增就业（人）', '完成率', '待确认的录用（条）']);
    expect(values(overall, 4)).toEqual([YEAR, 3000, 3, 0.001, 1]);
    expect(overall.getCell('D4').numFmt).toBe('0.0%');

    const towns = get('分镇街');
    expect(values(towns, 3)).toEqual(['镇街', '新增就业（人）', '目标（人）', '完成率']);
    expect(towns.getRow(4 + 11).getCell(1).text).toBe('合计');
    expect(towns.getRow(4 + 11).getCell(2).value).toBe(3);
    const sangcun = [...Array(11).keys()].map((i) => values(towns, 4 + i)).find((r) => r[0] === '桑村镇');
    expect(sangcun?.[1]).toBe(2);

    const months = get('分月份');
    expect(values(months, 3)).toEqual(['月份', '新增就业（人）', '累计（人）']);
    expect(values(months, 4 + Number(TODAY.slice(5, 7)) - 1).slice(0, 2)).toEqual([`${Number(TODAY.slice(5, 7))}月`, 3]);
    expect(values(months, 4 + 11)[2]).toBe(3);
    expect(values(months, 4 + 12).slice(0, 2)).toEqual(['合计', 3]);

    const groups = get('重点群体');
    expect(values(groups, 3)).toEqual(['人员类别', '新增就业（人）', '占新增就业']);
    const groupRows = [...Array(6).keys()].map((i) => values(groups, 4 + i));
    expect(groupRows.find((r) => r[0] === '退役军人')?.[1]).toBe(1);
    expect(groupRows.find((r) => r[0] === '就业困难人员')?.[1]).toBe(1);
    expect(values(groups, 10).slice(0, 2)).toEqual(['新增就业总数', 3]);

    const supply = get('供需情况');
    expect(supply.getCell('A1').text).toContain('求人倍率');
    expect(values(supply, 3)).toEqual(['职业类别代码', '职业类别', '岗位空缺（人）', '求职人数（人）', '求人倍率']);
    expect(values(supply, 4)[0]).toBe('6-02');
    expect(allText(supply)).toContain('合计');

    const wages = get('工资价位');
    expect(values(wages, 3)).toEqual(['职业类别代码', '职业类别', '岗位数', '低位数 P25（元/月）', '中位数（元/月）', '高位数 P75（元/月）']);
    expect(values(wages, 4)).toEqual(['6-02', expect.any(String), 1, 3600, 3600, 3600]);

    const village = await readWorkbook((await download('town', `/stats/employment.xlsx?year=${YEAR}`).expect(200)).body);
    const vt = village.getWorksheet('分镇街') as ExcelJS.Worksheet;
    expect(values(vt, 4).slice(0, 2)).toEqual(['桑村镇', 2]);
    expect(values(vt, 5).slice(0, 2)).toEqual(['合计', 2]);
    expect((village.getWorksheet('总体') as ExcelJS.Worksheet).getCell('A2').text).toContain('统计范围：桑村镇');
    const far = await readWorkbook((await download('far', `/stats/employment.xlsx?year=${YEAR}`).expect(200)).body);
    expect(values(far.getWorksheet('总体') as ExcelJS.Worksheet, 4)[2]).toBe(0);
    await request(t.server).get(`${API}/stats/employment.xlsx?year=${YEAR}`).set(as('seeker')).expect(403);
    await request(t.server).get(`${API}/stats/employment.xlsx?year=${YEAR}`).set(as('boss')).expect(403);
  });
});
