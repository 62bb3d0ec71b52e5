import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, In } from 'typeorm';
import {
  DISTRICT_CODE,
  EVENT_SERIES_LABELS,
  eventSeriesOf,
  regionLevelOf,
  type EventDetail,
  type EventItem,
  type EventSeries,
  type Page,
} from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { AccessService } from '../common/access/access.service';
import { areaOf } from '../common/region-scope.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { fieldError } from '../common/errors/field-error';
import { clampLimit, decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { errorMessage } from '../queue/queue.util';
import { RegionsService } from '../regions/regions.service';
import type { EventCancelDto, EventInputDto, EventPatchDto, EventQueryDto } from './dto/event.dto';
import { EventEmployer } from './entities/event-employer.entity';
import { EventSignup } from './entities/event-signup.entity';
import { RecruitmentEvent } from './entities/recruitment-event.entity';
import { EventItems } from './event-items';
import { EventNotices } from './event-notices';
import { MAX_EVENT_MS } from './event-rules';
import { EventSignupsService } from './event-signups.service';

export const EVENT_NOT_FOUND = '活动不存在';
const dayStart = (ymd: string) => new Date(`${ymd}T00:00:00+08:00`);

/** The job the events queue runs: announce one event, or the evening sweep (reminders, late announcements). */
export type EventJob = { task: 'announce'; eventId: string } | { task: 'sweep' };

/**
 * 招聘活动: an admin (a 镇街 officer in their 镇街) creates, edits and cancels events; anyone lists them.
 * Employers (event-employers.service), seekers' tickets and the door (event-signups.service) and the
 * report (event-reports.service) live beside it. docs/business-logic/events.md.
 */
@Injectable()
export class EventsService {
  private readonly logger = new Logger(EventsService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
    private readonly items: EventItems,
    private readonly notices: EventNotices,
    private readonly signups: EventSignupsService,
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
  ) {}

  async create(dto: EventInputDto, actor: AuthPrincipal): Promise<EventItem> {
    const now = this.clock.now();
    // A 镇街 officer who names no 镇街 organises for their own.
    const area = actor.role === 'admin' ? areaOf(actor) : null;
    const townCode = dto.townCode ?? (dto.villageCode ? dto.villageCode.slice(0, 9) : area && area !== DISTRICT_CODE && regionLevelOf(area) === 'town' ? area : null);
    const row = Object.assign(new RecruitmentEvent(), {
      id: randomUUID(),
      title: dto.title,
      series: this.series(dto.series, dto.villageCode ? 'village_fair' : 'other'),
      kind: dto.kind,
      status: 'scheduled' as const,
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      townCode,
      villageCode: dto.villageCode ?? null,
      address: dto.address ?? null,
      lat: dto.lat ?? null,
      lng: dto.lng ?? null,
      liveUrl: dto.liveUrl ?? null,
      livePlatform: dto.livePlatform ?? (dto.liveUrl ? 'other' : null),
      capacity: dto.capacity ?? null,
      description: dto.description,
      contactPhone: dto.contactPhone ?? null,
      cancelReason: null,
      registered: 0,
      waitlisted: 0,
      nextSeq: 1,
      createdBy: actor.userId,
      announcedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    this.check(row, now, true);
    await this.access.require(actor, 'event.organise', { townCode: row.townCode });
    await this.ds.getRepository(RecruitmentEvent).insert(row);
    this.announceSoon(row.id);
    return this.items.item(row, actor);
  }

  async patch(id: string, dto: EventPatchDto, actor: AuthPrincipal): Promise<EventItem> {
    const current = await this.load(id);
    await this.access.require(actor, 'event.organise', { townCode: current.townCode });
    const now = this.clock.now();
    if (current.status === 'cancelled') throw new ConflictException('活动已取消，不能再修改');
    if (current.endsAt <= now) throw new ConflictException('活动已经结束，不能再修改');
    const next = Object.assign(new RecruitmentEvent(), current);
    if (dto.title !== undefined) next.title = dto.title;
    if (dto.series !== undefined) next.series = this.series(dto.series, current.series);
    if (dto.kind !== undefined) next.kind = dto.kind;
    if (dto.startsAt !== undefined) next.startsAt = new Date(dto.startsAt);
    if (dto.endsAt !== undefined) next.endsAt = new Date(dto.endsAt);
    if (dto.villageCode !== undefined) next.villageCode = dto.villageCode;
    if (dto.townCode !== undefined) next.townCode = dto.townCode;
    else if (dto.villageCode !== undefined) next.townCode = dto.villageCode.slice(0, 9);
    if (dto.address !== undefined) next.address = dto.address;
    if (dto.lat !== undefined) next.lat = dto.lat;
    if (dto.lng !== undefined) next.lng = dto.lng;
    if (dto.liveUrl !== undefined) next.liveUrl = dto.liveUrl;
    if (dto.livePlatform !== undefined) next.livePlatform = dto.livePlatform;
    if (dto.capacity !== undefined) next.capacity = dto.capacity;
    if (dto.description !== undefined) next.description = dto.description;
    if (dto.contactPhone !== undefined) next.contactPhone = dto.contactPhone;
    // Times may stay as they are once the event has begun; changed ones must still lie ahead.
    this.check(next, now, dto.startsAt !== undefined || dto.endsAt !== undefined);
    if (next.townCode !== current.townCode) await this.access.require(actor, 'event.organise', { townCode: next.townCode });
    await this.signups.applyCapacity(id, next, now);
    return this.items.item(await this.load(id), actor);
  }

  async cancel(id: string, dto: EventCancelDto, actor: AuthPrincipal): Promise<EventItem> {
    const current = await this.load(id);
    await this.access.require(actor, 'event.organise', { townCode: current.townCode });
    const now = this.clock.now();
    if (current.status === 'cancelled') throw new ConflictException('活动已经取消了');
    if (current.endsAt <= now) throw new ConflictException('活动已经结束，不能取消');
    await this.ds.transaction(async (em) => {
      const done = await em.getRepository(RecruitmentEvent).update({ id, status: 'scheduled' }, { status: 'cancelled', cancelReason: dto.reason, updatedAt: now });
      if (!done.affected) throw new ConflictException('活动已经取消了');
      const people = await em.getRepository(EventSignup).find({ where: { eventId: id, status: In(['registered', 'waitlisted']) } });
      const employers = await em.getRepository(EventEmployer).find({ where: { eventId: id, status: In(['pending', 'approved']) }, select: { employerId: true } });
      await this.notices.cancelled(em, { ...current, cancelReason: dto.reason }, people, employers.map((e) => e.employerId));
    });
    return this.items.item(await this.load(id), actor);
  }

  /**
   * Upcoming first (ongoing ones included) from `from` (default now); `all` lists ended and cancelled ones
   * too, newest first (the organiser's list). A 镇街 filter keeps district-wide events.
   */
  async list(q: EventQueryDto, actor: AuthPrincipal | undefined): Promise<Page<EventItem>> {
    const limit = clampLimit(q.limit);
    const now = this.clock.now();
    const qb = this.ds.getRepository(RecruitmentEvent).createQueryBuilder('e');
    if (q.from && q.to && q.to < q.from) throw fieldError('to', '结束日期不能早于开始日期');
    const newestFirst = q.all === true;
    if (q.from) qb.andWhere('e.ends_at >= :from', { from: dayStart(q.from) });
    else if (!newestFirst) qb.andWhere('e.ends_at > :now', { now });
    if (q.to) qb.andWhere('e.starts_at < :to', { to: new Date(dayStart(q.to).getTime() + 86_400_000) });
    if (!newestFirst) qb.andWhere("e.status = 'scheduled'");
    if (q.townCode) qb.andWhere('(e.town_code = :town OR e.town_code IS NULL)', { town: q.townCode });
    if (q.series) qb.andWhere('e.series = :series', { series: this.series(q.series, 'other') });
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      const at = new Date(String(c.sortValue));
      if (Number.isNaN(at.getTime())) decodeCursor('');
      const op = newestFirst ? '<' : '>';
      qb.andWhere(new Brackets((w) => w.where(`e.starts_at ${op} :cAt`, { cAt: at }).orWhere(`e.starts_at = :cAt AND e.id ${op} :cId`, { cAt: at, cId: c.id })));
    }
    const dir = newestFirst ? 'DESC' : 'ASC';
    const rows = await qb.orderBy('e.starts_at', dir).addOrderBy('e.id', dir).take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.items.items(page, actor), nextCursor: rows.length > limit && last ? encodeCursor(last.startsAt.toISOString(), last.id) : null };
  }

  async get(id: string, actor: AuthPrincipal | undefined): Promise<EventDetail> {
    return this.items.detail(await this.load(id), actor);
  }

  async load(id: string): Promise<RecruitmentEvent> {
    const row = await this.ds.getRepository(RecruitmentEvent).findOneBy({ id });
    if (!row) throw new NotFoundException(EVENT_NOT_FOUND);
    return row;
  }

  /**
   * The one announcement of an event to the people of its 镇街 who seek work (the whole district's for a
   * district-wide event), muted ones left out. Marked in the same transaction, so it happens once.
   */
  async announce(eventId: string): Promise<number> {
    const now = this.clock.now();
    return this.ds.transaction(async (em) => {
      const e = await em.getRepository(RecruitmentEvent).findOneBy({ id: eventId });
      if (!e || e.status !== 'scheduled' || e.endsAt <= now) return 0;
      const claim = await em
        .createQueryBuilder()
        .update(RecruitmentEvent)
        .set({ announcedAt: now })
        .where('id = :id AND announced_at IS NULL', { id: eventId })
        .execute();
      if (!claim.affected) return 0;
      const qb = em
        .getRepository(User)
        .createQueryBuilder('u')
        .select('u.id', 'id')
        .innerJoin('residents', 'r', 'r.user_id = u.id')
        .where("u.role = 'seeker' AND r.status = 'seeking' AND r.erased_at IS NULL");
      if (e.townCode) qb.andWhere('r.town_code = :town', { town: e.townCode });
      // Muting 招聘活动 means not hearing of them at all.
      qb.andWhere("NOT EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = u.id AND s.muted_types LIKE '%\"event\"%')");
      const userIds = (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
      if (userIds.length) await this.notices.announce(em, e, userIds);
      return userIds.length;
    });
  }

  /** Hands the announcement to the queue; the evening sweep announces whatever this missed. */
  private announceSoon(eventId: string): void {
    this.queues
      .get<EventJob>(QUEUES.events)
      .add({ task: 'announce', eventId }, { jobId: `event-announce:${eventId}` })
      .catch((e: unknown) => this.logger.warn(`Event announcement not queued (the evening sweep will do it): ${errorMessage(e)}`));
  }

  private series(value: string | undefined, fallback: EventSeries): EventSeries {
    if (value === undefined) return fallback;
    const s = eventSeriesOf(value);
    if (!s) throw fieldError('series', `没有这个活动系列：${value.slice(0, 24)}。可选：${Object.values(EVENT_SERIES_LABELS).join('、')}`);
    return s;
  }

  /** Times in order and ahead, what each kind needs, the 村居 inside the 镇街. */
  private check(e: RecruitmentEvent, now: Date, timesChanged: boolean): void {
    if (e.endsAt.getTime() <= e.startsAt.getTime()) throw fieldError('endsAt', '结束时间要晚于开始时间');
    if (e.endsAt.getTime() - e.startsAt.getTime() > MAX_EVENT_MS) throw fieldError('endsAt', '一场活动最长62天');
    if (timesChanged && e.startsAt.getTime() < now.getTime() - 60_000) throw fieldError('startsAt', '开始时间已经过去了，请选以后的时间');
    if (e.kind === 'onsite' && !e.address) throw fieldError('address', '现场招聘会请填写地点');
    if (e.kind === 'livestream' && !e.liveUrl) throw fieldError('liveUrl', '直播带岗请填写直播链接');
    if (e.villageCode && e.townCode && e.villageCode.slice(0, 9) !== e.townCode) throw fieldError('villageCode', '这个村居不在所选的镇街');
    if ((e.lat === null) !== (e.lng === null)) throw fieldError('lat', '位置要同时给纬度和经度');
  }
}
