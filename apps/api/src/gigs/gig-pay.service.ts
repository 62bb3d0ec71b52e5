import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { DISPUTE_STATUS_LABELS, maskPhone, type DisputeItem, type GigSignupItem, type Page, type RepeatEmployer } from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../common/access/access.service';
import type { AccessTarget } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { postTarget } from '../job-postings/job-postings.service';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import type { DisputePatchDto, DisputeQueryDto, GigDisputeDto, GigPayDto, GigRatingDto } from './dto/gig.dto';
import { GigDisputeStep } from './entities/gig-dispute-step.entity';
import { GigDispute } from './entities/gig-dispute.entity';
import { GigRating } from './entities/gig-rating.entity';
import { GigSignup } from './entities/gig-signup.entity';
import { writeLock } from '../common/sql/write-lock';
import { GigNotices } from './gig-notices';
import { unusualPay } from './gig-rules';
import { GigSignupItems } from './gig-signup-items';

const SIGNUP_NOT_FOUND = '报名记录不存在';
const DISPUTE_NOT_FOUND = '这件事不存在或不归您管';
const WORKED = ['checked_in', 'checked_out'];
/** Cases in this many days, and how many of them, put an employer on the admins' review list. */
const REPEAT_WINDOW_DAYS = 180;
const REPEAT_CASES = 2;
const STEP_ORDER: GigDispute['status'][] = ['open', 'mediating', 'resolved', 'referred'];

/**
 * 完工结算 and 权益维护: the employer records a day's pay, the worker confirms or disputes it; a dispute is a
 * case for the district with the day's evidence, moved on by an admin of the 镇街 where the work was
 * (call, mediate, resolve, refer to 劳动监察 12333). And the ratings both ways after a day.
 */
@Injectable()
export class GigPayService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly notices: GigNotices,
    private readonly signupItems: GigSignupItems,
    private readonly regions: RegionsService,
  ) {}

  /** POST /gigs/signups/:id/pay (the employer): a day's pay; corrected freely until the worker confirms it. */
  async recordPay(id: string, dto: GigPayDto, actor: AuthPrincipal): Promise<GigSignupItem> {
    const { signup, post } = await this.employerSide(id, actor);
    if (!WORKED.includes(signup.status)) throw new ConflictException('这个人这天没有上工记录，不能登记工钱；没来请记为没来');
    if (signup.payConfirmedAt) throw new ConflictException('工人已经确认收到工钱，不能再改');
    if (signup.disputeId) throw new ConflictException('这天的工钱有投诉在处理，请配合人社局，不能在这里改');
    // When it was (or will be) paid, as the employer says; the worker confirms or disputes it.
    const paidAt = new Date(dto.paidAt);
    const now = this.clock.now();
    if (unusualPay(dto.amount, post.wageMax, post.wageUnit) && !dto.confirmUnusual) {
      throw new ConflictException({ statusCode: 409, message: `${dto.amount}元比约定的${post.wageMin}–${post.wageMax}元高很多，请确认没有多输一个0`, needsConfirmation: true });
    }
    const saved = await this.ds.transaction(async (em) => {
      const fresh = await em.getRepository(GigSignup).findOneOrFail({ where: { id }, lock: writeLock(em) });
      Object.assign(fresh, { payAmount: dto.amount, payMethod: dto.method, paidAt, payRecordedAt: now, updatedAt: now });
      await em.getRepository(GigSignup).save(fresh);
      await this.notices.payRecorded(em, fresh);
      return fresh;
    });
    return (await this.signupItems.items([saved], { employer: true }))[0];
  }

  /** POST /gigs/signups/:id/pay/confirm (the worker or their liaison): the pay arrived. Twice is once. */
  async confirmPay(id: string, actor: AuthPrincipal): Promise<GigSignupItem> {
    const signup = await this.workerSide(id, actor);
    if (signup.payAmount === null) throw new ConflictException('企业还没有登记工钱；没给工钱请点“工钱有问题”');
    if (signup.disputeId) throw new ConflictException('这天的工钱有投诉在处理，处理完会告诉您');
    if (!signup.payConfirmedAt) {
      signup.payConfirmedAt = this.clock.now();
      await this.ds.getRepository(GigSignup).save(signup);
    }
    return (await this.signupItems.items([signup]))[0];
  }

  /** POST /gigs/signups/:id/dispute (the worker or their liaison): a 权益维护 case with the day's evidence. */
  async dispute(id: string, dto: GigDisputeDto, actor: AuthPrincipal): Promise<DisputeItem> {
    const signup = await this.workerSide(id, actor);
    if (!WORKED.includes(signup.status)) throw new ConflictException('这天没有上工记录，不能反映工钱问题；有别的问题请打12333');
    if (signup.payConfirmedAt) throw new ConflictException('您已经确认收到工钱了；还有问题请打12333');
    if (signup.disputeId) throw new ConflictException({ statusCode: 409, message: '这天的工钱已经在处理了', existingId: signup.disputeId });
    const post = await this.ds.getRepository(JobPosting).findOneByOrFail({ id: signup.postId });
    const now = this.clock.now();
    const dispute = Object.assign(new GigDispute(), {
      id: randomUUID(),
      signupId: signup.id,
      postId: signup.postId,
      employerId: signup.employerId,
      residentId: signup.residentId,
      townCode: post.townCode,
      status: 'open',
      reason: dto.reason,
      note: dto.note ?? null,
      evidence: {
        date: signup.workDate,
        signedUpAt: signup.createdAt.toISOString(),
        checkInAt: signup.checkInAt?.toISOString() ?? null,
        checkOutAt: signup.checkOutAt?.toISOString() ?? null,
        agreedWage: { min: post.wageMin, max: post.wageMax, unit: post.wageUnit },
        pay:
          signup.payAmount !== null && signup.payMethod && signup.paidAt && signup.payRecordedAt
            ? { amount: signup.payAmount, method: signup.payMethod, paidAt: signup.paidAt.toISOString(), recordedAt: signup.payRecordedAt.toISOString(), confirmedAt: null }
            : null,
      },
      openedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    } satisfies Omit<GigDispute, never>);
    try {
      await this.ds.transaction(async (em) => {
        await em.getRepository(GigDispute).insert(dispute);
        await em.getRepository(GigSignup).update({ id: signup.id }, { disputeId: dispute.id, updatedAt: now });
        const step = await this.addStep(em, dispute.id, 'open', dto.note ?? null, actor.userId, now);
        await this.audit.record({ action: 'dispute.open', actor, targetType: 'gig_dispute', targetId: dispute.id, detail: { reason: dto.reason } }, em);
        await this.notices.disputeStep(em, { ...signup, disputeId: dispute.id }, dispute.id, 'open', '人社局已经收到，会先打电话问企业。', step.id);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictException('这天的工钱已经在处理了');
      throw e;
    }
    return (await this.disputeItems([dispute]))[0];
  }

  /** GET /disputes: the district admin all; a 镇街 officer the cases of work in their 镇街. */
  async list(q: DisputeQueryDto, actor: AuthPrincipal): Promise<Page<DisputeItem>> {
    const limit = clampLimit(q.limit);
    const qb = this.ds.getRepository(GigDispute).createQueryBuilder('d');
    // The district's list (the controller admits admins only): an officer sees the 镇街 where the work was.
    const scope = await this.access.scope(actor, 'dispute.read');
    if (scope.kind === 'region') qb.andWhere('d.town_code = :area', { area: scope.code });
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.cursor) {
      const c = decodeDateCursor(q.cursor);
      qb.andWhere('(d.created_at < :at OR (d.created_at = :at AND d.id < :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.disputeItems(page), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  /**
   * GET /disputes/employers: employers with two or more cases in the last 180 days (the admin reviews them:
   * a firm that keeps not paying should not keep posting day work).
   */
  async repeatEmployers(actor: AuthPrincipal): Promise<{ items: RepeatEmployer[] }> {
    const since = new Date(this.clock.now().getTime() - REPEAT_WINDOW_DAYS * 86_400_000);
    const qb = this.ds
      .getRepository(GigDispute)
      .createQueryBuilder('d')
      .select('d.employer_id', 'eid')
      .addSelect('COUNT(*)', 'cases')
      .addSelect("SUM(CASE WHEN d.status IN ('open', 'mediating') THEN 1 ELSE 0 END)", 'open')
      .addSelect('MAX(d.created_at)', 'last')
      .where('d.created_at >= :since', { since })
      .groupBy('d.employer_id')
      .having('COUNT(*) >= :min', { min: REPEAT_CASES });
    const scope = await this.access.scope(actor, 'dispute.read');
    if (scope.kind === 'region') qb.andWhere('d.town_code = :area', { area: scope.code });
    const rows = await qb.getRawMany<{ eid: string; cases: string | number; open: string | number; last: string | Date }>();
    const names = new Map((await this.ds.getRepository(Employer).find({ where: { id: In(rows.map((r) => r.eid).concat('none')) }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
    const items = rows.map((r) => ({ employerId: r.eid, employerName: names.get(r.eid) ?? '', cases: Number(r.cases), open: Number(r.open), lastAt: new Date(r.last).toISOString() }));
    return { items: items.sort((a, b) => b.open - a.open || b.cases - a.cases) };
  }

  async get(id: string, actor: AuthPrincipal): Promise<DisputeItem> {
    const d = await this.ds.getRepository(GigDispute).findOneBy({ id });
    if (!d) throw new NotFoundException(DISPUTE_NOT_FOUND);
    await this.access.require(actor, 'dispute.read', await this.targetOf(d), { notFound: DISPUTE_NOT_FOUND });
    return (await this.disputeItems([d]))[0];
  }

  /** PATCH /disputes/:id (an admin of the 镇街): mediating, resolved or referred to 劳动监察, with what was done. */
  async patch(id: string, dto: DisputePatchDto, actor: AuthPrincipal): Promise<DisputeItem> {
    const d = await this.ds.getRepository(GigDispute).findOneBy({ id });
    if (!d) throw new NotFoundException(DISPUTE_NOT_FOUND);
    await this.access.require(actor, 'dispute.manage', await this.targetOf(d), { notFound: DISPUTE_NOT_FOUND });
    if (d.status === 'resolved' || d.status === 'referred') throw new ConflictException(`这件事已经${DISPUTE_STATUS_LABELS[d.status]}，不能再改`);
    const now = this.clock.now();
    const signup = await this.ds.getRepository(GigSignup).findOneByOrFail({ id: d.signupId });
    await this.ds.transaction(async (em) => {
      await em.getRepository(GigDispute).update({ id }, { status: dto.status, updatedAt: now });
      const step = await this.addStep(em, id, dto.status, dto.note, actor.userId, now);
      await this.audit.record({ action: 'dispute.update', actor, targetType: 'gig_dispute', targetId: id, detail: { status: dto.status, note: dto.note } }, em);
      const told = dto.status === 'referred' ? `${dto.note}（已转劳动保障监察，也可以打12333问进展）` : dto.note;
      await this.notices.disputeStep(em, signup, id, dto.status, told, step.id);
    });
    return this.get(id, actor);
  }

  /** POST /gigs/signups/:id/rating: after a day worked, each side rates the other once. */
  async rate(id: string, dto: GigRatingDto, actor: AuthPrincipal): Promise<GigSignupItem> {
    // A liaison rates for a household they run the day of (the employer's side), else for their resident.
    const side = actor.role === 'employer' || (actor.role !== 'seeker' && (await this.runsSiteOf(id, actor))) ? 'employer' : 'worker';
    const signup = side === 'employer' ? (await this.employerSide(id, actor)).signup : await this.workerSide(id, actor);
    if (!WORKED.includes(signup.status)) throw new ConflictException('上过工以后才能评价');
    try {
      await this.ds.getRepository(GigRating).insert({ id: randomUUID(), signupId: id, side, stars: dto.stars, tags: dto.tags ?? [], note: dto.note ?? null, byUser: actor.userId, createdAt: this.clock.now() });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictException('这天您已经评价过了');
      throw e;
    }
    return (await this.signupItems.items([signup], { employer: side === 'employer' }))[0];
  }

  /** The caller runs the day of this sign-up's gig (a household's liaison): gig.site allows them. */
  private async runsSiteOf(signupId: string, actor: AuthPrincipal): Promise<boolean> {
    const signup = await this.ds.getRepository(GigSignup).findOneBy({ id: signupId });
    if (!signup) return false;
    const post = await this.ds.getRepository(JobPosting).findOne({ where: { id: signup.postId }, relations: { employer: true } });
    return !!post && (await this.access.may(actor, 'gig.site', postTarget(post)));
  }

  private async employerSide(id: string, actor: AuthPrincipal): Promise<{ signup: GigSignup; post: JobPosting }> {
    const signup = await this.ds.getRepository(GigSignup).findOneBy({ id });
    if (!signup) throw new NotFoundException(SIGNUP_NOT_FOUND);
    // With its employer: a household's (农户) gig is run by the liaison of its 村 (postTarget).
    const post = await this.ds.getRepository(JobPosting).findOneOrFail({ where: { id: signup.postId }, relations: { employer: true } });
    await this.access.require(actor, 'gig.site', postTarget(post), { notFound: SIGNUP_NOT_FOUND });
    return { signup, post };
  }

  private async workerSide(id: string, actor: AuthPrincipal): Promise<GigSignup> {
    const signup = await this.ds.getRepository(GigSignup).findOneBy({ id });
    if (!signup) throw new NotFoundException(SIGNUP_NOT_FOUND);
    const r = await this.ds.getRepository(Resident).findOneOrFail({ where: { id: signup.residentId }, select: { id: true, villageCode: true, userId: true } });
    await this.access.require(actor, 'gig.worker', { villageCode: r.villageCode, residentUserId: r.userId }, { notFound: SIGNUP_NOT_FOUND });
    return signup;
  }

  private async targetOf(d: GigDispute): Promise<AccessTarget> {
    const r = await this.ds.getRepository(Resident).findOne({ where: { id: d.residentId }, select: { id: true, villageCode: true, userId: true } });
    const e = await this.ds.getRepository(Employer).findOne({ where: { id: d.employerId }, select: { id: true, kind: true, villageCode: true } });
    // Admins by where the work was; liaisons and the worker by the person; the employer its own (a household's: its 村's liaisons).
    return { townCode: d.townCode, villageCode: r?.villageCode ?? null, residentUserId: r?.userId ?? null, employerId: d.employerId, householdVillageCode: e?.kind === 'household' ? e.villageCode : null };
  }

  private async addStep(em: EntityManager, disputeId: string, status: GigDispute['status'], note: string | null, byUser: string, at: Date): Promise<GigDisputeStep> {
    const step = Object.assign(new GigDisputeStep(), { id: randomUUID(), disputeId, status, note, byUser, at });
    await em.getRepository(GigDisputeStep).insert(step);
    return step;
  }

  private async disputeItems(rows: GigDispute[]): Promise<DisputeItem[]> {
    if (rows.length === 0) return [];
    const [posts, employers, residents, steps] = await Promise.all([
      this.ds.getRepository(JobPosting).find({ where: { id: In(rows.map((d) => d.postId)) }, select: { id: true, title: true } }),
      this.ds.getRepository(Employer).find({ where: { id: In(rows.map((d) => d.employerId)) }, select: { id: true, name: true } }),
      this.ds.getRepository(Resident).find({ where: { id: In(rows.map((d) => d.residentId)) }, select: { id: true, name: true, phoneCipher: true } }),
      this.ds.getRepository(GigDisputeStep).find({ where: { disputeId: In(rows.map((d) => d.id)) }, order: { at: 'ASC' } }),
    ]);
    const towns = await this.regions.names(rows.map((d) => d.townCode));
    return rows.map((d) => {
      const r = residents.find((x) => x.id === d.residentId);
      return {
        id: d.id,
        status: d.status,
        reason: d.reason,
        note: d.note,
        signupId: d.signupId,
        postId: d.postId,
        postTitle: posts.find((p) => p.id === d.postId)?.title ?? '',
        employerId: d.employerId,
        employerName: employers.find((e) => e.id === d.employerId)?.name ?? '',
        townCode: d.townCode,
        townName: towns.get(d.townCode) ?? null,
        worker: { id: d.residentId, name: r?.name ?? '', phone: r ? maskPhone(this.cipher.decrypt(r.phoneCipher)) : '' },
        evidence: d.evidence,
        steps: steps
          .filter((s) => s.disputeId === d.id)
          // Steps at the same instant keep the case's order: opened, mediated, closed.
          .sort((a, b) => a.at.getTime() - b.at.getTime() || STEP_ORDER.indexOf(a.status) - STEP_ORDER.indexOf(b.status))
          .map((s) => ({ status: s.status, note: s.note, by: s.byUser, at: s.at.toISOString() })),
        openedAt: d.createdAt.toISOString(),
        updatedAt: d.updatedAt.toISOString(),
      };
    });
  }
}
