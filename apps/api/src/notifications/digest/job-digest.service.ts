import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, MoreThan } from 'typeorm';
import { chinaDateOf } from '@zaogong/shared';
import { Clock } from '../../common/clock';
import { JobPosting } from '../../job-postings/entities/job-posting.entity';
import { rankPeople } from '../../matching/engine/engine';
import { MatchIndexService } from '../../matching/match-index.service';
import { Resident } from '../../residents/entities/resident.entity';
import { NotificationSetting } from '../entities/notification-setting.entity';
import { NotificationOutbox, type NotificationDraft } from '../notification-outbox';

/** Only posts that fit a person well make their digest (the match score, 0–1). */
export const DIGEST_MIN_SCORE = 0.6;
/** At most this many people are told of one post. */
export const DIGEST_MAX_PEOPLE_PER_POST = 20_000;
const POSTS_NAMED = 3;
const WRITE_CHUNK = 500;
const DAY_MS = 86_400_000;

export interface DigestRun {
  posts: number;
  people: number;
  /** WeChat/SMS messages written (the rest are inbox only). */
  deliveries: number;
}

/**
 * 每日岗位推荐: once a day, each seeker with an account hears of the posts published in the last 24
 * hours that fit them well (one notification, at most one a day: its key is the date). Matching runs
 * on the matching index, so the digest names only what the person would also see under 为你推荐.
 */
@Injectable()
export class JobDigestService {
  private readonly logger = new Logger(JobDigestService.name);

  constructor(
    private readonly matchIndex: MatchIndexService,
    private readonly outbox: NotificationOutbox,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<DigestRun> {
    const now = this.clock.now();
    const fresh = await this.dataSource.getRepository(JobPosting).find({ where: { status: 'published', publishedAt: MoreThan(new Date(now.getTime() - DAY_MS)) }, select: { id: true, title: true } });
    if (fresh.length === 0) return { posts: 0, people: 0, deliveries: 0 };
    const index = await this.matchIndex.ready();
    await this.matchIndex.catchUp();
    const ctx = await this.matchIndex.context();
    const fits = new Map<string, { title: string; score: number }[]>();
    for (const post of fresh) {
      const profile = index.post(post.id);
      if (!profile) continue;
      for (const { item, result } of rankPeople(profile, index.peopleCandidates(profile), ctx, DIGEST_MAX_PEOPLE_PER_POST)) {
        if (result.score < DIGEST_MIN_SCORE) break; // ranked best first
        const list = fits.get(item.id) ?? [];
        list.push({ title: post.title, score: result.score });
        fits.set(item.id, list);
      }
    }
    const day = chinaDateOf(now);
    let people = 0;
    let deliveries = 0;
    const residentIds = [...fits.keys()];
    for (let i = 0; i < residentIds.length; i += WRITE_CHUNK) {
      const drafts = await this.drafts(residentIds.slice(i, i + WRITE_CHUNK), fits, day);
      deliveries += await this.dataSource.transaction((em) => this.outbox.write(em, drafts));
      people += drafts.length;
      this.outbox.kick();
    }
    this.logger.log(`Job digest ${day}: ${fresh.length} new posts, ${people} people told, ${deliveries} messages to send`);
    return { posts: fresh.length, people, deliveries };
  }

  private async drafts(residentIds: string[], fits: Map<string, { title: string; score: number }[]>, day: string): Promise<NotificationDraft[]> {
    const residents = await this.dataSource.getRepository(Resident).find({
      where: { id: In(residentIds), status: 'seeking', personalizedRecommendations: true },
      select: { id: true, userId: true },
    });
    const withAccount = residents.filter((r): r is Resident & { userId: string } => r.userId !== null);
    const settings = withAccount.length ? await this.dataSource.getRepository(NotificationSetting).findBy({ userId: In(withAccount.map((r) => r.userId)) }) : [];
    const muted = new Set(settings.filter((s) => s.mutedTypes.includes('job_digest')).map((s) => s.userId));
    return withAccount
      .filter((r) => !muted.has(r.userId))
      .map((r) => {
        const list = (fits.get(r.id) ?? []).sort((a, b) => b.score - a.score);
        const named = list.slice(0, POSTS_NAMED).map((p) => `「${p.title}」`).join('');
        return {
          userId: r.userId,
          type: 'job_digest' as const,
          title: `今天有${list.length}个适合您的新岗位`,
          body: `${named}${list.length > POSTS_NAMED ? '等' : ''}，打开看看吧。`,
          page: '/pages/index/index',
          event: `digest:${day}`,
          fields: { subject: list[0]?.title ?? '新岗位', count: list.length, note: '打开小程序看看' },
        };
      });
  }
}
