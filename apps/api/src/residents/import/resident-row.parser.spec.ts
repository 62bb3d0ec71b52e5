import { SheetLookups, rowToInput, villageAliases } from './resident-row.parser';
import { columnForHeader, consentTimeFromCell, inColumn, numberFromCell, textFromCell, type CellInput, type ColumnKey } from './resident-sheet.columns';

const lookups = new SheetLookups(
  [
    { code: '370406103201', name: '户口村委会', townCode: '370406103' },
    { code: '370406001215', name: '刘庄村委会', townCode: '370406001' },
    { code: '370406102202', name: '刘庄村委会', townCode: '370406102' },
    { code: '370406001025', name: '灵芝湖社区居委会', townCode: '370406001' },
  ],
  [
    { code: '370406001', name: '山城街道' },
    { code: '370406102', name: '西集镇' },
    { code: '370406103', name: '桑村镇' },
  ],
  [
    { code: '6-05-01', name: '电焊工', synonyms: ['焊工', '电焊'] },
    { code: '6-05-02', name: '氩弧焊工', synonyms: ['焊工', '氩弧焊'] },
    { code: '6-10-02', name: '包装工', synonyms: ['包装'] },
  ],
);
const anywhere = () => true;
const onlyXiji = (code: string) => code.startsWith('370406102');

describe('sheet cells', () => {
  it.each<[CellInput, string | undefined]>([
    [new Date(Date.UTC(2025, 2, 1, 9, 30)), '2025-03-01T09:30:00+08:00'],
    ['2025-03-01', '2025-03-01T00:00:00+08:00'],
    ['2025/3/1 9:05', '2025-03-01T09:05:00+08:00'],
    ['2025年3月1日', '2025-03-01T00:00:00+08:00'],
    ['2025.03.01 08:00:30', '2025-03-01T08:00:30+08:00'],
    [45717, '2025-03-01T00:00:00+08:00'], // an Excel serial number
    ['2025-02-30', undefined],
    ['去年春天', undefined],
    [null, undefined],
  ])('consent time %p → %p', (cell, expected) => {
    expect(consentTimeFromCell(cell)).toBe(expected);
  });

  it.each<[CellInput, number | undefined]>([
    [3000, 3000],
    ['3000元', 3000],
    ['3,000', 3000],
    ['15公里', 15],
    ['12.5', 12.5],
    ['三千', undefined],
    ['-5', undefined],
  ])('number %p → %p', (cell, expected) => {
    expect(numberFromCell(cell)).toBe(expected);
  });

  it('keeps long numbers whole and dates as days', () => {
    expect(textFromCell(13905460000)).toBe('13905460000');
    expect(textFromCell(new Date(Date.UTC(2025, 0, 2)))).toBe('2025-01-02');
    expect(textFromCell('  户口村 ')).toBe('户口村');
  });

  it.each<[string, ColumnKey | undefined]>([
    ['姓名', 'name'],
    ['姓名*', 'name'],
    [' 身份证号码 ', 'idNumber'],
    ['期望工资（元）', 'wage'],
    ['村居代码', 'village'],
    ['技能（用、隔开）', 'skills'],
    ['备注', undefined],
  ])('header %p is column %p', (header, key) => {
    expect(columnForHeader(header)).toBe(key);
  });
});

describe('村居 by name', () => {
  it('knows the short names people write', () => {
    expect(villageAliases('户口村委会')).toEqual(['户口村委会', '户口', '户口村']);
    expect(villageAliases('灵芝湖社区居委会')).toEqual(['灵芝湖社区居委会', '灵芝湖', '灵芝湖社区', '灵芝湖居委会', '灵芝湖居']);
  });

  it.each([
    ['户口村委会', '370406103201'],
    ['户口村', '370406103201'],
    ['370406103201', '370406103201'],
    ['西集镇-刘庄村委会', '370406102202'],
    ['山城街道刘庄村', '370406001215'],
    ['灵芝湖社区', '370406001025'],
  ])('%s → %s', (text, code) => {
    expect(lookups.village(text, anywhere)).toEqual({ code });
  });

  it('a name shared by two 镇街 is ambiguous, unless only one is in the caller’s scope', () => {
    expect(lookups.village('刘庄村委会', anywhere)).toEqual({ error: expect.stringMatching(/有几个村居都叫“刘庄村委会”（在山城街道、西集镇）/) });
    expect(lookups.village('刘庄村委会', onlyXiji)).toEqual({ code: '370406102202' });
  });

  it('an unknown name is an error; an out-of-scope one is returned for the scope check', () => {
    expect(lookups.village('不存在村', anywhere)).toEqual({ error: expect.stringMatching(/山亭区没有“不存在村”/) });
    expect(lookups.village('户口村', onlyXiji)).toEqual({ code: '370406103201' });
  });
});

describe('想干的活', () => {
  it('reads names, codes and synonyms (a synonym may stand for several)', () => {
    expect(lookups.occupations(['包装工', '6-05-02'])).toEqual({ codes: ['6-10-02', '6-05-02'], unknown: [] });
    expect(lookups.occupations(['焊工'])).toEqual({ codes: ['6-05-01', '6-05-02'], unknown: [] });
    expect(lookups.occupations(['造火箭', '包装'])).toEqual({ codes: ['6-10-02'], unknown: ['造火箭'] });
  });
});

describe('rowToInput', () => {
  const row = (over: Partial<Record<ColumnKey, CellInput>> = {}): Partial<Record<ColumnKey, CellInput>> => ({
    name: '王秀英',
    idNumber: '370406198503150028',
    phone: 13905460000,
    village: '户口村',
    education: '中专',
    skills: '缝纫、包装',
    occupations: '包装工，焊工',
    availability: '全职、零工',
    wage: '3000元',
    wageUnit: '元/月',
    commute: 15,
    keyGroups: '返乡农民工',
    consentMethod: '本人签字',
    consentAt: '2025-03-01',
    ...over,
  });

  it.each([
    ['2025-06', '2025-06'],
    ['2025.6', '2025-06'],
    ['2025/06', '2025-06'],
    ['2025年6月', '2025-06'],
    [new Date('2025-06-30T00:00:00Z'), '2025-06'],
  ])('reads 毕业时间 %p as %s', (cell, ym) => {
    expect(rowToInput(row({ graduation: cell }), lookups, anywhere).input.graduationDate).toBe(ym);
  });

  it('refuses a 毕业时间 that is not a year and month', () => {
    expect(rowToInput(row({ graduation: '明年' }), lookups, anywhere).errors).toEqual([{ field: 'graduationDate', message: '毕业时间：“明年”不是年月，请写成 2025-06 这样' }]);
    expect(rowToInput(row({ graduation: '2025-13' }), lookups, anywhere).errors).toHaveLength(1);
  });

  it('turns labels and names into the POST /residents body', () => {
    expect(rowToInput(row(), lookups, anywhere)).toEqual({
      errors: [],
      input: {
        name: '王秀英',
        idNumber: '370406198503150028',
        phone: '13905460000',
        villageCode: '370406103201',
        education: 'vocational',
        skills: ['缝纫', '包装'],
        desiredOccupations: ['6-10-02', '6-05-01', '6-05-02'],
        availability: ['full_time', 'gig'],
        expectedWageMin: 3000,
        wageUnit: 'month',
        maxCommuteKm: 15,
        keyGroups: ['returning_migrant'],
        consent: { method: 'signature', at: '2025-03-01T00:00:00+08:00' },
      },
    });
  });

  it('reports every unreadable column, by column name', () => {
    const { errors, input } = rowToInput(
      row({ idNumber: 370406198503150000, education: '大学肄业', availability: '上班', wage: '面议', keyGroups: '党员', consentMethod: '本人线上填写', consentAt: null, village: null }),
      lookups,
      anywhere,
    );
    expect(errors.map((e) => e.field)).toEqual(['idNumber', 'villageCode', 'education', 'availability', 'expectedWageMin', 'keyGroups', 'consent.method', 'consent.at']);
    expect(errors[0].message).toMatch(/^身份证号：这一格被存成了数字/);
    expect(errors[1].message).toBe('村居名称：必须填写');
    expect(input).not.toHaveProperty('idNumber');
    expect(input).not.toHaveProperty('availability');
  });

  it('reads 无 as no key group and an empty optional column as absent', () => {
    const { errors, input } = rowToInput(row({ keyGroups: '无', education: null, wage: null, wageUnit: null, commute: null, skills: null }), lookups, anywhere);
    expect(errors).toEqual([]);
    expect(input).toMatchObject({ keyGroups: [], skills: [] });
    expect(input).not.toHaveProperty('education');
    expect(input).not.toHaveProperty('expectedWageMin');
  });
});

describe('inColumn', () => {
  it.each([
    [{ field: 'idNumber', message: 'idNumber：身份证号最后一位不对，请再核对一遍' }, '身份证号最后一位不对，请再核对一遍'],
    [{ field: 'villageCode', message: '村居：山亭区没有这个村居' }, '村居名称：山亭区没有这个村居'],
    [{ field: 'consent.method', message: 'consent.method：应为 signature（本人签字）' }, '同意方式：应为 signature（本人签字）'],
    [{ field: 'name', message: '姓名：只能是汉字、字母或间隔号·' }, '姓名：只能是汉字、字母或间隔号·'],
    [{ field: 'wageUnit', message: '工资单位：填了期望工资就要选单位（月、天、小时或件）' }, '工资单位：填了期望工资就要选单位（月、天、小时或件）'],
  ])('%p → %p', (error, message) => {
    expect(inColumn(error)).toEqual({ field: error.field, message });
  });
});
