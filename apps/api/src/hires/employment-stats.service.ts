import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ANNUAL_JOBS_TARGET, DISTRICT_CODE, KEY_GROUPS, chinaDateOf, monthlyEquivalent, type EmploymentStats, type KeyGroup } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import { homeRegionOf } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { Occupation } from '../occupations/entities/occupation.entity';
import { Region } from '../regions/entities/region.entity';
import { Resident } from '../residents/entities/resident.entity';
import { EmploymentTarget } from './entities/employment-target.entity';
import { Hire } from './entities/hire.entity';
import { NewEmployment } from './entities/new-employment.entity';
import { NOT_COUNTED_POST_TYPES } from './hires.service';

/** Market indicators (supply and demand, wage levels) are recomputed at most this often. */
const MARKET_CACHE_MS = 5 * 60_000;

type Market = Pick<EmploymentStats, 'supplyDemand' | 'wageLevels'>;

/**
 * GET /stats/employment: the count of new employment read from new_employment (one row per person and
 * year, written when a hire is verified), the targets, and the market indicators.
 */
@Injectable()
export class EmploymentStatsService {
  private market?: { at: number; value: Market };

  constructor(
    @InjectRepository(NewEmployment) private readonly counted: Repository<NewEmployment>,
    @InjectRepository(EmploymentTarget) private readonly targets: Repository<EmploymentTarget>,
    @InjectRepository(Hire) private readonly hires: Repository<Hire>,
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    @InjectRepository(Occupation) private readonly occupations: Repository<Occupation>,
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async employment(year: number, actor: AuthPrincipal): Promise<EmploymentStats> {
    // A liaison or 镇街 officer sees their own area; a district admin everything; a liaison without an
    // area nothing.
    const home = homeRegionOf(actor);
    await this.access.require(actor, 'stats.read', { regionCode: home });
    return this.figures(year, home && home !== DISTRICT_CODE ? home : null);
  }

  /**
   * The figures of an area (a 镇街 or 村居; null = the district), asked by no one in particular: callers check
   * access first (employment() above), or publish only aggregates (the public page). Equality on the 镇街 or
   * 村居 column (not LIKE) lets the (year, town, village, month) index answer alone.
   */
  async figures(year: number, area: string | null): Promise<EmploymentStats> {
    const column = area?.length === 12 ? 'village_code' : 'town_code';
    const scoped = (alias: string) => (area ? ` AND ${alias}.${column} = :area` : '');
    // A row counts from its first working day (an admin may verify a hire ahead of it): China date.
    const params = { year, area, today: chinaDateOf(this.clock.now()) };
    const groupCounts = KEY_GROUPS.map((g) => `SUM(CASE WHEN n.key_groups LIKE '%"${g}"%' THEN 1 ELSE 0 END) AS ${g}`).join(', ');
    const [totals] = await this.counted.createQueryBuilder('n').select(`COUNT(*) AS count, ${groupCounts}`).where(`n.year = :year AND n.start_date <= :today${scoped('n')}`, params).getRawMany<Record<string, string | number>>();
    const byTownRows = await this.counted.createQueryBuilder('n').select('n.town_code', 'code').addSelect('COUNT(*)', 'count').where(`n.year = :year AND n.start_date <= :today${scoped('n')}`, params).groupBy('n.town_code').getRawMany<{ code: string; count: string | number }>();
    const byMonthRows = await this.counted.createQueryBuilder('n').select('n.month', 'month').addSelect('COUNT(*)', 'count').where(`n.year = :year AND n.start_date <= :today${scoped('n')}`, params).groupBy('n.month').getRawMany<{ month: string | number; count: string | number }>();
    // Waiting: not verified yet, and from a post whose hires can count (not 零工, not 共享员工).
    const pendingQb = this.hires
      .createQueryBuilder('h')
      .where('h.start_year = :year AND h.verified = 0', { year })
      .andWhere('(h.post_id IS NULL OR h.post_id NOT IN (SELECT p.id FROM job_postings p WHERE p.type IN (:...notCounted)))', { notCounted: Object.keys(NOT_COUNTED_POST_TYPES) });
    if (area) pendingQb.andWhere(`h.resident_id IN (SELECT r.id FROM residents r WHERE r.${column} = :area)`, params);
    const pending = await pendingQb.getCount();

    const targets = new Map((await this.targets.findBy({ year })).map((t) => [t.regionCode, t.target]));
    const towns = await this.regions.find({ where: { level: 'town' }, order: { code: 'ASC' } });
    const townCounts = new Map(byTownRows.map((r) => [r.code, Number(r.count)]));
    const visibleTowns = towns.filter((t) => !area || t.code.startsWith(area.slice(0, 9)));
    const monthCounts = new Map(byMonthRows.map((r) => [Number(r.month), Number(r.count)]));
    const target = area ? (targets.get(area.slice(0, 9)) ?? 0) : (targets.get(DISTRICT_CODE) ?? ANNUAL_JOBS_TARGET);
    return {
      year,
      target,
      count: Number(totals?.count ?? 0),
      byTown: visibleTowns.map((t) => ({ code: t.code, name: t.name, count: townCounts.get(t.code) ?? 0, ...(targets.has(t.code) ? { target: targets.get(t.code) } : {}) })),
      byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: monthCounts.get(i + 1) ?? 0 })),
      byKeyGroup: KEY_GROUPS.map((g: KeyGroup) => ({ group: g, count: Number(totals?.[g] ?? 0) })),
      ...(await this.marketIndicators()),
      pending,
    };
  }

  /** The district's and the 镇街' targets of a year: the district admin's act alone. */
  async setTargets(year: number, district: number, towns: Record<string, number>, actor: AuthPrincipal): Promise<void> {
    await this.access.require(actor, 'target.set');
    await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(EmploymentTarget);
      await repo.delete({ year });
      await repo.insert([{ year, regionCode: DISTRICT_CODE, target: district }, ...Object.entries(towns).map(([regionCode, target]) => ({ year, regionCode, target }))]);
    });
  }

  /**
   * 求人倍率 and 市场工资价位 by occupation group, over the posts open now and the people looking for
   * work now. District-wide market figures, cached for a few minutes.
   */
  private async marketIndicators(): Promise<Market> {
    const nowMs = this.clock.now().getTime();
    if (this.market && nowMs - this.market.at < MARKET_CACHE_MS) return this.market.value;
    const groups = new Map((await this.occupations.find({ where: { level: 'group' }, select: { code: true, name: true } })).map((g) => [g.code, g.name]));
    const open = await this.posts
      .createQueryBuilder('p')
      .select(['p.occupationCode', 'p.headcount', 'p.wageMin', 'p.wageMax', 'p.wageUnit'])
      .where("p.status = 'published' AND (p.expires_at IS NULL OR p.expires_at > :now)", { now: this.clock.now() })
      .getMany();
    const demand = new Map<string, number>();
    const pay = new Map<string, number[]>();
    for (const p of open) {
      const g = p.occupationCode.slice(0, 4);
      demand.set(g, (demand.get(g) ?? 0) + p.headcount);
      const lo = monthlyEquivalent(p.wageMin, p.wageUnit);
      const hi = monthlyEquivalent(p.wageMax, p.wageUnit);
      if (lo !== null && hi !== null) pay.set(g, [...(pay.get(g) ?? []), (lo + hi) / 2]);
    }
    const supply = new Map<string, number>();
    const seekers = await this.residents.find({ where: { status: 'seeking' }, select: { id: true, desiredOccupations: true } });
    for (const r of seekers) for (const g of new Set(r.desiredOccupations.map((c) => c.slice(0, 4)))) supply.set(g, (supply.get(g) ?? 0) + 1);
    const codes = [...new Set([...demand.keys(), ...supply.keys()])].sort();
    const value: Market = {
      supplyDemand: codes.map((g) => ({ group: g, name: groups.get(g) ?? g, openHeadcount: demand.get(g) ?? 0, seekers: supply.get(g) ?? 0, ratio: supply.get(g) ? Math.round(((demand.get(g) ?? 0) / supply.get(g)!) * 100) / 100 : null })),
      wageLevels: [...pay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([g, values]) => {
          values.sort((a, b) => a - b);
          return { group: g, name: groups.get(g) ?? g, posts: values.length, p25: quantile(values, 0.25), median: quantile(values, 0.5), p75: quantile(values, 0.75) };
        }),
    };
    this.market = { at: nowMs, value };
    return value;
  }
}

/** Linear-interpolated quantile of sorted values, rounded to 元. */
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return Math.round(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo));
}
