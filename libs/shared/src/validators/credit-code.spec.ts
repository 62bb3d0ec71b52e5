import { isValidCreditCode, validateCreditCode } from './credit-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Builds a valid 统一社会信用代码 from a 8-character organisation base, the same way the contract
 * checks do: GB 11714 check for the organisation code, then GB 32100 check over 17 characters.
 */
function makeCreditCode(base: string, prefix = '91370406'): string {
  return withCheck(prefix + orgCode(base));
}

function orgCode(base: string): string {
  const ow = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const c = base[i];
    s += (/[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * ow[i];
  }
  const c9 = 11 - (s % 11);
  return base + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
}

function withCheck(body17: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let t = 0;
  for (let i = 0; i < 17; i++) t += CHARSET.indexOf(body17[i]) * w[i];
  let c = 31 - (t % 31);
  if (c === 31) c = 0;
  return body17 + CHARSET[c];
}

/** Replaces the check character with a different, wrong one. */
function withWrongCheck(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

describe('validateCreditCode', () => {
  it.each([
    // [case, input, normalised value]
    ['the commonly cited example', '91350100M000100Y43', '91350100M000100Y43'],
    ['contract check base MA3C4X7B', makeCreditCode('MA3C4X7B'), '91370406MA3C4X7BX2'],
    ['contract check base MA7Q1D3R', makeCreditCode('MA7Q1D3R'), '91370406MA7Q1D3R49'],
    ['contract check base MA94K2LP', makeCreditCode('MA94K2LP'), '91370406MA94K2LPXR'],
    ['organisation check X', '91370406MA000004X1', '91370406MA000004X1'],
    ['organisation check 0 (11)', '91370406MA0000090C', '91370406MA0000090C'],
    ['final check 0 (31)', '91370406MA00001700', '91370406MA00001700'],
    ['final check Y', '91370406MA0000357Y', '91370406MA0000357Y'],
    ['lowercase letters', '91350100m000100y43', '91350100M000100Y43'],
    ['surrounding spaces', ' 91350100M000100Y43  ', '91350100M000100Y43'],
    ['机构编制 事业单位', makeCreditCode('00000001', '12370406'), makeCreditCode('00000001', '12370406')],
    ['民政 社会团体', makeCreditCode('50000001', '51370406'), makeCreditCode('50000001', '51370406')],
    ['其他', makeCreditCode('Y0000001', 'Y1370406'), makeCreditCode('Y0000001', 'Y1370406')],
    ['农业 合作社', makeCreditCode('MA000001', 'N2370406'), makeCreditCode('MA000001', 'N2370406')],
    ['军队', makeCreditCode('MA000001', 'A1370406'), makeCreditCode('MA000001', 'A1370406')],
    ['national registration area 100000', makeCreditCode('10001234', '91100000'), makeCreditCode('10001234', '91100000')],
  ])('accepts %s', (_case, input, value) => {
    expect(validateCreditCode(input)).toEqual({ ok: true, value });
    expect(isValidCreditCode(input)).toBe(true);
  });

  const good = makeCreditCode('MA3C4X7B');
  const replaceAt = (s: string, i: number, c: string) => s.slice(0, i) + c + s.slice(i + 1);

  it.each([
    // [case, input, message prefix]
    ['empty', '', '统一社会信用代码不能为空'],
    ['null', null, '统一社会信用代码不能为空'],
    ['undefined', undefined, '统一社会信用代码不能为空'],
    ['17 characters', good.slice(0, 17), '统一社会信用代码应为18位'],
    ['19 characters', good + '0', '统一社会信用代码应为18位'],
    ['old 9-character organisation code', 'M000100Y4', '统一社会信用代码应为18位'],
    ['letter I', replaceAt(good, 10, 'I'), '统一社会信用代码含有无效字符'],
    ['letter O', replaceAt(good, 10, 'O'), '统一社会信用代码含有无效字符'],
    ['letter Z', replaceAt(good, 10, 'Z'), '统一社会信用代码含有无效字符'],
    ['letter S', replaceAt(good, 10, 'S'), '统一社会信用代码含有无效字符'],
    ['letter V', replaceAt(good, 10, 'V'), '统一社会信用代码含有无效字符'],
    ['a dash', replaceAt(good, 10, '-'), '统一社会信用代码含有无效字符'],
    ['a space inside', replaceAt(good, 10, ' '), '统一社会信用代码含有无效字符'],
    ['authority 0', makeCreditCode('MA3C4X7B', '01370406'), '统一社会信用代码登记管理部门代码无效'],
    ['authority B', makeCreditCode('MA3C4X7B', 'B1370406'), '统一社会信用代码登记管理部门代码无效'],
    ['category 0', makeCreditCode('MA3C4X7B', '90370406'), '统一社会信用代码机构类别代码无效'],
    ['category letter', makeCreditCode('MA3C4X7B', '9A370406'), '统一社会信用代码机构类别代码无效'],
    ['letter in the area code', makeCreditCode('MA3C4X7B', '913704A6'), '统一社会信用代码行政区划码无效'],
    // organisation check broken, final check recomputed so only the inner check fails
    ['bad organisation code check', withCheck('91370406MA3C4X7B1'), '统一社会信用代码第17位不对，请对照营业执照再核对一遍'],
    ['bad organisation code check (X)', withCheck('91350100M000100YX'), '统一社会信用代码第17位不对，请对照营业执照再核对一遍'],
    ['wrong final check', withWrongCheck(good), '统一社会信用代码最后一位不对，请对照营业执照再核对一遍'],
    ['wrong final check on the example', '91350100M000100Y44', '统一社会信用代码最后一位不对，请对照营业执照再核对一遍'],
    ['two characters swapped', '91350100M000010Y43', '统一社会信用代码'],
  ])('rejects %s', (_case, input, message) => {
    const r = validateCreditCode(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.startsWith(message)).toBe(true);
    expect(isValidCreditCode(input)).toBe(false);
  });

  it('accepts every contract-style code built from random bases', () => {
    // deterministic pseudo-random bases over the full charset
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 200; n++) {
      let base = '';
      for (let i = 0; i < 8; i++) base += CHARSET[next() % CHARSET.length];
      const code = makeCreditCode(base);
      expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
    }
  });
});
