import { CENTRE_BOX, centreFieldForHeader, checkCentreRow, codeFromCell, isUnfilledRow, type CentreCells, type KnownRegion } from './region-centres.policy';

const REGIONS = new Map<string, KnownRegion>([
  ['370406', { level: 'district' }],
  ['370406103', { level: 'town' }], // 桑村镇
  ['370406103201', { level: 'village' }], // 户口村委会
]);
const row = (over: CentreCells = {}): CentreCells => ({ code: '370406103201', lat: 35.0321, lng: 117.4012, source: '天地图 2026-11 村委会驻地', ...over });
const errorsOf = (cells: CentreCells) => {
  const checked = checkCentreRow(cells, REGIONS);
  return 'errors' in checked ? checked.errors : [];
};

describe('centre rows: what is accepted', () => {
  it.each([
    ['a 村居 with numbers', row(), { code: '370406103201', level: 'village', lat: 35.0321, lng: 117.4012 }],
    ['a 镇街 with text numbers', row({ code: '370406103', lat: '35.05', lng: ' 117.38 ' }), { code: '370406103', level: 'town', lat: 35.05, lng: 117.38 }],
    ['a code read as a number', row({ code: 370406103201 }), { code: '370406103201', level: 'village' }],
    ['a code with Excel’s text mark and spaces', row({ code: "'370406 103201" }), { code: '370406103201' }],
    ['full-width digits and a degree sign', row({ lat: '３５．０３２１°', lng: '117.4012度' }), { lat: 35.0321, lng: 117.4012 }],
    ['more than six decimals, rounded', row({ lat: 35.03210049, lng: 117.40123456 }), { lat: 35.0321, lng: 117.401235 }],
    ['the box’s own edges', row({ lat: CENTRE_BOX.latMin, lng: CENTRE_BOX.lngMax }), { lat: CENTRE_BOX.latMin, lng: CENTRE_BOX.lngMax }],
  ])('%s', (_what, cells, expected) => {
    const checked = checkCentreRow(cells, REGIONS);
    expect(checked).toEqual({ centre: expect.objectContaining(expected) });
  });

  it('cleans the source of invisible characters and keeps it', () => {
    expect(checkCentreRow(row({ source: '  天地图\u202e 2026-11 ' }), REGIONS)).toEqual({ centre: expect.objectContaining({ source: '天地图 2026-11' }) });
  });
});

describe('centre rows: what is refused, and why', () => {
  it.each([
    ['no code', row({ code: null }), 'code', /^代码：没有填/],
    ['a code in scientific notation (Excel’s CSV)', row({ code: '3.70406E+11' }), 'code', /科学计数法/],
    ['a code of the wrong length', row({ code: '3704061032' }), 'code', /应是9位（镇街）或12位（村居）数字/],
    ['a code of another district', row({ code: '370405103201' }), 'code', /不是山亭区的代码/],
    ['a code of no real 村居', row({ code: '370406103999' }), 'code', /山亭区没有代码为 370406103999 的村居/],
    ['a code of no real 镇街', row({ code: '370406199' }), 'code', /山亭区没有代码为 370406199 的镇街/],
    ['no latitude', row({ lat: null }), 'lat', /^纬度：没有填/],
    ['a latitude in words', row({ lat: '三十五' }), 'lat', /不是数字/],
    ['degrees, minutes and seconds', row({ lng: '117°24′04″' }), 'lng', /度分秒/],
    ['a date for a latitude', row({ lat: new Date(Date.UTC(2026, 0, 1)) }), 'lat', /不是日期/],
    ['a latitude south of the district', row({ lat: 34.5 }), 'lat', /^纬度：34.5 不在山亭区范围内/],
    ['a longitude east of the district', row({ lng: 118.35 }), 'lng', /^经度：118.35 不在山亭区范围内/],
    ['swapped latitude and longitude', row({ lat: 117.4012, lng: 35.0321 }), 'lat', /填反了/],
    ['no source', row({ source: null }), 'source', /^来源：必填/],
    ['a one-character source', row({ source: '图' }), 'source', /太短/],
    ['a source over 100 characters', row({ source: '天'.repeat(101) }), 'source', /最多100个字，这一行有101个字/],
  ])('%s', (_what, cells, field, message) => {
    const errors = errorsOf(cells);
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe(field);
    expect(errors[0].message).toMatch(message);
  });

  it('names every bad column of a row, not only the first', () => {
    expect(errorsOf({ code: '1', lat: 'x', lng: 200, source: '' }).map((e) => e.field)).toEqual(['code', 'lat', 'lng', 'source']);
  });
});

describe('centre sheets: headers and blank rows', () => {
  it.each([
    ['代码', 'code'],
    ['区划代码', 'code'],
    ['纬度（小数）', 'lat'],
    [' 经度* ', 'lng'],
    ['Longitude', 'lng'],
    ['数据来源', 'source'],
    ['镇街', null],
    ['', null],
  ])('%j is %p', (header, field) => {
    expect(centreFieldForHeader(header)).toBe(field);
  });

  it('a row with nothing in 纬度, 经度 and 来源 is left alone, whatever its code', () => {
    expect(isUnfilledRow({ code: '370406103201', lat: null, lng: '  ', source: null })).toBe(true);
    expect(isUnfilledRow({ code: '370406103201', lat: null, lng: null, source: '天地图' })).toBe(false);
  });

  it('reads codes from numbers and text alike', () => {
    expect(codeFromCell(370406103201)).toBe('370406103201');
    expect(codeFromCell('３７０４０６１０３')).toBe('370406103');
  });
});
