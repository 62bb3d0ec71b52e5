import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ageOn, chinaDateOf, monthsBetween, type EducationLevel, type EmployerFacts, type Gender, type IndustryCode, type KeyGroup, type PersonFacts, type ResidentStatus } from '@zaogong/shared';

/** A person as the matcher sees them: the facts, and where to reach them and their liaison. */
export interface PersonSubject {
  id: string;
  userId: string | null;
  name: string;
  townCode: string;
  villageCode: string;
  facts: PersonFacts;
}

export interface EmployerSubject {
  id: string;
  name: string;
  townCode: string;
  facts: EmployerFacts;
}

const CHUNK = 500;
const DAY = 86_400_000;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

const list = (v: unknown): string[] => {
  if (Array.isArray(v)) return v as string[];
  try {
    const parsed: unknown = JSON.parse(String(v ?? '[]'));
    return Array.isArray(parsed) ? (parsed as string[]) : [];
  } catch {
    return [];
  }
};

/**
 * The facts the policy rules read, for some people (or firms) or all of them, in a handful of grouped queries
 * (100,000 people: a few seconds; bench/policies.bench.mjs): the ledger's fields, days of day work in the last
 * 90 days, the latest counted hire; for firms, the key-group people they hired (counted) in 12 months.
 */
@Injectable()
export class PolicyFacts {
  constructor(private readonly ds: DataSource) {}

  async people(ids: string[] | null, now: Date): Promise<PersonSubject[]> {
    const today = chinaDateOf(now);
    const since90 = chinaDateOf(new Date(now.getTime() - 89 * DAY));
    const out: PersonSubject[] = [];
    for (const part of ids === null ? [null] : chunks(ids)) {
      if (part && part.length === 0) continue;
      const qb = this.ds
        .createQueryBuilder()
        .select(['r.id AS id', 'r.user_id AS user_id', 'r.name AS name', 'r.key_groups AS key_groups', 'r.birth_date AS birth_date', 'r.gender AS gender', 'r.education AS education', 'r.status AS status', 'r.town_code AS town_code', 'r.village_code AS village_code', 'r.graduation_date AS graduation_date'])
        .from('residents', 'r')
        .where('r.erased_at IS NULL');
      if (part) qb.andWhere('r.id IN (:...ids)', { ids: part });
      const rows = await qb.getRawMany<Record<string, unknown>>();
      const gigQb = this.ds
        .createQueryBuilder()
        .select('s.resident_id', 'id')
        .addSelect('COUNT(*)', 'n')
        .from('gig_signups', 's')
        .where("s.status IN ('checked_in', 'checked_out') AND s.work_date >= :since90 AND s.work_date <= :today", { since90, today })
        .groupBy('s.resident_id');
      const hireQb = this.ds.createQueryBuilder().select('h.resident_id', 'id').addSelect('MAX(h.start_date)', 'start').from('hires', 'h').where('h.verified = 1').groupBy('h.resident_id');
      if (part) {
        gigQb.andWhere('s.resident_id IN (:...ids)', { ids: part });
        hireQb.andWhere('h.resident_id IN (:...ids)', { ids: part });
      }
      const gigDays = new Map((await gigQb.getRawMany<{ id: string; n: unknown }>()).map((g) => [g.id, Number(g.n)]));
      const latestHire = new Map((await hireQb.getRawMany<{ id: string; start: string }>()).map((h) => [h.id, h.start]));
      for (const r of rows) {
        const id = String(r.id);
        out.push({
          id,
          userId: (r.user_id as string | null) ?? null,
          name: String(r.name),
          townCode: String(r.town_code),
          villageCode: String(r.village_code),
          facts: {
            keyGroups: list(r.key_groups) as KeyGroup[],
            age: r.birth_date ? ageOn(String(r.birth_date), now) : null,
            gender: (r.gender as Gender | null) ?? null,
            education: (r.education as EducationLevel | null) ?? null,
            status: r.status as ResidentStatus,
            townCode: String(r.town_code),
            villageCode: String(r.village_code),
            gigDays90: gigDays.get(id) ?? 0,
            monthsSinceGraduation: monthsBetween((r.graduation_date as string | null) ?? null, today),
            hiredWithinMonths: monthsBetween(latestHire.get(id) ?? null, today),
          },
        });
      }
    }
    return out;
  }

  async employers(ids: string[] | null, now: Date): Promise<EmployerSubject[]> {
    const since = chinaDateOf(new Date(now.getTime() - 365 * DAY));
    const out: EmployerSubject[] = [];
    for (const part of ids === null ? [null] : chunks(ids)) {
      if (part && part.length === 0) continue;
      const qb = this.ds.createQueryBuilder().select(['e.id AS id', 'e.name AS name', 'e.industry_code AS industry_code', 'e.town_code AS town_code']).from('employers', 'e').where("e.kind = 'firm' AND e.verification = 'verified'");
      if (part) qb.andWhere('e.id IN (:...ids)', { ids: part });
      const rows = await qb.getRawMany<Record<string, unknown>>();
      const hiresQb = this.ds
        .createQueryBuilder()
        .select('h.employer_id', 'id')
        .addSelect('COUNT(DISTINCT h.resident_id)', 'n')
        .from('hires', 'h')
        .innerJoin('residents', 'r', 'r.id = h.resident_id')
        .where("h.verified = 1 AND h.start_date >= :since AND h.employer_id IS NOT NULL AND r.key_groups <> '[]'", { since })
        .groupBy('h.employer_id');
      if (part) hiresQb.andWhere('h.employer_id IN (:...ids)', { ids: part });
      const keyHires = new Map((await hiresQb.getRawMany<{ id: string; n: unknown }>()).map((h) => [h.id, Number(h.n)]));
      for (const r of rows) {
        const id = String(r.id);
        out.push({ id, name: String(r.name), townCode: String(r.town_code), facts: { industryCode: r.industry_code as IndustryCode, townCode: String(r.town_code), keyGroupHires12m: keyHires.get(id) ?? 0 } });
      }
    }
    return out;
  }
}
