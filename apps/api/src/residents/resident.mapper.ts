import { ageOn, maskIdNumber, maskPhone, type ResidentItem } from '@zaogong/shared';
import type { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import type { Resident } from './entities/resident.entity';

/** A resident as responses show it: 身份证号 and phone decrypted only to be masked. */
/** `regionNames`: 村居/镇街 code → name; `userNames`: user id → name (who took the consent). */
export function toResidentItem(r: Resident, cipher: PersonalDataCipher, regionNames: Map<string, string>, userNames: Map<string, string>, now: Date): ResidentItem {
  return {
    id: r.id,
    name: r.name,
    idNumber: r.idNumberCipher === null ? null : maskIdNumber(cipher.decrypt(r.idNumberCipher)),
    phone: maskPhone(cipher.decrypt(r.phoneCipher)),
    gender: r.gender,
    birthDate: r.birthDate,
    age: ageOn(r.birthDate, now),
    villageCode: r.villageCode,
    villageName: regionNames.get(r.villageCode) ?? null,
    townCode: r.townCode,
    townName: regionNames.get(r.townCode) ?? null,
    education: r.education,
    graduationDate: r.graduationDate,
    skills: r.skills,
    desiredOccupations: r.desiredOccupations,
    desiredTownCodes: r.desiredTownCodes,
    maxCommuteKm: r.maxCommuteKm,
    expectedWageMin: r.expectedWageMin,
    wageUnit: r.wageUnit,
    availability: r.availability,
    keyGroups: r.keyGroups,
    status: r.status,
    consent: { method: r.consentMethod, at: r.consentAt.toISOString(), takenBy: r.consentBy ? (userNames.get(r.consentBy) ?? null) : null },
    selfRegistered: r.userId !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
