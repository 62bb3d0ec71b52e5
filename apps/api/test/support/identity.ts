import { idNumberCheckChar } from '@zaogong/shared';

/** A valid 18-digit 身份证号 for an area (6 digits), birth date (YYYYMMDD) and sequence (3 digits). */
export function idNumber(area: string, birth: string, seq: string): string {
  const body = `${area}${birth}${seq}`;
  return body + idNumberCheckChar(body);
}

/** A valid 统一社会信用代码 of a company registered in 山亭区, from an 8-character organisation base. */
export { demoCreditCode as creditCode } from '../../src/database/seeds/demo.seed';

/**
 * A 王秀英 of 桑村镇桑村村 (a welder looking for full-time work) as POST /residents takes her: the sequence `n`
 * (100–999) makes her 身份证号 and phone unique.
 */
export function residentBody(n: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '王秀英',
    idNumber: idNumber('370406', '19710315', String(n)),
    phone: `139054${String(n).padStart(5, '0')}`,
    villageCode: '370406103200',
    skills: ['电焊'],
    desiredOccupations: ['6-05-01'],
    availability: ['full_time'],
    consent: { method: 'signature', at: '2025-11-20T09:00:00+08:00' },
    ...over,
  };
}
