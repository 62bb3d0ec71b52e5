import { Injectable } from '@nestjs/common';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { REPORTS_TO_HIDE, chinaDateOf, type PublicStats } from '@zaogong/shared';
import { Clock } from '../common/clock';
import { EmploymentStatsService } from '../hires/employment-stats.service';

/** Figures that count people: 1 to 4 are shown as "—" (null), so nobody can be picked out. */
export const SMALLEST_GROUP = 5;
/** How long a year's page is served from memory: a news link cannot load the database. */
export const PUBLIC_CACHE_MS = 5 * 60_000;

export const suppress = (n: number): number | null => (n > 0 && n < SMALLEST_GROUP ? null : n);

/**
 * The public page of the district's progress (山亭区就业服务): the 新增就业 count against the target, by 镇街 and
 * month, posts open now, 求人倍率 and 工资价位, day labour worked, fairs held and their hires. Aggregates only,
 * small groups suppressed, one computation per year per 5 minutes (concurrent first requests share it).
 */
@Injectable()
export class PublicStatsService {
  private readonly cache = new Map<number, { at: number; value: Promise<PublicStats> }>();

  constructor(
    private readonly ds: DataSource,
    private readonly employment: EmploymentStatsService,
    private readonly clock: Clock,
  ) {}

  thisYear(): number {
    return Number(chinaDateOf(this.clock.now()).slice(0, 4));
  }

  stats(year: number): Promise<PublicStats> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(year);
    if (hit && now - hit.at < PUBLIC_CACHE_MS) return hit.value;
    const value = this.compute(year);
    this.cache.set(year, { at: now, value });
    // A failure is not kept: the next request tries again.
    value.catch(() => this.cache.delete(year));
    return value;
  }

  private async compute(year: number): Promise<PublicStats> {
    const now = this.clock.now();
    const e = await this.employment.figures(year, null);
    // Query builders, not raw SQL: they turn the Date parameters into each driver's datetime format.
    const one = (qb: SelectQueryBuilder<ObjectLiteral>) => qb.getRawOne<Record<string, unknown>>();
    const from = new Date(`${year}-01-01T00:00:00+08:00`);
    const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
    const open = await one(
      this.ds
        .createQueryBuilder()
        .select('COUNT(*)', 'posts')
        .addSelect('COALESCE(SUM(p.headcount), 0)', 'heads')
        .from('job_postings', 'p')
        .where("p.status = 'published' AND (p.expires_at IS NULL OR p.expires_at > :now) AND p.open_reports < :hide", { now, hide: REPORTS_TO_HIDE }),
    );
    const gigs = await one(
      this.ds
        .createQueryBuilder()
        .select('COUNT(*)', 'n')
        .from('gig_signups', 's')
        .where("s.status IN ('checked_in', 'checked_out') AND s.work_date >= :first AND s.work_date <= :last", { first: `${year}-01-01`, last: `${year}-12-31` }),
    );
    const held = await one(this.ds.createQueryBuilder().select('COUNT(*)', 'n').from('events', 'ev').where("ev.status = 'scheduled' AND ev.starts_at >= :from AND ev.starts_at < :to AND ev.ends_at <= :now", { from, to, now }));
    const eventHires = await one(
      this.ds
        .createQueryBuilder()
        .select('COUNT(DISTINCT h.id)', 'n')
        .from('hires', 'h')
        .innerJoin('applications', 'a', 'a.id = h.application_id')
        .innerJoin('events', 'ev', 'ev.id = a.event_id')
        .where('h.verified = 1 AND ev.starts_at >= :from AND ev.starts_at < :to', { from, to }),
    );
    return {
      year,
      target: e.target,
      count: e.count,
      byTown: e.byTown.map((t) => ({ ...t, count: suppress(t.count) })),
      byMonth: e.byMonth.map((m) => ({ month: m.month, count: suppress(m.count) })),
      openPosts: Number(open?.posts ?? 0),
      openHeadcount: Number(open?.heads ?? 0),
      supplyDemand: e.supplyDemand.map((s) => {
        const seekers = suppress(s.seekers);
        return { ...s, seekers, ratio: seekers === null ? null : s.ratio };
      }),
      wageLevels: e.wageLevels.filter((w) => w.posts >= SMALLEST_GROUP),
      gigs: { workerDays: suppress(Number(gigs?.n ?? 0)) },
      events: { held: Number(held?.n ?? 0), hires: suppress(Number(eventHires?.n ?? 0)) },
      generatedAt: now.toISOString(),
    };
  }
}
