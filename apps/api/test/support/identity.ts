import { idNumberCheckChar } from '@zaogong/shared';

/** A valid 18-digit 身份证号 for an area (6 digits), birth date (YYYYMMDD) and sequence (3 digits). */
export function idNumber(area: string, birth: string, seq: string): string {
  const body = `${area}${birth}${seq}`;
  return body + idNumberCheckChar(body);
}
