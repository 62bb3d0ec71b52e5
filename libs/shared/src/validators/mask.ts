import { validateMobile } from './phone';

/**
 * Masking for display. Every function tolerates null, undefined and short input and never throws.
 * Input too short to keep both ends is masked entirely, so nothing is revealed by accident.
 */

function maskMiddle(input: string, head: number, tail: number): string {
  const chars = Array.from(input);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  const kept = (from: number, to: number) => chars.slice(from, to).join('');
  return kept(0, head) + '*'.repeat(chars.length - head - tail) + kept(chars.length - tail, chars.length);
}

/** '370406199001011234' → '3704**********1234' (first 4 and last 4 kept). */
export function maskIdNumber(idNumber: string | null | undefined): string {
  if (typeof idNumber !== 'string') return '';
  return maskMiddle(idNumber.trim(), 4, 4);
}

/** '13912341234' → '139****1234'; a +86 or spaced number is normalised first. */
export function maskPhone(phone: string | null | undefined): string {
  if (typeof phone !== 'string') return '';
  const checked = validateMobile(phone);
  return maskMiddle(checked.ok ? checked.value : phone.trim(), 3, 4);
}

/** '张三丰' → '张**', '张三' → '张*': the first character kept; a one-character name becomes '*'. */
export function maskName(name: string | null | undefined): string {
  if (typeof name !== 'string') return '';
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0] + '*'.repeat(chars.length - 1);
}
