import { NotificationEvents } from '../notifications/notification-events';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import {
  DATED_POST_TYPES,
  canTransition,
  checkPostCompliance,
  chinaDateOf,
  monthlyEquivalent,
  postExpiresAt,
  POST_REFRESH_INTERVAL_HOURS,
  POST_STATUS_LABELS,
  type JobPostingItem,
  type Page,
  type PostStatus,
} from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { ChangeFeed } from '../common/changes/change-feed';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { fieldError } from '../common/errors/field-error';
import { Clock } from '../common/clock';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EmployersService } from '../employers/employers.service';
import { Employer } from '../employers/entities/employer.entity';
import { Occupation } from '../occupations/entities/occupation.entity';
import type { CreatePostDto, MyPostsQueryDto, ReviewPostDto, UpdatePostDto } from './dto/job-posting-input.dto';
import { JobPosting } from './entities/job-posting.entity';
import { JobPostingsService, postTarget } from './job-postings.service';
import { PostSearchIndex } from './post-search-index';
import { refreshPostPoints } from './post-points';
import { SavedSearchesService } from './saved-searches.service';

const REFRESH_INTERVAL_MS = POST_REFRESH_INTERVAL_HOURS * 3600_000;
/** How far ahead a dated post may start. */
const MAX_DAYS_AHEAD = 366;
const NOTE_MAX = 200;

type Fields = Omit<CreatePostDto, 'draft'>;


/**
 * What employers and reviewers do to posts: write, submit, review, close, refresh. Every change of
 * status goes through POST_TRANSITIONS (libs/shared), so an illegal step is a 409.
 */
@Injectable()
export class PostWorkflowService {
  constructor(
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Occupation) private readonly occupations: Repository<Occupation>,
    @InjectRepository(Employer) private readonly employerRows: Repository<Employer>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly reader: JobPostingsService,
    private readonly employers: EmployersService,
    private readonly searchIndex: PostSearchIndex,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
    private readonly events: NotificationEvents,
    private readonly outbox: NotificationOutbox,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly savedSearches: SavedSearchesService,
  ) {}

  async create(dto: CreatePostDto, user: AuthPrincipal): Promise<JobPostingItem> {
    return this.createFor(await this.employers.requireEmployerId(user), dto);
  }

  /**
   * A post of the given employer, made by someone acting for it: a liaison for a household (农户) with no
   * account (HouseholdsService asks the access policy first). The same checks and review as every post.
   */
  async createFor(employerId: string, dto: CreatePostDto): Promise<JobPostingItem> {
    const { draft, ...fields } = dto;
    await this.validate(fields);
    const post = Object.assign(new JobPosting(), {
      id: randomUUID(),
      employerId,
      ...this.columns(fields),
      status: 'draft' as PostStatus,
      complianceFlags: [],
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
      submittedAt: null,
      publishedAt: null,
      refreshedAt: null,
      expiresAt: null,
      openReports: 0,
    });
    this.check(post, draft ? 'draft' : 'submit');
    await this.save(post);
    return this.item(post.id);
  }

  /** Edits re-check the post; anything but a draft goes (back) to review. */
  async update(id: string, dto: UpdatePostDto, user: AuthPrincipal): Promise<JobPostingItem> {
    const post = await this.ownPost(id, user);
    if (post.status === 'closed' || post.status === 'expired') {
      throw new ConflictException(`岗位${POST_STATUS_LABELS[post.status]}，不能再修改；可以重新发布一个`);
    }
    const { draft, ...changes } = dto;
    const before = this.fieldsOf(post);
    const merged: Fields = { ...before, ...stripUndefined(changes) };
    await this.validate(merged, before);
    Object.assign(post, this.columns(merged));
    this.check(post, draft === true || (post.status === 'draft' && draft === undefined) ? 'draft' : 'submit');
    await this.save(post);
    return this.item(post.id);
  }

  /** A draft or a rejected post goes to review (or is rejected again by the automatic check). */
  async submit(id: string, user: AuthPrincipal): Promise<JobPostingItem> {
    const post = await this.ownPost(id, user);
    if (post.status !== 'draft' && post.status !== 'rejected') throw new ConflictException(`岗位${POST_STATUS_LABELS[post.status]}，不需要再提交`);
    await this.validate(this.fieldsOf(post));
    this.check(post, 'submit');
    await this.save(post);
    return this.item(post.id);
  }

  async review(id: string, dto: ReviewPostDto, admin: AuthPrincipal, ip: string | null): Promise<JobPostingItem> {
    const post = await this.posts.findOneBy({ id });
    if (!post) throw new NotFoundException('岗位不存在');
    await this.access.require(admin, 'post.review', postTarget(post));
    if (post.status !== 'pending_review') throw new ConflictException(`岗位${POST_STATUS_LABELS[post.status]}，只能审核待审核的岗位`);
    const now = this.clock.now();
    if (dto.verifyEmployer && !dto.approve) throw fieldError('verifyEmployer', '驳回岗位时不能同时认证企业');
    // 同时认证该企业: the employer, not yet verified, is verified in the review's transaction.
    let verifying: Employer | null = null;
    if (dto.approve) {
      const employer = await this.employerRows.findOneBy({ id: post.employerId });
      if (employer?.verification !== 'verified') {
        if (!dto.verifyEmployer) throw new ConflictException({ statusCode: 409, message: '该企业还没有通过认证，请先认证企业再通过岗位', employerId: post.employerId });
        verifying = await this.employers.verifiableForPost(post.employerId, admin);
      }
      const expiresAt = postExpiresAt(now, post.endDate ?? post.startDate);
      if (expiresAt <= now) throw new ConflictException('岗位的用工日期已过，不能发布');
      this.transition(post, 'published');
      post.publishedAt = post.publishedAt ?? now;
      post.refreshedAt = now;
      post.expiresAt = expiresAt;
      post.reviewNote = null;
    } else {
      if (!dto.reason) throw fieldError('reason', '驳回时请写明原因，企业会看到');
      this.transition(post, 'rejected');
      post.reviewNote = dto.reason;
    }
    post.reviewedBy = admin.userId;
    post.reviewedAt = now;
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(JobPosting).save(post);
      await this.events.postReviewed(em, post, dto.approve, now);
      // 有了告诉我: the people whose saved searches it matches hear of it, in the same transaction.
      if (dto.approve) await this.savedSearches.postPublished(em, post);
      if (verifying) await this.employers.verifyWithin(em, verifying, admin, ip, post.id);
    });
    this.changes.publish({ kind: 'post', ids: [post.id] });
    this.outbox.kick();
    await this.audit.record({ action: dto.approve ? 'post.approve' : 'post.reject', actor: admin, targetType: 'job_posting', targetId: id, detail: { reason: dto.reason ?? null }, ip });
    return this.item(id);
  }

  async close(id: string, user: AuthPrincipal): Promise<JobPostingItem> {
    const post = await this.posts.findOneBy({ id });
    if (!post) throw new NotFoundException('岗位不存在');
    await this.access.require(user, 'post.close', postTarget(post));
    if (post.status === 'closed') throw new ConflictException('岗位已经关闭了');
    this.transition(post, 'closed');
    await this.saveState(post);
    return this.item(id);
  }

  /** 一键刷新: shown as new again, for another 30 days (or until its dates end). */
  async refresh(id: string, user: AuthPrincipal): Promise<JobPostingItem> {
    const post = await this.ownPost(id, user);
    if (post.status !== 'published' && post.status !== 'expired') throw new ConflictException('只有已发布或已过期的岗位可以刷新');
    const now = this.clock.now();
    // A revoked (or refused) employer's expired posts stay down until it is verified again (its published ones went back to review).
    if ((await this.employerRows.findOneBy({ id: post.employerId }))?.verification === 'rejected') throw new ConflictException('企业认证已撤销或没有通过，重新认证后才能刷新岗位');
    if (post.status === 'published' && post.refreshedAt && now.getTime() - post.refreshedAt.getTime() < REFRESH_INTERVAL_MS) {
      throw new ConflictException('今天已经刷新过了，明天再来刷新吧');
    }
    const expiresAt = postExpiresAt(now, post.endDate ?? post.startDate);
    if (expiresAt <= now) throw new ConflictException('用工日期已经过了，请修改日期后重新提交');
    this.transition(post, 'published');
    post.refreshedAt = now;
    post.expiresAt = expiresAt;
    await this.saveState(post);
    return this.item(id);
  }

  /** The employer's own posts, most recently changed first, optionally one status. */
  async mine(query: MyPostsQueryDto, user: AuthPrincipal): Promise<Page<JobPostingItem>> {
    const employerId = await this.employers.requireEmployerId(user);
    const limit = clampLimit(query.limit);
    const qb = this.posts.createQueryBuilder('p').leftJoinAndSelect('p.employer', 'e').where('p.employer_id = :employerId', { employerId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(p.updated_at < :at OR (p.updated_at = :at AND p.id < :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('p.updated_at', 'DESC').addOrderBy('p.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.reader.toItems(page, true), nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt.toISOString(), last.id) : null };
  }

  /** Admins: the posts of their area waiting for review, the longest-waiting first. */
  async reviewQueue(query: { cursor?: string; limit?: number }, user: AuthPrincipal): Promise<Page<JobPostingItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.posts.createQueryBuilder('p').leftJoinAndSelect('p.employer', 'e').where("p.status = 'pending_review'");
    const scope = await this.access.scope(user, 'post.review');
    if (scope.kind === 'region') qb.andWhere(...regionCondition(scope.code, { town: 'p.town_code', village: 'p.village_code' }));
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(p.submitted_at > :at OR (p.submitted_at = :at AND p.id > :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('p.submitted_at', 'ASC').addOrderBy('p.id', 'ASC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.reader.toItems(page, true),
      nextCursor: rows.length > limit && last?.submittedAt ? encodeCursor(last.submittedAt.toISOString(), last.id) : null,
    };
  }

  /**
   * Runs the compliance check. A draft keeps its findings for the form; a submitted post with a hard
   * finding is rejected with the reasons, otherwise it waits for a reviewer with its soft flags.
   */
  private check(post: JobPosting, intent: 'draft' | 'submit'): void {
    const result = checkPostCompliance(
      { title: post.title, description: post.description, skills: post.skills, wageMin: post.wageMin, wageMax: post.wageMax, wageUnit: post.wageUnit, type: post.type },
      this.config.minimumWage,
    );
    post.complianceFlags = result.findings;
    if (intent === 'draft') {
      this.transition(post, 'draft');
      return;
    }
    if (result.rejected) {
      this.transition(post, 'rejected');
      const reasons = result.findings.filter((f) => f.severity === 'hard').map((f) => f.message);
      post.reviewNote = truncate(`未通过自动检查：${reasons.join('；')}`, NOTE_MAX);
    } else {
      this.transition(post, 'pending_review');
      post.reviewNote = null;
      post.submittedAt = this.clock.now();
    }
  }

  private transition(post: JobPosting, to: PostStatus): void {
    if (!canTransition(post.status, to)) {
      throw new ConflictException(`岗位${POST_STATUS_LABELS[post.status]}，不能改为${POST_STATUS_LABELS[to]}`);
    }
    post.status = to;
  }

  private async save(post: JobPosting): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(JobPosting).save(post);
      await refreshPostPoints(em, [post.id]);
      await this.searchIndex.index([post], em);
    });
    this.changes.publish({ kind: 'post', ids: [post.id] });
  }

  /** Saves a change of state only (the words, and so the search index, are unchanged). */
  private async saveState(post: JobPosting): Promise<void> {
    await this.posts.save(post);
    this.changes.publish({ kind: 'post', ids: [post.id] });
  }

  private async ownPost(id: string, user: AuthPrincipal): Promise<JobPosting> {
    const post = await this.posts.findOneBy({ id });
    if (!post) throw new NotFoundException('岗位不存在');
    await this.access.require(user, 'post.write', postTarget(post));
    return post;
  }

  private async item(id: string): Promise<JobPostingItem> {
    const post = await this.posts.findOneOrFail({ where: { id }, relations: { employer: true } });
    return (await this.reader.toItems([post], true))[0];
  }

  /** Rules across fields, and against reference data, with the field each message belongs to. */
  /** `before`: the stored post when editing; a start date already under way may stay as it is. */
  private async validate(f: Fields, before?: Fields): Promise<void> {
    if (f.wageMin > f.wageMax) throw fieldError('wageMax', '最高工资不能低于最低工资');
    const occupation = await this.occupations.findOneBy({ code: f.occupationCode, level: 'leaf' });
    if (!occupation) throw fieldError('occupationCode', '没有这个工种，请从列表中选择');
    if (f.villageCode && !f.villageCode.startsWith(f.townCode)) throw fieldError('villageCode', '村居不在所选的镇街内');
    if ((f.lat === undefined) !== (f.lng === undefined)) throw fieldError('lat', '位置需要同时有经度和纬度');
    const today = chinaDateOf(this.clock.now());
    if (f.startDate && !isRealDate(f.startDate)) throw fieldError('startDate', '开始日期不是有效日期');
    if (f.endDate && !isRealDate(f.endDate)) throw fieldError('endDate', '结束日期不是有效日期');
    if (f.startDate && f.startDate < today && f.startDate !== before?.startDate) throw fieldError('startDate', '开始日期不能早于今天');
    if (f.endDate && f.endDate < (f.startDate ?? today)) throw fieldError('endDate', '结束日期不能早于开始日期');
    const latest = chinaDateOf(new Date(this.clock.now().getTime() + MAX_DAYS_AHEAD * 86_400_000));
    if ((f.startDate && f.startDate > latest) || (f.endDate && f.endDate > latest)) throw fieldError(f.endDate && f.endDate > latest ? 'endDate' : 'startDate', '日期不能超过一年以后');
    if (DATED_POST_TYPES.includes(f.type) && !f.startDate) {
      throw fieldError('startDate', f.type === 'gig' ? '零工请填写用工日期' : '请填写用工开始日期');
    }
    if ((f.type === 'seasonal' || f.type === 'shared_staff') && !f.endDate) throw fieldError('endDate', '请填写用工结束日期');
  }

  private fieldsOf(p: JobPosting): Fields {
    return stripUndefined({
      title: p.title,
      occupationCode: p.occupationCode,
      description: p.description,
      skills: p.skills,
      wageMin: p.wageMin,
      wageMax: p.wageMax,
      wageUnit: p.wageUnit,
      type: p.type,
      headcount: p.headcount,
      townCode: p.townCode,
      villageCode: p.villageCode ?? undefined,
      address: p.address ?? undefined,
      lat: p.lat ?? undefined,
      lng: p.lng ?? undefined,
      benefits: p.benefits,
      startDate: p.startDate ?? undefined,
      endDate: p.endDate ?? undefined,
      workStartTime: p.workStartTime ?? undefined,
    }) as Fields;
  }

  private columns(f: Fields) {
    return {
      title: f.title,
      occupationCode: f.occupationCode,
      description: f.description,
      skills: f.skills,
      wageMin: f.wageMin,
      wageMax: f.wageMax,
      wageUnit: f.wageUnit,
      monthlyWageMin: monthlyEquivalent(f.wageMin, f.wageUnit),
      type: f.type,
      headcount: f.headcount,
      townCode: f.townCode,
      villageCode: f.villageCode ?? null,
      address: f.address ?? null,
      lat: f.lat ?? null,
      lng: f.lng ?? null,
      benefits: f.benefits ?? [],
      startDate: f.startDate ?? null,
      // A one-day gig ends on its day.
      endDate: f.endDate ?? null,
      workStartTime: f.workStartTime ?? null,
    };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isRealDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
