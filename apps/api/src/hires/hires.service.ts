import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { chinaDateOf, notStartedText, type HireItem, type HireSource, type Page, type PostType, type WageUnit } from '@zaogong/shared';
import { Application } from '../applications/entities/application.entity';
import { AuditService } from '../audit/audit.service';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { AccessTarget } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { fieldError } from '../common/errors/field-error';
import { ChangeFeed } from '../common/changes/change-feed';
import { Clock } from '../common/clock';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { NotificationEvents } from '../notifications/notification-events';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { Resident } from '../residents/entities/resident.entity';
import { ResidentStatusChange } from '../residents/entities/resident-status-change.entity';
import { ResidentsService } from '../residents/residents.service';
import type { ConfirmHireDto, CreateHireDto, FlexibleHireDto, HireQueryDto } from './dto/hire.dto';
import { Hire } from './entities/hire.entity';
import { NewEmployment } from './entities/new-employment.entity';

/** A start date may lie this far back (a hire recorded late) and ahead (agreed, not yet started). */
const START_DAYS_BACK = 730;
const START_DAYS_AHEAD = 180;
const DAY = 86_400_000;
const NOT_FOUND = '录用记录不存在或不在您的管辖范围内';

/** Posts whose hires never count as 新增就业 (docs/business-logic/employment-count.md), with the reason shown. */
export const NOT_COUNTED_POST_TYPES: Partial<Record<PostType, string>> = {
  gig: '零工不计入新增就业（按用工人天另行统计）',
  shared_staff: '共享员工不计入新增就业（本人已有用人单位）',
};


export interface NewHire {
  residentId: string;
  employerId: string;
  postId: string | null;
  applicationId: string | null;
  startDate: string;
  wage: number | null;
  wageUnit: WageUnit | null;
  source: HireSource;
}


/**
 * 就业登记 and the count of new employment. A hire is verified when the employer and the person (or
 * their liaison) have both confirmed, or an admin verifies it with a reason; only then does it count,
 * once per person and calendar year (docs/business-logic/employment-count.md).
 */
@Injectable()
export class HiresService {
  constructor(
    @InjectRepository(Hire) private readonly hires: Repository<Hire>,
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @InjectRepository(Employer) private readonly employerRows: Repository<Employer>,
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
    private readonly events: NotificationEvents,
    private readonly outbox: NotificationOutbox,
    private readonly clock: Clock,
    private readonly residentRecords: ResidentsService,
  ) {}

  /** Checks a start date: a real date, not years away. */
  checkStartDate(startDate: string, field = 'startDate'): void {
    const t = Date.parse(`${startDate}T00:00:00+08:00`);
    if (Number.isNaN(t) || chinaDateOf(new Date(t)) !== startDate) throw fieldError(field, '开始上班的日期不是有效日期');
    const now = this.clock.now().getTime();
    if (t < now - START_DAYS_BACK * DAY) throw fieldError(field, '开始上班的日期太早（最多补登两年内的）');
    if (t > now + START_DAYS_AHEAD * DAY) throw fieldError(field, '开始上班的日期太远（最多半年以后）');
  }

  /** POST /hires: the employer (for someone who applied to it), the person's liaison, or an admin. */
  async create(dto: CreateHireDto, actor: AuthPrincipal): Promise<HireItem> {
    this.checkStartDate(dto.startDate);
    const resident = await this.residents.findOneBy({ id: dto.residentId });
    // An erased record keeps only its counted hires; no new one is recorded for it.
    if (!resident || resident.erasedAt) throw new NotFoundException('居民档案不存在');
    const employer = await this.employerRows.findOneBy({ id: dto.employerId });
    if (!employer) throw new NotFoundException('企业不存在');
    if (dto.postId) {
      const post = await this.posts.findOne({ where: { id: dto.postId }, select: { id: true, employerId: true } });
      if (!post || post.employerId !== dto.employerId) throw fieldError('postId', '岗位不属于这个企业');
    }
    const appliedToEmployer =
      actor.role === 'employer' &&
      (await this.applications.createQueryBuilder('a').where("a.resident_id = :rid AND a.employer_id = :eid AND a.status <> 'invited'", { rid: resident.id, eid: dto.employerId }).getExists());
    await this.access.require(
      actor,
      'hire.record',
      { villageCode: resident.villageCode, residentUserId: resident.userId, employerId: dto.employerId, appliedToEmployer },
      { notFound: '居民档案不存在或不在您的管辖范围内' },
    );
    const source: HireSource = actor.role === 'employer' ? 'employer' : actor.role === 'liaison' ? 'liaison' : 'admin';
    const hire = await this.dataSource.transaction((em) =>
      this.record(em, { residentId: resident.id, employerId: dto.employerId, postId: dto.postId ?? null, applicationId: null, startDate: dto.startDate, wage: dto.wage ?? null, wageUnit: dto.wageUnit ?? (dto.wage ? 'month' : null), source }, actor),
    );
    this.outbox.kick();
    await this.afterVerified(hire);
    return this.item(hire.id);
  }

  /**
   * Writes a hire inside the caller's transaction, confirming the side of whoever records it (an
   * employer confirms the employer's side; a liaison the person's). An admin's record confirms neither.
   */
  async record(em: EntityManager, h: NewHire, actor: AuthPrincipal): Promise<Hire> {
    const now = this.clock.now();
    // Recorded ahead of the first day, it confirms nobody's side: "已上班" is confirmed on the day or later.
    const started = h.startDate <= chinaDateOf(now);
    const employerSide = started && actor.role === 'employer';
    const personSide = started && actor.role === 'liaison';
    const hire = Object.assign(new Hire(), {
      id: randomUUID(),
      kind: 'job',
      evidence: null,
      ...h,
      startYear: Number(h.startDate.slice(0, 4)),
      employerConfirmedAt: employerSide ? now : null,
      employerConfirmedBy: employerSide ? actor.userId : null,
      personConfirmedAt: personSide ? now : null,
      personConfirmedBy: personSide ? actor.userId : null,
      adminVerifiedBy: null,
      adminVerifiedReason: null,
      verified: false,
      verifiedAt: null,
      createdBy: actor.userId,
    });
    await em.getRepository(Hire).insert(hire);
    await this.audit.record({ action: 'hire.create', actor, targetType: 'hire', targetId: hire.id, detail: { residentId: h.residentId, employerId: h.employerId, source: h.source } }, em);
    await this.events.hireRecorded(em, { ...hire, employerId: h.employerId }, actor);
    return hire;
  }

  /**
   * POST /hires/flexible: 灵活就业, recorded by a liaison (or admin) of the person's area with evidence and no
   * employer. Nobody confirms it; it counts once an admin of the area verifies it with a reason.
   */
  async createFlexible(dto: FlexibleHireDto, actor: AuthPrincipal): Promise<HireItem> {
    const today = chinaDateOf(this.clock.now());
    const startDate = dto.startDate ?? today;
    this.checkStartDate(startDate);
    if (startDate > today) throw fieldError('startDate', '灵活就业从已经开始干活的日子算，不能晚于今天');
    const resident = await this.residents.findOneBy({ id: dto.residentId });
    if (!resident || resident.erasedAt) throw new NotFoundException('居民档案不存在');
    await this.access.require(actor, 'hire.record_flexible', { villageCode: resident.villageCode, residentUserId: resident.userId }, { notFound: '居民档案不存在或不在您的管辖范围内' });
    const hire = Object.assign(new Hire(), {
      id: randomUUID(),
      kind: 'flexible',
      residentId: resident.id,
      employerId: null,
      postId: null,
      applicationId: null,
      evidence: dto.evidence,
      startDate,
      startYear: Number(startDate.slice(0, 4)),
      wage: null,
      wageUnit: null,
      source: actor.role === 'liaison' ? 'liaison' : 'admin',
      employerConfirmedAt: null,
      employerConfirmedBy: null,
      personConfirmedAt: null,
      personConfirmedBy: null,
      adminVerifiedBy: null,
      adminVerifiedReason: null,
      verified: false,
      verifiedAt: null,
      createdBy: actor.userId,
    } satisfies Omit<Hire, 'createdAt' | 'updatedAt'>);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(Hire).insert(hire);
      await this.audit.record({ action: 'hire.create_flexible', actor, targetType: 'hire', targetId: hire.id, detail: { residentId: resident.id, evidence: dto.evidence, startDate } }, em);
    });
    return this.item(hire.id);
  }

  /** POST /hires/:id/confirm: the caller's side (employer, or the person / their liaison). */
  async confirm(id: string, dto: ConfirmHireDto, actor: AuthPrincipal, ip: string | null): Promise<HireItem> {
    const hire = await this.hires.findOneBy({ id });
    if (!hire) throw new NotFoundException('录用记录不存在');
    await this.access.require(actor, 'hire.confirm', await this.targetOf(hire), { notFound: NOT_FOUND });
    const now = this.clock.now();
    if (hire.kind === 'flexible') throw new ConflictException('灵活就业不用确认，由管理员写明理由核实后计入');
    if (hire.startDate > chinaDateOf(now)) throw new ConflictException(notStartedText(hire.startDate));
    // The person's side vouches for a real person: a record made at a first application gets its 身份证号 here.
    if (actor.role !== 'employer' && !(await this.hasIdNumber(hire.residentId))) {
      if (!dto.idNumber) throw fieldError('idNumber', '确认上班前请填上身份证号：算进新增就业的实名台账要用');
      await this.residentRecords.giveIdNumber(hire.residentId, dto.idNumber, { actor, ip });
    }
    if (actor.role === 'employer') {
      hire.employerConfirmedAt ??= now;
      hire.employerConfirmedBy ??= actor.userId;
    } else {
      hire.personConfirmedAt ??= now;
      hire.personConfirmedBy ??= actor.userId;
    }
    await this.hires.save(hire);
    await this.afterVerified(hire);
    return this.item(id);
  }

  /** POST /hires/:id/verify (an admin of the person's area): counts without both confirmations; the reason is audit-logged. */
  async adminVerify(id: string, reason: string, admin: AuthPrincipal, ip: string | null): Promise<HireItem> {
    const hire = await this.hires.findOneBy({ id });
    if (!hire) throw new NotFoundException('录用记录不存在');
    await this.access.require(admin, 'hire.verify', await this.targetOf(hire), { notFound: NOT_FOUND });
    if (hire.verified) throw new ConflictException('这条录用已经核实过了');
    if (!(await this.hasIdNumber(hire.residentId))) throw new ConflictException('这个人还没有填身份证号，请联络员先补全，再核实');
    hire.adminVerifiedBy = admin.userId;
    hire.adminVerifiedReason = reason;
    await this.hires.save(hire);
    await this.audit.record({ action: 'hire.admin_verify', actor: admin, targetType: 'hire', targetId: id, detail: { reason }, ip });
    await this.afterVerified(hire);
    return this.item(id);
  }

  /**
   * POST /hires/:id/revoke (an admin of the person's area): a verification that was wrong is undone, with a
   * reason (audit-logged). The hire keeps its record but no confirmation: it no longer counts, and the
   * person's new_employment row for that year goes, or moves to another verified hire of theirs that year.
   */
  async revoke(id: string, reason: string, admin: AuthPrincipal, ip: string | null): Promise<HireItem> {
    const hire = await this.hires.findOneBy({ id });
    if (!hire) throw new NotFoundException('录用记录不存在');
    await this.access.require(admin, 'hire.revoke', await this.targetOf(hire), { notFound: NOT_FOUND });
    const now = this.clock.now();
    const done = await this.dataSource.transaction(async (em) => {
      const lock = em.connection.options.type === 'better-sqlite3' ? undefined : ({ mode: 'pessimistic_write' } as const);
      const fresh = await em.getRepository(Hire).findOneOrFail({ where: { id }, lock });
      if (!fresh.verified) return false;
      await em.getRepository(Hire).update({ id }, { verified: false, verifiedAt: null, employerConfirmedAt: null, employerConfirmedBy: null, personConfirmedAt: null, personConfirmedBy: null, adminVerifiedBy: null, adminVerifiedReason: null });
      const counted = em.getRepository(NewEmployment);
      const key = { year: fresh.startYear, residentId: fresh.residentId };
      const existing = await counted.findOne({ where: key, lock });
      const resident = await em.getRepository(Resident).findOneByOrFail({ id: fresh.residentId });
      if (existing?.hireId === id) {
        await counted.delete(key);
        const next = await this.countingHires(em, fresh.residentId, fresh.startYear);
        if (next) await counted.insert({ ...key, ...this.countedRow(next, resident) });
      }
      if (resident.status === 'employed' && !(await this.countingHires(em, fresh.residentId))) {
        await em.getRepository(Resident).update({ id: resident.id }, { status: 'seeking', updatedAt: now });
        await em.getRepository(ResidentStatusChange).insert({ id: randomUUID(), residentId: resident.id, status: 'seeking', previousStatus: 'employed', note: '录用核实已撤销', changedBy: admin.userId, changedAt: now });
      }
      await this.audit.record({ action: 'hire.revoke', actor: admin, targetType: 'hire', targetId: id, detail: { reason, residentId: fresh.residentId, year: fresh.startYear }, ip }, em);
      return true;
    });
    if (!done) throw new ConflictException('这条录用还没有核实，不用撤销');
    this.changes.publish({ kind: 'resident', ids: [hire.residentId] });
    return this.item(id);
  }

  /** The earliest verified hire of a person that counts (not from a gig or shared-staff post), in a year or any. */
  private async countingHires(em: EntityManager, residentId: string, year?: number): Promise<Hire | null> {
    const qb = em
      .getRepository(Hire)
      .createQueryBuilder('h')
      .where('h.resident_id = :rid AND h.verified = 1', { rid: residentId })
      .andWhere(`(h.post_id IS NULL OR h.post_id NOT IN (SELECT p.id FROM job_postings p WHERE p.type IN (:...types)))`, { types: Object.keys(NOT_COUNTED_POST_TYPES) });
    if (year !== undefined) qb.andWhere('h.start_year = :year', { year });
    return qb.orderBy('h.start_date', 'ASC').addOrderBy('h.id', 'ASC').getOne();
  }

  private countedRow(hire: Hire, resident: Resident) {
    return { hireId: hire.id, startDate: hire.startDate, month: Number(hire.startDate.slice(5, 7)), townCode: resident.townCode, villageCode: resident.villageCode, keyGroups: resident.keyGroups };
  }

  /** Why hires from this post never count, or null when they may. */
  private async notCountedReason(postId: string | null): Promise<string | null> {
    if (!postId) return null;
    const post = await this.posts.findOne({ where: { id: postId }, select: { id: true, type: true } });
    return (post && NOT_COUNTED_POST_TYPES[post.type]) ?? null;
  }

  async list(query: HireQueryDto, actor: AuthPrincipal): Promise<Page<HireItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.hires.createQueryBuilder('h').innerJoin(Resident, 'r', 'r.id = h.resident_id');
    const scope = await this.access.scope(actor, 'hire.read');
    if (scope.kind === 'employer') qb.andWhere('h.employer_id = :eid', { eid: scope.employerId });
    else if (scope.kind === 'user') qb.andWhere('r.user_id = :uid', { uid: scope.userId });
    else if (scope.kind === 'region') qb.andWhere(...regionCondition(scope.code, { town: 'r.town_code', village: 'r.village_code' }));
    if (query.year) qb.andWhere('h.start_year = :year', { year: query.year });
    if (query.residentId) qb.andWhere('h.resident_id = :rid', { rid: query.residentId });
    if (query.verified !== undefined) qb.andWhere(`h.verified = ${query.verified ? 1 : 0}`);
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(h.created_at < :at OR (h.created_at = :at AND h.id < :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('h.created_at', 'DESC').addOrderBy('h.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.items(page), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  /**
   * When both sides have confirmed (or an admin verified), the hire counts: it is marked verified, the
   * person's earliest verified hire of that year is what new_employment holds, and the person's status
   * becomes 已就业. All in one transaction; safe to call again. A hire from a gig or shared-staff post is
   * marked verified but never counted. An admin's verification before the first day writes the row with
   * that day: the count and the 台账 read only rows whose first day has come.
   */
  private async afterVerified(hire: Hire): Promise<void> {
    const ready = (hire.employerConfirmedAt && hire.personConfirmedAt) || hire.adminVerifiedBy;
    if (!ready || hire.verified) return;
    const now = this.clock.now();
    const notCounted = await this.notCountedReason(hire.postId);
    await this.dataSource.transaction(async (em) => {
      const lock = em.connection.options.type === 'better-sqlite3' ? undefined : ({ mode: 'pessimistic_write' } as const);
      const fresh = await em.getRepository(Hire).findOneOrFail({ where: { id: hire.id }, lock });
      if (fresh.verified) return;
      await em.getRepository(Hire).update({ id: hire.id }, { verified: true, verifiedAt: now });
      if (notCounted) return;
      const resident = await em.getRepository(Resident).findOneByOrFail({ id: hire.residentId });
      const counted = em.getRepository(NewEmployment);
      // Locked, so two hires of one person verified at the same moment cannot both be counted.
      const existing = await counted.findOne({ where: { year: hire.startYear, residentId: hire.residentId }, lock });
      const row = this.countedRow(hire, resident);
      if (!existing) await counted.insert({ year: hire.startYear, residentId: hire.residentId, ...row });
      else if (hire.startDate < existing.startDate) await counted.update({ year: hire.startYear, residentId: hire.residentId }, row);
      if (resident.status !== 'employed') {
        await em.getRepository(Resident).update({ id: resident.id }, { status: 'employed', updatedAt: now });
        await em.getRepository(ResidentStatusChange).insert({ id: randomUUID(), residentId: resident.id, status: 'employed', previousStatus: resident.status, note: '录用已核实', changedBy: hire.createdBy, changedAt: now });
      }
    });
    hire.verified = true;
    this.changes.publish({ kind: 'resident', ids: [hire.residentId] });
  }

  private async hasIdNumber(residentId: string): Promise<boolean> {
    const r = await this.residents.findOne({ where: { id: residentId }, select: { id: true, idNumberHash: true } });
    return r?.idNumberHash != null;
  }

  /** What the access policy needs of a hire: the person's 村居 and account, and the employer. */
  private async targetOf(hire: Hire): Promise<AccessTarget> {
    const resident = await this.residents.findOne({ where: { id: hire.residentId }, select: { id: true, villageCode: true, userId: true } });
    return { villageCode: resident?.villageCode ?? null, residentUserId: resident?.userId ?? null, employerId: hire.employerId };
  }

  async item(id: string): Promise<HireItem> {
    return (await this.items([await this.hires.findOneByOrFail({ id })]))[0];
  }

  private async items(rows: Hire[]): Promise<HireItem[]> {
    const ids = <T>(f: (h: Hire) => T | null) => [...new Set(rows.map(f).filter((x): x is T => x !== null))];
    const [residents, employers, posts] = await Promise.all([
      rows.length ? this.residents.find({ where: { id: In(ids((h) => h.residentId)) }, select: { id: true, name: true, idNumberHash: true } }) : [],
      ids((h) => h.employerId).length ? this.employerRows.find({ where: { id: In(ids((h) => h.employerId)) }, select: { id: true, name: true } }) : [],
      ids((h) => h.postId).length ? this.posts.find({ where: { id: In(ids((h) => h.postId)) }, select: { id: true, title: true, type: true } }) : [],
    ]);
    const rn = new Map(residents.map((r) => [r.id, r.name]));
    const withoutId = new Set(residents.filter((r) => r.idNumberHash === null).map((r) => r.id));
    const en = new Map(employers.map((e) => [e.id, e.name]));
    const pn = new Map(posts.map((p) => [p.id, p.title]));
    const notCounted = new Map(posts.map((p) => [p.id, NOT_COUNTED_POST_TYPES[p.type] ?? null]));
    return rows.map((h) => ({
      id: h.id,
      residentId: h.residentId,
      residentName: rn.get(h.residentId) ?? '',
      idNumberMissing: withoutId.has(h.residentId),
      kind: h.kind,
      employerId: h.employerId,
      employerName: h.employerId ? (en.get(h.employerId) ?? '') : '',
      postId: h.postId,
      postTitle: h.postId ? (pn.get(h.postId) ?? null) : null,
      evidence: h.evidence,
      startDate: h.startDate,
      wage: h.wage,
      wageUnit: h.wageUnit,
      source: h.source,
      employerConfirmedAt: h.employerConfirmedAt?.toISOString() ?? null,
      personConfirmedAt: h.personConfirmedAt?.toISOString() ?? null,
      adminVerifiedReason: h.adminVerifiedReason,
      verified: h.verified,
      verifiedAt: h.verifiedAt?.toISOString() ?? null,
      counts: !(h.postId && notCounted.get(h.postId)),
      notCountedReason: (h.postId && notCounted.get(h.postId)) || null,
      createdAt: h.createdAt.toISOString(),
    }));
  }
}
