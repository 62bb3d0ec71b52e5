import { ERASED_PERSON_NAME } from '@zaogong/shared';
import { Resident } from '../residents/entities/resident.entity';
import { erasedAccountFields, erasedResidentFields } from './erasure.policy';

const now = new Date('2026-12-01T08:00:00Z');

function resident(): Resident {
  return Object.assign(new Resident(), {
    id: 'r1',
    name: '刘芳',
    idNumberCipher: 'v1:secret-id',
    idNumberHash: 'a'.repeat(64),
    phoneCipher: 'v1:secret-phone',
    phoneHash: 'b'.repeat(64),
    gender: 'female',
    birthDate: '1988-05-12',
    villageCode: '370406103201',
    townCode: '370406103',
    education: 'junior_high',
    skills: ['编织'],
    desiredOccupations: ['6-02-01'],
    desiredTownCodes: ['370406103'],
    maxCommuteKm: 10,
    expectedWageMin: 3000,
    wageUnit: 'month',
    availability: ['full_time'],
    keyGroups: ['hard_to_employ'],
    status: 'employed',
    consentMethod: 'signature',
    consentAt: new Date('2026-01-01T00:00:00Z'),
    consentBy: 'liaison-1',
    registeredBy: 'liaison-1',
    userId: 'u1',
    personalizedRecommendations: true,
    erasedAt: null,
  });
}

describe('erasedResidentFields', () => {
  const r = resident();
  const erased = { ...r, ...erasedResidentFields(r, 'v1:empty', now) };

  it('leaves nothing that names the person', () => {
    // registered_by stays: it is the liaison's id, not the person's.
    const text = JSON.stringify({ ...erased, registeredBy: null });
    for (const value of ['刘芳', 'secret-id', 'secret-phone', 'a'.repeat(64), 'b'.repeat(64), '编织', '6-02-01', '05-12', 'hard_to_employ', 'liaison-1', '"u1"']) {
      expect(text).not.toContain(value);
    }
    expect(erased).toMatchObject({ name: ERASED_PERSON_NAME, idNumberCipher: 'v1:empty', phoneCipher: 'v1:empty', userId: null, consentBy: null, keyGroups: [], skills: [], education: null, expectedWageMin: null });
  });

  it('keeps the area, gender and birth year the counted rows are reported by, and the consent’s basis', () => {
    expect(erased).toMatchObject({ villageCode: '370406103201', townCode: '370406103', gender: 'female', birthDate: '1988-01-01', consentMethod: 'signature', consentAt: r.consentAt });
  });

  it('takes the record out of matching and marks it erased, with a blind index no 身份证号 can have', () => {
    expect(erased).toMatchObject({ status: 'not_seeking', personalizedRecommendations: false, erasedAt: now });
    expect(erased.idNumberHash).toBe('erased:r1');
    expect(erased.idNumberHash).not.toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('erasedAccountFields', () => {
  it('anonymises and disables the account and releases its WeChat and phone', () => {
    expect(erasedAccountFields(now)).toMatchObject({ name: ERASED_PERSON_NAME, wechatOpenid: null, wechatUnionid: null, devKey: null, phoneCipher: null, phoneIndex: null, employerId: null, disabledAt: now });
  });
});
