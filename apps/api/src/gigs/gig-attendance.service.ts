import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In, IsNull, LessThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { chinaDateOf, monthDayText, type GigSignupItem, type GigSiteCode } from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { kmBetween, postTarget } from '../job-postings/job-postings.service';
import { Resident } from '../residents/entities/resident.entity';
import type { GigCheckInDto } from './dto/gig.dto';
import { GigPause } from './entities/gig-pause.entity';
import { GigSignup } from './entities/gig-signup.entity';
import { writeLock } from '../common/sql/write-lock';
import { GigNotices } from './gig-notices';
import { FAR_CHECK_IN_KM, addDays, NO_SHOW_LIMIT, NO_SHOW_WINDOW_DAYS, PAUSE_DAYS, dayStart, minuteOf, siteCode, siteCodeMatches, workDays } from './gig-rules';
import { GigSignupItems } from './gig-signup-items';

const SIGNUP_NOT_FOUND = '报名记录不存在';
const SITE_PAGE = 'pages/gigs/check-in/index';

/**
 * 上工认定: the 现场码 (no table of codes: an HMAC of the post, the day and the minute), checking in and out
 * (twice is once), a liaison vouching on site, no-shows and the pause they bring, and the evening sweep.
 */
@Injectable()
export class GigAttendanceService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notices: GigNotices,
    private readonly signupItems: GigSignupItems,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** GET /gigs/:postId/site-code (the employer, on the day): the code of this minute and its QR text. */
  async siteCode(postId: string, date: string, actor: AuthPrincipal, origin: string): Promise<GigSiteCode> {
    const post = await this.ownGig(postId, actor);
    const now = this.clock.now();
    if (!workDays(post.startDate, post.endDate).includes(date)) throw new BadRequestException({ statusCode: 400, message: `这个零工${monthDayText(date)}没有活`, errors: [{ field: 'date', message: '这天没有活' }] });
    // On the day, or before it (a 集合点 the evening before); never for a day that is over.
    if (date < chinaDateOf(now)) throw new ConflictException(`${monthDayText(date)}已经过去了，没有现场码`);
    const minute = minuteOf(now);
    const code = siteCode(this.config.jwtSecret, postId, date, minute);
    return { code, qrText: `${origin}/#/${SITE_PAGE}?code=${code}`, expiresAt: new Date((minute + 1) * 60_000).toISOString() };
  }

  /**
   * POST /gigs/check-in: the worker with the 现场码 (whichever of their days today it belongs to), or a liaison
   * vouching for a resident's sign-up. Far from the site is flagged, never refused; the second time is the first.
   */
  async checkIn(dto: GigCheckInDto, actor: AuthPrincipal): Promise<GigSignupItem> {
    const now = this.clock.now();
    const signup = dto.signupId ? await this.vouched(dto.signupId, actor) : await this.byCode(dto.code ?? '', actor, now);
    if (signup.status === 'checked_in' || signup.status === 'checked_out') return (await this.signupItems.items([signup]))[0];
    if (signup.status !== 'confirmed') throw new ConflictException(signup.status === 'waitlisted' ? '您还在排队，没有报上这天，不能上工' : '这次报名已经取消或记为没来，不能上工');
    const post = await this.ds.getRepository(JobPosting).findOneByOrFail({ id: signup.postId });
    const far = dto.lat !== undefined && dto.lng !== undefined && post.lat !== null && post.lng !== null ? kmBetween(dto.lat, dto.lng, post.lat, post.lng) > FAR_CHECK_IN_KM : false;
    const saved = await this.ds.transaction(async (em) => {
      const fresh = await em.getRepository(GigSignup).findOneOrFail({ where: { id: signup.id }, lock: writeLock(em) });
      // Two taps (or two phones) at once: the second finds the first's check-in.
      if (fresh.status !== 'confirmed') return fresh;
      Object.assign(fresh, {
        status: 'checked_in',
        checkInAt: now,
        checkInLat: dto.lat ?? null,
        checkInLng: dto.lng ?? null,
        checkInFar: far,
        checkInVouchedBy: dto.signupId ? actor.userId : null,
        checkInNote: dto.note ?? null,
        updatedAt: now,
      });
      await em.getRepository(GigSignup).save(fresh);
      if (dto.signupId) await this.audit.record({ action: 'gig.check_in_vouched', actor, targetType: 'gig_signup', targetId: fresh.id, detail: { note: dto.note ?? null } }, em);
      return fresh;
    });
    return (await this.signupItems.items([saved]))[0];
  }

  /**
   * POST /gigs/check-out: the worker with the code, a liaison for a resident, or the employer confirming the
   * day's end for someone (signupId). Twice is once.
   */
  async checkOut(dto: GigCheckInDto, actor: AuthPrincipal): Promise<GigSignupItem> {
    const now = this.clock.now();
    let signup: GigSignup;
    const site = dto.signupId && actor.role !== 'seeker' ? await this.siteSignup(dto.signupId, actor) : null;
    if (site) signup = site;
    else signup = dto.signupId ? await this.vouched(dto.signupId, actor) : await this.byCode(dto.code ?? '', actor, now);
    if (signup.status === 'checked_out') return (await this.signupItems.items([signup]))[0];
    if (signup.status !== 'checked_in') throw new ConflictException('还没有上工，不能收工');
    signup.status = 'checked_out';
    signup.checkOutAt = now;
    signup.checkOutBy = actor.userId;
    signup.updatedAt = now;
    await this.ds.getRepository(GigSignup).save(signup);
    return (await this.signupItems.items([signup]))[0];
  }

  /** POST /gigs/signups/:id/no-show (the employer, once the day has started): the person did not come. */
  async markNoShow(id: string, actor: AuthPrincipal): Promise<GigSignupItem> {
    const signup = await this.signupOf(id);
    const post = await this.ownGig(signup.postId, actor);
    const now = this.clock.now();
    if (now.getTime() < dayStart(signup.workDate, post.workStartTime).getTime()) throw new ConflictException('还没开工，不能记为没来');
    if (signup.status === 'no_show') return (await this.signupItems.items([signup]))[0];
    if (signup.status !== 'confirmed') throw new ConflictException('只有报上了还没上工的人可以记为没来');
    await this.ds.transaction(async (em) => {
      await em.getRepository(GigSignup).update({ id, status: 'confirmed' }, { status: 'no_show', updatedAt: now });
      await this.pauseIfRepeated(em, signup.residentId, now);
    });
    return (await this.signupItems.items([await this.signupOf(id)]))[0];
  }

  /** POST /gigs/pauses/:residentId/lift: the liaison heard the person out and lets them sign up again. */
  async liftPause(residentId: string, note: string, actor: AuthPrincipal): Promise<{ residentId: string; liftedAt: string }> {
    const resident = await this.ds.getRepository(Resident).findOne({ where: { id: residentId }, select: { id: true, villageCode: true, userId: true } });
    if (!resident) throw new NotFoundException('居民档案不存在或不在您的管辖范围内');
    await this.access.require(actor, 'gig.pause_lift', { villageCode: resident.villageCode, residentUserId: resident.userId }, { notFound: '居民档案不存在或不在您的管辖范围内' });
    const now = this.clock.now();
    const pause = await this.ds.getRepository(GigPause).findOneBy({ residentId, liftedAt: IsNull() });
    if (!pause || pause.pausedUntil.getTime() <= now.getTime()) throw new ConflictException('这个人现在没有被暂停报名');
    await this.ds.transaction(async (em) => {
      await em.getRepository(GigPause).update({ residentId }, { liftedAt: now, liftedBy: actor.userId, liftNote: note });
      await this.audit.record({ action: 'gig.pause_lift', actor, targetType: 'resident', targetId: residentId, detail: { note } }, em);
    });
    return { residentId, liftedAt: now.toISOString() };
  }

  /**
   * The evening sweep (worker process, daily): yesterday's and earlier confirmed sign-ups nobody checked in are
   * no-shows (with the pause rule); tomorrow's people get their reminder. Safe to run twice.
   */
  async sweep(): Promise<{ noShows: number; reminded: number }> {
    const now = this.clock.now();
    const today = chinaDateOf(now);
    const missed = await this.ds.getRepository(GigSignup).find({ where: { status: 'confirmed', workDate: LessThan(today) }, take: 1000 });
    for (const s of missed) {
      await this.ds.transaction(async (em) => {
        const changed = await em.getRepository(GigSignup).update({ id: s.id, status: 'confirmed' }, { status: 'no_show', updatedAt: now });
        if (changed.affected) await this.pauseIfRepeated(em, s.residentId, now);
      });
    }
    const tomorrow = await this.ds.getRepository(GigSignup).find({ where: { status: 'confirmed', workDate: addDays(today, 1) } });
    await this.ds.transaction(async (em) => {
      for (const s of tomorrow) await this.notices.dayBefore(em, s);
    });
    return { noShows: missed.length, reminded: tomorrow.length };
  }

  /** Three no-shows in 30 days: sign-ups pause for 7 days (the liaison may lift it). */
  private async pauseIfRepeated(em: EntityManager, residentId: string, now: Date): Promise<void> {
    const since = chinaDateOf(new Date(now.getTime() - NO_SHOW_WINDOW_DAYS * 86_400_000));
    const count = await em.getRepository(GigSignup).count({ where: { residentId, status: 'no_show', workDate: MoreThanOrEqual(since) } });
    if (count < NO_SHOW_LIMIT) return;
    const pause = { residentId, pausedUntil: new Date(now.getTime() + PAUSE_DAYS * 86_400_000), startedAt: now, liftedAt: null, liftedBy: null, liftNote: null };
    await em.getRepository(GigPause).save(pause);
  }

  /** The worker's day today whose 现场码 this is (this minute's or the last). */
  private async byCode(code: string, actor: AuthPrincipal, now: Date): Promise<GigSignup> {
    if (actor.role !== 'seeker') throw new ConflictException('现场码由干活的人自己扫；联络员请选择村民作证');
    const own = await this.ds.getRepository(Resident).findOne({ where: { userId: actor.userId }, select: { id: true } });
    const today = chinaDateOf(now);
    const mine = own ? await this.ds.getRepository(GigSignup).find({ where: { residentId: own.id, workDate: MoreThanOrEqual(today), status: In(['confirmed', 'checked_in', 'checked_out', 'waitlisted']) } }) : [];
    const match = mine.find((s) => siteCodeMatches(this.config.jwtSecret, s.postId, s.workDate, code, now));
    if (!match) {
      const message = mine.length ? '现场码不对或已经换了，请看企业手机上最新的码再输一次' : '您没有报上的零工，不能上工';
      throw new BadRequestException({ statusCode: 400, message, errors: [{ field: 'code', message }] });
    }
    return match;
  }

  /** A liaison vouches for a resident of their area, on the day. */
  private async vouched(signupId: string, actor: AuthPrincipal): Promise<GigSignup> {
    const signup = await this.signupOf(signupId);
    const resident = await this.ds.getRepository(Resident).findOneOrFail({ where: { id: signup.residentId }, select: { id: true, villageCode: true, userId: true } });
    if (actor.role !== 'liaison') throw new ConflictException('只有联络员可以在现场为村民作证');
    await this.access.require(actor, 'gig.worker', { villageCode: resident.villageCode, residentUserId: resident.userId }, { notFound: SIGNUP_NOT_FOUND });
    if (signup.workDate < chinaDateOf(this.clock.now())) throw new ConflictException(`${monthDayText(signup.workDate)}已经过去了，不能再作证上工`);
    return signup;
  }

  /**
   * Check-out by signupId: the one who runs the site (the employer; a household's liaison) confirms the day's
   * end; null when the caller does not run it (a liaison then vouches for their resident instead).
   */
  private async siteSignup(signupId: string, actor: AuthPrincipal): Promise<GigSignup | null> {
    const signup = await this.signupOf(signupId);
    if (actor.role === 'employer') {
      await this.ownGig(signup.postId, actor);
      return signup;
    }
    const post = await this.ds.getRepository(JobPosting).findOne({ where: { id: signup.postId }, relations: { employer: true } });
    return post && (await this.access.may(actor, 'gig.site', postTarget(post))) ? signup : null;
  }

  private async signupOf(id: string): Promise<GigSignup> {
    const signup = await this.ds.getRepository(GigSignup).findOneBy({ id });
    if (!signup) throw new NotFoundException(SIGNUP_NOT_FOUND);
    return signup;
  }

  private async ownGig(postId: string, actor: AuthPrincipal): Promise<JobPosting> {
    // With its employer: a household's (农户) gig is run by the liaison of its 村 (postTarget).
    const post = await this.ds.getRepository(JobPosting).findOne({ where: { id: postId, type: 'gig' }, relations: { employer: true } });
    if (!post) throw new NotFoundException('零工不存在');
    await this.access.require(actor, 'gig.site', postTarget(post), { notFound: '零工不存在' });
    return post;
  }
}
