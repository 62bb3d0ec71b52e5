import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { PosterScanTarget, PosterStats } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { RecruitmentEvent } from '../events/entities/recruitment-event.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsService } from '../regions/regions.service';
import type { PosterStatsQueryDto } from './dto/poster.dto';
import { Poster } from './entities/poster.entity';
import { POSTER_ID_PATTERN } from './posters.service';

export const POSTER_GONE = '这个码已经失效了，请直接在小程序里找工作';

/** Where the mini-app opens for a scanned poster. */
export function posterPage(kind: Poster['kind'], targetId: string): string {
  return kind === 'post' ? `/pages/post/index?id=${targetId}` : `/pages/events/detail/index?id=${targetId}`;
}

/**
 * Scans of printed posters: each scan counted on its poster (one per 村居 board), and the counts per board of a
 * post or event for those who may see them ('poster.stats'), so the district sees which boards work.
 */
@Injectable()
export class PosterStatsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly regions: RegionsService,
  ) {}

  /** A scan (anyone, no login): counted in one UPDATE, so scans at the same moment are all counted. */
  async scan(rawId: string): Promise<PosterScanTarget> {
    const id = rawId.trim().toUpperCase();
    if (!POSTER_ID_PATTERN.test(id)) throw new NotFoundException(POSTER_GONE);
    const result = await this.ds
      .createQueryBuilder()
      .update(Poster)
      .set({ scans: () => 'scans + 1', lastScanAt: this.clock.now() })
      .where('id = :id', { id })
      .execute();
    if (!result.affected) throw new NotFoundException(POSTER_GONE);
    const poster = await this.ds.getRepository(Poster).findOneOrFail({ where: { id }, select: { id: true, kind: true, targetId: true } });
    return { posterId: poster.id, kind: poster.kind, targetId: poster.targetId, page: posterPage(poster.kind, poster.targetId) };
  }

  async stats(q: PosterStatsQueryDto, actor: AuthPrincipal): Promise<PosterStats> {
    if ((q.postId === undefined) === (q.eventId === undefined)) {
      const message = '请给出岗位编号（postId）或活动编号（eventId），只给一个';
      throw new BadRequestException({ statusCode: 400, message, errors: [{ field: q.postId === undefined ? 'postId' : 'eventId', message }] });
    }
    let kind: Poster['kind'];
    let targetId: string;
    if (q.postId !== undefined) {
      const post = await this.ds.getRepository(JobPosting).findOne({ where: { id: q.postId }, select: { id: true, employerId: true, townCode: true } });
      if (!post) throw new NotFoundException('岗位不存在');
      await this.access.require(actor, 'poster.stats', { employerId: post.employerId, townCode: post.townCode });
      [kind, targetId] = ['post', post.id];
    } else {
      const event = await this.ds.getRepository(RecruitmentEvent).findOne({ where: { id: q.eventId }, select: { id: true, townCode: true } });
      if (!event) throw new NotFoundException('活动不存在');
      await this.access.require(actor, 'poster.stats', { townCode: event.townCode });
      [kind, targetId] = ['event', event.id];
    }
    const scope = await this.access.scope(actor, 'poster.stats');
    const qb = this.ds.getRepository(Poster).createQueryBuilder('p').where('p.kind = :kind AND p.target_id = :targetId', { kind, targetId });
    // Staff see the boards of their area (a poster with no 村居 is the district's); an employer every board of its own post.
    if (scope.kind === 'region') qb.andWhere('p.village_code LIKE :area', { area: `${scope.code}%` });
    const posters = await qb.orderBy('p.scans', 'DESC').addOrderBy('p.created_at', 'ASC').addOrderBy('p.id', 'ASC').getMany();

    const [villages, printers] = await Promise.all([
      this.regions.names(posters.map((p) => p.villageCode).filter((c): c is string => !!c)),
      this.printers(posters, actor),
    ]);
    return {
      total: posters.reduce((n, p) => n + p.scans, 0),
      items: posters.map((p) => ({
        posterId: p.id,
        villageCode: p.villageCode,
        villageName: p.villageCode ? (villages.get(p.villageCode) ?? null) : null,
        createdByName: p.createdBy ? (printers.get(p.createdBy) ?? null) : null,
        scans: p.scans,
        lastScanAt: p.lastScanAt ? p.lastScanAt.toISOString() : null,
        createdAt: p.createdAt.toISOString(),
      })),
    };
  }

  /** Who printed each poster, by name: for staff; an employer sees only its own members' names. */
  private async printers(posters: Poster[], actor: AuthPrincipal): Promise<Map<string, string>> {
    const ids = [...new Set(posters.map((p) => p.createdBy).filter((c): c is string => !!c))];
    if (!ids.length) return new Map();
    const users = await this.ds.getRepository(User).find({ where: { id: In(ids) }, select: { id: true, name: true, employerId: true } });
    const employerId = actor.role === 'employer' ? (await this.ds.getRepository(User).findOne({ where: { id: actor.userId }, select: { id: true, employerId: true } }))?.employerId : undefined;
    return new Map(users.filter((u) => actor.role !== 'employer' || (employerId && u.employerId === employerId)).map((u) => [u.id, u.name]));
  }
}
