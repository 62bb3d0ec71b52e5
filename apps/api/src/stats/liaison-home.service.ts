import { Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import {
  DISTRICT_CODE,
  LIAISON_FOLLOWED_STATUSES,
  LIAISON_QUIET_SEEKER_DAYS,
  LIAISON_STALE_APPLICATION_DAYS,
  LIAISON_TODAY_LIMIT_DEFAULT,
  regionLevelOf,
  type LiaisonApplicationTodo,
  type LiaisonCallTodo,
  type LiaisonHireTodo,
  type LiaisonToday,
  type LiaisonVillages,
} from '@zaogong/shared';
import { Application } from '../applications/entities/application.entity';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { Employer } from '../employers/entities/employer.entity';
import { Hire } from '../hires/entities/hire.entity';
import { NewEmployment } from '../hires/entities/new-employment.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import { cardLevelOf, daysSince, worklistMoments } from './liaison-home.policy';

/** `alias.town_code = :area` or `alias.village_code = :area` for a 镇街 or 村居; nothing for the district. */
function inArea<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, area: string): SelectQueryBuilder<T> {
  const level = regionLevelOf(area);
  if (level === 'town') return qb.andWhere(`${alias}.town_code = :area`, { area });
  if (level === 'village') return qb.andWhere(`${alias}.village_code = :area`, { area });
  return qb;
}

type Counted = { code: string; count: string | number };

/**
 * The liaison home (docs/business-logic/liaison-home.md): each 村居 of the caller's area in numbers
 * (求职中, 今年已就业 by the rule of GET /stats/employment, 待确认上班), and 今日要办 — hires to confirm,
 * applications with no change for a week, people nobody has heard of for a month.
 */
@Injectable()
export class LiaisonHomeService {
  constructor(
    private readonly ds: DataSource,
    private readonly regions: RegionsService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** The area asked for: the caller's own (from the access policy's list scope) unless they name one inside it. */
  private async areaOf(asked: string | undefined, actor: AuthPrincipal): Promise<string> {
    // Employers, seekers and a liaison without a 村居 get their 403 here.
    const scope = await this.access.scope(actor, 'worklist.read');
    const area = asked ?? (scope.kind === 'region' ? scope.code : DISTRICT_CODE);
    await this.access.require(actor, 'worklist.read', { regionCode: area });
    return area;
  }

  async villages(asked: string | undefined, actor: AuthPrincipal): Promise<LiaisonVillages> {
    const area = await this.areaOf(asked, actor);
    const m = worklistMoments(this.clock.now());
    const region = await this.regions.get(area);
    const { level, column } = cardLevelOf(area);
    const rows = regionLevelOf(area) === 'village' ? [region] : await this.regions.children(area);

    const seeking = inArea(
      this.ds.getRepository(Resident).createQueryBuilder('r').select(`r.${column}`, 'code').addSelect('COUNT(*)', 'count').where("r.status = 'seeking' AND r.erased_at IS NULL"),
      'r',
      area,
    ).groupBy(`r.${column}`);
    // The rule of GET /stats/employment: new_employment rows of this year whose first day has come, by the
    // 村居 recorded when the hire was verified.
    const employed = inArea(
      this.ds.getRepository(NewEmployment).createQueryBuilder('n').select(`n.${column}`, 'code').addSelect('COUNT(*)', 'count').where('n.year = :year AND n.start_date <= :today', { year: m.year, today: m.today }),
      'n',
      area,
    ).groupBy(`n.${column}`);
    const toConfirm = inArea(this.hiresToConfirm(m.today).select(`r.${column}`, 'code').addSelect('COUNT(*)', 'count'), 'r', area).groupBy(`r.${column}`);

    const [s, e, c] = await Promise.all([seeking.getRawMany<Counted>(), employed.getRawMany<Counted>(), toConfirm.getRawMany<Counted>()]);
    const byCode = (list: Counted[]) => new Map(list.map((x) => [x.code, Number(x.count)]));
    const [sm, em, cm] = [byCode(s), byCode(e), byCode(c)];
    return {
      regionCode: area,
      regionName: region.name,
      year: m.year,
      today: m.today,
      items: rows.map((v) => ({ code: v.code, name: v.name, level, seeking: sm.get(v.code) ?? 0, employedThisYear: em.get(v.code) ?? 0, toConfirm: cm.get(v.code) ?? 0 })),
    };
  }

  async today(asked: string | undefined, limit: number | undefined, actor: AuthPrincipal): Promise<LiaisonToday> {
    const area = await this.areaOf(asked, actor);
    const now = this.clock.now();
    const m = worklistMoments(now);
    const take = limit ?? LIAISON_TODAY_LIMIT_DEFAULT;

    // 待确认上班: first day reached (China date), the person's side not confirmed; oldest first.
    const hires = inArea(this.hiresToConfirm(m.today), 'r', area);
    const [hireRows, hireTotal] = await Promise.all([hires.clone().orderBy('h.start_date', 'ASC').addOrderBy('h.id', 'ASC').take(take).getMany(), hires.getCount()]);

    // 投递没动静: an open step unchanged for LIAISON_STALE_APPLICATION_DAYS days; the longest waiting first.
    const apps = inArea(
      this.ds
        .getRepository(Application)
        .createQueryBuilder('a')
        .innerJoin(Resident, 'r', 'r.id = a.resident_id')
        .where('a.status IN (:...followed)', { followed: LIAISON_FOLLOWED_STATUSES })
        .andWhere('a.updated_at < :staleBefore', { staleBefore: m.staleBefore })
        .andWhere('r.erased_at IS NULL'),
      'r',
      area,
    );
    const [appRows, appTotal] = await Promise.all([apps.clone().orderBy('a.updated_at', 'ASC').addOrderBy('a.id', 'ASC').take(take).getMany(), apps.getCount()]);

    // 该打电话了: 求职中, registered before the quiet window and no application within it; registered longest ago first.
    const quiet = inArea(
      this.ds
        .getRepository(Resident)
        .createQueryBuilder('r')
        .where("r.status = 'seeking' AND r.erased_at IS NULL")
        .andWhere('r.created_at < :quietBefore', { quietBefore: m.quietBefore })
        .andWhere('NOT EXISTS (SELECT 1 FROM applications qa WHERE qa.resident_id = r.id AND qa.created_at >= :quietBefore)', { quietBefore: m.quietBefore }),
      'r',
      area,
    );
    const [callRows, callTotal] = await Promise.all([quiet.clone().orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').take(take).getMany(), quiet.getCount()]);

    const { hireItems, appItems, callItems } = await this.describe(hireRows, appRows, callRows, now);
    return {
      regionCode: area,
      today: m.today,
      staleDays: LIAISON_STALE_APPLICATION_DAYS,
      quietDays: LIAISON_QUIET_SEEKER_DAYS,
      hiresToConfirm: { total: hireTotal, items: hireItems },
      staleApplications: { total: appTotal, items: appItems },
      toCall: { total: callTotal, items: callItems },
    };
  }

  /** Unverified job hires whose first day has come and whose person's side is not confirmed, with the resident joined as `r`. */
  private hiresToConfirm(today: string): SelectQueryBuilder<Hire> {
    return this.ds
      .getRepository(Hire)
      .createQueryBuilder('h')
      .innerJoin(Resident, 'r', 'r.id = h.resident_id')
      .where("h.kind = 'job' AND h.verified = 0 AND h.person_confirmed_at IS NULL AND h.start_date <= :today", { today })
      .andWhere('r.erased_at IS NULL');
  }

  /** The rows in words: names of the people, their 村居, employers and posts; one query per kind. */
  private async describe(hires: Hire[], apps: Application[], quiet: Resident[], now: Date) {
    const ids = <T>(list: T[]) => [...new Set(list)];
    const residentIds = ids([...hires.map((h) => h.residentId), ...apps.map((a) => a.residentId)]);
    const employerIds = ids([...hires.map((h) => h.employerId).filter((x): x is string => !!x), ...apps.map((a) => a.employerId)]);
    const postIds = ids([...hires.map((h) => h.postId).filter((x): x is string => !!x), ...apps.map((a) => a.postId)]);
    const quietIds = quiet.map((r) => r.id);
    const [residents, employers, posts, lastApps] = await Promise.all([
      residentIds.length ? this.ds.getRepository(Resident).find({ where: { id: In(residentIds) }, select: { id: true, name: true, villageCode: true } }) : [],
      employerIds.length ? this.ds.getRepository(Employer).find({ where: { id: In(employerIds) }, select: { id: true, name: true } }) : [],
      postIds.length ? this.ds.getRepository(JobPosting).find({ where: { id: In(postIds) }, select: { id: true, title: true } }) : [],
      quietIds.length ? this.ds.getRepository(Application).find({ where: { residentId: In(quietIds) }, select: { id: true, residentId: true, createdAt: true }, order: { createdAt: 'DESC' } }) : [],
    ]);
    const person = new Map(residents.map((r) => [r.id, r]));
    const places = await this.regions.names([...residents, ...quiet].map((r) => r.villageCode));
    const employerName = new Map(employers.map((e) => [e.id, e.name]));
    const postTitle = new Map(posts.map((p) => [p.id, p.title]));
    const lastApplied = new Map<string, Date>();
    for (const a of lastApps) if (!lastApplied.has(a.residentId)) lastApplied.set(a.residentId, a.createdAt);
    const villageOf = (residentId: string) => places.get(person.get(residentId)?.villageCode ?? '') ?? null;

    const hireItems: LiaisonHireTodo[] = hires.map((h) => ({
      hireId: h.id,
      residentId: h.residentId,
      residentName: person.get(h.residentId)?.name ?? '',
      villageName: villageOf(h.residentId),
      employerName: h.employerId ? (employerName.get(h.employerId) ?? '') : '',
      postTitle: h.postId ? (postTitle.get(h.postId) ?? null) : null,
      startDate: h.startDate,
    }));
    const appItems: LiaisonApplicationTodo[] = apps.map((a) => ({
      applicationId: a.id,
      residentId: a.residentId,
      residentName: person.get(a.residentId)?.name ?? '',
      villageName: villageOf(a.residentId),
      postId: a.postId,
      postTitle: postTitle.get(a.postId) ?? '',
      employerName: employerName.get(a.employerId) ?? '',
      status: a.status,
      since: a.updatedAt.toISOString(),
      days: daysSince(a.updatedAt, now),
    }));
    const callItems: LiaisonCallTodo[] = quiet.map((r) => ({
      residentId: r.id,
      residentName: r.name,
      villageName: places.get(r.villageCode) ?? null,
      lastAppliedAt: lastApplied.get(r.id)?.toISOString() ?? null,
      registeredAt: r.createdAt.toISOString(),
    }));
    return { hireItems, appItems, callItems };
  }
}
