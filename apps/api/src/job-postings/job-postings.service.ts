import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import type { JobPostingItem, Page } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { clampLimit, decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { escapeLike } from '../common/sql/escape-like';
import { Occupation } from '../occupations/entities/occupation.entity';
import { OccupationsService } from '../occupations/occupations.service';
import { RegionsService } from '../regions/regions.service';
import type { JobPostingQueryDto } from './dto/job-posting-query.dto';
import { JobPosting } from './entities/job-posting.entity';

@Injectable()
export class JobPostingsService {
  constructor(
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Occupation) private readonly occupationRows: Repository<Occupation>,
    private readonly occupations: OccupationsService,
    private readonly regions: RegionsService,
  ) {}

  /** The public list: published and not yet expired, newest first, keyset-paginated. */
  async listPublished(query: JobPostingQueryDto, now: Date): Promise<Page<JobPostingItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.posts
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.employer', 'e')
      .where("p.status = 'published'")
      .andWhere('(p.expires_at IS NULL OR p.expires_at > :now)', { now });
    if (query.townCode) qb.andWhere('p.town_code = :town', { town: query.townCode });
    if (query.type) qb.andWhere('p.type = :type', { type: query.type });
    if (query.occupationCode) {
      if (query.occupationCode.split('-').length === 2) qb.andWhere('p.occupation_code LIKE :occ', { occ: `${query.occupationCode}-%` });
      else qb.andWhere('p.occupation_code = :occ', { occ: query.occupationCode });
    }
    if (query.wageMin !== undefined) qb.andWhere('p.monthly_wage_min >= :wage', { wage: query.wageMin });
    const term = query.q?.trim();
    if (term) {
      const like = `%${escapeLike(term)}%`;
      const codes = await this.occupations.codesMatching(term);
      qb.andWhere(
        new Brackets((w) => {
          w.where("p.title LIKE :like ESCAPE '!'", { like })
            .orWhere("p.description LIKE :like ESCAPE '!'", { like })
            .orWhere("p.skills LIKE :like ESCAPE '!'", { like });
          if (codes.length) w.orWhere('p.occupation_code IN (:...codes)', { codes });
        }),
      );
    }
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      const at = new Date(String(c.sortValue));
      if (Number.isNaN(at.getTime())) decodeCursor('');
      qb.andWhere('(p.published_at < :at OR (p.published_at = :at AND p.id < :cid))', { at, cid: c.id });
    }
    const rows = await qb.orderBy('p.published_at', 'DESC').addOrderBy('p.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.toItems(page),
      nextCursor: rows.length > limit && last?.publishedAt ? encodeCursor(last.publishedAt.toISOString(), last.id) : null,
    };
  }

  /** One post: anyone sees a published one; its employer and admins see it in any state. */
  async get(id: string, user: AuthPrincipal | undefined, now: Date): Promise<JobPostingItem> {
    const post = await this.posts.findOne({ where: { id }, relations: { employer: true } });
    const isPublic = post?.status === 'published' && (!post.expiresAt || post.expiresAt > now);
    const mayManage = user?.role === 'admin' || (user?.role === 'employer' && user.employerId === post?.employerId);
    if (!post || (!isPublic && !mayManage)) throw new NotFoundException('岗位不存在或已下架');
    return (await this.toItems([post]))[0];
  }

  /** Published posts whose time is up become expired. Safe to run any number of times. */
  async expireDue(now: Date): Promise<number> {
    const result = await this.posts
      .createQueryBuilder()
      .update(JobPosting)
      .set({ status: 'expired' })
      .where("status = 'published' AND expires_at IS NOT NULL AND expires_at <= :now", { now })
      .execute();
    return result.affected ?? 0;
  }

  private async toItems(posts: JobPosting[]): Promise<JobPostingItem[]> {
    const townNames = await this.regions.names(posts.map((p) => p.townCode));
    const codes = [...new Set(posts.map((p) => p.occupationCode))];
    const occ = codes.length ? await this.occupationRows.createQueryBuilder('o').select(['o.code', 'o.name']).where('o.code IN (:...codes)', { codes }).getMany() : [];
    const occNames = new Map(occ.map((o) => [o.code, o.name]));
    return posts.map((p) => ({
      id: p.id,
      title: p.title,
      occupationCode: p.occupationCode,
      occupationName: occNames.get(p.occupationCode) ?? null,
      description: p.description,
      skills: p.skills,
      wageMin: p.wageMin,
      wageMax: p.wageMax,
      wageUnit: p.wageUnit,
      type: p.type,
      headcount: p.headcount,
      townCode: p.townCode,
      townName: townNames.get(p.townCode) ?? null,
      villageCode: p.villageCode,
      lat: p.lat,
      lng: p.lng,
      benefits: p.benefits,
      startDate: p.startDate,
      endDate: p.endDate,
      status: p.status,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      expiresAt: p.expiresAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
      employer: { id: p.employerId, name: p.employer?.name ?? '', verified: p.employer?.verification === 'verified' },
    }));
  }
}
