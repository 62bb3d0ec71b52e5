import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ERASED_PERSON_NAME,
  regionLevelOf,
  validateIdNumber,
  validateMobile,
  type Page,
  type ResidentDetail,
  type ResidentItem,
  type ResidentStatus,
  type PhoneCallResponse,
  type RevealResponse,
} from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { ChangeFeed } from '../common/changes/change-feed';
import { User } from '../auth/entities/user.entity';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { Permission } from '../common/access/permissions';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { escapeLike } from '../common/sql/escape-like';
import { isUniqueViolation } from '../common/sql/unique-violation';
import type { CreateResidentDto, ResidentQueryDto, UpdateResidentDto } from './dto/resident.dto';
import { ResidentStatusChange } from './entities/resident-status-change.entity';
import { Resident, type IdentifiedResident } from './entities/resident.entity';
import { findNameSearchPage, nameSearchIndex } from './resident-name-search';
import { ResidentReferences } from './resident-references';
import { toResidentItem } from './resident.mapper';
import { isStatusChange, linkDecision } from './residents.policy';

const NOT_FOUND = '居民档案不存在或不在您的管辖范围内';
/** A consent may be recorded a little ahead of the server's clock (phones drift), not more. */
const CONSENT_CLOCK_SLACK_MS = 10 * 60 * 1000;

export interface RequestContext {
  actor: AuthPrincipal;
  ip: string | null;
}

/** The real-name ledger: records, their history, scope, and the guarded reveal of personal data. */
@Injectable()
export class ResidentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly refs: ResidentReferences,
    private readonly changes: ChangeFeed,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateResidentDto, ctx: RequestContext): Promise<ResidentItem> {
    await this.access.require(ctx.actor, 'resident.create', { villageCode: dto.villageCode });
    await this.refs.check(dto);
    const now = this.clock.now();
    const resident = this.newResident(dto, ctx.actor, now);
    const existing = await this.ds.getRepository(Resident).findOne({ where: { idNumberHash: resident.idNumberHash }, select: { id: true } });
    if (existing) throw duplicate(existing.id);
    await this.insertWithHistory(resident, ctx, 'resident.create');
    this.changes.publish({ kind: 'resident', ids: [resident.id] });
    return this.item(resident, now);
  }

  async list(query: ResidentQueryDto, actor: AuthPrincipal): Promise<Page<ResidentItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.ds.getRepository(Resident).createQueryBuilder('r');
    const allowed = await this.access.scope(actor, 'resident.read');
    const scope = allowed.kind === 'region' ? allowed.code : null;
    if (scope) qb.andWhere(...regionCondition(scope, { town: 'r.town_code', village: 'r.village_code' }));
    else if (allowed.kind === 'user') qb.andWhere('r.user_id = :uid', { uid: allowed.userId });
    if (query.villageCode) qb.andWhere('r.village_code = :village', { village: query.villageCode });
    if (query.townCode) qb.andWhere('r.town_code = :town', { town: query.townCode });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.keyGroup) qb.andWhere("r.key_groups LIKE :kg ESCAPE '!'", { kg: `%"${escapeLike(query.keyGroup)}"%` });
    let nameSearch = false;
    if (query.q) {
      const id = validateIdNumber(query.q);
      const phone = validateMobile(query.q);
      if (id.ok) qb.andWhere('r.id_number_hash = :h', { h: this.cipher.blindIndex('id_number', id.value) });
      else if (phone.ok) qb.andWhere('r.phone_hash = :h', { h: this.cipher.blindIndex('phone', phone.value) });
      else {
        qb.andWhere("r.name LIKE :name ESCAPE '!'", { name: `%${escapeLike(query.q)}%` });
        nameSearch = true;
      }
    }
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(r.created_at < :at OR (r.created_at = :at AND r.id < :cid))', { at: c.at, cid: c.id });
    }
    // Erased records (stubs kept for counted employment) are no one's ledger entry any more. A name
    // search reads only its name index, so there the stubs' name tells them apart.
    qb.andWhere(nameSearch ? 'r.name <> :erasedName' : 'r.erased_at IS NULL', { erasedName: ERASED_PERSON_NAME });
    qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC');
    const rows = nameSearch
      ? await findNameSearchPage(qb, limit + 1, nameSearchIndex({ village: !!query.villageCode || (!!scope && regionLevelOf(scope) === 'village'), town: !!query.townCode || !!scope }))
      : await qb.take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.items(page, this.clock.now()),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
    };
  }

  async get(id: string, actor: AuthPrincipal): Promise<ResidentDetail> {
    return this.detail(await this.findManaged(id, actor, 'resident.read'));
  }

  async update(id: string, dto: UpdateResidentDto, ctx: RequestContext): Promise<ResidentItem> {
    const resident = await this.findManaged(id, ctx.actor, 'resident.update');
    // Moving the person to another 村居 needs that 村居 in the caller's area too.
    if (dto.villageCode !== undefined && dto.villageCode !== resident.villageCode) await this.access.require(ctx.actor, 'resident.update', { villageCode: dto.villageCode });
    // Left out is kept; null (the form's 不限) clears the wage, with its unit, or the distance.
    const wage = dto.expectedWageMin ?? undefined;
    await this.refs.check({ ...dto, expectedWageMin: wage, wageUnit: dto.wageUnit ?? (wage !== undefined ? (resident.wageUnit ?? undefined) : undefined) });
    const previous = resident.status;
    const { status, statusNote, idNumber, ...fields } = dto;
    if (idNumber !== undefined) await this.setIdNumber(resident, idNumber);
    Object.assign(resident, stripUndefined(fields));
    if (dto.expectedWageMin === null) resident.wageUnit = null;
    if (dto.phone !== undefined) this.setPhone(resident, dto.phone);
    if (dto.villageCode !== undefined) resident.townCode = dto.villageCode.slice(0, 9);
    if (status !== undefined) resident.status = status;
    const now = this.clock.now();
    resident.updatedAt = now;
    await this.ds.transaction(async (em) => {
      await em.getRepository(Resident).save(resident);
      if (isStatusChange(previous, status)) await this.addHistory(em, resident.id, status, previous, statusNote ?? null, ctx.actor, now);
      await this.audit.record(
        { action: 'resident.update', actor: ctx.actor, targetType: 'resident', targetId: resident.id, detail: { fields: Object.keys(stripUndefined(dto)) }, ip: ctx.ip },
        em,
      );
    });
    this.changes.publish({ kind: 'resident', ids: [resident.id] });
    return this.item(resident, now);
  }

  /** The full 身份证号 and phone, for an admin with a stated reason; always audit-logged. */
  async reveal(id: string, reason: string, ctx: RequestContext): Promise<RevealResponse> {
    const resident = await this.findManaged(id, ctx.actor, 'resident.reveal');
    await this.audit.record({ action: 'resident.reveal', actor: ctx.actor, targetType: 'resident', targetId: id, detail: { reason }, ip: ctx.ip });
    return { id, idNumber: resident.idNumberCipher === null ? null : this.cipher.decrypt(resident.idNumberCipher), phone: this.cipher.decrypt(resident.phoneCipher) };
  }

  /**
   * 打电话: the full phone of one of the caller's own people (a liaison's villagers, an admin's area),
   * for the call about to be made. No reason asked; audit-logged, never with the number.
   */
  async call(id: string, ctx: RequestContext): Promise<PhoneCallResponse> {
    const resident = await this.findManaged(id, ctx.actor, 'resident.call');
    await this.audit.record({ action: 'resident.call', actor: ctx.actor, targetType: 'resident', targetId: id, detail: {}, ip: ctx.ip });
    return { phone: this.cipher.decrypt(resident.phoneCipher) };
  }

  async ownProfile(actor: AuthPrincipal): Promise<ResidentDetail> {
    const resident = await this.ds.getRepository(Resident).findOneBy({ userId: actor.userId });
    if (!resident) throw new NotFoundException('您还没有登记档案');
    return this.detail(resident);
  }

  /**
   * A seeker's own record. The 身份证号 is the person: a record a liaison already made is linked to
   * this account (and updated with what the person entered), never duplicated.
   */
  async putOwnProfile(dto: CreateResidentDto, ctx: RequestContext): Promise<ResidentItem> {
    await this.refs.check(dto);
    const now = this.clock.now();
    const repo = this.ds.getRepository(Resident);
    // 重点人群 are vouched for by a liaison or admin: a seeker's body cannot set or clear them (ignored, no error).
    const fresh = this.newResident({ ...dto, keyGroups: undefined, consent: { method: 'self', at: dto.consent.at } }, ctx.actor, now);
    const mine = await repo.findOneBy({ userId: ctx.actor.userId });
    // A record made at the first application has no 身份证号 yet: this is where the person gives it.
    if (mine && mine.idNumberHash !== null && mine.idNumberHash !== fresh.idNumberHash) {
      throw new ConflictException({ statusCode: 409, message: '身份证号与您已登记的档案不一致；如需更正请联系村居联络员', errors: [{ field: 'idNumber', message: '与已登记的身份证号不一致' }] });
    }
    const other = await repo.findOneBy({ idNumberHash: fresh.idNumberHash });
    if (mine && other && other.id !== mine.id) {
      throw duplicate(null, '这个身份证号村里已经登记过了；请联系村居联络员，把两份信息合成一份');
    }
    const existing = mine ?? other;
    const decision = linkDecision(existing, ctx.actor.userId);
    if (decision === 'conflict') throw duplicate(null, '该身份证号已被其他账号登记；如有疑问请联系村居联络员');
    if (decision === 'create') {
      fresh.userId = ctx.actor.userId;
      await this.insertWithHistory(fresh, ctx, 'resident.self_register');
      this.changes.publish({ kind: 'resident', ids: [fresh.id] });
      return this.item(fresh, now);
    }
    const record = existing as Resident;
    Object.assign(record, pickProfileFields(fresh), { userId: ctx.actor.userId, updatedAt: now });
    await this.ds.transaction(async (em) => {
      await em.getRepository(Resident).save(record);
      await this.audit.record({ action: decision === 'link' ? 'resident.link_self' : 'resident.update_self', actor: ctx.actor, targetType: 'resident', targetId: record.id, ip: ctx.ip }, em);
    });
    this.changes.publish({ kind: 'resident', ids: [record.id] });
    return this.item(record, now);
  }

  /** Builds (does not save) a record from validated input; personal data encrypted here. */
  newResident(dto: CreateResidentDto, actor: AuthPrincipal, now: Date): IdentifiedResident {
    const id = validateIdNumber(dto.idNumber, now);
    if (!id.ok) throw new BadRequestException({ statusCode: 400, message: `身份证号：${id.message}`, errors: [{ field: 'idNumber', message: id.message }] });
    const consentAt = new Date(dto.consent.at);
    if (consentAt.getTime() > now.getTime() + CONSENT_CLOCK_SLACK_MS) {
      throw new BadRequestException({ statusCode: 400, message: '同意时间不能晚于现在', errors: [{ field: 'consent.at', message: '同意时间不能晚于现在' }] });
    }
    const r = Object.assign(new Resident(), {
      id: randomUUID(),
      name: dto.name,
      idNumberCipher: this.cipher.encrypt(id.value),
      idNumberHash: this.cipher.blindIndex('id_number', id.value),
      gender: id.gender,
      birthDate: id.birthDate,
      villageCode: dto.villageCode,
      townCode: dto.villageCode.slice(0, 9),
      education: dto.education ?? null,
      graduationDate: dto.graduationDate ?? null,
      skills: dto.skills,
      desiredOccupations: dto.desiredOccupations,
      desiredTownCodes: dto.desiredTownCodes ?? [],
      maxCommuteKm: dto.maxCommuteKm ?? null,
      expectedWageMin: dto.expectedWageMin ?? null,
      wageUnit: dto.wageUnit ?? null,
      availability: dto.availability,
      keyGroups: dto.keyGroups ?? [],
      status: 'seeking' as ResidentStatus,
      personalizedRecommendations: true,
      consentMethod: dto.consent.method,
      consentAt,
      consentBy: actor.userId,
      registeredBy: actor.userId,
      userId: null,
      // Set here rather than by the database so that SQLite keeps milliseconds like MySQL does
      // (the list's keyset cursor compares these values).
      createdAt: now,
      updatedAt: now,
    });
    this.setPhone(r, dto.phone);
    return r;
  }

  /** Inserts a new record with its first history entry and an audit entry, in one transaction. */
  async insertWithHistory(resident: Resident, ctx: RequestContext, action: string, em?: EntityManager): Promise<void> {
    const work = async (tx: EntityManager) => {
      await tx.getRepository(Resident).insert(resident);
      await this.addHistory(tx, resident.id, resident.status, null, null, ctx.actor, resident.createdAt);
      await this.audit.record({ action, actor: ctx.actor, targetType: 'resident', targetId: resident.id, ip: ctx.ip }, tx);
    };
    try {
      await (em ? work(em) : this.ds.transaction(work));
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicate(null);
      throw e;
    }
  }

  async addHistory(em: EntityManager, residentId: string, status: ResidentStatus, previous: ResidentStatus | null, note: string | null, actor: AuthPrincipal, at: Date): Promise<void> {
    await em.getRepository(ResidentStatusChange).insert({ id: randomUUID(), residentId, status, previousStatus: previous, note, changedBy: actor.userId, changedAt: at });
  }

  async items(rows: Resident[], now: Date): Promise<ResidentItem[]> {
    const names = await this.refs.regionNames(rows.flatMap((r) => [r.villageCode, r.townCode]));
    const takerIds = [...new Set(rows.map((r) => r.consentBy).filter((x): x is string => !!x))];
    const takers = takerIds.length ? await this.ds.getRepository(User).findBy({ id: In(takerIds) }) : [];
    const takerNames = new Map(takers.map((u) => [u.id, u.name]));
    return rows.map((r) => toResidentItem(r, this.cipher, names, takerNames, now));
  }

  private async item(r: Resident, now: Date): Promise<ResidentItem> {
    return (await this.items([r], now))[0];
  }

  /**
   * 补全身份证号 on a record made at a first application without one (by the person when they confirm a
   * hire, or their liaison): 409 when the record has one already or another record has this one.
   */
  async giveIdNumber(residentId: string, idNumber: string, ctx: RequestContext): Promise<void> {
    const resident = await this.ds.getRepository(Resident).findOneByOrFail({ id: residentId });
    await this.setIdNumber(resident, idNumber);
    resident.updatedAt = this.clock.now();
    await this.ds.transaction(async (em) => {
      await em.getRepository(Resident).save(resident);
      await this.audit.record({ action: 'resident.give_id_number', actor: ctx.actor, targetType: 'resident', targetId: resident.id, ip: ctx.ip }, em);
    });
    this.changes.publish({ kind: 'resident', ids: [resident.id] });
  }

  private async setIdNumber(r: Resident, idNumber: string): Promise<void> {
    const message = '身份证号登记以后不能改；登记错了请联系区人社局';
    if (r.idNumberHash !== null) throw new ConflictException({ statusCode: 409, message, errors: [{ field: 'idNumber', message }] });
    const id = validateIdNumber(idNumber, this.clock.now());
    if (!id.ok) throw new BadRequestException({ statusCode: 400, message: `身份证号：${id.message}`, errors: [{ field: 'idNumber', message: id.message }] });
    const hash = this.cipher.blindIndex('id_number', id.value);
    if (await this.ds.getRepository(Resident).exists({ where: { idNumberHash: hash } })) {
      throw duplicate(null, '这个身份证号村里已经登记过了；请联系村居联络员，把两份信息合成一份');
    }
    Object.assign(r, { idNumberCipher: this.cipher.encrypt(id.value), idNumberHash: hash, gender: id.gender, birthDate: id.birthDate });
  }

  private setPhone(r: Resident, phone: string): void {
    const v = validateMobile(phone);
    if (!v.ok) throw new BadRequestException({ statusCode: 400, message: `手机号：${v.message}`, errors: [{ field: 'phone', message: v.message }] });
    r.phoneCipher = this.cipher.encrypt(v.value);
    r.phoneHash = this.cipher.blindIndex('phone', v.value);
  }

  private async findManaged(id: string, actor: AuthPrincipal, permission: Permission): Promise<Resident> {
    const resident = await this.ds.getRepository(Resident).findOneBy({ id });
    // Out of scope reads are a 404, so a liaison cannot even learn that a record exists elsewhere.
    if (!resident) throw new NotFoundException(NOT_FOUND);
    await this.access.require(actor, permission, { villageCode: resident.villageCode, residentUserId: resident.userId }, { notFound: NOT_FOUND });
    if (resident.erasedAt) throw new NotFoundException('该居民的个人信息已按本人要求删除');
    return resident;
  }

  private async detail(resident: Resident): Promise<ResidentDetail> {
    const changes = await this.ds.getRepository(ResidentStatusChange).find({ where: { residentId: resident.id }, order: { changedAt: 'ASC' } });
    const userIds = [...new Set(changes.map((c) => c.changedBy).filter((x): x is string => !!x))];
    const users = userIds.length ? await this.ds.getRepository(User).findBy({ id: In(userIds) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return {
      ...(await this.item(resident, this.clock.now())),
      history: changes.map((c) => ({
        status: c.status,
        previousStatus: c.previousStatus,
        note: c.note,
        changedBy: { id: c.changedBy, name: byId.get(c.changedBy ?? '')?.name ?? null, role: byId.get(c.changedBy ?? '')?.role ?? null },
        changedAt: c.changedAt.toISOString(),
      })),
    };
  }
}

function duplicate(existingId: string | null, message = '该身份证号已经登记过了'): ConflictException {
  return new ConflictException({ statusCode: 409, message, existingId, errors: [{ field: 'idNumber', message }] });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** What a person's own sign-up may set on a record a liaison made (not who registered it, nor its status). */
function pickProfileFields(r: IdentifiedResident): Partial<Resident> {
  const { idNumberCipher, idNumberHash, gender, birthDate } = r;
  return { idNumberCipher, idNumberHash, gender, birthDate, ...profileFields(r) };
}

function profileFields(r: Resident): Partial<Resident> {
  // Not keyGroups: those stay as a liaison or admin set them.
  const { name, phoneCipher, phoneHash, villageCode, townCode, education, graduationDate, skills, desiredOccupations, desiredTownCodes, maxCommuteKm, expectedWageMin, wageUnit, availability, consentMethod, consentAt, consentBy } = r;
  return { name, phoneCipher, phoneHash, villageCode, townCode, education, graduationDate, skills, desiredOccupations, desiredTownCodes, maxCommuteKm, expectedWageMin, wageUnit, availability, consentMethod, consentAt, consentBy };
}
