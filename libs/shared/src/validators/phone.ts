import type { ValidationResult } from './validation-result';

/**
 * Mainland mobile numbers only (no landlines): 11 digits starting 13–19. An optional +86 / 86 / 0086
 * country prefix, spaces and dashes are accepted; `value` is the bare 11 digits.
 */
export function validateMobile(input: unknown): ValidationResult {
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, message: '手机号不能为空' };
  }
  let digits = input.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086') && digits.length === 15) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  if (!/^\d{11}$/.test(digits)) return { ok: false, message: '手机号应为11位数字' };
  if (!/^1[3-9]/.test(digits)) return { ok: false, message: '手机号格式不正确' };
  return { ok: true, value: digits };
}

export function isValidMobile(input: unknown): boolean {
  return validateMobile(input).ok;
}
