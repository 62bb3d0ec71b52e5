import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Repository } from 'typeorm';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_TRANSITIONS,
  REPORTS_TO_HIDE,
  chinaDateOf,
  ageOn,
  maskName,
  maskPhone,
  type ApplicationItem,
  type ApplicationSource,
  type ApplicationStatus,
  type Page,
  type PhoneCallResponse,
} from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { AccessTarget } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { fieldError } from '../common/errors/field-error';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { Employer } from '../employers/entities/employer.entity';
import { HiresService } from '../hires/hires.service';
import { NotificationEvents } from '../notifications/notification-events';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import { Hire } from '../hires/entities/hire.entity';
import { CandidateViews } from '../matching/candidate-views';
import type { ApplicationQueryDto, CreateApplicationDto, CreateInvitationDto, UpdateApplicationDto } from './dto/application.dto';
import { checkBoothApplication } from '../events/event-booths';
import { ApplicationStep } from './entities/application-step.entity';
import { Application } from './entities/application.entity';

const NOT_FOUND = '投递记录不存在或不在您的管辖范围内';

/**
 * 投递: a seeker applies for themself, a liaison for a resident of their area, an employer invites a
 * matched candidate. The employer moves the pipeline forward; the applicant (or their liaison) may
 * withdraw. Each step is kept with who and when. 已入职 records the hire.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    @InjectRepository(ApplicationStep) private readonly steps: Repository<ApplicationStep>,
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Employer) private readonly employerRows: Repository<Employer>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly candidateViews: CandidateViews,
    private readonly hires: HiresService,
    private readonly events: NotificationEvents,
    private readonly outbox: NotificationOutbox,
    private readonly regions: RegionsService,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async apply(dto: CreateApplicationDto, actor: AuthPrincipal): Promise<ApplicationItem> {
    let resident: Resident | null;
    let source: ApplicationSource;
    if (actor.role === 'seeker') {
      resident = await this.residents.findOneBy({ userId: actor.userId });
      if (!resident) throw new NotFoundException('请先填写求职信息，再投递');
      if (dto.residentId && dto.residentId !== resident.id) throw new ForbiddenException('只能为自己投递');
      source = 'self';
    } else {
      if (!dto.residentId) throw fieldError('residentId', '请选择为哪位村民投递');
      resident = await this.residents.findOneBy({ id: dto.residentId });
      // An erased record (personal-data-rights.md) is no one to apply for.
      if (!resident || resident.erasedAt) throw new NotFoundException('居民档案不存在或不在您的管辖范围内');
      source = 'liaison';
    }
    await this.access.require(actor, 'application.create', { villageCode: resident.villageCode, residentUserId: resident.userId }, { notFound: '居民档案不存在或不在您的管辖范围内' });
    const post = await this.openPost(dto.postId);
    if (dto.eventId) await checkBoothApplication(this.dataSource.manager, dto.eventId, post.id, this.clock.now());
    return this.insert(post, resident, source, 'applied', null, actor, dto.eventId ?? null);
  }

  /**
   * An employer invites a person it was shown as a candidate for this post (or who applied to it);
   * the person (or their liaison) accepts by moving it to applied.
   */
  async invite(dto: CreateInvitationDto, actor: AuthPrincipal): Promise<ApplicationItem> {
    const post = await this.openPost(dto.postId);
    const [shownAsCandidate, appliedToEmployer] = await Promise.all([
      this.candidateViews.wasShown(post.id, dto.residentId),
      this.applications.createQueryBuilder('a').where("a.resident_id = :rid AND a.employer_id = :eid AND a.status <> 'invited'", { rid: dto.residentId, eid: post.employerId }).getExists(),
    ]);
    await this.access.require(actor, 'application.invite', { employerId: post.employerId, townCode: post.townCode, villageCode: post.villageCode, shownAsCandidate, appliedToEmployer });
    const resident = await this.residents.findOneBy({ id: dto.residentId });
    if (!resident || resident.status !== 'seeking' || !resident.personalizedRecommendations) throw new NotFoundException('这个人现在不在找工作');
    return this.insert(post, resident, 'invitation', 'invited', dto.note ?? null, actor);
  }

  async update(id: string, dto: UpdateApplicationDto, actor: AuthPrincipal): Promise<ApplicationItem> {
    const app = await this.applications.findOneBy({ id });
    if (!app) throw new NotFoundException(NOT_FOUND);
    await this.access.require(actor, 'application.update', await this.targetOf(app), { notFound: NOT_FOUND });
    const side = actor.role === 'employer' ? 'employer' : 'applicant';
    // The status it already has (a retry, a double tap): nothing changes and nobody is told. A new interview time is a change.
    const sameInterview = dto.status !== 'interview' || ((dto.interviewAt === undefined || (app.interviewAt !== null && new Date(dto.interviewAt).getTime() === app.interviewAt.getTime())) && (dto.interviewPlace === undefined || dto.interviewPlace === app.interviewPlace));
    if (dto.status === app.status && sameInterview) return (await this.items([app], actor))[0];
    const allowed = APPLICATION_TRANSITIONS[app.status][side];
    if (!allowed.includes(dto.status)) {
      const who = side === 'employer' ? '企业' : '求职者';
      throw new ConflictException(`${who}不能把「${APPLICATION_STATUS_LABELS[app.status]}」改为「${APPLICATION_STATUS_LABELS[dto.status]}」`);
    }
    const now = this.clock.now();
    let interviewAt: Date | null = null;
    if (dto.status === 'interview') {
      if (!dto.interviewAt) throw fieldError('interviewAt', '约面试请写明时间');
      interviewAt = new Date(dto.interviewAt);
      if (interviewAt.getTime() < now.getTime() - 3600_000) throw fieldError('interviewAt', '面试时间不能早于现在');
    }
    if (dto.status === 'hired') this.hires.checkStartDate(dto.startDate ?? chinaDateOf(now));
    const post = await this.posts.findOneByOrFail({ id: app.postId });
    let hireId: string | null = null;
    await this.dataSource.transaction(async (em) => {
      if (dto.status === 'hired') {
        const hire = await this.hires.record(
          em,
          { residentId: app.residentId, employerId: app.employerId, postId: app.postId, applicationId: app.id, startDate: dto.startDate ?? chinaDateOf(now), wage: post.wageMin, wageUnit: post.wageUnit, source: 'application' },
          actor,
        );
        hireId = hire.id;
      }
      const changes: Partial<Application> = { status: dto.status, updatedAt: now };
      if (interviewAt) Object.assign(changes, { interviewAt, interviewPlace: dto.interviewPlace ?? null });
      if (hireId) changes.hireId = hireId;
      await em.getRepository(Application).update({ id }, changes);
      const step = this.step(id, dto.status, dto.note ?? null, actor, now, interviewAt, dto.interviewPlace ?? null);
      await em.getRepository(ApplicationStep).insert(step);
      await this.events.applicationStep(em, { applicationId: id, stepId: step.id, postId: app.postId, residentId: app.residentId, employerId: app.employerId, status: dto.status, interviewAt, interviewPlace: dto.interviewPlace ?? null });
    });
    this.outbox.kick();
    // Whoever may change an application may read it (access.policy.ts): no second check.
    return (await this.items([await this.applications.findOneByOrFail({ id })], actor))[0];
  }

  /**
   * 打电话 about an application: the employer's contact phone for the person (or their liaison) to call,
   * while the application is open or after the hire. Audit-logged, never with the number.
   */
  async callEmployer(id: string, actor: AuthPrincipal, ip: string | null): Promise<PhoneCallResponse> {
    const app = await this.applications.findOneBy({ id });
    if (!app) throw new NotFoundException(NOT_FOUND);
    await this.access.require(actor, 'application.call_employer', await this.targetOf(app), { notFound: NOT_FOUND });
    if (app.status === 'withdrawn' || app.status === 'rejected') throw new ConflictException('这次报名已经结束了，不用再打电话');
    const employer = await this.employerRows.findOneOrFail({ where: { id: app.employerId }, select: { id: true, contactPhoneCipher: true } });
    await this.audit.record({ action: 'application.call_employer', actor, targetType: 'application', targetId: id, detail: { employerId: app.employerId }, ip });
    return { phone: this.cipher.decrypt(employer.contactPhoneCipher) };
  }

  async get(id: string, actor: AuthPrincipal): Promise<ApplicationItem> {
    const app = await this.applications.findOneBy({ id });
    if (!app) throw new NotFoundException(NOT_FOUND);
    await this.access.require(actor, 'application.read', await this.targetOf(app), { notFound: NOT_FOUND });
    return (await this.items([app], actor))[0];
  }

  /** Each caller sees only what they may: their own, their employer's, their area's; the district admin all. */
  async list(query: ApplicationQueryDto, actor: AuthPrincipal): Promise<Page<ApplicationItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.applications.createQueryBuilder('a').innerJoin(Resident, 'r', 'r.id = a.resident_id');
    const scope = await this.access.scope(actor, 'application.read');
    if (scope.kind === 'employer') qb.andWhere('a.employer_id = :eid', { eid: scope.employerId });
    else if (scope.kind === 'user') qb.andWhere('r.user_id = :uid', { uid: scope.userId });
    else if (scope.kind === 'region') qb.andWhere(...regionCondition(scope.code, { town: 'r.town_code', village: 'r.village_code' }));
    if (query.postId) qb.andWhere('a.post_id = :pid', { pid: query.postId });
    if (query.residentId) qb.andWhere('a.resident_id = :rid', { rid: query.residentId });
    if (query.status) qb.andWhere('a.status = :st', { st: query.status });
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(a.updated_at < :at OR (a.updated_at = :at AND a.id < :cid))', { at: c.at, cid: c.id });
    }
    // limit, not take: the join only filters (one resident per application), so no DISTINCT pre-query is needed.
    const rows = await qb.orderBy('a.updated_at', 'DESC').addOrderBy('a.id', 'DESC').limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.items(page, actor), nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt.toISOString(), last.id) : null };
  }

  private async openPost(postId: string): Promise<JobPosting> {
    const post = await this.posts.findOneBy({ id: postId });
    if (!post) throw new NotFoundException('岗位不存在');
    const open = post.status === 'published' && (!post.expiresAt || post.expiresAt > this.clock.now()) && post.openReports < REPORTS_TO_HIDE;
    if (!open) throw new ConflictException('岗位已关闭或已过期，不能投递');
    return post;
  }

  private async insert(post: JobPosting, resident: Resident, source: ApplicationSource, status: ApplicationStatus, note: string | null, actor: AuthPrincipal, eventId: string | null = null): Promise<ApplicationItem> {
    const now = this.clock.now();
    const app = Object.assign(new Application(), {
      id: randomUUID(),
      postId: post.id,
      residentId: resident.id,
      employerId: post.employerId,
      status,
      source,
      createdBy: actor.userId,
      eventId,
      interviewAt: null,
      interviewPlace: null,
      hireId: null,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.dataSource.transaction(async (em) => {
        await em.getRepository(Application).insert(app);
        const step = this.step(app.id, status, note, actor, now, null, null);
        await em.getRepository(ApplicationStep).insert(step);
        await this.events.applicationStep(em, { applicationId: app.id, stepId: step.id, postId: post.id, residentId: resident.id, employerId: post.employerId, status });
      });
      this.outbox.kick();
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const existing = await this.applications.findOne({ where: { postId: post.id, residentId: resident.id }, select: { id: true } });
      throw new ConflictException({ statusCode: 409, message: '已经投递过这个岗位了', existingId: existing?.id ?? null });
    }
    // Whoever may apply or invite may read the application (access.policy.ts): answered from the row just written.
    return (await this.items([app], actor))[0];
  }

  private step(applicationId: string, status: ApplicationStatus, note: string | null, actor: AuthPrincipal, at: Date, interviewAt: Date | null, interviewPlace: string | null): ApplicationStep {
    return Object.assign(new ApplicationStep(), { id: randomUUID(), applicationId, status, note, interviewAt, interviewPlace, byUser: actor.userId, byRole: actor.role, at });
  }

  /**
   * What the access policy needs of an application: its resident's 村居 and account (the applicant's
   * side, liaisons and admins) and its employer (the employer's side).
   */
  private async targetOf(app: Application): Promise<AccessTarget> {
    const resident = await this.residents.findOne({ where: { id: app.residentId }, select: { id: true, villageCode: true, userId: true } });
    return { villageCode: resident?.villageCode ?? null, residentUserId: resident?.userId ?? null, employerId: app.employerId };
  }

  private async items(rows: Application[], actor: AuthPrincipal): Promise<ApplicationItem[]> {
    if (rows.length === 0) return [];
    const hireIds = rows.map((a) => a.hireId).filter((x): x is string => x !== null);
    // Independent reads, sent together (each on its own pooled connection on MySQL/MariaDB): one wait, not five.
    const [residentRows, postRows, employerRows, steps, hireRows] = await Promise.all([
      this.residents.findBy({ id: In([...new Set(rows.map((a) => a.residentId))]) }),
      this.posts.findBy({ id: In([...new Set(rows.map((a) => a.postId))]) }),
      this.employerRows.find({ where: { id: In([...new Set(rows.map((a) => a.employerId))]) }, select: { id: true, name: true } }),
      this.steps.find({ where: { applicationId: In(rows.map((a) => a.id)) }, order: { at: 'ASC' } }),
      hireIds.length ? this.dataSource.getRepository(Hire).find({ where: { id: In(hireIds) }, select: { id: true, startDate: true } }) : Promise.resolve([]),
    ]);
    const residents = new Map(residentRows.map((r) => [r.id, r]));
    const posts = new Map(postRows.map((p) => [p.id, p]));
    const employers = new Map(employerRows.map((e) => [e.id, e.name]));
    const hireStarts = new Map(hireRows.map((h) => [h.id, h.startDate]));
    const userIds = [...new Set(steps.map((s) => s.byUser).filter((u): u is string => !!u))];
    // The employer may call the people who applied (or accepted an invitation): reading those phones is audit-logged.
    const contactable = new Set(actor.role === 'employer' ? rows.filter((a) => a.status !== 'invited').map((a) => a.residentId) : []);
    const [userRows, places] = await Promise.all([
      userIds.length ? this.users.find({ where: { id: In(userIds) }, select: { id: true, name: true } }) : Promise.resolve([]),
      this.regions.names(residentRows.flatMap((r) => [r.villageCode, r.townCode]).concat(postRows.map((p) => p.townCode))),
      contactable.size ? this.audit.record({ action: 'application.contact', actor, targetType: 'resident', targetId: null, detail: { residentIds: [...contactable] } }) : undefined,
    ]);
    const users = new Map(userRows.map((u) => [u.id, u.name]));
    const now = this.clock.now();
    return rows.map((a) => {
      const r = residents.get(a.residentId)!;
      const p = posts.get(a.postId)!;
      const phone = this.cipher.decrypt(r.phoneCipher);
      return {
        id: a.id,
        postId: a.postId,
        post: { id: p.id, title: p.title, employerId: p.employerId, employerName: employers.get(p.employerId) ?? '', townName: places.get(p.townCode) ?? null, status: p.status },
        resident: {
          id: r.id,
          name: actor.role === 'employer' && a.status === 'invited' ? maskName(r.name) : r.name,
          phone: contactable.has(a.residentId) ? phone : maskPhone(phone),
          gender: r.gender,
          age: ageOn(r.birthDate, now),
          villageName: places.get(r.villageCode) ?? null,
          townName: places.get(r.townCode) ?? null,
          skills: r.skills,
          // Never to an employer: key groups are sensitive and invite discrimination (matching.md).
          keyGroups: actor.role === 'employer' ? [] : r.keyGroups,
        },
        status: a.status,
        source: a.source,
        eventId: a.eventId,
        interviewAt: a.interviewAt?.toISOString() ?? null,
        interviewPlace: a.interviewPlace,
        hireId: a.hireId,
        hireStartDate: a.hireId ? (hireStarts.get(a.hireId) ?? null) : null,
        steps: steps
          .filter((s) => s.applicationId === a.id)
          .map((s) => ({ status: s.status, note: s.note, interviewAt: s.interviewAt?.toISOString() ?? null, interviewPlace: s.interviewPlace, by: { name: s.byUser ? (users.get(s.byUser) ?? null) : null, role: s.byRole }, at: s.at.toISOString() })),
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
      };
    });
  }
}
