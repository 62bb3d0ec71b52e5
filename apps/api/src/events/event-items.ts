import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { EVENT_SERIES_LABELS, maskName, ticketQrText, type EventDetail, type EventEmployerItem, type EventItem, type EventSignupItem } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { decideAccess } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import { EventEmployer } from './entities/event-employer.entity';
import { EventPost } from './entities/event-post.entity';
import { EventSignup } from './entities/event-signup.entity';
import { RecruitmentEvent } from './entities/recruitment-event.entity';
import { phaseOf } from './event-rules';

/** Events, their employers and their tickets as the API shows them, built in a few queries per page. */
@Injectable()
export class EventItems {
  constructor(
    private readonly ds: DataSource,
    private readonly regions: RegionsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async item(e: RecruitmentEvent, actor: AuthPrincipal | undefined): Promise<EventItem> {
    return (await this.items([e], actor))[0];
  }

  async items(rows: RecruitmentEvent[], actor: AuthPrincipal | undefined): Promise<EventItem[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((e) => e.id);
    const now = this.clock.now();
    const [names, organisers, counts, mine, myEmployer] = await Promise.all([
      this.regions.names(rows.flatMap((e) => [e.townCode, e.villageCode]).filter((c): c is string => !!c)),
      this.userNames(rows.map((e) => e.createdBy)),
      this.ds
        .getRepository(EventEmployer)
        .createQueryBuilder('ee')
        .select('ee.event_id', 'eventId')
        .addSelect('COUNT(DISTINCT ee.employer_id)', 'employers')
        .addSelect('COUNT(ep.post_id)', 'posts')
        .leftJoin(EventPost, 'ep', 'ep.event_id = ee.event_id AND ep.employer_id = ee.employer_id')
        .where("ee.event_id IN (:...ids) AND ee.status = 'approved'", { ids })
        .groupBy('ee.event_id')
        .getRawMany<{ eventId: string; employers: string | number; posts: string | number }>(),
      this.mySignups(ids, actor),
      this.myEmployerRequests(ids, actor),
    ]);
    const countOf = new Map(counts.map((c) => [c.eventId, c]));
    return rows.map((e) => {
      const c = countOf.get(e.id);
      return {
        id: e.id,
        title: e.title,
        series: e.series,
        seriesLabel: EVENT_SERIES_LABELS[e.series],
        kind: e.kind,
        status: e.status,
        phase: phaseOf(e, now),
        startsAt: e.startsAt.toISOString(),
        endsAt: e.endsAt.toISOString(),
        townCode: e.townCode,
        townName: e.townCode ? (names.get(e.townCode) ?? null) : null,
        villageCode: e.villageCode,
        villageName: e.villageCode ? (names.get(e.villageCode) ?? null) : null,
        address: e.address,
        lat: e.lat,
        lng: e.lng,
        liveUrl: e.liveUrl,
        livePlatform: e.livePlatform,
        capacity: e.capacity,
        registered: e.registered,
        waitlisted: e.waitlisted,
        employerCount: Number(c?.employers ?? 0),
        postCount: Number(c?.posts ?? 0),
        description: e.description,
        contactPhone: e.contactPhone,
        cancelReason: e.cancelReason,
        organiserName: organisers.get(e.createdBy) ?? null,
        createdAt: e.createdAt.toISOString(),
        mySignup: mine.get(e.id) ?? null,
        myEmployer: myEmployer.get(e.id) ?? null,
        canManage: actor ? decideAccess(actor, 'event.organise', { townCode: e.townCode }).allowed : false,
      };
    });
  }

  /** The event with its employers: the approved ones for everyone; every request for its organisers. */
  async detail(e: RecruitmentEvent, actor: AuthPrincipal | undefined): Promise<EventDetail> {
    const item = await this.item(e, actor);
    const requests = await this.ds.getRepository(EventEmployer).find({ where: item.canManage ? { eventId: e.id } : { eventId: e.id, status: 'approved' }, order: { booth: 'ASC', createdAt: 'ASC' } });
    return { ...item, employers: await this.employerItems(requests) };
  }

  async employerItems(requests: EventEmployer[]): Promise<EventEmployerItem[]> {
    if (requests.length === 0) return [];
    const eventIds = [...new Set(requests.map((r) => r.eventId))];
    const employerIds = [...new Set(requests.map((r) => r.employerId))];
    const links = await this.ds.getRepository(EventPost).find({ where: { eventId: In(eventIds), employerId: In(employerIds) } });
    const posts = links.length ? await this.ds.getRepository(JobPosting).findBy({ id: In([...new Set(links.map((l) => l.postId))]) }) : [];
    const postOf = new Map(posts.map((p) => [p.id, p]));
    const employers = new Map((await this.ds.getRepository(Employer).find({ where: { id: In(employerIds) }, select: { id: true, name: true } })).map((x) => [x.id, x.name]));
    const now = this.clock.now();
    return requests.map((r) => ({
      employerId: r.employerId,
      employerName: employers.get(r.employerId) ?? '',
      status: r.status,
      booth: r.booth,
      reason: r.reason,
      posts: links
        .filter((l) => l.eventId === r.eventId && l.employerId === r.employerId)
        .map((l) => postOf.get(l.postId))
        .filter((p): p is JobPosting => !!p)
        .map((p) => ({
          id: p.id,
          title: p.title,
          headcount: p.headcount,
          wageMin: p.wageMin,
          wageMax: p.wageMax,
          wageUnit: p.wageUnit,
          open: p.status === 'published' && (!p.expiresAt || p.expiresAt > now),
        })),
      requestedAt: r.createdAt.toISOString(),
    }));
  }

  /**
   * Tickets as shown to `actor`: names in full to the person, their liaison and the event's organisers;
   * masked to a liaison helping at the door with people of other 村居.
   */
  async signupItems(rows: EventSignup[], actor: AuthPrincipal): Promise<EventSignupItem[]> {
    if (rows.length === 0) return [];
    const events = new Map((await this.ds.getRepository(RecruitmentEvent).find({ where: { id: In([...new Set(rows.map((s) => s.eventId))]) }, select: { id: true, title: true, townCode: true } })).map((e) => [e.id, e]));
    const people = new Map((await this.ds.getRepository(Resident).find({ where: { id: In([...new Set(rows.map((s) => s.residentId))]) }, select: { id: true, name: true, villageCode: true, userId: true } })).map((r) => [r.id, r]));
    const villages = await this.regions.names([...people.values()].map((r) => r.villageCode));
    const waiting = await this.waitlistPositions(rows.filter((s) => s.status === 'waitlisted'));
    return rows.map((s) => {
      const person = people.get(s.residentId);
      const event = events.get(s.eventId);
      const fullName =
        !!person &&
        (person.userId === actor.userId ||
          decideAccess(actor, 'resident.read', { villageCode: person.villageCode, residentUserId: person.userId }).allowed ||
          (!!event && decideAccess(actor, 'event.organise', { townCode: event.townCode }).allowed));
      return {
        id: s.id,
        eventId: s.eventId,
        eventTitle: event?.title ?? '',
        residentId: s.residentId,
        residentName: person ? (fullName ? person.name : maskName(person.name)) : '',
        villageName: person ? (villages.get(person.villageCode) ?? null) : null,
        ticketCode: s.ticketCode,
        ticketQrText: ticketQrText(s.ticketCode),
        status: s.status,
        waitlistPosition: waiting.get(s.id) ?? null,
        checkedInAt: s.checkedInAt?.toISOString() ?? null,
        checkInVia: s.checkInVia,
        byLiaison: s.source === 'liaison',
        createdAt: s.createdAt.toISOString(),
      };
    });
  }

  /** 1 = next in line. */
  private async waitlistPositions(rows: EventSignup[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const s of rows) {
      const ahead = await this.ds.getRepository(EventSignup).createQueryBuilder('s').where("s.event_id = :e AND s.status = 'waitlisted' AND s.seq < :seq", { e: s.eventId, seq: s.seq }).getCount();
      out.set(s.id, ahead + 1);
    }
    return out;
  }

  private async mySignups(eventIds: string[], actor: AuthPrincipal | undefined): Promise<Map<string, EventSignupItem>> {
    if (actor?.role !== 'seeker') return new Map();
    const me = await this.ds.getRepository(Resident).findOne({ where: { userId: actor.userId }, select: { id: true } });
    if (!me) return new Map();
    const rows = await this.ds.getRepository(EventSignup).find({ where: { eventId: In(eventIds), residentId: me.id } });
    return new Map((await this.signupItems(rows, actor)).map((s) => [s.eventId, s]));
  }

  private async myEmployerRequests(eventIds: string[], actor: AuthPrincipal | undefined): Promise<Map<string, EventEmployerItem>> {
    if (actor?.role !== 'employer') return new Map();
    const user = await this.ds.getRepository(User).findOne({ where: { id: actor.userId }, select: { id: true, employerId: true } });
    if (!user?.employerId) return new Map();
    const rows = await this.ds.getRepository(EventEmployer).find({ where: { eventId: In(eventIds), employerId: user.employerId } });
    return new Map((await this.employerItems(rows)).map((x, i) => [rows[i].eventId, x]));
  }

  private async userNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const rows = await this.ds.getRepository(User).find({ where: { id: In(unique) }, select: { id: true, name: true } });
    return new Map(rows.map((u) => [u.id, u.name ?? '']));
  }

  /** The secret the venue codes are keyed with. */
  get secret(): string {
    return this.config.jwtSecret;
  }
}
