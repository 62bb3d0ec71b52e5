import type { Gender } from '../enums/resident';
import type { ValidationResult } from './validation-result';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area code, 8-digit birth date (YYYYMMDD),
 * 3-digit sequence (odd = male), 1 check character (ISO 7064 MOD 11-2, 10 written as X).
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

/** GB/T 2260 province-level codes (the first two digits of an area code). */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

const MIN_BIRTH_YEAR = 1900;

export type IdNumberValidation = ValidationResult<{ gender: Gender; birthDate: string }>;

/** The GB 11643 check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A calendar date as a comparable number YYYYMMDD, read from the Date's local fields. */
function localDayNumber(d: Date): number {
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Validates an 18-character 身份证号. Surrounding spaces are ignored and a lowercase x is accepted;
 * `value` is the normalised number. `today` (default: now, local calendar date) bounds the birth date.
 */
export function validateIdNumber(input: unknown, today: Date = new Date()): IdNumberValidation {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, message: '身份证号不能为空' };
  }
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, message: '身份证号应为18位' };
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, message: '身份证号格式不正确（前17位应为数字，末位为数字或X）' };
  }
  if (!PROVINCE_CODES.has(value.slice(0, 2))) {
    return { ok: false, message: '身份证号地区码无效' };
  }
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (!isRealDate(year, month, day)) return { ok: false, message: '身份证号出生日期无效' };
  if (year < MIN_BIRTH_YEAR) return { ok: false, message: '身份证号出生日期无效（早于1900年）' };
  if (year * 10000 + month * 100 + day > localDayNumber(today)) {
    return { ok: false, message: '身份证号出生日期无效（晚于今天）' };
  }
  if (idNumberCheckChar(value) !== value[17]) {
    return { ok: false, message: '身份证号最后一位不对，请再核对一遍' };
  }
  const gender: Gender = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, gender, birthDate: `${year}-${pad2(month)}-${pad2(day)}` };
}

export function isValidIdNumber(input: unknown, today?: Date): boolean {
  return validateIdNumber(input, today).ok;
}

/**
 * Age in completed years (周岁) on `today`. `birthDate` is 'YYYY-MM-DD' or a Date; Dates are read by
 * their local calendar fields. Someone born on 29 February turns a year older on 1 March in common
 * years. Throws a RangeError on a malformed birth date.
 */
export function ageOn(birthDate: string | Date, today: Date): number;
export function ageOn(birthDate: string | Date | null, today: Date): number | null;
export function ageOn(birthDate: string | Date | null, today: Date): number | null {
  if (birthDate === null) return null;
  let y: number;
  let m: number;
  let d: number;
  if (typeof birthDate === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate.trim());
    if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      throw new RangeError(`Invalid birth date: ${birthDate}`);
    }
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    if (Number.isNaN(birthDate.getTime())) throw new RangeError('Invalid birth date');
    y = birthDate.getFullYear();
    m = birthDate.getMonth() + 1;
    d = birthDate.getDate();
  }
  const ty = today.getFullYear();
  const tm = today.getMonth() + 1;
  const td = today.getDate();
  let age = ty - y;
  if (tm < m || (tm === m && td < d)) age -= 1;
  return age;
}
