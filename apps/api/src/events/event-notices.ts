import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVENT_KIND_LABELS, LIVE_PLATFORM_LABELS, eventTimeText } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { NotificationOutbox, type NotificationDraft } from '../notifications/notification-outbox';
import { Resident } from '../residents/entities/resident.entity';
import type { EventEmployer } from './entities/event-employer.entity';
import type { EventSignup } from './entities/event-signup.entity';
import type { RecruitmentEvent } from './entities/recruitment-event.entity';

export const eventPage = (id: string) => `/pages/events/detail/index?id=${id}`;

/** Where to go, in words: the address, or where the stream is watched, or 线上. */
export function eventPlaceText(e: Pick<RecruitmentEvent, 'kind' | 'address' | 'livePlatform'>): string {
  if (e.kind === 'onsite') return e.address ?? '见活动说明';
  if (e.kind === 'livestream') return `${LIVE_PLATFORM_LABELS[e.livePlatform ?? 'other']}直播`;
  return EVENT_KIND_LABELS.online;
}

/**
 * The messages of an event, written to the outbox in the caller's transaction: the ticket (or the place in
 * the queue), moving up, the day before, a cancelled event, an employer's request decided, and the one
 * announcement to the people of its 镇街 who seek work.
 */
@Injectable()
export class EventNotices {
  constructor(private readonly outbox: NotificationOutbox) {}

  async signedUp(em: EntityManager, s: EventSignup, e: RecruitmentEvent, waitlistPosition: number | null): Promise<void> {
    const when = eventTimeText(e.startsAt, e.endsAt);
    const text =
      s.status === 'registered'
        ? `您报上了「${e.title}」：${when}，${eventPlaceText(e)}。入场时出示电子票，票号 ${s.ticketCode}。`
        : `「${e.title}」名额已满，您排在第${waitlistPosition ?? 1}位；有人取消会按顺序补上，补上了会告诉您。`;
    await this.outbox.write(em, [await this.toPerson(em, s, e, s.status === 'registered' ? '活动报名成功' : '活动排队中', text, `event-signup:${s.id}:${s.seq}`)]);
  }

  async movedUp(em: EntityManager, s: EventSignup, e: RecruitmentEvent): Promise<void> {
    const text = `有人取消，您补上了「${e.title}」：${eventTimeText(e.startsAt, e.endsAt)}，${eventPlaceText(e)}。票号 ${s.ticketCode}。`;
    await this.outbox.write(em, [await this.toPerson(em, s, e, '排队补上了', text, `event-moved-up:${s.id}:${s.seq}`, `【枣工快递】您补上了招聘活动「${e.title}」，票号${s.ticketCode}。`)]);
  }

  async dayBefore(em: EntityManager, s: EventSignup, e: RecruitmentEvent): Promise<void> {
    const text = `明天：「${e.title}」，${eventTimeText(e.startsAt, e.endsAt)}，${eventPlaceText(e)}。${e.kind === 'onsite' ? `带上身份证，入场出示电子票（票号 ${s.ticketCode}）。` : '到时打开活动页面即可。'}`;
    await this.outbox.write(em, [await this.toPerson(em, s, e, '明天有招聘活动', text, `event-day-before:${s.id}`, `【枣工快递】明天${eventTimeText(e.startsAt, e.endsAt)}「${e.title}」，${eventPlaceText(e)}。`)]);
  }

  /** A cancelled event: everyone holding a ticket or waiting, and the employers taking part. */
  async cancelled(em: EntityManager, e: RecruitmentEvent, signups: EventSignup[], employerIds: string[]): Promise<void> {
    const text = `「${e.title}」（${eventTimeText(e.startsAt, e.endsAt)}）取消了。${e.cancelReason ?? ''}`;
    const drafts: NotificationDraft[] = [];
    for (const s of signups) drafts.push(await this.toPerson(em, s, e, '招聘活动取消', text, `event-cancelled:${e.id}`, `【枣工快递】招聘活动「${e.title}」取消了，请别白跑一趟。`));
    for (const userId of await this.members(em, employerIds)) drafts.push(this.toUser(userId, e, '招聘活动取消', text, `event-cancelled:${e.id}`));
    await this.outbox.write(em, drafts);
  }

  async employerReviewed(em: EntityManager, ee: EventEmployer, e: RecruitmentEvent): Promise<void> {
    const text =
      ee.status === 'approved'
        ? `贵单位参加「${e.title}」已通过${ee.booth ? `，展位号 ${ee.booth}` : ''}。时间：${eventTimeText(e.startsAt, e.endsAt)}，${eventPlaceText(e)}。`
        : `贵单位参加「${e.title}」没有通过：${ee.reason ?? '请联系组织者'}`;
    const drafts = (await this.members(em, [ee.employerId])).map((u) => this.toUser(u, e, ee.status === 'approved' ? '参加活动已通过' : '参加活动未通过', text, `event-employer:${ee.id}:${ee.status}:${ee.updatedAt.getTime()}`));
    await this.outbox.write(em, drafts);
  }

  /** The one announcement: people who seek work in the event's 镇街 (the district's, for a district-wide event). */
  async announce(em: EntityManager, e: RecruitmentEvent, userIds: string[]): Promise<void> {
    const text = `${eventTimeText(e.startsAt, e.endsAt)}，${eventPlaceText(e)}。${e.description.slice(0, 60)}`;
    await this.outbox.write(
      em,
      userIds.map((u) => this.toUser(u, e, `招聘活动：${e.title}`.slice(0, 60), text, `event-announce:${e.id}`)),
    );
  }

  private toUser(userId: string, e: RecruitmentEvent, title: string, body: string, event: string): NotificationDraft {
    return { userId, type: 'event', title, body, page: eventPage(e.id), event, fields: { subject: e.title, status: title.slice(0, 5), note: body.slice(0, 20) } };
  }

  /** To the person: their account's inbox, or (no account) a text message to their phone. */
  private async toPerson(em: EntityManager, s: EventSignup, e: RecruitmentEvent, title: string, body: string, event: string, sms?: string): Promise<NotificationDraft> {
    const person = await em.getRepository(Resident).findOneOrFail({ where: { id: s.residentId }, select: { id: true, userId: true } });
    return { ...this.toUser(person.userId ?? '', e, title, body, event), userId: person.userId, residentId: person.userId ? null : person.id, ...(sms ? { sms } : {}) };
  }

  private async members(em: EntityManager, employerIds: string[]): Promise<string[]> {
    if (employerIds.length === 0) return [];
    const rows = await em.getRepository(User).createQueryBuilder('u').select('u.id', 'id').where("u.role = 'employer' AND u.employer_id IN (:...ids)", { ids: employerIds }).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
