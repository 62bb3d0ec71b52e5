import { Injectable, NotFoundException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource, In } from 'typeorm';
import { DISTRICT_CODE, DISTRICT_NAME, EVENT_SERIES, EVENT_SERIES_LABELS, eventSeriesOf, eventTimeText, regionLevelOf, type EventReport, type EventSeriesSummary } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import { homeRegionOf } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { fieldError } from '../common/errors/field-error';
import { addSheet, type StatsFile } from '../hires/exports/stats-export.service';
import { Employer } from '../employers/entities/employer.entity';
import { RegionsService } from '../regions/regions.service';
import { beijingText } from '../residents/import/residents-export.service';
import { RecruitmentEvent } from './entities/recruitment-event.entity';
import { eventPlaceText } from './event-notices';

interface Figures {
  employers: number;
  posts: number;
  headcount: number;
  signups: number;
  checkIns: number;
  applications: number;
  hires: number;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * The figures a 人社局 clerk files after every fair — 参会企业数、提供岗位数、招聘人数、进场人数、达成意向人数、
 * 录用人数 — on screen and as a workbook, and the season's events added up per series. 录用 counts the hires
 * made from the event's applications once they are confirmed (they count toward 新增就业 then), so the
 * figure grows for weeks after the fair.
 */
@Injectable()
export class EventReportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
  ) {}

  async report(eventId: string, actor: AuthPrincipal): Promise<EventReport> {
    const e = await this.ds.getRepository(RecruitmentEvent).findOneBy({ id: eventId });
    if (!e) throw new NotFoundException('活动不存在');
    await this.access.require(actor, 'event.organise', { townCode: e.townCode });
    const [total] = await this.figures([e.id]);
    const byEmployer = await this.byEmployer(e.id);
    const pending = await this.ds.query(
      `SELECT COUNT(*) AS n FROM hires h INNER JOIN applications a ON a.id = h.application_id WHERE a.event_id = ? AND h.verified = 0`,
      [e.id],
    );
    return {
      eventId: e.id,
      title: e.title,
      series: e.series,
      seriesLabel: EVENT_SERIES_LABELS[e.series],
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      place: eventPlaceText(e),
      ...(total ?? { employers: 0, posts: 0, headcount: 0, signups: 0, checkIns: 0, applications: 0, hires: 0 }),
      hiresPending: num((pending as { n: unknown }[])[0]?.n),
      byEmployer,
      generatedAt: this.clock.now().toISOString(),
    };
  }

  /** The 人社局's layout: the one-row 招聘活动情况统计表, then the employers with their booths. */
  async reportFile(eventId: string, actor: AuthPrincipal): Promise<StatsFile> {
    const r = await this.report(eventId, actor);
    const date = beijingText(this.clock.now(), false);
    const wb = new ExcelJS.Workbook();
    wb.creator = '枣工快递';
    const info = `活动时间：${eventTimeText(r.startsAt, r.endsAt)}    地点：${r.place}    填报日期：${date}`;
    addSheet(
      wb,
      {
        name: '活动统计',
        title: `${DISTRICT_NAME}招聘活动情况统计表`,
        headers: [
          { text: '活动名称', width: 30 },
          { text: '活动系列', width: 14 },
          { text: '参会企业数（家）', width: 12 },
          { text: '提供岗位数（个）', width: 12 },
          { text: '招聘人数（人）', width: 12 },
          { text: '报名人数（人）', width: 12 },
          { text: '进场人数（人）', width: 12 },
          { text: '达成意向人数（人）', width: 14 },
          { text: '录用人数（人）', width: 12 },
          { text: '录用待确认（人）', width: 12 },
        ],
        rows: [[r.title, r.seriesLabel, r.employers, r.posts, r.headcount, r.signups, r.checkIns, r.applications, r.hires, r.hiresPending]],
        note: '录用人数：从本场活动的投递产生、并经双方确认的录用（计入新增就业），会随确认增加。',
      },
      info,
    );
    addSheet(
      wb,
      {
        name: '参会企业',
        title: `${r.title}——参会企业`,
        headers: [
          { text: '展位号', width: 10 },
          { text: '企业名称', width: 32 },
          { text: '岗位数（个）', width: 12 },
          { text: '招聘人数（人）', width: 12 },
          { text: '达成意向（人）', width: 12 },
          { text: '录用（人）', width: 10 },
        ],
        rows: r.byEmployer.map((x) => [x.booth ?? '', x.employerName, x.posts, x.headcount, x.applications, x.hires]),
        totals: ['合计', `${r.byEmployer.length}家`, r.posts, r.headcount, r.applications, r.hires],
      },
      info,
    );
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${r.title}-活动统计-${date}.xlsx` };
  }

  /** The events of a year (not cancelled) added up per series, in the caller's area. */
  async summary(year: number, seriesFilter: string | undefined, townCode: string | undefined, actor: AuthPrincipal): Promise<EventSeriesSummary> {
    const area = townCode ?? homeRegionOf(actor) ?? DISTRICT_CODE;
    await this.access.require(actor, 'stats.read', { regionCode: area });
    const series = seriesFilter === undefined ? null : eventSeriesOf(seriesFilter);
    if (seriesFilter !== undefined && !series) throw fieldError('series', `没有这个活动系列：${seriesFilter.slice(0, 24)}`);
    const qb = this.ds
      .getRepository(RecruitmentEvent)
      .createQueryBuilder('e')
      .select(['e.id', 'e.series'])
      .where("e.status = 'scheduled' AND e.starts_at >= :from AND e.starts_at < :to", { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) });
    const level = regionLevelOf(area);
    if (level === 'town') qb.andWhere('e.town_code = :area', { area });
    else if (level === 'village') qb.andWhere('(e.village_code = :area OR (e.village_code IS NULL AND e.town_code = :town))', { area, town: area.slice(0, 9) });
    if (series) qb.andWhere('e.series = :series', { series });
    const events = await qb.getMany();
    const figures = await this.figures(events.map((e) => e.id));
    const items = EVENT_SERIES.filter((s) => !series || s === series).map((s) => {
      const mine = events.map((e, i) => ({ e, f: figures[i] })).filter((x) => x.e.series === s);
      const sum = (k: keyof Figures) => mine.reduce((t, x) => t + x.f[k], 0);
      return { series: s, label: EVENT_SERIES_LABELS[s], events: mine.length, employers: sum('employers'), posts: sum('posts'), headcount: sum('headcount'), signups: sum('signups'), checkIns: sum('checkIns'), applications: sum('applications'), hires: sum('hires') };
    });
    return { year, items };
  }

  async summaryFile(year: number, series: string | undefined, townCode: string | undefined, actor: AuthPrincipal): Promise<StatsFile> {
    const s = await this.summary(year, series, townCode, actor);
    const area = townCode ?? homeRegionOf(actor) ?? DISTRICT_CODE;
    const areaName = area === DISTRICT_CODE ? DISTRICT_NAME : ((await this.regions.names([area])).get(area) ?? area);
    const date = beijingText(this.clock.now(), false);
    const wb = new ExcelJS.Workbook();
    wb.creator = '枣工快递';
    const total = (k: Exclude<keyof EventSeriesSummary['items'][number], 'series' | 'label'>) => s.items.reduce((t, x) => t + x[k], 0);
    addSheet(
      wb,
      {
        name: '分系列汇总',
        title: `${areaName}${year}年招聘活动汇总`,
        headers: [
          { text: '活动系列', width: 18 },
          { text: '场次', width: 8 },
          { text: '参会企业（家次）', width: 12 },
          { text: '提供岗位（个）', width: 12 },
          { text: '招聘人数（人）', width: 12 },
          { text: '报名（人）', width: 10 },
          { text: '进场（人）', width: 10 },
          { text: '达成意向（人）', width: 12 },
          { text: '录用（人）', width: 10 },
        ],
        rows: s.items.map((x) => [x.label, x.events, x.employers, x.posts, x.headcount, x.signups, x.checkIns, x.applications, x.hires]),
        totals: ['合计', total('events'), total('employers'), total('posts'), total('headcount'), total('signups'), total('checkIns'), total('applications'), total('hires')],
      },
      `统计范围：${areaName}    导出日期：${date}`,
    );
    return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${areaName}${year}年招聘活动汇总-${date}.xlsx` };
  }

  /** The six figures (and sign-ups) of each event, in the order given; a handful of grouped queries for any number. */
  private async figures(eventIds: string[]): Promise<Figures[]> {
    if (eventIds.length === 0) return [];
    const ids = eventIds;
    const q = <T>(sql: string) => this.ds.query(sql.replace(':ids', ids.map(() => '?').join(', ')), ids) as Promise<T[]>;
    const [employers, posts, signups, apps, hires] = await Promise.all([
      q<{ event_id: string; n: unknown }>(`SELECT event_id, COUNT(*) AS n FROM event_employers WHERE status = 'approved' AND event_id IN (:ids) GROUP BY event_id`),
      q<{ event_id: string; n: unknown; heads: unknown }>(
        `SELECT ep.event_id, COUNT(*) AS n, SUM(p.headcount) AS heads FROM event_posts ep
           INNER JOIN event_employers ee ON ee.event_id = ep.event_id AND ee.employer_id = ep.employer_id AND ee.status = 'approved'
           INNER JOIN job_postings p ON p.id = ep.post_id
         WHERE ep.event_id IN (:ids) GROUP BY ep.event_id`,
      ),
      q<{ event_id: string; n: unknown; ins: unknown }>(
        `SELECT event_id, SUM(CASE WHEN status = 'registered' THEN 1 ELSE 0 END) AS n, SUM(CASE WHEN checked_in_at IS NOT NULL THEN 1 ELSE 0 END) AS ins
           FROM event_signups WHERE event_id IN (:ids) GROUP BY event_id`,
      ),
      q<{ event_id: string; n: unknown }>(`SELECT event_id, COUNT(DISTINCT resident_id) AS n FROM applications WHERE event_id IN (:ids) GROUP BY event_id`),
      this.ds.query(
        `SELECT a.event_id, COUNT(DISTINCT h.id) AS n FROM hires h INNER JOIN applications a ON a.id = h.application_id
          WHERE a.event_id IN (${ids.map(() => '?').join(', ')}) AND h.verified = 1 GROUP BY a.event_id`,
        ids,
      ) as Promise<{ event_id: string; n: unknown }[]>,
    ]);
    const by = <T extends { event_id: string }>(rows: T[]) => new Map(rows.map((r) => [r.event_id, r]));
    const [E, P, S, A, H] = [by(employers), by(posts), by(signups), by(apps), by(hires)];
    return ids.map((id) => ({
      employers: num(E.get(id)?.n),
      posts: num(P.get(id)?.n),
      headcount: num(P.get(id)?.heads),
      signups: num(S.get(id)?.n),
      checkIns: num(S.get(id)?.ins),
      applications: num(A.get(id)?.n),
      hires: num(H.get(id)?.n),
    }));
  }

  private async byEmployer(eventId: string): Promise<EventReport['byEmployer']> {
    const rows = (await this.ds.query(
      `SELECT ee.employer_id, ee.booth,
              (SELECT COUNT(*) FROM event_posts ep WHERE ep.event_id = ee.event_id AND ep.employer_id = ee.employer_id) AS posts,
              (SELECT COALESCE(SUM(p.headcount), 0) FROM event_posts ep INNER JOIN job_postings p ON p.id = ep.post_id WHERE ep.event_id = ee.event_id AND ep.employer_id = ee.employer_id) AS heads,
              (SELECT COUNT(DISTINCT a.resident_id) FROM applications a WHERE a.event_id = ee.event_id AND a.employer_id = ee.employer_id) AS apps,
              (SELECT COUNT(*) FROM hires h INNER JOIN applications a ON a.id = h.application_id WHERE a.event_id = ee.event_id AND a.employer_id = ee.employer_id AND h.verified = 1) AS hires
         FROM event_employers ee WHERE ee.event_id = ? AND ee.status = 'approved' ORDER BY ee.booth, ee.employer_id`,
      [eventId],
    )) as { employer_id: string; booth: string | null; posts: unknown; heads: unknown; apps: unknown; hires: unknown }[];
    const names = new Map((rows.length ? await this.ds.getRepository(Employer).find({ where: { id: In(rows.map((r) => r.employer_id)) }, select: { id: true, name: true } }) : []).map((x) => [x.id, x.name]));
    return rows.map((r) => ({ employerId: r.employer_id, employerName: names.get(r.employer_id) ?? '', booth: r.booth, posts: num(r.posts), headcount: num(r.heads), applications: num(r.apps), hires: num(r.hires) }));
  }
}
