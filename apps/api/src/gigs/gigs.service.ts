import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { chinaDateOf, maskPhone, monthDayText, type FreeWorker, type GigDay as GigDayItem, type GigItem, type GigPage, type GigRoster, type GigSignupItem, type Page } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { fieldError } from '../common/errors/field-error';
import { clampLimit, decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { JobPostingsService, kmBetween, postTarget } from '../job-postings/job-postings.service';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import type { GigDayPatchDto, GigQueryDto, GigSignupDto, GigSignupListDto } from './dto/gig.dto';
import { GigDay } from './entities/gig-day.entity';
import { GigDispute } from './entities/gig-dispute.entity';
import { GigPause } from './entities/gig-pause.entity';
import { GigSignup } from './entities/gig-signup.entity';
import { writeLock } from '../common/sql/write-lock';
import { dayItem, ensureDay, lockedDay } from './gig-days';
import { GigNotices } from './gig-notices';
import { DISPUTE_WARNING_DAYS, dayStart, freeToCancel, windowDates, workDays } from './gig-rules';
import { GigSignupItems } from './gig-signup-items';

const NOT_FOUND = '零工不存在或已经结束';
const SIGNUP_NOT_FOUND = '报名记录不存在';
/** The radius steps when nothing lies within the asked one (km). */
const WIDENING = [3, 6, 12, 24, 50];
const KM_PER_DEGREE = 111.32;
/**
 * Squared distance in degrees from a post's point (its own, else its 村居's or 镇街's centre: post-points.ts),
 * longitude scaled to the latitude: orders with plain arithmetic on every database.
 */
const DIST2 = '((p.geo_lat - :lat) * (p.geo_lat - :lat) + (p.geo_lng - :lng) * (p.geo_lng - :lng) * :lngScale)';

/**
 * 零工市场, the finding and the rosters: open gigs near a point (or a 村居), signing up for a day first come
 * first served with a waiting list, cancelling (free until 12 h before), and the employer's day.
 * docs/business-logic/gigs.md.
 */
@Injectable()
export class GigsService {
  constructor(
    private readonly ds: DataSource,
    private readonly posts: JobPostingsService,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly notices: GigNotices,
    private readonly signupItems: GigSignupItems,
    private readonly cipher: PersonalDataCipher,
    private readonly regions: RegionsService,
  ) {}

  /**
   * GET /gigs: open gig posts with work in the window. With the caller's point: those placed within the circle
   * nearest first (the circle widens step by step when nothing is in it), then those with no place at all.
   * Without a point: the caller's 村居 first, then its 镇街, then the rest. Keyset pages in two phases (the
   * cursor says which): 'near' by squared distance, 'rest' by that rank.
   */
  async list(q: GigQueryDto, actor: AuthPrincipal | undefined): Promise<GigPage> {
    const now = this.clock.now();
    const dates = q.date ? [q.date] : windowDates(now);
    const limit = clampLimit(q.limit);
    const point = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
    const home = await this.homeOf(q, actor);
    const cursor = q.cursor ? parseGigCursor(q.cursor) : null;
    let radiusKm: number | null = null;
    const rows: { post: JobPosting; sort: number; phase: 'near' | 'rest' }[] = [];
    if (point) {
      const radius = cursor?.radiusKm ?? (await this.radiusFor(q, dates, now, point));
      radiusKm = radius;
      if (!cursor || cursor.phase === 'near') {
        // The nearest page within a small circle is the nearest within any larger one: look in 3, 6, 12… km
        // until a page is full, so a 50 km list never sorts every post of the district.
        const circles = [...WIDENING.filter((w) => w < radius), radius];
        for (const r of circles) {
          const near = this.openGigs(q, dates, now).useIndex('idx_job_postings_point');
          this.withinCircle(near, point, r);
          if (cursor) near.andWhere(`(${DIST2} > :sv OR (${DIST2} = :sv AND p.id > :cid))`, { sv: cursor.value, cid: cursor.id });
          const found = await near.addSelect(DIST2, 'sort_value').orderBy('sort_value', 'ASC').addOrderBy('p.id', 'ASC').limit(limit + 1).getRawAndEntities<{ p_id: string; sort_value: unknown }>();
          if (found.entities.length <= limit && r !== radius) continue;
          const sortOf = new Map(found.raw.map((x) => [x.p_id, Number(x.sort_value)]));
          rows.push(...found.entities.map((post) => ({ post, sort: sortOf.get(post.id) ?? 0, phase: 'near' as const })));
          break;
        }
      }
    }
    if (rows.length <= limit) {
      // Then the posts with no place (with a point), or every post by 村居/镇街 (without one).
      const rest = this.openGigs(q, dates, now);
      if (point) rest.andWhere('p.geo_lat IS NULL');
      const rank = this.rankSql(home);
      if (home.village) rest.setParameters({ homeVillage: home.village, homeTown: home.town });
      if (cursor?.phase === 'rest') rest.andWhere(`(${rank} > :rv OR (${rank} = :rv AND p.id > :cid))`, { rv: cursor.value, cid: cursor.id });
      const found = await rest.addSelect(rank, 'sort_value').orderBy('sort_value', 'ASC').addOrderBy('p.id', 'ASC').limit(limit + 1 - rows.length).getRawAndEntities<{ p_id: string; sort_value: unknown }>();
      const sortOf = new Map(found.raw.map((r) => [r.p_id, Number(r.sort_value)]));
      rows.push(...found.entities.map((post) => ({ post, sort: sortOf.get(post.id) ?? 2, phase: 'rest' as const })));
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.gigItems(page.map((r) => r.post), dates, now, point, home),
      radiusKm,
      nextCursor: rows.length > limit && last ? encodeCursor(`${last.phase}|${radiusKm ?? ''}|${last.sort}`, last.post.id) : null,
    };
  }

  /** The asked radius, widened step by step (up to 50 km) until a placed gig lies within it. */
  private async radiusFor(q: GigQueryDto, dates: string[], now: Date, point: { lat: number; lng: number }): Promise<number> {
    const asked = q.radiusKm ?? WIDENING[0];
    const steps = [asked, ...WIDENING.filter((w) => w > asked)];
    for (const r of steps) {
      const qb = this.openGigs(q, dates, now).useIndex('idx_job_postings_point');
      // One row is enough to know: the index range stops at the first (a count would read them all).
      if (await this.withinCircle(qb, point, r).select('p.id').limit(1).getRawOne()) return r;
    }
    return steps[steps.length - 1];
  }

  /** Placed within `radiusKm`: a bounding box the index answers, then the circle itself. */
  private withinCircle(qb: SelectQueryBuilder<JobPosting>, point: { lat: number; lng: number }, radiusKm: number): SelectQueryBuilder<JobPosting> {
    const dLat = radiusKm / KM_PER_DEGREE;
    const dLng = dLat / Math.max(0.01, Math.cos((point.lat * Math.PI) / 180));
    return qb
      .andWhere('p.geo_lat BETWEEN :latMin AND :latMax AND p.geo_lng BETWEEN :lngMin AND :lngMax', { latMin: point.lat - dLat, latMax: point.lat + dLat, lngMin: point.lng - dLng, lngMax: point.lng + dLng })
      .andWhere(`${DIST2} <= :r2`, { lat: point.lat, lng: point.lng, lngScale: Math.cos((point.lat * Math.PI) / 180) ** 2, r2: dLat ** 2 });
  }

  /** POST /gigs/:postId/signups: a place on the day (or in its queue), first come first served. */
  async signUp(postId: string, dto: GigSignupDto, actor: AuthPrincipal): Promise<GigSignupItem> {
    const post = await this.openGig(postId);
    const now = this.clock.now();
    if (!workDays(post.startDate, post.endDate).includes(dto.date)) throw fieldError('date', `这个零工${monthDayText(dto.date)}没有活，请选别的日子`);
    if (now.getTime() >= dayStart(dto.date, post.workStartTime).getTime()) throw new ConflictException('这天已经开工了，不能再报名');
    const resident = await this.personFor(dto.residentId, actor);
    await this.access.require(actor, 'gig.signup', { villageCode: resident.villageCode, residentUserId: resident.userId }, { notFound: '居民档案不存在或不在您的管辖范围内' });
    await this.checkNotPaused(resident.id, now);
    const existing = await this.ds.getRepository(GigSignup).findOne({ where: { postId, workDate: dto.date, residentId: resident.id } });
    if (existing && existing.status !== 'cancelled' && existing.status !== 'late_cancel') {
      throw new ConflictException({ statusCode: 409, message: `${actor.role === 'liaison' ? '这位村民' : '您'}已经报过${monthDayText(dto.date)}了`, existingId: existing.id });
    }
    await ensureDay(this.ds.manager, postId, dto.date, post.headcount);
    let saved: GigSignup;
    try {
      saved = await this.ds.transaction(async (em) => {
        const day = await lockedDay(em, postId, dto.date);
        if (day.closed) throw new ConflictException(`${monthDayText(dto.date)}已经不再招人了`);
        const status = day.confirmed < day.headcount ? 'confirmed' : 'waitlisted';
        const row = Object.assign(existing ?? new GigSignup(), {
          id: existing?.id ?? randomUUID(),
          postId,
          employerId: post.employerId,
          workDate: dto.date,
          residentId: resident.id,
          status,
          seq: day.nextSeq,
          source: actor.role === 'liaison' ? 'liaison' : 'self',
          signedUpBy: actor.userId,
          cancelledAt: null,
          checkInAt: null,
          checkInLat: null,
          checkInLng: null,
          checkInFar: false,
          checkInVouchedBy: null,
          checkInNote: null,
          checkOutAt: null,
          checkOutBy: null,
          payAmount: null,
          payMethod: null,
          paidAt: null,
          payRecordedAt: null,
          payConfirmedAt: null,
          disputeId: null,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        } satisfies Omit<GigSignup, never>);
        await em.getRepository(GigSignup).save(row);
        await em.getRepository(GigDay).update(
          { postId, workDate: dto.date },
          { nextSeq: day.nextSeq + 1, confirmed: day.confirmed + (status === 'confirmed' ? 1 : 0), waitlisted: day.waitlisted + (status === 'waitlisted' ? 1 : 0) },
        );
        await this.notices.signedUp(em, row);
        return row;
      });
    } catch (e) {
      // The same person twice in the same instant: the unique index lets one through.
      if (isUniqueViolation(e)) throw new ConflictException(`已经报过${monthDayText(dto.date)}了`);
      throw e;
    }
    return (await this.signupItems.items([saved]))[0];
  }

  /**
   * DELETE /gigs/signups/:id: free until 12 h before the start; later it is a late cancel (recorded). A place
   * given back goes to the first in the queue, who is told.
   */
  async cancel(id: string, actor: AuthPrincipal): Promise<GigSignupItem> {
    const signup = await this.ds.getRepository(GigSignup).findOneBy({ id });
    if (!signup) throw new NotFoundException(SIGNUP_NOT_FOUND);
    const resident = await this.ds.getRepository(Resident).findOneOrFail({ where: { id: signup.residentId }, select: { id: true, villageCode: true, userId: true } });
    await this.access.require(actor, 'gig.signup', { villageCode: resident.villageCode, residentUserId: resident.userId }, { notFound: SIGNUP_NOT_FOUND });
    const post = await this.ds.getRepository(JobPosting).findOneByOrFail({ id: signup.postId });
    const now = this.clock.now();
    const saved = await this.ds.transaction(async (em) => {
      const day = await lockedDay(em, signup.postId, signup.workDate);
      const fresh = await em.getRepository(GigSignup).findOneOrFail({ where: { id }, lock: writeLock(em) });
      if (fresh.status !== 'confirmed' && fresh.status !== 'waitlisted') throw new ConflictException(cancelRefusal(fresh.status));
      const held = fresh.status === 'confirmed';
      fresh.status = held && !freeToCancel(fresh.workDate, post.workStartTime, now) ? 'late_cancel' : 'cancelled';
      fresh.cancelledAt = now;
      await em.getRepository(GigSignup).save(fresh);
      const counts = { confirmed: day.confirmed - (held ? 1 : 0), waitlisted: day.waitlisted - (held ? 0 : 1) };
      if (held) Object.assign(counts, await this.moveUp(em, day, counts.confirmed, counts.waitlisted, now));
      await em.getRepository(GigDay).update({ postId: day.postId, workDate: day.workDate }, counts);
      return fresh;
    });
    return (await this.signupItems.items([saved]))[0];
  }

  /** GET /gigs/:postId/roster: the day's people. The employer sees phones and 出勤; a liaison only their residents. */
  async roster(postId: string, date: string, actor: AuthPrincipal): Promise<GigRoster> {
    const post = await this.ds.getRepository(JobPosting).findOne({ where: { id: postId, type: 'gig' }, relations: { employer: true } });
    if (!post) throw new NotFoundException(NOT_FOUND);
    await this.access.require(actor, 'gig.roster', postTarget(post), { notFound: NOT_FOUND });
    if (!workDays(post.startDate, post.endDate).includes(date)) throw fieldError('date', `这个零工${monthDayText(date)}没有活`);
    const qb = this.ds.getRepository(GigSignup).createQueryBuilder('s').where('s.post_id = :postId AND s.work_date = :date', { postId, date });
    // Who runs the day (the employer; a household's liaison or admin) sees everyone on it, as the employer does.
    const runsSite = await this.access.may(actor, 'gig.site', postTarget(post));
    const scope = await this.access.scope(actor, 'gig.roster');
    if (scope.kind === 'region' && !runsSite) qb.innerJoin(Resident, 'r', 'r.id = s.resident_id').andWhere('(r.village_code = :area OR r.town_code = :area)', { area: scope.code });
    const rows = await qb.orderBy('s.seq', 'ASC').getMany();
    const day = await this.ds.getRepository(GigDay).findOneBy({ postId, workDate: date });
    return { postId, date, day: dayItem(date, day ?? undefined, post.headcount), items: await this.signupItems.items(rows, { employer: runsSite }) };
  }

  /** PATCH /gigs/:postId/days/:date (the employer): stop sign-ups, or change the places (never below those taken). */
  async patchDay(postId: string, date: string, dto: GigDayPatchDto, actor: AuthPrincipal): Promise<GigDayItem> {
    const post = await this.ds.getRepository(JobPosting).findOne({ where: { id: postId, type: 'gig' }, relations: { employer: true } });
    if (!post) throw new NotFoundException(NOT_FOUND);
    await this.access.require(actor, 'gig.site', postTarget(post), { notFound: NOT_FOUND });
    if (!workDays(post.startDate, post.endDate).includes(date)) throw fieldError('date', `这个零工${monthDayText(date)}没有活`);
    if (dto.closed === undefined && dto.headcount === undefined) throw new BadRequestException('请说明要停止报名，还是改人数');
    await ensureDay(this.ds.manager, postId, date, post.headcount);
    const now = this.clock.now();
    const day = await this.ds.transaction(async (em) => {
      const d = await lockedDay(em, postId, date);
      if (dto.headcount !== undefined && dto.headcount < d.confirmed) throw new ConflictException(`已经有${d.confirmed}人报上了，人数不能少于${d.confirmed}；要减人请先联系报上的人取消`);
      const next = { headcount: dto.headcount ?? d.headcount, closed: dto.closed ?? d.closed, confirmed: d.confirmed, waitlisted: d.waitlisted };
      Object.assign(d, next);
      Object.assign(next, await this.moveUp(em, d, d.confirmed, d.waitlisted, now));
      await em.getRepository(GigDay).update({ postId, workDate: date }, next);
      return { ...d, ...next };
    });
    return dayItem(date, day as GigDay, post.headcount);
  }

  /** GET /gigs/signups: a seeker's own days; a liaison's residents' (one, or all of their area). */
  async listSignups(q: GigSignupListDto, actor: AuthPrincipal): Promise<Page<GigSignupItem>> {
    const limit = clampLimit(q.limit);
    const qb = this.ds.getRepository(GigSignup).createQueryBuilder('s').innerJoin(Resident, 'r', 'r.id = s.resident_id');
    if (actor.role === 'seeker') qb.andWhere('r.user_id = :uid', { uid: actor.userId });
    else {
      const scope = await this.access.scope(actor, 'resident.read');
      if (scope.kind === 'region') qb.andWhere('(r.village_code = :area OR r.town_code = :area)', { area: scope.code });
    }
    if (q.residentId) qb.andWhere('s.resident_id = :rid', { rid: q.residentId });
    if (q.date) qb.andWhere('s.work_date = :date', { date: q.date });
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      qb.andWhere('(s.work_date < :cd OR (s.work_date = :cd AND s.id < :cid))', { cd: String(c.sortValue), cid: c.id });
    }
    const rows = await qb.orderBy('s.work_date', 'DESC').addOrderBy('s.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.signupItems.items(page), nextCursor: rows.length > limit && last ? encodeCursor(last.workDate, last.id) : null };
  }

  /**
   * GET /gigs/free?date= (零工驿站): the people of the caller's area looking for work with no 零工 that day,
   * those who said they take day work first, then by days worked; no-shows shown so the liaison can judge.
   */
  async freeWorkers(date: string, actor: AuthPrincipal): Promise<{ date: string; items: FreeWorker[] }> {
    const scope = await this.access.scope(actor, 'resident.read');
    const qb = this.ds
      .getRepository(Resident)
      .createQueryBuilder('r')
      .where("r.status = 'seeking' AND r.erased_at IS NULL")
      .andWhere(
        "NOT EXISTS (SELECT 1 FROM gig_signups s WHERE s.resident_id = r.id AND s.work_date = :date AND s.status IN ('confirmed', 'waitlisted', 'checked_in', 'checked_out'))",
        { date },
      );
    if (scope.kind === 'region') qb.andWhere('(r.village_code = :area OR r.town_code = :area)', { area: scope.code });
    const people = await qb.orderBy('r.created_at', 'DESC').take(500).getMany();
    const history = await this.signupItems.attendanceOf(people.map((p) => p.id));
    const villages = await this.regions.names(people.map((p) => p.villageCode));
    const items = people.map((r) => ({
      id: r.id,
      name: r.name,
      phone: maskPhone(this.cipher.decrypt(r.phoneCipher)),
      villageName: villages.get(r.villageCode) ?? null,
      wantsGigs: r.availability.includes('gig'),
      daysWorked: history.get(r.id)?.daysWorked ?? 0,
      noShows: history.get(r.id)?.noShows ?? 0,
    }));
    items.sort((a, b) => Number(b.wantsGigs) - Number(a.wantsGigs) || b.daysWorked - a.daysWorked);
    return { date, items: items.slice(0, 100) };
  }

  /**
   * Fills free places from the queue in sign-up order; each one moved up is told. Returns the day's new
   * counts. Runs inside the caller's transaction with the day locked.
   */
  async moveUp(em: EntityManager, day: GigDay, confirmed: number, waitlisted: number, now: Date): Promise<{ confirmed: number; waitlisted: number }> {
    let free = day.headcount - confirmed;
    if (free <= 0 || waitlisted <= 0) return { confirmed, waitlisted };
    const next = await em.getRepository(GigSignup).find({ where: { postId: day.postId, workDate: day.workDate, status: 'waitlisted' }, order: { seq: 'ASC' }, take: free });
    for (const s of next) {
      s.status = 'confirmed';
      s.updatedAt = now;
      await em.getRepository(GigSignup).save(s);
      await this.notices.movedUp(em, s);
      free -= 1;
    }
    return { confirmed: confirmed + next.length, waitlisted: waitlisted - next.length };
  }

  /** A published gig post that still takes sign-ups. */
  private async openGig(postId: string): Promise<JobPosting> {
    const post = await this.ds.getRepository(JobPosting).findOneBy({ id: postId });
    if (!post || post.type !== 'gig' || post.status !== 'published' || (post.expiresAt && post.expiresAt.getTime() <= this.clock.now().getTime())) throw new NotFoundException(NOT_FOUND);
    return post;
  }

  /** The seeker's own record, or the resident a liaison names. */
  private async personFor(residentId: string | undefined, actor: AuthPrincipal): Promise<Resident> {
    const repo = this.ds.getRepository(Resident);
    if (actor.role === 'seeker') {
      const own = await repo.findOneBy({ userId: actor.userId });
      if (!own || own.erasedAt) throw new NotFoundException('请先填写求职信息（姓名、电话、村），再报名');
      if (residentId && residentId !== own.id) throw fieldError('residentId', '只能为自己报名');
      return own;
    }
    if (!residentId) throw fieldError('residentId', '请选择为哪位村民报名');
    const r = await repo.findOneBy({ id: residentId });
    if (!r || r.erasedAt) throw new NotFoundException('居民档案不存在或不在您的管辖范围内');
    return r;
  }

  private async checkNotPaused(residentId: string, now: Date): Promise<void> {
    const pause = await this.ds.getRepository(GigPause).findOneBy({ residentId, liftedAt: IsNull() });
    if (pause && pause.pausedUntil.getTime() > now.getTime()) {
      throw new ConflictException(`最近30天里有3次报了没去，${monthDayText(chinaDateOf(pause.pausedUntil))}以前不能报零工；有特殊情况请找村里的联络员说明`);
    }
  }

  /** Without a point: the caller's 村居 (asked, or a seeker's own) and its 镇街, for same-村-first. */
  private async homeOf(q: GigQueryDto, actor: AuthPrincipal | undefined): Promise<{ village: string | null; town: string | null }> {
    if (q.villageCode) return { village: q.villageCode, town: q.villageCode.slice(0, 9) };
    if (actor?.role === 'seeker') {
      const own = await this.ds.getRepository(Resident).findOne({ where: { userId: actor.userId }, select: { id: true, villageCode: true, townCode: true } });
      if (own) return { village: own.villageCode, town: own.townCode };
    }
    return { village: null, town: null };
  }

  private rankSql(home: { village: string | null; town: string | null }): string {
    if (!home.village) return '2';
    return 'CASE WHEN p.village_code = :homeVillage THEN 0 WHEN p.town_code = :homeTown THEN 1 ELSE 2 END';
  }

  /** Open gig posts with work on one of `dates` (and in the asked 镇街). */
  private openGigs(q: GigQueryDto, dates: string[], now: Date): SelectQueryBuilder<JobPosting> {
    const qb = this.ds
      .getRepository(JobPosting)
      .createQueryBuilder('p')
      .addSelect(['p.geoLat', 'p.geoLng'])
      .leftJoinAndSelect('p.employer', 'e')
      .where("p.type = 'gig' AND p.status = 'published'")
      .andWhere('(p.expires_at IS NULL OR p.expires_at > :now)', { now })
      .andWhere('p.start_date <= :last AND COALESCE(p.end_date, p.start_date) >= :first', { first: dates[0], last: dates[dates.length - 1] });
    if (q.townCode) qb.andWhere('p.town_code = :town', { town: q.townCode });
    return qb;
  }

  private async gigItems(
    posts: JobPosting[],
    dates: string[],
    now: Date,
    point: { lat: number; lng: number } | null,
    home: { village: string | null; town: string | null },
  ): Promise<GigItem[]> {
    if (posts.length === 0) return [];
    const ids = posts.map((p) => p.id);
    const [items, days, warned] = await Promise.all([
      this.posts.toItems(posts, false),
      this.ds.getRepository(GigDay).find({ where: { postId: In(ids), workDate: In(dates) } }),
      this.warnedEmployers([...new Set(posts.map((p) => p.employerId))], now),
    ]);
    return posts.map((p, i) => {
      const mine = workDays(p.startDate, p.endDate).filter((d) => dates.includes(d));
      const gigDays = mine.map((d) => dayItem(d, days.find((x) => x.postId === p.id && x.workDate === d), p.headcount));
      const distanceKm = point && p.geoLat !== null && p.geoLng !== null ? kmBetween(point.lat, point.lng, p.geoLat, p.geoLng) : null;
      const nearness = distanceKm !== null ? 'distance' : home.village && p.villageCode === home.village ? 'village' : home.town && p.townCode === home.town ? 'town' : 'elsewhere';
      return {
        post: { ...items[i], distanceKm },
        distanceKm,
        nearness,
        dates: gigDays,
        spotsLeft: gigDays[0]?.spotsLeft ?? 0,
        employerWarning: warned.has(p.employerId) ? `这家企业有工钱投诉超过${DISPUTE_WARNING_DAYS}天还没解决` : null,
      };
    });
  }

  /** Employers with a 权益维护 case open (or in mediation) for more than 7 days. */
  private async warnedEmployers(employerIds: string[], now: Date): Promise<Set<string>> {
    const before = new Date(now.getTime() - DISPUTE_WARNING_DAYS * 86_400_000);
    const rows = await this.ds
      .getRepository(GigDispute)
      .createQueryBuilder('d')
      .select('DISTINCT d.employer_id', 'eid')
      .where('d.employer_id IN (:...ids)', { ids: employerIds })
      .andWhere("d.status IN ('open', 'mediating') AND d.created_at < :before", { before })
      .getRawMany<{ eid: string }>();
    return new Set(rows.map((r) => r.eid));
  }
}

function cancelRefusal(status: GigSignup['status']): string {
  switch (status) {
    case 'checked_in':
    case 'checked_out':
      return '已经上工了，不能取消';
    case 'no_show':
      return '这天已经记为没来，不能取消';
    default:
      return '已经取消过了';
  }
}


/** A page cursor of GET /gigs: which phase, the radius used, and the last sort value and id. */
function parseGigCursor(raw: string): { phase: 'near' | 'rest'; radiusKm: number | null; value: number; id: string } {
  const c = decodeCursor(raw);
  const [phase, radius, value] = String(c.sortValue).split('|');
  const parsed = { phase: phase as 'near' | 'rest', radiusKm: radius ? Number(radius) : null, value: Number(value), id: c.id };
  if ((phase !== 'near' && phase !== 'rest') || !Number.isFinite(parsed.value) || (radius && !Number.isFinite(parsed.radiusKm))) throw fieldError('cursor', '翻页参数无效，请从第一页重新开始');
  return parsed;
}
