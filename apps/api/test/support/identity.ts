import { idNumberCheckChar } from '@zaogong/shared';

/** A valid 18-digit 身份证号 for an area (6 digits), birth date (YYYYMMDD) and sequence (3 digits). */
export function idNumber(area: string, birth: string, seq: string): string {
  const body = `${area}${birth}${seq}`;
  return body + idNumberCheckChar(body);
}

/** A valid 统一社会信用代码 of a company registered in 山亭区, from an 8-character organisation base. */
export { demoCreditCode as creditCode } from '../../src/database/seeds/demo.seed';
