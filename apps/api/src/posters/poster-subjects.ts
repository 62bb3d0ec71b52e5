import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { Employer } from '../employers/entities/employer.entity';
import { RecruitmentEvent } from '../events/entities/recruitment-event.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsService } from '../regions/regions.service';
import { eventPosterContent, postPosterContent, type PosterContent, type PosterKind } from './poster-content';
import { PosterPhones } from './poster-phones';

export const POST_GONE = '岗位不存在或还没发布';
export const EVENT_GONE = '活动不存在';

/** What a poster is of: its title (for the file name) and what it says. */
export interface PosterSubject {
  kind: PosterKind;
  id: string;
  title: string;
  content: PosterContent;
}

/**
 * The post or event a poster is printed for, read and checked: it must be open (a published post that has not
 * expired, an event neither cancelled nor over), and the caller must hold 'poster.make' for it. Its words come
 * from poster-content.ts; the phone is the printing liaison's own (the 村居 window), the event's, or the
 * service hotline (SERVICE_PHONE) when there is neither: never a number made up.
 */
@Injectable()
export class PosterSubjects {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly regions: RegionsService,
    private readonly phones: PosterPhones,
  ) {}

  async post(id: string, actor: AuthPrincipal | undefined): Promise<PosterSubject> {
    const post = await this.ds.getRepository(JobPosting).findOneBy({ id });
    if (!post || !['published', 'closed', 'expired'].includes(post.status)) throw new NotFoundException(POST_GONE);
    if (actor) await this.access.require(actor, 'poster.make', { employerId: post.employerId, townCode: post.townCode });
    const now = this.clock.now();
    if (post.status === 'closed') throw new ConflictException('这个岗位已经关闭，不能再打印海报');
    if (post.status === 'expired' || (post.expiresAt && post.expiresAt <= now)) throw new ConflictException('这个岗位已经过期，企业刷新后才能打印海报');
    const [employer, names] = await Promise.all([
      this.ds.getRepository(Employer).findOne({ where: { id: post.employerId }, select: { id: true, name: true } }),
      this.regions.names([post.townCode, post.villageCode].filter((c): c is string => !!c)),
    ]);
    const content = postPosterContent(
      {
        ...post,
        townName: names.get(post.townCode) ?? null,
        villageName: post.villageCode ? (names.get(post.villageCode) ?? null) : null,
        employerName: employer?.name ?? '',
      },
      await this.phones.forPrinter(actor, null),
      now,
    );
    return { kind: 'post', id: post.id, title: post.title, content };
  }

  async event(id: string, actor: AuthPrincipal | undefined): Promise<PosterSubject> {
    const event = await this.ds.getRepository(RecruitmentEvent).findOneBy({ id });
    if (!event) throw new NotFoundException(EVENT_GONE);
    if (actor) await this.access.require(actor, 'poster.make', { townCode: event.townCode });
    const now = this.clock.now();
    if (event.status === 'cancelled') throw new ConflictException('活动已经取消，不能打印海报');
    if (event.endsAt <= now) throw new ConflictException('活动已经结束，不用再打印海报了');
    const [names, taking] = await Promise.all([this.regions.names([event.townCode, event.villageCode].filter((c): c is string => !!c)), this.taking(event.id)]);
    const content = eventPosterContent(
      {
        ...event,
        townName: event.townCode ? (names.get(event.townCode) ?? null) : null,
        villageName: event.villageCode ? (names.get(event.villageCode) ?? null) : null,
        ...taking,
      },
      await this.phones.forPrinter(actor, event.contactPhone),
      now,
    );
    return { kind: 'event', id: event.id, title: event.title, content };
  }

  /** The employers approved for the event, the posts they bring and the people those want. */
  private async taking(eventId: string): Promise<{ employers: number; posts: number; headcount: number }> {
    const row = await this.ds
      .createQueryBuilder()
      .select('COUNT(DISTINCT ep.employer_id)', 'employers')
      .addSelect('COUNT(ep.post_id)', 'posts')
      .addSelect('COALESCE(SUM(jp.headcount), 0)', 'headcount')
      .from('event_posts', 'ep')
      .innerJoin('event_employers', 'ee', "ee.event_id = ep.event_id AND ee.employer_id = ep.employer_id AND ee.status = 'approved'")
      .innerJoin('job_postings', 'jp', 'jp.id = ep.post_id')
      .where('ep.event_id = :eventId', { eventId })
      .getRawOne<{ employers: string | number; posts: string | number; headcount: string | number }>();
    return { employers: Number(row?.employers ?? 0), posts: Number(row?.posts ?? 0), headcount: Number(row?.headcount ?? 0) };
  }
}
