import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { INDUSTRY_SECTIONS, maskPhone, type EmployerItem, type EmployerJoinCode as JoinCodeItem, type Page, type PhoneCallResponse } from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { Permission } from '../common/access/permissions';
import type { AuthPrincipal } from '../common/auth-principal';
import { ChangeFeed } from '../common/changes/change-feed';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { afterTimeCursor } from '../common/pagination/time-cursor';
import { escapeLike } from '../common/sql/escape-like';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { RegionsService } from '../regions/regions.service';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import type { CreateEmployerDto, EmployerQueryDto, RevokeEmployerDto, UpdateEmployerDto, VerifyEmployerDto } from './dto/employer.dto';
import { EmployerJoinCode } from './entities/employer-join-code.entity';
import { Employer } from './entities/employer.entity';

const JOIN_CODE_DAYS = 7;
/** What the employer reads on a post sent back to review by a revocation (the reason is on its employer card). */
const REVOKED_POST_NOTE = '企业认证已撤销，重新通过认证后再审核发布';
/** No 0/O, 1/I: the code is read aloud and typed on a phone. */
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

@Injectable()
export class EmployersService {
  constructor(
    @InjectRepository(Employer) private readonly employers: Repository<Employer>,
    @InjectRepository(EmployerJoinCode) private readonly joinCodes: Repository<EmployerJoinCode>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
    private readonly access: AccessService,
  ) {}

  /**
   * The employer the calling user belongs to, read from the database rather than the token, so
   * registering or joining takes effect at once without a new login.
   */
  async employerIdOf(user: AuthPrincipal): Promise<string | null> {
    if (user.role !== 'employer') return null;
    const row = await this.users.findOne({ where: { id: user.userId }, select: { id: true, employerId: true } });
    return row?.employerId ?? null;
  }

  /** The caller's employer id, or 403 for an employer user who has not registered or joined one. */
  async requireEmployerId(user: AuthPrincipal): Promise<string> {
    const id = await this.employerIdOf(user);
    if (!id) throw new ForbiddenException('请先登记企业信息，或输入同事给的加入码');
    return id;
  }

  async create(dto: CreateEmployerDto, user: AuthPrincipal): Promise<EmployerItem> {
    if (await this.employerIdOf(user)) throw new ConflictException('您已属于一个企业，不能重复登记');
    await this.assertCreditCodeFree(dto.creditCode, null);
    const employer = Object.assign(new Employer(), {
      id: randomUUID(),
      name: dto.name,
      kind: 'firm' as const,
      creditCode: dto.creditCode,
      villageCode: null,
      industryCode: dto.industryCode,
      townCode: dto.townCode,
      address: dto.address,
      contactName: dto.contactName,
      contactPhoneCipher: this.cipher.encrypt(dto.contactPhone),
      verification: 'pending' as const,
      verificationReason: null,
      verifiedAt: null,
      revokedAt: null,
      createdBy: user.userId,
      lat: dto.lat ?? null,
      lng: dto.lng ?? null,
    });
    try {
      await this.dataSource.transaction(async (em) => {
        await em.getRepository(Employer).insert(employer);
        await this.becomeMember(em.getRepository(User), user, employer.id);
      });
      this.changes.publish({ kind: 'account', ids: [user.userId] });
    } catch (e) {
      if (isUniqueViolation(e)) throw this.creditCodeTaken();
      throw e;
    }
    return this.get(employer.id, { ...user, role: 'employer', employerId: employer.id });
  }

  async mine(user: AuthPrincipal): Promise<EmployerItem> {
    const id = await this.employerIdOf(user);
    if (!id) throw new NotFoundException('还没有登记企业');
    return this.get(id, user);
  }

  /** Its members, and the admins of the 镇街 it is registered in. */
  async get(id: string, user: AuthPrincipal): Promise<EmployerItem> {
    const employer = await this.findManaged(id, user, 'employer.read');
    return (await this.toItems([employer]))[0];
  }

  async update(id: string, dto: UpdateEmployerDto, user: AuthPrincipal): Promise<EmployerItem> {
    const employer = await this.findManaged(id, user, 'employer.update');
    // Moving it to another 镇街 needs that 镇街 in the caller's area too.
    if (dto.townCode !== undefined && dto.townCode !== employer.townCode) await this.access.require(user, 'employer.update', { employerId: id, townCode: dto.townCode });
    if (dto.creditCode && dto.creditCode !== employer.creditCode) await this.assertCreditCodeFree(dto.creditCode, id);
    const identityChanged = (dto.name !== undefined && dto.name !== employer.name) || (dto.creditCode !== undefined && dto.creditCode !== employer.creditCode);
    const { contactPhone, ...plain } = dto;
    Object.assign(employer, plain);
    if (contactPhone) employer.contactPhoneCipher = this.cipher.encrypt(contactPhone);
    // A verified name or credit code is what the admin checked; anyone who may not verify it changing it
    // (its own members) sends it back to be checked again.
    if (identityChanged && !(await this.access.may(user, 'employer.verify', { employerId: id, townCode: employer.townCode }))) {
      employer.verification = 'pending';
      employer.verifiedAt = null;
      employer.verificationReason = null;
    }
    try {
      await this.employers.save(employer);
    } catch (e) {
      if (isUniqueViolation(e)) throw this.creditCodeTaken();
      throw e;
    }
    return this.get(id, user);
  }

  /** Admins: the employers of their area, newest first, optionally one verification state, words of the name or (part of) the credit code. */
  async list(query: EmployerQueryDto, user: AuthPrincipal): Promise<Page<EmployerItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.employers.createQueryBuilder('e');
    const scope = await this.access.scope(user, 'employer.read');
    if (scope.kind === 'region') qb.andWhere(...regionCondition(scope.code, { town: 'e.town_code' }));
    else if (scope.kind === 'employer') qb.andWhere('e.id = :own', { own: scope.employerId });
    if (query.verification) qb.andWhere('e.verification = :v', { v: query.verification });
    if (query.q) {
      qb.andWhere("(e.name LIKE :like ESCAPE '!' OR e.credit_code LIKE :codeLike ESCAPE '!')", {
        like: `%${escapeLike(query.q)}%`,
        codeLike: `%${escapeLike(query.q.toUpperCase())}%`,
      });
    }
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere(...afterTimeCursor(this.dataSource, { time: 'e.created_at', id: 'e.id' }, 'desc', c));
    }
    const rows = await qb.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.toItems(page), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  async verify(id: string, dto: VerifyEmployerDto, admin: AuthPrincipal, ip: string | null): Promise<EmployerItem> {
    const employer = await this.employers.findOneBy({ id });
    if (!employer) throw new NotFoundException('企业不存在');
    await this.access.require(admin, 'employer.verify', { employerId: id, townCode: employer.townCode });
    if (!dto.approve && !dto.reason) {
      throw new BadRequestException({ statusCode: 400, message: '不通过认证时请写明原因，企业会看到', errors: [{ field: 'reason', message: '请写明原因' }] });
    }
    this.decide(employer, dto.approve, dto.reason ?? null);
    await this.employers.save(employer);
    await this.audit.record({ action: dto.approve ? 'employer.verify' : 'employer.reject', actor: admin, targetType: 'employer', targetId: id, detail: { reason: dto.reason ?? null }, ip });
    return this.get(id, admin);
  }

  /**
   * 岗位审核 with 同时认证该企业: the employer of a post being approved, if the caller may verify it (an admin
   * of the 镇街 it is registered in), to verify inside the review's transaction (verifyWithin).
   */
  async verifiableForPost(employerId: string, admin: AuthPrincipal): Promise<Employer> {
    return this.findManaged(employerId, admin, 'employer.verify');
  }

  /** Verifies the employer in the caller's transaction, audit-logged as POST /employers/:id/verify is (with the post it came with). */
  async verifyWithin(em: EntityManager, employer: Employer, admin: AuthPrincipal, ip: string | null, postId: string): Promise<void> {
    this.decide(employer, true, null);
    await em.getRepository(Employer).save(employer);
    await this.audit.record({ action: 'employer.verify', actor: admin, targetType: 'employer', targetId: employer.id, detail: { reason: null, postId }, ip }, em);
  }

  /**
   * 撤销认证: a verified employer is no longer verified (the employer reads the reason), and its published posts
   * go back to 待审核, so no seeker sees them until an admin has verified the employer again and approved them
   * (docs/business-logic/post-review.md). One transaction with its audit entry; a second revoke is a 409.
   */
  async revoke(id: string, dto: RevokeEmployerDto, admin: AuthPrincipal, ip: string | null): Promise<EmployerItem> {
    const employer = await this.findManaged(id, admin, 'employer.revoke');
    const notVerified = () =>
      new ConflictException(employer.revokedAt ? '这家企业的认证已经撤销了' : '这家企业现在不是“已认证”，不用撤销');
    if (employer.verification !== 'verified') throw notVerified();
    const now = this.clock.now();
    const withdrawn = await this.dataSource.transaction(async (em) => {
      // Conditional on the state read above, so two admins revoking at once make one revocation.
      const done = await em
        .createQueryBuilder()
        .update(Employer)
        .set({ verification: 'rejected', verifiedAt: null, verificationReason: dto.reason, revokedAt: now })
        .where("id = :id AND verification = 'verified'", { id })
        .execute();
      if (!done.affected) throw notVerified();
      const posts = em.getRepository(JobPosting);
      // published → pending_review is a step POST_TRANSITIONS allows (as an edit of a published post does).
      const live = await posts.find({ where: { employerId: id, status: 'published' }, select: { id: true } });
      const ids = live.map((p) => p.id);
      if (ids.length > 0) {
        await posts
          .createQueryBuilder()
          .update(JobPosting)
          .set({ status: 'pending_review', reviewNote: REVOKED_POST_NOTE, submittedAt: now })
          .where("id IN (:...ids) AND status = 'published'", { ids })
          .execute();
      }
      await this.audit.record({ action: 'employer.revoke', actor: admin, targetType: 'employer', targetId: id, detail: { reason: dto.reason, postsWithdrawn: ids.length }, ip }, em);
      return ids;
    });
    if (withdrawn.length > 0) this.changes.publish({ kind: 'post', ids: withdrawn });
    return this.get(id, admin);
  }

  /** A verification decision as the row keeps it; any earlier revocation is settled by it. */
  private decide(employer: Employer, approve: boolean, reason: string | null): void {
    employer.verification = approve ? 'verified' : 'rejected';
    employer.verifiedAt = approve ? this.clock.now() : null;
    employer.verificationReason = approve ? null : reason;
    employer.revokedAt = null;
  }

  /** 打电话: the contact person's full phone, for the call an admin is about to make; audit-logged without the number. */
  async call(id: string, admin: AuthPrincipal, ip: string | null): Promise<PhoneCallResponse> {
    const employer = await this.findManaged(id, admin, 'employer.call');
    await this.audit.record({ action: 'employer.call', actor: admin, targetType: 'employer', targetId: id, detail: {}, ip });
    return { phone: this.cipher.decrypt(employer.contactPhoneCipher) };
  }

  /** A member makes a code a colleague can use to join within a week. */
  async createJoinCode(id: string, user: AuthPrincipal): Promise<JoinCodeItem> {
    await this.findManaged(id, user, 'employer.join_code');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + JOIN_CODE_DAYS * 86_400_000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = Array.from({ length: 6 }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');
      try {
        await this.joinCodes.insert({ code, employerId: id, createdBy: user.userId, expiresAt, createdAt: now });
        return { code, expiresAt: expiresAt.toISOString() };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
    throw new ConflictException('生成加入码失败，请再试一次');
  }

  async join(code: string, user: AuthPrincipal): Promise<EmployerItem> {
    if (await this.employerIdOf(user)) throw new ConflictException('您已属于一个企业');
    const row = await this.joinCodes.findOneBy({ code });
    if (!row || row.expiresAt <= this.clock.now()) {
      throw new BadRequestException({ statusCode: 400, message: '加入码不对或已过期，请向同事要一个新的', errors: [{ field: 'code', message: '加入码不对或已过期' }] });
    }
    await this.becomeMember(this.users, user, row.employerId);
    this.changes.publish({ kind: 'account', ids: [user.userId] });
    return this.get(row.employerId, { ...user, role: 'employer', employerId: row.employerId });
  }

  /**
   * The caller joins the employer: a seeker becomes an employer account (their 求职信息 stays on
   * record); the account's version goes up so every API process re-reads the new role.
   */
  private async becomeMember(users: Repository<User>, user: AuthPrincipal, employerId: string): Promise<void> {
    await users.update({ id: user.userId }, { employerId, role: 'employer', authVersion: () => 'auth_version + 1' });
  }

  /** The employer, if the access policy lets the caller do this to it. */
  private async findManaged(id: string, user: AuthPrincipal, permission: Permission): Promise<Employer> {
    const employer = await this.employers.findOneBy({ id });
    if (!employer) throw new NotFoundException('企业不存在');
    await this.access.require(user, permission, { employerId: id, townCode: employer.townCode });
    return employer;
  }

  private async assertCreditCodeFree(creditCode: string, exceptId: string | null): Promise<void> {
    const existing = await this.employers.findOne({ where: { creditCode }, select: { id: true } });
    if (existing && existing.id !== exceptId) throw this.creditCodeTaken();
  }

  private creditCodeTaken(): ConflictException {
    return new ConflictException({
      statusCode: 409,
      message: '这个统一社会信用代码已经登记过，请向本企业的同事要加入码',
      errors: [{ field: 'creditCode', message: '已登记' }],
    });
  }

  private async toItems(rows: Employer[]): Promise<EmployerItem[]> {
    const towns = await this.regions.names(rows.map((e) => e.townCode));
    return rows.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.kind,
      creditCode: e.creditCode,
      villageCode: e.villageCode,
      industryCode: e.industryCode,
      industryName: INDUSTRY_SECTIONS[e.industryCode],
      townCode: e.townCode,
      townName: towns.get(e.townCode) ?? null,
      address: e.address,
      contactName: e.contactName,
      contactPhone: maskPhone(this.cipher.decrypt(e.contactPhoneCipher)),
      verification: e.verification,
      verificationReason: e.verificationReason,
      verifiedAt: e.verifiedAt?.toISOString() ?? null,
      revokedAt: e.revokedAt?.toISOString() ?? null,
      lat: e.lat,
      lng: e.lng,
      createdAt: e.createdAt.toISOString(),
    }));
  }
}
