import { ageOn, isValidIdNumber, validateIdNumber } from './id-number';

/** Builds a valid 身份证号 the same way the contract checks do (GB 11643 MOD 11-2). */
function makeId(area: string, ymd: string, seq: string): string {
  const body = area + ymd + seq;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * w[i];
  return body + '10X98765432'[s % 11];
}

/** Replaces the check character with a different, wrong one. */
function withWrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

const TODAY = new Date(2026, 0, 15); // 15 January 2026, local time

describe('validateIdNumber', () => {
  it.each([
    // [input, value, gender, birthDate]
    ['11010519491231002X', '11010519491231002X', 'female', '1949-12-31'],
    ['11010519491231002x', '11010519491231002X', 'female', '1949-12-31'],
    ['  11010519491231002X ', '11010519491231002X', 'female', '1949-12-31'],
    [makeId('370406', '19710315', '272'), makeId('370406', '19710315', '272'), 'female', '1971-03-15'],
    [makeId('370406', '19880512', '313'), makeId('370406', '19880512', '313'), 'male', '1988-05-12'],
    [makeId('370406', '20000229', '125'), makeId('370406', '20000229', '125'), 'male', '2000-02-29'],
    [makeId('370406', '19000101', '001'), makeId('370406', '19000101', '001'), 'male', '1900-01-01'],
    [makeId('370406', '20260115', '010'), makeId('370406', '20260115', '010'), 'female', '2026-01-15'],
    [makeId('650102', '19800101', '111'), makeId('650102', '19800101', '111'), 'male', '1980-01-01'],
    [makeId('710000', '19800101', '222'), makeId('710000', '19800101', '222'), 'female', '1980-01-01'],
    [makeId('810000', '19800101', '333'), makeId('810000', '19800101', '333'), 'male', '1980-01-01'],
    [makeId('820000', '19800101', '444'), makeId('820000', '19800101', '444'), 'female', '1980-01-01'],
  ])('accepts %s', (input, value, gender, birthDate) => {
    expect(validateIdNumber(input, TODAY)).toEqual({ ok: true, value, gender, birthDate });
    expect(isValidIdNumber(input, TODAY)).toBe(true);
  });

  it('produces an X check character that round-trips', () => {
    const r = validateIdNumber('11010519491231002X', TODAY);
    expect(r.ok && r.value.endsWith('X')).toBe(true);
  });

  it.each([
    // [case, input, message prefix]
    ['empty', '', '身份证号不能为空'],
    ['blank', '   ', '身份证号不能为空'],
    ['null', null, '身份证号不能为空'],
    ['a number', 110105194912310020, '身份证号不能为空'],
    ['17 characters', '11010519491231002', '身份证号应为18位'],
    ['19 characters', '11010519491231002X0', '身份证号应为18位'],
    ['15-digit old format', '110105491231002', '身份证号应为18位'],
    ['a letter inside', '1101051949123100AX', '身份证号格式不正确'],
    ['X not last', '1101051949123100X2', '身份证号格式不正确'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ', '身份证号格式不正确'],
    ['province 00', makeId('000000', '19800101', '111'), '身份证号地区码无效'],
    ['province 10', makeId('100000', '19800101', '111'), '身份证号地区码无效'],
    ['province 16', makeId('160000', '19800101', '111'), '身份证号地区码无效'],
    ['province 66', makeId('660000', '19800101', '111'), '身份证号地区码无效'],
    ['province 91', makeId('910000', '19800101', '111'), '身份证号地区码无效'],
    ['30 February', makeId('370406', '19900230', '111'), '身份证号出生日期无效'],
    ['29 February, common year', makeId('370406', '19990229', '111'), '身份证号出生日期无效'],
    ['29 February 1900 (not leap)', makeId('370406', '19000229', '111'), '身份证号出生日期无效'],
    ['31 April', makeId('370406', '19900431', '111'), '身份证号出生日期无效'],
    ['month 13', makeId('370406', '19901301', '111'), '身份证号出生日期无效'],
    ['month 00', makeId('370406', '19900001', '111'), '身份证号出生日期无效'],
    ['day 00', makeId('370406', '19900100', '111'), '身份证号出生日期无效'],
    ['before 1900', makeId('370406', '18991231', '111'), '身份证号出生日期无效'],
    ['tomorrow', makeId('370406', '20260116', '111'), '身份证号出生日期无效'],
    ['next year', makeId('370406', '20270101', '111'), '身份证号出生日期无效'],
    ['wrong check digit', withWrongCheck(makeId('370406', '19710315', '272')), '身份证号最后一位不对，请再核对一遍'],
    ['wrong check on the textbook example', '110105194912310021', '身份证号最后一位不对，请再核对一遍'],
    ['one digit changed', '11010519491231003X', '身份证号最后一位不对，请再核对一遍'],
  ])('rejects %s', (_case, input, message) => {
    const r = validateIdNumber(input, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.startsWith(message)).toBe(true);
    expect(isValidIdNumber(input, TODAY)).toBe(false);
  });

  it('every rejection message is Chinese', () => {
    const r = validateIdNumber('12345', TODAY);
    expect(!r.ok && /[\u4e00-\u9fff]/.test(r.message)).toBe(true);
  });

  it('defaults today to the current date', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    const nextYear = String(new Date().getFullYear() + 1);
    expect(isValidIdNumber(makeId('370406', `${nextYear}0101`, '111'))).toBe(false);
  });
});

describe('ageOn', () => {
  it.each([
    ['1990-06-15', new Date(2026, 5, 14), 35],
    ['1990-06-15', new Date(2026, 5, 15), 36],
    ['1990-06-15', new Date(2026, 11, 31), 36],
    ['1990-12-31', new Date(2026, 0, 1), 35],
    ['2000-02-29', new Date(2025, 1, 28), 24],
    ['2000-02-29', new Date(2025, 2, 1), 25],
    ['2000-02-29', new Date(2024, 1, 29), 24],
    ['2026-01-15', new Date(2026, 0, 15), 0],
    [new Date(1971, 2, 15), new Date(2026, 2, 14), 54],
    [new Date(1971, 2, 15), new Date(2026, 2, 15), 55],
  ])('ageOn(%p, %p) = %p', (birthDate, today, age) => {
    expect(ageOn(birthDate, today)).toBe(age);
  });

  it('agrees with validateIdNumber', () => {
    const r = validateIdNumber(makeId('370406', '19710315', '272'), TODAY);
    expect(r.ok && ageOn(r.birthDate, TODAY)).toBe(54);
  });

  it.each(['', '1990-02-30', '19900101', '1990-1-1', 'not a date'])('throws on %p', (bad) => {
    expect(() => ageOn(bad, TODAY)).toThrow(RangeError);
  });

  it('throws on an invalid Date', () => {
    expect(() => ageOn(new Date(Number.NaN), TODAY)).toThrow(RangeError);
  });
});
