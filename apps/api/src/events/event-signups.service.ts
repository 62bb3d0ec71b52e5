import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { clockText, ticketCodeOf, type EventSignupItem, type EventVenueCode, type Page } from '@zaogong/shared';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { fieldError } from '../common/errors/field-error';
import { clampLimit, decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { writeLock } from '../common/sql/write-lock';
import { Resident } from '../residents/entities/resident.entity';
import type { EventCheckInDto, EventSignupDto, EventSignupListDto } from './dto/event.dto';
import { EventSignup } from './entities/event-signup.entity';
import { RecruitmentEvent } from './entities/recruitment-event.entity';
import { EventItems } from './event-items';
import { EventNotices } from './event-notices';
import { DOORS_OPEN_MS, newTicketCode, parseVenueCode, venueCode, venueQrText } from './event-rules';

const NOT_FOUND = '活动不存在';
const SIGNUP_NOT_FOUND = '报名记录不存在';
const PERSON_NOT_FOUND = '居民档案不存在或不在您的管辖范围内';

/**
 * Seekers' places at an event: sign up (a liaison for a villager), a ticket with a short code, the waiting
 * list beyond the capacity, cancelling (the next in line moves up), and coming in at the door — staff scan
 * the ticket, or the seeker scans the venue's code — once per person.
 */
@Injectable()
export class EventSignupsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly items: EventItems,
    private readonly notices: EventNotices,
  ) {}

  async signUp(eventId: string, dto: EventSignupDto, actor: AuthPrincipal): Promise<EventSignupItem> {
    const event = await this.openEvent(eventId);
    const person = await this.personFor(dto.residentId, actor);
    await this.access.require(actor, 'event.signup', { villageCode: person.villageCode, residentUserId: person.userId }, { notFound: PERSON_NOT_FOUND });
    const saved = await this.register(event, person, actor, null);
    return (await this.items.signupItems([saved], actor))[0];
  }

  async cancel(id: string, actor: AuthPrincipal): Promise<EventSignupItem> {
    const signup = await this.ds.getRepository(EventSignup).findOneBy({ id });
    if (!signup) throw new NotFoundException(SIGNUP_NOT_FOUND);
    const person = await this.ds.getRepository(Resident).findOneOrFail({ where: { id: signup.residentId }, select: { id: true, villageCode: true, userId: true } });
    await this.access.require(actor, 'event.signup', { villageCode: person.villageCode, residentUserId: person.userId }, { notFound: SIGNUP_NOT_FOUND });
    if (signup.status === 'cancelled') throw new ConflictException('已经取消了');
    if (signup.checkedInAt) throw new ConflictException('已经入场了，不能取消报名');
    const now = this.clock.now();
    await this.ds.transaction(async (em) => {
      const event = await this.lockedEvent(em, signup.eventId);
      const fresh = await em.getRepository(EventSignup).findOneByOrFail({ id });
      if (fresh.status === 'cancelled') throw new ConflictException('已经取消了');
      const held = fresh.status === 'registered';
      await em.getRepository(EventSignup).update({ id }, { status: 'cancelled', cancelledAt: now, updatedAt: now });
      await em.getRepository(RecruitmentEvent).update({ id: event.id }, held ? { registered: event.registered - 1 } : { waitlisted: event.waitlisted - 1 });
      if (held) await this.moveUp(em, { ...event, registered: event.registered - 1 }, now);
    });
    return (await this.items.signupItems([await this.ds.getRepository(EventSignup).findOneByOrFail({ id })], actor))[0];
  }

  /** A seeker's own tickets; a liaison's villagers' tickets (their area); newest first. */
  async mine(q: EventSignupListDto, actor: AuthPrincipal): Promise<Page<EventSignupItem>> {
    const qb = this.ds.getRepository(EventSignup).createQueryBuilder('s').innerJoin(Resident, 'r', 'r.id = s.resident_id');
    const scope = await this.access.scope(actor, 'resident.read');
    if (scope.kind === 'user') qb.where('r.user_id = :uid', { uid: scope.userId });
    else if (scope.kind === 'region') {
      const [condition, params] = regionCondition(scope.code, { town: 'r.town_code', village: 'r.village_code' });
      qb.where(condition, params);
    } else qb.where('1 = 1');
    if (q.eventId) qb.andWhere('s.event_id = :eventId', { eventId: q.eventId });
    return this.page(qb, q, actor);
  }

  /** The door list: everyone signed up, for the organisers and the liaisons of the event's 镇街. */
  async doorList(eventId: string, q: EventSignupListDto, actor: AuthPrincipal): Promise<Page<EventSignupItem>> {
    const event = await this.event(eventId);
    await this.access.require(actor, 'event.staff', { townCode: event.townCode });
    const qb = this.ds.getRepository(EventSignup).createQueryBuilder('s').where("s.event_id = :eventId AND s.status <> 'cancelled'", { eventId });
    return this.page(qb, q, actor);
  }

  /**
   * Coming in, once per person. `ticketCode`: staff (organisers, the 镇街's liaisons) scanned or typed a ticket.
   * `venueCode`: the seeker scanned the code at the door; one without a ticket is signed up there and then
   * when there is room (a walk-in).
   */
  async checkIn(eventId: string, dto: EventCheckInDto, actor: AuthPrincipal): Promise<EventSignupItem> {
    if ((dto.ticketCode === undefined) === (dto.venueCode === undefined)) throw fieldError('ticketCode', '请扫描或输入票号（工作人员），或扫描入场码（求职者）');
    const event = await this.event(eventId);
    const now = this.clock.now();
    if (dto.ticketCode !== undefined) {
      await this.access.require(actor, 'event.staff', { townCode: event.townCode });
      // Staff may scan a ticket any time before the end (a liaison bringing a bus of villagers early).
      this.checkNotOver(event, now);
      const code = ticketCodeOf(dto.ticketCode);
      if (!code) throw fieldError('ticketCode', '票号应为8位字母和数字，请核对');
      const signup = await this.ds.getRepository(EventSignup).findOneBy({ ticketCode: code });
      if (!signup) throw new NotFoundException(`没有这张票：${code}，请核对票号`);
      if (signup.eventId !== eventId) {
        const other = await this.ds.getRepository(RecruitmentEvent).findOne({ where: { id: signup.eventId }, select: { id: true, title: true } });
        throw new ConflictException(`这张票是「${other?.title ?? '另一场活动'}」的，不是本场的`);
      }
      return this.admit(signup, 'ticket', actor, now);
    }
    if (actor.role !== 'seeker') throw new ForbiddenException('入场码由求职者本人扫；工作人员请扫求职者的票');
    const parsed = parseVenueCode(dto.venueCode ?? '');
    if (!parsed || (parsed.eventId !== null && parsed.eventId !== eventId) || parsed.code !== venueCode(this.items.secret, eventId)) {
      throw fieldError('venueCode', '入场码不对：请扫本场活动门口的二维码');
    }
    // The printed code works only around the event, so a photo of it shared the week before lets nobody in.
    this.checkNotOver(event, now);
    if (now.getTime() < event.startsAt.getTime() - DOORS_OPEN_MS) throw new ConflictException(`还没到入场时间：开始前2小时（${clockText(new Date(event.startsAt.getTime() - DOORS_OPEN_MS))}）起可以扫码入场`);
    const person = await this.personFor(undefined, actor);
    let signup = await this.ds.getRepository(EventSignup).findOneBy({ eventId, residentId: person.id });
    if (!signup || signup.status === 'cancelled') signup = await this.register(event, person, actor, 'walk-in');
    return this.admit(signup, 'venue', actor, now);
  }

  /** The venue's code, printed at the door for the seekers to scan. */
  async venueCode(eventId: string, actor: AuthPrincipal): Promise<EventVenueCode> {
    const event = await this.event(eventId);
    await this.access.require(actor, 'event.organise', { townCode: event.townCode });
    if (event.kind !== 'onsite') throw new ConflictException('只有现场招聘会有入场码');
    const code = venueCode(this.items.secret, event.id);
    return { code, qrText: venueQrText(event.id, code), validFrom: new Date(event.startsAt.getTime() - DOORS_OPEN_MS).toISOString(), validTo: event.endsAt.toISOString() };
  }

  /**
   * A new capacity (PATCH): never below the tickets already given; a larger one moves the waiting list up.
   * Writes the event's other changed fields in the same locked transaction.
   */
  async applyCapacity(eventId: string, next: RecruitmentEvent, now: Date): Promise<void> {
    await this.ds.transaction(async (em) => {
      const current = await this.lockedEvent(em, eventId);
      if (next.capacity !== null && next.capacity < current.registered) throw new ConflictException(`已有${current.registered}人拿到票，名额不能少于${current.registered}`);
      const { registered: _r, waitlisted: _w, nextSeq: _n, announcedAt: _a, createdAt: _c, ...fields } = next;
      await em.getRepository(RecruitmentEvent).update({ id: eventId }, { ...fields, updatedAt: now });
      let state = { ...current, ...fields };
      while (state.capacity === null || state.registered < state.capacity) {
        const moved = await this.moveUp(em, state, now);
        if (!moved) break;
        state = { ...state, registered: state.registered + 1, waitlisted: state.waitlisted - 1 };
      }
    });
  }

  private async admit(signup: EventSignup, via: 'ticket' | 'venue', actor: AuthPrincipal, now: Date): Promise<EventSignupItem> {
    if (signup.status === 'cancelled') throw new ConflictException('这张票已经取消了');
    if (signup.status === 'waitlisted') throw new ConflictException('这位还在排队，没有拿到票；有空位时请先补上名额');
    // One row changes from "not in" to "in": a second scan (another phone, a retry) finds it already in.
    const done = await this.ds
      .createQueryBuilder()
      .update(EventSignup)
      .set({ checkedInAt: now, checkedInBy: actor.userId, checkInVia: via, updatedAt: now })
      .where('id = :id AND checked_in_at IS NULL', { id: signup.id })
      .execute();
    const fresh = await this.ds.getRepository(EventSignup).findOneByOrFail({ id: signup.id });
    if (!done.affected) {
      throw new ConflictException({ statusCode: 409, message: `这张票已经在${clockText(fresh.checkedInAt ?? now)}入场过了`, checkedInAt: fresh.checkedInAt?.toISOString() ?? null });
    }
    return (await this.items.signupItems([fresh], actor))[0];
  }

  /** Signs the person up under the event's lock: a ticket while there is room, else the waiting list. */
  private async register(event: RecruitmentEvent, person: Resident, actor: AuthPrincipal, walkIn: 'walk-in' | null): Promise<EventSignup> {
    const existing = await this.ds.getRepository(EventSignup).findOneBy({ eventId: event.id, residentId: person.id });
    if (existing && existing.status !== 'cancelled') {
      throw new ConflictException({ statusCode: 409, message: `${actor.role === 'liaison' ? '这位村民' : '您'}已经报过名了`, existingId: existing.id });
    }
    const now = this.clock.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.ds.transaction(async (em) => {
          const e = await this.lockedEvent(em, event.id);
          if (e.status === 'cancelled') throw new ConflictException('活动已取消');
          const room = e.capacity === null || e.registered < e.capacity;
          if (walkIn && !room) throw new ConflictException('名额已满，请找门口的工作人员');
          const status = room ? 'registered' : 'waitlisted';
          const row = Object.assign(existing ?? new EventSignup(), {
            id: existing?.id ?? randomUUID(),
            eventId: e.id,
            residentId: person.id,
            ticketCode: existing?.ticketCode ?? newTicketCode(),
            status,
            seq: e.nextSeq,
            source: actor.role === 'liaison' ? ('liaison' as const) : ('self' as const),
            signedUpBy: actor.userId,
            cancelledAt: null,
            checkedInAt: null,
            checkedInBy: null,
            checkInVia: null,
            remindedAt: null,
            createdAt: existing?.createdAt ?? now,
            updatedAt: now,
          });
          await em.getRepository(EventSignup).save(row);
          await em.getRepository(RecruitmentEvent).update({ id: e.id }, { nextSeq: e.nextSeq + 1, registered: e.registered + (room ? 1 : 0), waitlisted: e.waitlisted + (room ? 0 : 1) });
          await this.notices.signedUp(em, row, e, room ? null : e.waitlisted + 1);
          return row;
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        // The same person twice in the same instant, or (rarely) a ticket code already taken: look again.
        const again = await this.ds.getRepository(EventSignup).findOneBy({ eventId: event.id, residentId: person.id });
        if (again && again.status !== 'cancelled') throw new ConflictException({ statusCode: 409, message: '已经报过名了', existingId: again.id });
        if (attempt >= 3) throw err;
      }
    }
  }

  /** The first in line gets the freed ticket and is told. False when nobody waits. */
  private async moveUp(em: EntityManager, event: RecruitmentEvent, now: Date): Promise<boolean> {
    const next = await em.getRepository(EventSignup).findOne({ where: { eventId: event.id, status: 'waitlisted' }, order: { seq: 'ASC' } });
    if (!next) return false;
    await em.getRepository(EventSignup).update({ id: next.id }, { status: 'registered', updatedAt: now });
    await em.getRepository(RecruitmentEvent).update({ id: event.id }, { registered: event.registered + 1, waitlisted: event.waitlisted - 1 });
    await this.notices.movedUp(em, { ...next, status: 'registered' }, event);
    return true;
  }

  private async page(qb: SelectQueryBuilder<EventSignup>, q: EventSignupListDto, actor: AuthPrincipal): Promise<Page<EventSignupItem>> {
    const limit = clampLimit(q.limit);
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      const seq = Number(c.sortValue);
      if (!Number.isInteger(seq)) decodeCursor('');
      qb.andWhere(new Brackets((w) => w.where('s.created_at < :cAt', { cAt: new Date(seq) }).orWhere('s.created_at = :cAt AND s.id < :cId', { cAt: new Date(seq), cId: c.id })));
    }
    const rows = await qb.orderBy('s.created_at', 'DESC').addOrderBy('s.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.items.signupItems(page, actor), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.getTime(), last.id) : null };
  }

  private checkNotOver(event: RecruitmentEvent, now: Date): void {
    if (event.status === 'cancelled') throw new ConflictException('活动已取消');
    if (now.getTime() >= event.endsAt.getTime()) throw new ConflictException('活动已经结束');
  }

  private async openEvent(id: string): Promise<RecruitmentEvent> {
    const e = await this.event(id);
    if (e.status === 'cancelled') throw new ConflictException('活动已取消，不能报名');
    if (e.endsAt <= this.clock.now()) throw new ConflictException('活动已经结束，不能报名');
    return e;
  }

  private async event(id: string): Promise<RecruitmentEvent> {
    const e = await this.ds.getRepository(RecruitmentEvent).findOneBy({ id });
    if (!e) throw new NotFoundException(NOT_FOUND);
    return e;
  }

  private lockedEvent(em: EntityManager, id: string): Promise<RecruitmentEvent> {
    return em.getRepository(RecruitmentEvent).findOneOrFail({ where: { id }, lock: writeLock(em) });
  }

  /** The seeker's own 求职信息, or (a liaison) the villager named. */
  private async personFor(residentId: string | undefined, actor: AuthPrincipal): Promise<Resident> {
    if (actor.role === 'seeker') {
      const me = await this.ds.getRepository(Resident).findOneBy({ userId: actor.userId });
      if (!me || me.erasedAt) throw new NotFoundException('请先填写求职信息（姓名和电话），再报名');
      if (residentId && residentId !== me.id) throw new ForbiddenException('只能为自己报名');
      return me;
    }
    if (actor.role !== 'liaison') throw new ForbiddenException('只有求职者本人或村居联络员可以报名');
    if (!residentId) throw fieldError('residentId', '请选择为哪位村民报名');
    const person = await this.ds.getRepository(Resident).findOneBy({ id: residentId });
    if (!person || person.erasedAt) throw new NotFoundException(PERSON_NOT_FOUND);
    return person;
  }
}
