import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { chinaDateOf, evaluateRules, type PolicyAudience, type PolicyRule, type RegionNames } from '@zaogong/shared';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { Policy } from './entities/policy.entity';
import { PolicyMatch } from './entities/policy-match.entity';
import { PolicyFacts, type EmployerSubject, type PersonSubject } from './policy-facts';
import { PolicyNotices } from './policy-notices';

/** What a pass looks at: some policies (or all in force), some people or firms (or all). */
export interface PassScope {
  policyIds?: string[];
  personIds?: string[];
  employerIds?: string[];
}

export interface PassResult {
  policies: number;
  subjects: number;
  newlyEligible: number;
  noLongerEligible: number;
}

const WRITE_CHUNK = 200;

/** Published, started, not ended (China dates). */
export function inForce(p: Pick<Policy, 'status' | 'validFrom' | 'validTo'>, today: string): boolean {
  return p.status === 'published' && p.validFrom <= today && (p.validTo === null || p.validTo >= today);
}

/**
 * Finds the people (and firms) each policy in force is for, and keeps policy_matches in step: a newly eligible
 * person gets a row — written with their message and their liaison's in one transaction, so each is told once
 * per policy, however many passes or processes run — and a row whose person stopped qualifying is marked, never
 * deleted (the liaison's notes stay). Passes run on a new or edited policy, on a changed record, and nightly
 * (birthdays, graduation months, hires ageing out).
 */
@Injectable()
export class PolicyMatcher {
  private readonly logger = new Logger(PolicyMatcher.name);

  constructor(
    private readonly ds: DataSource,
    private readonly facts: PolicyFacts,
    private readonly notices: PolicyNotices,
    private readonly clock: Clock,
  ) {}

  async inForcePolicies(ids?: string[]): Promise<Policy[]> {
    const today = chinaDateOf(this.clock.now());
    const rows = await this.ds.getRepository(Policy).find({ where: ids ? { id: In(ids), status: 'published' } : { status: 'published' } });
    return rows.filter((p) => inForce(p, today));
  }

  async pass(scope: PassScope = {}): Promise<PassResult> {
    const now = this.clock.now();
    const policies = await this.inForcePolicies(scope.policyIds);
    const names = await this.names();
    const result: PassResult = { policies: policies.length, subjects: 0, newlyEligible: 0, noLongerEligible: 0 };
    // A pass about some people or firms only looks at the policies of their audience.
    const wantPeople = scope.employerIds === undefined || scope.personIds !== undefined;
    const wantFirms = scope.personIds === undefined || scope.employerIds !== undefined;
    const personPolicies = wantPeople ? policies.filter((p) => p.audience === 'person') : [];
    const firmPolicies = wantFirms ? policies.filter((p) => p.audience === 'employer') : [];
    const people = personPolicies.length ? await this.facts.people(scope.personIds ?? null, now) : [];
    const firms = firmPolicies.length ? await this.facts.employers(scope.employerIds ?? null, now) : [];
    result.subjects = people.length + firms.length;
    for (const p of personPolicies) this.add(result, await this.apply(p, people, names, now));
    for (const p of firmPolicies) this.add(result, await this.apply(p, firms, names, now));
    return result;
  }

  /** Who qualifies now (nothing written): the total and by 镇街. */
  async preview(audience: PolicyAudience, rules: PolicyRule[]): Promise<{ subjectId: string; townCode: string; villageCode: string | null }[]> {
    const now = this.clock.now();
    const names = await this.names();
    const subjects = audience === 'person' ? await this.facts.people(null, now) : await this.facts.employers(null, now);
    return subjects
      .filter((s) => evaluateRules(audience, rules, s.facts, names).eligible)
      .map((s) => ({ subjectId: s.id, townCode: s.townCode, villageCode: 'villageCode' in s ? s.villageCode : null }));
  }

  private add(total: PassResult, part: { newly: number; gone: number }): void {
    total.newlyEligible += part.newly;
    total.noLongerEligible += part.gone;
  }

  private async apply(policy: Policy, subjects: (PersonSubject | EmployerSubject)[], names: RegionNames, now: Date): Promise<{ newly: number; gone: number }> {
    if (subjects.length === 0) return { newly: 0, gone: 0 };
    const existing = new Map<string, Pick<PolicyMatch, 'subjectId' | 'eligible' | 'reasons'>>();
    for (let i = 0; i < subjects.length; i += 1000) {
      const ids = subjects.slice(i, i + 1000).map((s) => s.id);
      const rows = await this.ds.getRepository(PolicyMatch).find({ where: { policyId: policy.id, subjectId: In(ids) }, select: { subjectId: true, eligible: true, reasons: true } });
      for (const r of rows) existing.set(r.subjectId, r);
    }
    const fresh: { subject: PersonSubject | EmployerSubject; reasons: string[] }[] = [];
    const changed: { subjectId: string; eligible: boolean; reasons: string[] }[] = [];
    for (const s of subjects) {
      const outcome = evaluateRules(policy.audience, policy.rules, s.facts, names);
      const row = existing.get(s.id);
      if (!row) {
        if (outcome.eligible) fresh.push({ subject: s, reasons: outcome.reasons });
        continue;
      }
      const reasons = outcome.eligible ? outcome.reasons : row.reasons;
      if (row.eligible !== outcome.eligible || JSON.stringify(row.reasons) !== JSON.stringify(reasons)) changed.push({ subjectId: s.id, eligible: outcome.eligible, reasons });
    }
    for (const c of changed) {
      await this.ds.getRepository(PolicyMatch).update({ policyId: policy.id, subjectId: c.subjectId }, { eligible: c.eligible, reasons: c.reasons, checkedAt: now });
    }
    for (let i = 0; i < fresh.length; i += WRITE_CHUNK) await this.record(policy, fresh.slice(i, i + WRITE_CHUNK), now);
    const gone = changed.filter((c) => !c.eligible && existing.get(c.subjectId)?.eligible).length;
    if (fresh.length || gone) this.logger.log(`policy ${policy.id}: ${fresh.length} newly eligible, ${gone} no longer`);
    return { newly: fresh.length, gone };
  }

  /** New rows and their messages in one transaction; a row another pass wrote first is skipped (told once). */
  private async record(policy: Policy, fresh: { subject: PersonSubject | EmployerSubject; reasons: string[] }[], now: Date): Promise<void> {
    const rowOf = (f: (typeof fresh)[number]) =>
      Object.assign(new PolicyMatch(), {
        policyId: policy.id,
        subjectId: f.subject.id,
        subjectKind: policy.audience,
        townCode: f.subject.townCode,
        villageCode: 'villageCode' in f.subject ? f.subject.villageCode : null,
        eligible: true,
        reasons: f.reasons,
        firstEligibleAt: now,
        checkedAt: now,
        notifiedAt: now,
        outreach: 'not_contacted' as const,
        outreachNote: null,
        outreachBy: null,
        outreachAt: null,
      });
    const write = (part: typeof fresh) =>
      this.ds.transaction(async (em) => {
        await em.getRepository(PolicyMatch).insert(part.map(rowOf));
        await this.notices.eligible(em, policy, part);
      });
    try {
      await write(fresh);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Another pass got some of them first: one by one, skipping those.
      for (const f of fresh) {
        try {
          await write([f]);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
        }
      }
    }
  }

  private async names(): Promise<RegionNames> {
    const rows = await this.ds.query('SELECT code, name FROM regions');
    const map = new Map((rows as { code: string; name: string }[]).map((r) => [r.code, r.name]));
    return (code) => map.get(code);
  }
}
