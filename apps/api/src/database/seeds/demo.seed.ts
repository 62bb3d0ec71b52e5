import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_MINIMUM_WAGE, DISTRICT_CODE, POST_DEFAULT_LIFETIME_DAYS, checkPostCompliance, creditCodeCheckChar, idNumberCheckChar, monthlyEquivalent, orgCodeCheckChar, validateIdNumber } from '@zaogong/shared';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Employer } from '../../employers/entities/employer.entity';
import { JobPosting } from '../../job-postings/entities/job-posting.entity';
import { Resident } from '../../residents/entities/resident.entity';
import { Policy } from '../../policies/entities/policy.entity';
import { DEMO_POLICIES } from './policies.data';
import { DEMO_EMPLOYERS, DEMO_PENDING_EMPLOYER, DEMO_PENDING_POSTS, DEMO_POSTS, DEMO_RESIDENTS, type DemoEmployer, type DemoPost } from './demo.data';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export function demoCreditCode(orgBase: string): string {
  const body = `91${DISTRICT_CODE}${orgBase}${orgCodeCheckChar(orgBase)}`;
  return body + creditCodeCheckChar(body);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Demo employers, posts and residents, on an empty database only. Returns what it added. */
export async function seedDemoData(ds: DataSource, cipher: PersonalDataCipher, now: Date): Promise<{ employers: number; posts: number; residents: number }> {
  return ds.transaction(async (em) => {
    if ((await em.count(Employer)) > 0) return { employers: 0, posts: 0, residents: 0 };
    const ids = new Map<string, string>();
    const employerRow = (e: DemoEmployer, verified: boolean) => {
      const id = randomUUID();
      ids.set(e.key, id);
      return em.create(Employer, {
        id,
        name: e.name,
        creditCode: demoCreditCode(e.orgBase),
        industryCode: e.industryCode,
        townCode: e.townCode,
        address: e.address,
        contactName: e.contactName,
        contactPhoneCipher: cipher.encrypt(e.contactPhone),
        verification: verified ? 'verified' : 'pending',
        verificationReason: null,
        createdBy: null,
        verifiedAt: verified ? new Date(now.getTime() - 30 * DAY) : null,
        lat: null,
        lng: null,
      });
    };
    const employers = [...DEMO_EMPLOYERS.map((e) => employerRow(e, true)), employerRow(DEMO_PENDING_EMPLOYER, false)];
    await em.insert(Employer, employers);

    const postRow = (p: DemoPost, published: boolean) => {
      const at = new Date(now.getTime() - p.hoursAgo * HOUR);
      const start = p.startInDays !== undefined ? new Date(now.getTime() + p.startInDays * DAY) : null;
      const end = start && p.lastsDays ? new Date(start.getTime() + p.lastsDays * DAY) : null;
      const employerId = ids.get(p.employer);
      if (!employerId) throw new Error(`demo post names unknown employer ${p.employer}`);
      const findings = checkPostCompliance(p, DEFAULT_MINIMUM_WAGE).findings;
      return em.create(JobPosting, {
        id: randomUUID(),
        employerId,
        title: p.title,
        occupationCode: p.occupationCode,
        description: p.description,
        skills: p.skills,
        wageMin: p.wageMin,
        wageMax: p.wageMax,
        wageUnit: p.wageUnit,
        monthlyWageMin: monthlyEquivalent(p.wageMin, p.wageUnit),
        type: p.type,
        headcount: p.headcount,
        townCode: p.townCode,
        villageCode: null,
        lat: null,
        lng: null,
        benefits: p.benefits,
        startDate: start ? isoDate(start) : null,
        endDate: end ? isoDate(end) : null,
        status: published ? 'published' : 'pending_review',
        complianceFlags: findings,
        submittedAt: at,
        publishedAt: published ? at : null,
        refreshedAt: published ? at : null,
        expiresAt: published ? (end ?? new Date(at.getTime() + POST_DEFAULT_LIFETIME_DAYS * DAY)) : null,
        openReports: 0,
      });
    };
    const posts = [...DEMO_POSTS.map((p) => postRow(p, true)), ...DEMO_PENDING_POSTS.map((p) => postRow(p, false))];
    await em.insert(JobPosting, posts);

    const residents = DEMO_RESIDENTS.map((r) => {
      const idNumber = r.idBody + idNumberCheckChar(r.idBody);
      const parsed = validateIdNumber(idNumber, now);
      if (!parsed.ok) throw new Error(`demo resident ${r.name} has an invalid 身份证号: ${parsed.message}`);
      return em.create(Resident, {
        id: randomUUID(),
        name: r.name,
        idNumberCipher: cipher.encrypt(idNumber),
        idNumberHash: cipher.blindIndex('id_number', idNumber),
        phoneCipher: cipher.encrypt(r.phone),
        phoneHash: cipher.blindIndex('phone', r.phone),
        gender: parsed.gender,
        birthDate: parsed.birthDate,
        villageCode: r.villageCode,
        townCode: r.villageCode.slice(0, 9),
        education: r.education,
        graduationDate: r.graduationDate ?? null,
        skills: r.skills,
        desiredOccupations: r.desiredOccupations,
        desiredTownCodes: [],
        maxCommuteKm: r.maxCommuteKm,
        expectedWageMin: r.expectedWageMin,
        wageUnit: r.wageUnit,
        availability: r.availability,
        keyGroups: r.keyGroups,
        status: 'seeking',
        consentMethod: 'signature',
        consentAt: new Date(now.getTime() - 7 * DAY),
        consentBy: null,
        registeredBy: null,
        userId: null,
      });
    });
    await em.insert(Resident, residents);
    return { employers: employers.length, posts: posts.length, residents: residents.length };
  });
}

/** The demo policies (政策找人), once, on a database with none; in force from the start of this year. */
export async function seedDemoPolicies(ds: DataSource, now: Date): Promise<number> {
  return ds.transaction(async (em) => {
    if ((await em.count(Policy)) > 0) return 0;
    const year = new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 4);
    const rows = DEMO_POLICIES.map((p) =>
      em.create(Policy, {
        id: randomUUID(),
        title: p.title,
        issuer: p.issuer,
        docNumber: null,
        summary: p.summary,
        benefit: p.benefit,
        audience: p.audience,
        rules: p.rules,
        materials: p.materials ?? null,
        howToApply: p.howToApply,
        contactPhone: p.contactPhone ?? null,
        validFrom: `${year}-01-01`,
        validTo: null,
        sourceUrl: null,
        status: 'published',
        createdBy: null,
      }),
    );
    await em.save(Policy, rows);
    return rows.length;
  });
}
