import { ForbiddenException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, In } from 'typeorm';
import {
  DISTRICT_CODE,
  POLICY_DISCLAIMER,
  RULE_OP_LABELS,
  chinaDateOf,
  evaluateRules,
  fieldsOf,
  ruleProblem,
  type MyPolicyItem,
  type Page,
  type PolicyAudience,
  type PolicyEligibleItem,
  type PolicyItem,
  type PolicyPreview,
  type PolicyRule,
  type PolicyStatsItem,
} from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { AccessService, regionCondition } from '../common/access/access.service';
import { homeRegionOf } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { fieldError } from '../common/errors/field-error';
import { clampLimit, decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { isKnownTownCode, isKnownVillageCode } from '../common/validators/known-regions';
import { Employer } from '../employers/entities/employer.entity';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { errorMessage } from '../queue/queue.util';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import type { EligibleQueryDto, OutreachDto, PolicyInputDto, PolicyPatchDto, PolicyQueryDto } from './dto/policy.dto';
import { PolicyMatch } from './entities/policy-match.entity';
import { Policy } from './entities/policy.entity';
import { PolicyFacts } from './policy-facts';
import { PolicyMatcher, inForce } from './policy-matcher.service';

const NOT_FOUND = '政策不存在';
const NOT_ON_LIST = '这个人不在这项政策的名单里';

/** The job the policies queue runs: a pass over one policy, over some people or firms, or over everything. */
export type PolicyJob = { task: 'policy'; policyId: string } | { task: 'people'; ids: string[] } | { task: 'all' };

/**
 * 政策找人: the district admin writes policies as data and previews who qualifies before publishing; anyone reads
 * those in force; a seeker sees the ones they may qualify for and why; liaisons work through their villagers who
 * qualify (未联系 → 已告知 → 办理中 → 已享受 / 不需要); the district sees the funnel. docs/business-logic/policies.md.
 */
@Injectable()
export class PoliciesService {
  private readonly logger = new Logger(PoliciesService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly matcher: PolicyMatcher,
    private readonly facts: PolicyFacts,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
  ) {}

  async create(dto: PolicyInputDto, actor: AuthPrincipal): Promise<PolicyItem> {
    await this.access.require(actor, 'policy.manage');
    this.checkRules(dto.audience, dto.rules);
    this.checkDates(dto.validFrom, dto.validTo ?? null);
    const now = this.clock.now();
    const row = Object.assign(new Policy(), {
      id: randomUUID(),
      title: dto.title,
      issuer: dto.issuer,
      docNumber: dto.docNumber ?? null,
      summary: dto.summary,
      benefit: dto.benefit,
      audience: dto.audience,
      rules: dto.rules.map(({ field, op, value }) => ({ field, op, value })),
      materials: dto.materials ?? null,
      howToApply: dto.howToApply,
      contactPhone: dto.contactPhone ?? null,
      validFrom: dto.validFrom,
      validTo: dto.validTo ?? null,
      sourceUrl: dto.sourceUrl ?? null,
      status: dto.draft ? ('draft' as const) : ('published' as const),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await this.ds.getRepository(Policy).save(row);
    if (row.status === 'published') this.passSoon({ task: 'policy', policyId: row.id });
    return this.item(row);
  }

  async patch(id: string, dto: PolicyPatchDto, actor: AuthPrincipal): Promise<PolicyItem> {
    await this.access.require(actor, 'policy.manage');
    const row = await this.load(id);
    const { draft: _draft, status, rules, ...fields } = dto;
    Object.assign(row, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
    if (rules !== undefined) row.rules = rules.map(({ field, op, value }) => ({ field, op, value }));
    if (status !== undefined) row.status = status;
    this.checkRules(row.audience, row.rules);
    this.checkDates(row.validFrom, row.validTo);
    row.updatedAt = this.clock.now();
    await this.ds.getRepository(Policy).save(row);
    if (row.status === 'published') this.passSoon({ task: 'policy', policyId: row.id });
    return this.item(row);
  }

  /** Those in force for anyone; every policy for the district admin with `all`. Newest first. */
  async list(q: PolicyQueryDto, actor: AuthPrincipal | undefined): Promise<Page<PolicyItem>> {
    const all = q.all === true;
    if (all) {
      if (!actor) throw new ForbiddenException('全部政策（草稿、已撤回）只有区级管理员可以查看');
      await this.access.require(actor, 'policy.manage');
    }
    const today = chinaDateOf(this.clock.now());
    const limit = clampLimit(q.limit);
    const qb = this.ds.getRepository(Policy).createQueryBuilder('p');
    if (!all) qb.where("p.status = 'published' AND p.valid_from <= :today AND (p.valid_to IS NULL OR p.valid_to >= :today)", { today });
    if (q.audience) qb.andWhere('p.audience = :audience', { audience: q.audience });
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      const at = new Date(Number(c.sortValue));
      if (Number.isNaN(at.getTime())) decodeCursor('');
      qb.andWhere(new Brackets((w) => w.where('p.created_at < :cAt', { cAt: at }).orWhere('p.created_at = :cAt AND p.id < :cId', { cAt: at, cId: c.id })));
    }
    const rows = await qb.orderBy('p.created_at', 'DESC').addOrderBy('p.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((p) => this.item(p)), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.getTime(), last.id) : null };
  }

  /** A published policy for anyone (in force or not); a draft or withdrawn one for the district admin only. */
  async get(id: string, actor: AuthPrincipal | undefined): Promise<PolicyItem> {
    const row = await this.load(id);
    if (row.status !== 'published' && !(actor && (await this.access.may(actor, 'policy.manage')))) throw new NotFoundException(NOT_FOUND);
    return this.item(row);
  }

  async previewOf(id: string, actor: AuthPrincipal): Promise<PolicyPreview> {
    await this.access.require(actor, 'policy.manage');
    const row = await this.load(id);
    return this.preview(row.id, row.audience, row.rules);
  }

  async previewRules(audience: PolicyAudience, rules: PolicyRule[], actor: AuthPrincipal): Promise<PolicyPreview> {
    await this.access.require(actor, 'policy.manage');
    this.checkRules(audience, rules);
    return this.preview('', audience, rules);
  }

  /** The policies in force the caller (a seeker, or a firm's member) may qualify for now, with the reasons. */
  async mine(actor: AuthPrincipal): Promise<{ items: MyPolicyItem[] }> {
    const now = this.clock.now();
    const names = await this.regions.names((await this.regions.children()).map((t) => t.code));
    const nameOf = (code: string) => names.get(code);
    if (actor.role === 'seeker') {
      const me = await this.ds.getRepository(Resident).findOne({ where: { userId: actor.userId }, select: { id: true } });
      if (!me) return { items: [] };
      const [person] = await this.facts.people([me.id], now);
      if (!person) return { items: [] };
      const villageNames = await this.regions.names([person.villageCode]);
      const policies = (await this.matcher.inForcePolicies()).filter((p) => p.audience === 'person');
      return { items: this.matching(policies, 'person', person.facts, (c) => nameOf(c) ?? villageNames.get(c)) };
    }
    if (actor.role === 'employer') {
      const user = await this.ds.getRepository(User).findOne({ where: { id: actor.userId }, select: { id: true, employerId: true } });
      if (!user?.employerId) return { items: [] };
      const [firm] = await this.facts.employers([user.employerId], now);
      if (!firm) return { items: [] };
      const policies = (await this.matcher.inForcePolicies()).filter((p) => p.audience === 'employer');
      return { items: this.matching(policies, 'employer', firm.facts, nameOf) };
    }
    return { items: [] };
  }

  /** A liaison's villagers (an admin's area's people or firms) on a policy's list, newest first. */
  async eligible(id: string, q: EligibleQueryDto, actor: AuthPrincipal): Promise<Page<PolicyEligibleItem>> {
    const policy = await this.load(id);
    const scope = await this.access.scope(actor, 'policy.eligible');
    const limit = clampLimit(q.limit);
    const qb = this.ds.getRepository(PolicyMatch).createQueryBuilder('m').where('m.policy_id = :id', { id });
    if (scope.kind === 'region') {
      const [condition, params] = regionCondition(scope.code, { town: 'm.town_code', village: 'm.village_code' });
      qb.andWhere(condition, params);
    }
    if (q.outreach) qb.andWhere('m.outreach = :outreach', { outreach: q.outreach });
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      const at = new Date(Number(c.sortValue));
      if (Number.isNaN(at.getTime())) decodeCursor('');
      qb.andWhere(new Brackets((w) => w.where('m.first_eligible_at < :cAt', { cAt: at }).orWhere('m.first_eligible_at = :cAt AND m.subject_id < :cId', { cAt: at, cId: c.id })));
    }
    const rows = await qb.orderBy('m.first_eligible_at', 'DESC').addOrderBy('m.subject_id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const ids = page.map((m) => m.subjectId);
    const subjectNames = new Map<string, string>(
      ids.length === 0
        ? []
        : policy.audience === 'person'
          ? (await this.ds.getRepository(Resident).find({ where: { id: In(ids) }, select: { id: true, name: true } })).map((r) => [r.id, r.name])
          : (await this.ds.getRepository(Employer).find({ where: { id: In(ids) }, select: { id: true, name: true } })).map((e) => [e.id, e.name]),
    );
    const places = await this.regions.names(page.flatMap((m) => [m.townCode, m.villageCode]).filter((c): c is string => !!c));
    return {
      items: page.map((m) => ({
        subjectId: m.subjectId,
        residentId: m.subjectKind === 'person' ? m.subjectId : null,
        employerId: m.subjectKind === 'employer' ? m.subjectId : null,
        name: subjectNames.get(m.subjectId) ?? '（已删除）',
        villageName: m.villageCode ? (places.get(m.villageCode) ?? null) : null,
        townName: places.get(m.townCode) ?? null,
        reasons: m.reasons,
        stillEligible: m.eligible,
        firstEligibleAt: m.firstEligibleAt.toISOString(),
        notifiedAt: m.notifiedAt?.toISOString() ?? null,
        outreach: m.outreach,
        outreachNote: m.outreachNote,
        outreachAt: m.outreachAt?.toISOString() ?? null,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.firstEligibleAt.getTime(), last.subjectId) : null,
    };
  }

  async outreach(id: string, subjectId: string, dto: OutreachDto, actor: AuthPrincipal): Promise<PolicyEligibleItem> {
    await this.load(id);
    const match = await this.ds.getRepository(PolicyMatch).findOneBy({ policyId: id, subjectId });
    if (!match) throw new NotFoundException(NOT_ON_LIST);
    await this.access.require(actor, 'policy.outreach', { townCode: match.townCode, villageCode: match.villageCode }, { notFound: NOT_ON_LIST });
    const now = this.clock.now();
    await this.ds.getRepository(PolicyMatch).update({ policyId: id, subjectId }, { outreach: dto.outreach, outreachNote: dto.note ?? null, outreachBy: actor.userId, outreachAt: now });
    const page = await this.eligible(id, { limit: 100 }, actor);
    const item = page.items.find((x) => x.subjectId === subjectId);
    if (item) return item;
    // Beyond the first page: the row alone.
    const fresh = await this.ds.getRepository(PolicyMatch).findOneByOrFail({ policyId: id, subjectId });
    return { subjectId, residentId: fresh.subjectKind === 'person' ? subjectId : null, employerId: fresh.subjectKind === 'employer' ? subjectId : null, name: '', villageName: null, townName: null, reasons: fresh.reasons, stillEligible: fresh.eligible, firstEligibleAt: fresh.firstEligibleAt.toISOString(), notifiedAt: fresh.notifiedAt?.toISOString() ?? null, outreach: fresh.outreach, outreachNote: fresh.outreachNote, outreachAt: fresh.outreachAt?.toISOString() ?? null };
  }

  /** Per policy: eligible now, told by the app, and the liaisons' funnel (told ⊇ applying ⊇ received), by 镇街. */
  async stats(actor: AuthPrincipal): Promise<{ items: PolicyStatsItem[] }> {
    const home = homeRegionOf(actor);
    await this.access.require(actor, 'stats.read', { regionCode: home ?? DISTRICT_CODE });
    const area = home && home !== DISTRICT_CODE ? home : null;
    const qb = this.ds
      .getRepository(PolicyMatch)
      .createQueryBuilder('m')
      .select('m.policy_id', 'policyId')
      .addSelect('m.town_code', 'town')
      .addSelect('SUM(CASE WHEN m.eligible = 1 THEN 1 ELSE 0 END)', 'eligible')
      .addSelect('SUM(CASE WHEN m.notified_at IS NOT NULL THEN 1 ELSE 0 END)', 'notified')
      .addSelect("SUM(CASE WHEN m.outreach IN ('told', 'applying', 'received') THEN 1 ELSE 0 END)", 'told')
      .addSelect("SUM(CASE WHEN m.outreach IN ('applying', 'received') THEN 1 ELSE 0 END)", 'applying')
      .addSelect("SUM(CASE WHEN m.outreach = 'received' THEN 1 ELSE 0 END)", 'received')
      .addSelect("SUM(CASE WHEN m.outreach = 'declined' THEN 1 ELSE 0 END)", 'declined')
      .groupBy('m.policy_id')
      .addGroupBy('m.town_code');
    if (area) {
      const [condition, params] = regionCondition(area, { town: 'm.town_code', village: 'm.village_code' });
      qb.where(condition, params);
    }
    const rows = await qb.getRawMany<Record<string, string | number>>();
    const policies = await this.ds.getRepository(Policy).find({ where: { status: In(['published', 'withdrawn']) }, order: { createdAt: 'DESC' } });
    const names = await this.regions.names(rows.map((r) => String(r.town)));
    const today = chinaDateOf(this.clock.now());
    const n = (v: unknown) => Number(v ?? 0);
    return {
      items: policies.map((p) => {
        const mine = rows.filter((r) => r.policyId === p.id);
        const sum = (k: string) => mine.reduce((t, r) => t + n(r[k]), 0);
        return {
          policyId: p.id,
          title: p.title,
          audience: p.audience,
          inForce: inForce(p, today),
          eligible: sum('eligible'),
          notified: sum('notified'),
          told: sum('told'),
          applying: sum('applying'),
          received: sum('received'),
          declined: sum('declined'),
          byTown: mine.map((r) => ({ code: String(r.town), name: names.get(String(r.town)) ?? String(r.town), eligible: n(r.eligible), told: n(r.told), applying: n(r.applying), received: n(r.received) })).sort((a, b) => a.code.localeCompare(b.code)),
        };
      }),
    };
  }

  item(p: Policy): PolicyItem {
    const fields = fieldsOf(p.audience);
    const valueText = (field: string, v: unknown): string => {
      const words = fields[field]?.values;
      const one = (x: unknown) => (words && typeof x === 'string' ? (words[x] ?? x) : String(x));
      return Array.isArray(v) ? v.map(one).join('、') : one(v);
    };
    return {
      id: p.id,
      title: p.title,
      issuer: p.issuer,
      docNumber: p.docNumber,
      summary: p.summary,
      benefit: p.benefit,
      audience: p.audience,
      rules: p.rules,
      rulesText: p.rules.map((r) => `${fields[r.field]?.label ?? r.field}${RULE_OP_LABELS[r.op] ?? r.op}${valueText(r.field, r.value)}`),
      materials: p.materials,
      howToApply: p.howToApply,
      contactPhone: p.contactPhone,
      validFrom: p.validFrom,
      validTo: p.validTo,
      sourceUrl: p.sourceUrl,
      status: p.status,
      inForce: inForce(p, chinaDateOf(this.clock.now())),
      disclaimer: POLICY_DISCLAIMER,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  private matching(policies: Policy[], audience: PolicyAudience, facts: Parameters<typeof evaluateRules>[2], names: (code: string) => string | undefined): MyPolicyItem[] {
    return policies
      .map((p) => ({ p, outcome: evaluateRules(audience, p.rules, facts, names) }))
      .filter((x) => x.outcome.eligible)
      .map((x) => ({ policy: this.item(x.p), reasons: x.outcome.reasons }));
  }

  private async preview(policyId: string, audience: PolicyAudience, rules: PolicyRule[]): Promise<PolicyPreview> {
    const found = await this.matcher.preview(audience, rules);
    const towns = await this.regions.children();
    const byTown = towns.map((t) => ({ code: t.code, name: t.name, count: found.filter((f) => f.townCode === t.code).length })).filter((t) => t.count > 0);
    const unit = audience === 'person' ? '人' : '家';
    const top = [...byTown].sort((a, b) => b.count - a.count).slice(0, 3);
    const text = `现在符合的有 ${found.length} ${unit}${top.length ? `，${top.map((t) => `${t.name} ${t.count} ${unit}`).join('，')}${byTown.length > 3 ? '…' : ''}` : ''}`;
    return { policyId, audience, total: found.length, byTown, text };
  }

  private checkRules(audience: PolicyAudience, rules: unknown): void {
    const problem = ruleProblem(audience, rules);
    if (problem) throw fieldError(problem.index === null ? 'rules' : `rules.${problem.index}`, problem.message);
    // Region codes must name real places of the district.
    for (const [i, r] of (rules as PolicyRule[]).entries()) {
      if (r.field !== 'townCode' && r.field !== 'villageCode') continue;
      const known = r.field === 'townCode' ? isKnownTownCode : isKnownVillageCode;
      for (const v of Array.isArray(r.value) ? r.value : [r.value]) if (!known(v)) throw fieldError(`rules.${i}`, `第${i + 1}条条件：没有这个${r.field === 'townCode' ? '镇街' : '村居'}：${String(v)}`);
    }
  }

  private checkDates(from: string, to: string | null): void {
    if (Number.isNaN(Date.parse(`${from}T00:00:00Z`))) throw fieldError('validFrom', '应为日期，如 2027-01-01');
    if (to !== null && to < from) throw fieldError('validTo', '截止日期不能早于开始日期');
  }

  private async load(id: string): Promise<Policy> {
    const row = await this.ds.getRepository(Policy).findOneBy({ id });
    if (!row) throw new NotFoundException(NOT_FOUND);
    return row;
  }

  private passSoon(job: PolicyJob): void {
    const jobId = job.task === 'policy' ? `policy-pass:${job.policyId}:${Date.now()}` : undefined;
    this.queues
      .get<PolicyJob>(QUEUES.policies)
      .add(job, jobId ? { jobId } : {})
      .catch((e: unknown) => this.logger.warn(`Policy pass not queued (the nightly pass will do it): ${errorMessage(e)}`));
  }
}
