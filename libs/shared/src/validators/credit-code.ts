import type { ValidationResult } from './validation-result';

/**
 * 统一社会信用代码 (GB 32100-2015), 18 characters:
 *   1      登记管理部门代码 (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, …)
 *   2      机构类别代码
 *   3–8    登记管理机关行政区划码 (GB/T 2260, 6 digits)
 *   9–17   主体标识码 = 组织机构代码 (GB 11714), its 9th character being its own check
 *   18     校验码 over the first 17 characters, modulo 31
 * The character set leaves out I, O, Z, S and V.
 */

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** 登记管理部门代码 in use: 1–9 per GB 32100-2015, A (军队) and N (农业) added later, Y 其他. */
const REGISTRATION_AUTHORITIES = '123456789ANY';

/** The GB 11714 check character (9th) of an organisation code from its first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i];
    const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** The GB 32100 check character (18th) of a credit code from its first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check];
}

/**
 * Validates a 统一社会信用代码. Surrounding spaces are ignored and lowercase letters accepted;
 * `value` is the normalised (uppercase) code.
 */
export function validateCreditCode(input: unknown): ValidationResult {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, message: '统一社会信用代码不能为空' };
  }
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, message: '统一社会信用代码应为18位' };
  for (const c of value) {
    if (!CREDIT_CODE_CHARSET.includes(c)) {
      return {
        ok: false,
        message: '统一社会信用代码含有无效字符（只能是数字和大写字母，不使用I、O、Z、S、V）',
      };
    }
  }
  if (!REGISTRATION_AUTHORITIES.includes(value[0])) {
    return { ok: false, message: '统一社会信用代码登记管理部门代码无效' };
  }
  if (!/^[1-9]$/.test(value[1])) {
    return { ok: false, message: '统一社会信用代码机构类别代码无效' };
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return { ok: false, message: '统一社会信用代码行政区划码无效' };
  }
  if (orgCodeCheckChar(value.slice(8, 16)) !== value[16]) {
    return { ok: false, message: '统一社会信用代码第17位不对，请对照营业执照再核对一遍' };
  }
  if (creditCodeCheckChar(value) !== value[17]) {
    return { ok: false, message: '统一社会信用代码最后一位不对，请对照营业执照再核对一遍' };
  }
  return { ok: true, value };
}

export function isValidCreditCode(input: unknown): boolean {
  return validateCreditCode(input).ok;
}
