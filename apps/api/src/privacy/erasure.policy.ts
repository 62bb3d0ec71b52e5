import { ERASED_PERSON_NAME } from '@zaogong/shared';
import type { User } from '../auth/entities/user.entity';
import type { Resident } from '../residents/entities/resident.entity';

/**
 * What an erased 求职信息 keeps, and why (docs/business-logic/personal-data-rights.md). Pure.
 *
 * The counted statistics read new_employment, which holds its own copy of what they count by (year,
 * month, 镇街, 村居, key groups at the time of the hire), so past years' figures need nothing from the
 * record. The record itself stays, without anything that names the person, because the counted hire
 * and the 新增就业实名制台账 of past years point at it: that form lists 性别 and 年龄 of each counted
 * person, so the record keeps the gender and the birth year (the date becomes 1 January), and its
 * 村居/镇街 (the area the row is counted and scoped in). Everything else goes: the name, the 身份证号
 * (ciphertext and blind index, so the same person can register again as someone new), the phone,
 * skills, wishes, key groups, the link to the account, who took the consent. The consent's method
 * and time stay: they are the lawful basis the data was held on until now. The status becomes
 * not_seeking, so no match, list of seekers or digest reaches the stub.
 *
 * `emptyCipher` is the ciphertext of an empty string: code that decrypts every record (lists, the
 * ledger) keeps working and shows nothing.
 */
export function erasedResidentFields(r: Pick<Resident, 'id' | 'birthDate'>, emptyCipher: string, now: Date): Partial<Resident> {
  return {
    name: ERASED_PERSON_NAME,
    idNumberCipher: emptyCipher,
    // Unique and never the keyed hash of any 身份证号 (those are 64 hex digits).
    idNumberHash: `erased:${r.id}`,
    phoneCipher: emptyCipher,
    phoneHash: 'erased',
    birthDate: r.birthDate === null ? null : `${r.birthDate.slice(0, 4)}-01-01`,
    education: null,
    skills: [],
    desiredOccupations: [],
    desiredTownCodes: [],
    maxCommuteKm: null,
    expectedWageMin: null,
    wageUnit: null,
    availability: [],
    keyGroups: [],
    status: 'not_seeking',
    consentBy: null,
    userId: null,
    personalizedRecommendations: false,
    erasedAt: now,
    updatedAt: now,
  };
}

/** What the ended account keeps: its id (the audit log names it) and role; nothing that finds the person. */
export function erasedAccountFields(now: Date): Partial<User> {
  return {
    name: ERASED_PERSON_NAME,
    wechatOpenid: null,
    wechatUnionid: null,
    devKey: null,
    phoneCipher: null,
    phoneIndex: null,
    employerId: null,
    mfaSecretCipher: null,
    mfaEnabledAt: null,
    disabledAt: now,
    disabledReason: '本人申请删除个人信息，账号已注销',
  };
}
