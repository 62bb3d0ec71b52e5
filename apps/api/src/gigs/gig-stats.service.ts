import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { DISTRICT_CODE, DISTRICT_NAME, regionLevelOf, type GigStats } from '@zaogong/shared';
import { AccessService, regionCondition } from '../common/access/access.service';
import { homeRegionOf } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { addSheet, type SheetSpec, type StatsFile } from '../hires/exports/stats-export.service';
import { areaName } from '../hires/exports/area-name';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { Region } from '../regions/entities/region.entity';
import { Resident } from '../residents/entities/resident.entity';
import { beijingText } from '../residents/import/residents-export.service';
import { GigDispute } from './entities/gig-dispute.entity';
import { GigSignup } from './entities/gig-signup.entity';

/** A day worked: the person checked in (and maybe out). A no-show, a cancel or a place in the queue is not. */
const WORKED = "s.status IN ('checked_in', 'checked_out')";

/** Whose work a caller's figures count. */
type Scope =
  /** The district admin: every day worked in the district. */
  | { kind: 'all' }
  /** A 镇街 officer: the work done in their 镇街 (the post's town_code), whoever did it. */
  | { kind: 'work'; town: string }
  /** A liaison: the work of the people of their 村居 (or 镇街), wherever it was done. */
  | { kind: 'people'; area: string };

type Num = string | number | null;

/** Money summed in SQL (DECIMAL comes back as text on MariaDB), to the fen. */
const money = (v: Num | undefined): number => Math.round(Number(v ?? 0) * 100) / 100;
const count = (v: Num | undefined): number => Number(v ?? 0);

/**
 * The 零工 report (GET /stats/gigs and its workbook): days worked, the people and employers behind them,
 * pay recorded, no-shows and 权益维护 cases of a year (by the China date of the work day), by 镇街 where
 * the work was and by month. The caller's area, through the one access policy (stats.read): the district
 * admin everything, a 镇街 officer the work done in their 镇街, a liaison the work of their own people.
 * Day labour is reported here and never in 新增就业 (HiresService keeps gig posts out of the count).
 */
@Injectable()
export class GigStatsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  thisYear(): number {
    return Number(beijingText(this.clock.now(), false).slice(0, 4));
  }

  async stats(year: number, townCode: string | undefined, actor: AuthPrincipal): Promise<GigStats> {
    return this.figures(year, townCode, await this.scopeOf(townCode, actor));
  }

  private async figures(year: number, townCode: string | undefined, scope: Scope): Promise<GigStats> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const signups = () => this.scoped(this.ds.getRepository(GigSignup).createQueryBuilder('s'), scope, townCode).andWhere('s.work_date >= :from AND s.work_date <= :to', { from, to });

    const totals = await signups()
      .select(`SUM(CASE WHEN ${WORKED} THEN 1 ELSE 0 END)`, 'workerDays')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${WORKED} THEN s.resident_id END)`, 'workers')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${WORKED} THEN s.employer_id END)`, 'employers')
      .addSelect('SUM(s.pay_amount)', 'paidTotal')
      .addSelect("SUM(CASE WHEN s.status = 'no_show' THEN 1 ELSE 0 END)", 'noShows')
      .getRawOne<Record<'workerDays' | 'workers' | 'employers' | 'paidTotal' | 'noShows', Num>>();
    // Only rows that count: a day worked, or pay recorded (pay needs a check-in, so these are the same days).
    const counted = `(${WORKED} OR s.pay_amount IS NOT NULL)`;
    const byTownRows = await signups()
      .andWhere(counted)
      .select('p.town_code', 'code')
      .addSelect(`SUM(CASE WHEN ${WORKED} THEN 1 ELSE 0 END)`, 'workerDays')
      .addSelect(`COUNT(DISTINCT CASE WHEN ${WORKED} THEN s.resident_id END)`, 'workers')
      .addSelect('SUM(s.pay_amount)', 'paidTotal')
      .groupBy('p.town_code')
      .getRawMany<{ code: string; workerDays: Num; workers: Num; paidTotal: Num }>();
    const byMonthRows = await signups()
      .andWhere(counted)
      .select('SUBSTR(s.work_date, 6, 2)', 'month')
      .addSelect(`SUM(CASE WHEN ${WORKED} THEN 1 ELSE 0 END)`, 'workerDays')
      .addSelect('SUM(s.pay_amount)', 'paidTotal')
      .groupBy('SUBSTR(s.work_date, 6, 2)')
      .getRawMany<{ month: Num; workerDays: Num; paidTotal: Num }>();
    // Cases about the year's work days, as they stand now: open or in mediation, resolved or referred to 劳动监察.
    const cases = await this.scoped(this.ds.getRepository(GigDispute).createQueryBuilder('d').innerJoin(GigSignup, 's', 's.id = d.signup_id'), scope, townCode)
      .andWhere('s.work_date >= :from AND s.work_date <= :to', { from, to })
      .select("SUM(CASE WHEN d.status IN ('open', 'mediating') THEN 1 ELSE 0 END)", 'open')
      .addSelect("SUM(CASE WHEN d.status IN ('resolved', 'referred') THEN 1 ELSE 0 END)", 'resolved')
      .getRawOne<{ open: Num; resolved: Num }>();

    const towns = await this.ds.getRepository(Region).find({ where: { level: 'town' }, order: { code: 'ASC' }, select: { code: true, name: true } });
    const figures = new Map(byTownRows.map((r) => [r.code, r]));
    // The district admin sees every 镇街 (a clerk's table has all rows); an officer their own; a liaison's
    // people may work anywhere, so the 镇街 where they did.
    const shown = towns.filter((t) => (townCode ? t.code === townCode : scope.kind === 'all' ? true : scope.kind === 'work' ? t.code === scope.town : figures.has(t.code)));
    const months = new Map(byMonthRows.map((r) => [Number(r.month), r]));
    return {
      year,
      townCode: townCode ?? null,
      workerDays: count(totals?.workerDays),
      workers: count(totals?.workers),
      employers: count(totals?.employers),
      paidTotal: money(totals?.paidTotal),
      noShows: count(totals?.noShows),
      disputes: { open: count(cases?.open), resolved: count(cases?.resolved) },
      byTown: shown.map((t) => {
        const f = figures.get(t.code);
        return { code: t.code, name: t.name, workerDays: count(f?.workerDays), workers: count(f?.workers), paidTotal: money(f?.paidTotal) };
      }),
      byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, workerDays: count(months.get(i + 1)?.workerDays), paidTotal: money(months.get(i + 1)?.paidTotal) })),
    };
  }

  /**
   * GET /stats/gigs.xlsx: the same figures (same scope) as a workbook a clerk files, in the house layout of
   * the 新增就业 statistics: a title row, the area and date, Chinese headers, totals.
   */
  async export(year: number, townCode: string | undefined, actor: AuthPrincipal): Promise<StatsFile> {
    const scope = await this.scopeOf(townCode, actor);
    const s = await this.figures(year, townCode, scope);
    const names = new Map((await this.ds.getRepository(Region).find({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
    const area = areaName(townCode ?? (scope.kind === 'work' ? scope.town : scope.kind === 'people' ? scope.area : null), names);
    const date = beijingText(this.clock.now(), false);
    const whose =
      scope.kind === 'people'
        ? `${areaName(scope.area, names)}的村民干的零工（按户籍所在地，不论在哪里干）${townCode ? `，其中在${names.get(townCode) ?? townCode}干的` : ''}`
        : `在${area}干的零工（按干活的地方）`;
    const info = `统计范围：${whose}    导出日期：${date}`;
    const wb = new ExcelJS.Workbook();
    wb.creator = '枣工快递';
    for (const spec of gigSheets(s, (part) => `${DISTRICT_NAME}${year}年零工市场统计——${part}`)) addSheet(wb, spec, info);
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${DISTRICT_NAME}${year}年零工统计-${area}-${date}.xlsx` };
  }

  /**
   * Who sees what, by the access policy: stats.read over the 镇街 asked (inside the caller's area, else 403)
   * or over the caller's own area.
   */
  private async scopeOf(townCode: string | undefined, actor: AuthPrincipal): Promise<Scope> {
    const home = homeRegionOf(actor);
    // A liaison or admin without an area defaults to the district, which stats.read refuses them.
    await this.access.require(actor, 'stats.read', { regionCode: townCode ?? home ?? DISTRICT_CODE });
    if (!home || home === DISTRICT_CODE) return { kind: 'all' };
    // A liaison answers for the people of their 村居 (or 镇街): their work counts wherever it was, by the
    // resident's own 村居 — the people they sign up, vouch for and help when pay does not come.
    if (actor.role === 'liaison') return { kind: 'people', area: home };
    // A 镇街 officer answers for the work done in their 镇街 (where the post was), as for the cases.
    return { kind: 'work', town: regionLevelOf(home) === 'village' ? home.slice(0, 9) : home };
  }

  /** Joins the post (where the work was) and, for a liaison, the person; applies the scope and the 镇街 asked. `s` is the sign-up. */
  private scoped<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: Scope, townCode: string | undefined): SelectQueryBuilder<T> {
    qb.innerJoin(JobPosting, 'p', 'p.id = s.post_id').where('1 = 1');
    if (scope.kind === 'work') qb.andWhere('p.town_code = :scopeTown', { scopeTown: scope.town });
    if (scope.kind === 'people') {
      const [condition, params] = regionCondition(scope.area, { town: 'r.town_code', village: 'r.village_code' });
      qb.innerJoin(Resident, 'r', 'r.id = s.resident_id').andWhere(condition, params);
    }
    if (townCode) qb.andWhere('p.town_code = :askedTown', { askedTown: townCode });
    return qb;
  }
}

function gigSheets(s: GigStats, title: (part: string) => string): SheetSpec[] {
  const sum = <K extends 'workerDays' | 'workers' | 'paidTotal'>(rows: Record<K, number>[], k: K) => rows.reduce((a, r) => a + r[k], 0);
  return [
    {
      name: '总体',
      title: title('总体'),
      headers: [
        { text: '年度', width: 8 },
        { text: '上工人次', width: 12 },
        { text: '上工人数', width: 12 },
        { text: '用工企业（户）', width: 16 },
        { text: '记录的工钱（元）', width: 18 },
        { text: '报了没来（人次）', width: 18 },
        { text: '工钱投诉：处理中（件）', width: 22 },
        { text: '工钱投诉：已办结（件）', width: 22 },
      ],
      rows: [[s.year, s.workerDays, s.workers, s.employers, s.paidTotal, s.noShows, s.disputes.open, s.disputes.resolved]],
      note: '上工人次：签到上工的人天数（一人干一天算一次）。上工人数：上过工的人，一人只算一次。记录的工钱：企业登记的实发工钱合计。处理中：已受理、调解中；已办结：已解决、已转劳动监察。零工不计入城镇新增就业。',
    },
    {
      name: '分镇街',
      title: title('分镇街（按干活的地方）'),
      headers: [
        { text: '镇街', width: 18 },
        { text: '上工人次', width: 12 },
        { text: '上工人数', width: 12 },
        { text: '记录的工钱（元）', width: 18 },
      ],
      rows: s.byTown.map((t) => [t.name, t.workerDays, t.workers, t.paidTotal]),
      totals: ['合计', sum(s.byTown, 'workerDays'), s.workers, money(sum(s.byTown, 'paidTotal'))],
      note: '一人在几个镇街都干过，在每个镇街各算一人，所以各镇街人数相加可能比合计多；合计行的人数是不重复的人数。',
    },
    {
      name: '分月份',
      title: title('分月份'),
      headers: [
        { text: '月份', width: 10 },
        { text: '上工人次', width: 12 },
        { text: '记录的工钱（元）', width: 18 },
      ],
      rows: s.byMonth.map((m) => [`${m.month}月`, m.workerDays, m.paidTotal]),
      totals: ['合计', sum(s.byMonth, 'workerDays'), money(sum(s.byMonth, 'paidTotal'))],
      note: '按干活那天（北京时间）的月份统计。',
    },
  ];
}
