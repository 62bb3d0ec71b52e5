import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type SelectQueryBuilder } from 'typeorm';
import { REPORTS_TO_HIDE, SUGGEST_BELOW, type JobPostingItem, type PostSearchPage } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import type { AccessTarget } from '../common/access/access.policy';
import type { AuthPrincipal } from '../common/auth-principal';
import { clampLimit, decodeCursor, encodeCursor } from '../common/pagination/cursor';
import { CodeNames } from '../common/reference/code-names';
import { Application } from '../applications/entities/application.entity';
import { Occupation } from '../occupations/entities/occupation.entity';
import { RegionsService } from '../regions/regions.service';
import type { JobPostingQueryDto } from './dto/job-posting-query.dto';
import { JobPosting } from './entities/job-posting.entity';
import { PostPhotosService } from './post-photos.service';
import { PostSearchIndex } from './post-search-index';

/** Squared equirectangular distance: orders by distance with plain arithmetic every database has. */
const DISTANCE_SQL = '((p.lat - :lat) * (p.lat - :lat) + (p.lng - :lng) * (p.lng - :lng) * :lngScale)';
/** Posts without coordinates sort after every located one. */
const NO_DISTANCE = 1_000_000;
/** Near queries counted for 你是不是要找, and how many of those that find more are shown. */
const SUGGESTIONS_TRIED = 10;
const SUGGESTIONS_SHOWN = 3;

interface SortSpec {
  /** SQL of the sort value (descending for newest and wage, ascending for distance). */
  expr: string;
  desc: boolean;
  /** The cursor value of the last row of a page, from the entity or the value the database computed. */
  valueOf: (p: JobPosting, computed: unknown) => string | number;
  parse: (v: string | number) => string | number | Date;
}

@Injectable()
export class JobPostingsService {
  private readonly occupationCatalogue: CodeNames<Occupation>;

  constructor(
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Occupation) occupationRows: Repository<Occupation>,
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    private readonly regions: RegionsService,
    private readonly searchIndex: PostSearchIndex,
    private readonly access: AccessService,
    private readonly photos: PostPhotosService,
  ) {
    this.occupationCatalogue = new CodeNames(occupationRows);
  }

  /**
   * The public list: published, unexpired and not hidden by reports; keyword, filters, and one of
   * three orders (newest refreshed first, highest monthly-equivalent wage, nearest), keyset-paginated.
   * A keyword that finds fewer than SUGGEST_BELOW posts also gets `suggestions` on the first page.
   */
  async listPublished(query: JobPostingQueryDto, now: Date): Promise<PostSearchPage> {
    const limit = clampLimit(query.limit);
    const term = query.q?.trim();
    const qb = await this.publishedQuery(query, term, now);
    qb.leftJoinAndSelect('p.employer', 'e');

    const sort = this.sortSpec(query, qb);
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      const value = sort.parse(c.sortValue);
      const op = sort.desc ? '<' : '>';
      qb.andWhere(`(${sort.expr} ${op} :cv OR (${sort.expr} = :cv AND p.id ${op} :cid))`, { cv: value, cid: c.id });
    }
    const dir = sort.desc ? 'DESC' : 'ASC';
    // The sort value comes back from the database so the next page's cursor compares it with itself.
    const { entities: rows, raw } = await qb
      .addSelect(sort.expr, 'sort_value')
      .orderBy(sort.expr, dir)
      .addOrderBy('p.id', dir)
      .limit(limit + 1)
      .getRawAndEntities<{ p_id: string; sort_value: unknown }>();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const rawValue = new Map(raw.map((r) => [r.p_id, r.sort_value]));
    const items = await this.toItems(page, false);
    if (query.lat !== undefined && query.lng !== undefined) {
      for (const [i, p] of page.entries()) items[i].distanceKm = p.lat !== null && p.lng !== null ? kmBetween(query.lat, query.lng, p.lat, p.lng) : null;
    }
    const answer: PostSearchPage = { items, nextCursor: rows.length > limit && last ? encodeCursor(sort.valueOf(last, rawValue.get(last.id)), last.id) : null };
    if (term && !query.cursor) {
      // More rows than a page already says there are at least limit + 1: a count is needed only below that.
      const found = rows.length <= limit || limit + 1 >= SUGGEST_BELOW ? rows.length : await (await this.publishedQuery(query, term, now)).getCount();
      if (found < SUGGEST_BELOW) answer.suggestions = await this.suggestions(query, term, found, now);
    }
    return answer;
  }

  /**
   * 你是不是要找: queries near the keyword (a homophone, pinyin, a character off, a word within, a
   * sibling occupation) that find more posts than it under the same filters, nearest first.
   */
  private async suggestions(query: JobPostingQueryDto, term: string, found: number, now: Date): Promise<string[]> {
    const out: string[] = [];
    for (const candidate of await this.searchIndex.nearQueries(term, SUGGESTIONS_TRIED)) {
      const count = await (await this.publishedQuery(query, candidate, now)).getCount();
      if (count > found) out.push(candidate);
      if (out.length >= SUGGESTIONS_SHOWN) break;
    }
    return out;
  }

  /** Published, open posts under the query's filters and this keyword (alias `p`). */
  private async publishedQuery(query: JobPostingQueryDto, term: string | undefined, now: Date): Promise<SelectQueryBuilder<JobPosting>> {
    const qb = this.posts
      .createQueryBuilder('p')
      .where("p.status = 'published'")
      .andWhere('(p.expires_at IS NULL OR p.expires_at > :now)', { now })
      .andWhere('p.open_reports < :hideAt', { hideAt: REPORTS_TO_HIDE });
    if (query.townCode) qb.andWhere('p.town_code = :town', { town: query.townCode });
    if (query.type) qb.andWhere('p.type = :type', { type: query.type });
    if (query.occupationCode) {
      if (query.occupationCode.split('-').length === 2) qb.andWhere('p.occupation_code LIKE :occ', { occ: `${query.occupationCode}-%` });
      else qb.andWhere('p.occupation_code = :occ', { occ: query.occupationCode });
    }
    if (query.wageMin !== undefined) qb.andWhere('p.monthly_wage_min >= :wage', { wage: query.wageMin });
    // Benefits are a short JSON list of fixed words: a LIKE per benefit is exact enough.
    for (const [i, b] of (query.benefits ?? []).entries()) qb.andWhere(`p.benefits LIKE :benefit${i}`, { [`benefit${i}`]: `%"${b}"%` });
    if (term) await this.searchIndex.applyKeyword(qb, term);
    return qb;
  }

  /** One post: anyone sees a public one; its employer and the admins of its area see it in any state, with flags. */
  async get(id: string, user: AuthPrincipal | undefined, now: Date): Promise<JobPostingItem> {
    const post = await this.posts.findOne({ where: { id }, relations: { employer: true } });
    const isPublic = post?.status === 'published' && (!post.expiresAt || post.expiresAt > now) && post.openReports < REPORTS_TO_HIDE;
    const manages = !!post && !!user && (await this.access.may(user, 'post.read', postTarget(post)));
    if (!post || (!isPublic && !manages)) throw new NotFoundException('岗位不存在或已下架');
    return (await this.toItems([post], manages))[0];
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

  /** Items as the API shows them; `manage` adds what only the employer and admins see. */
  async toItems(posts: JobPosting[], manage: boolean): Promise<JobPostingItem[]> {
    const placeNames = await this.regions.names(posts.flatMap((p) => (p.villageCode ? [p.townCode, p.villageCode] : [p.townCode])));
    const occNames = await this.occupationNames(posts.map((p) => p.occupationCode));
    const applicants = manage ? await this.applicantCounts(posts.map((p) => p.id)) : new Map<string, { total: number; fresh: number }>();
    const photos = await this.photos.of(posts.map((p) => p.id));
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
      townName: placeNames.get(p.townCode) ?? null,
      villageCode: p.villageCode,
      villageName: p.villageCode ? (placeNames.get(p.villageCode) ?? null) : null,
      address: p.address,
      lat: p.lat,
      lng: p.lng,
      benefits: p.benefits,
      startDate: p.startDate,
      endDate: p.endDate,
      workStartTime: p.workStartTime,
      status: p.status,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      refreshedAt: p.refreshedAt?.toISOString() ?? null,
      expiresAt: p.expiresAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      employer: { id: p.employerId, name: p.employer?.name ?? '', verified: p.employer?.verification === 'verified', kind: p.employer?.kind ?? 'firm' },
      photos: photos.get(p.id) ?? [],
      ...(manage ? { complianceFlags: p.complianceFlags, reviewNote: p.reviewNote, openReports: p.openReports, applicants: applicants.get(p.id) ?? { total: 0, fresh: 0 } } : {}),
    }));
  }

  /** code → name of these occupations (CodeNames: the catalogue is seeded reference data, read once). */
  private occupationNames(codes: string[]): Promise<Map<string, string>> {
    return this.occupationCatalogue.of(codes);
  }

  /** 报名的人 per post: counts only, no personal data leaves the database for them. */
  private async applicantCounts(postIds: string[]): Promise<Map<string, { total: number; fresh: number }>> {
    if (postIds.length === 0) return new Map();
    const rows = await this.applications
      .createQueryBuilder('a')
      .select('a.post_id', 'postId')
      .addSelect('COUNT(*)', 'total')
      .addSelect("SUM(CASE WHEN a.status = 'applied' THEN 1 ELSE 0 END)", 'fresh')
      .where("a.post_id IN (:...postIds) AND a.status <> 'invited'", { postIds })
      .groupBy('a.post_id')
      .getRawMany<{ postId: string; total: string | number; fresh: string | number }>();
    return new Map(rows.map((r) => [r.postId, { total: Number(r.total), fresh: Number(r.fresh) }]));
  }

  private sortSpec(query: JobPostingQueryDto, qb: SelectQueryBuilder<JobPosting>): SortSpec {
    const number = (v: string | number) => {
      const n = Number(v);
      if (!Number.isFinite(n)) decodeCursor('');
      return n;
    };
    switch (query.sort) {
      case 'wage':
        return { expr: 'COALESCE(p.monthly_wage_min, 0)', desc: true, valueOf: (p) => p.monthlyWageMin ?? 0, parse: number };
      case 'distance': {
        const lat = query.lat ?? 0;
        const lng = query.lng ?? 0;
        const lngScale = Math.cos((lat * Math.PI) / 180) ** 2;
        qb.setParameters({ lat, lng, lngScale });
        return {
          expr: `COALESCE(${DISTANCE_SQL}, ${NO_DISTANCE})`,
          desc: false,
          valueOf: (_p, computed) => Number(computed),
          parse: number,
        };
      }
      default:
        return {
          expr: 'p.refreshed_at',
          desc: true,
          valueOf: (p) => (p.refreshedAt ?? p.createdAt).toISOString(),
          parse: (v) => {
            const at = new Date(String(v));
            if (Number.isNaN(at.getTime())) decodeCursor('');
            return at;
          },
        };
    }
  }
}

/**
 * What the access policy needs of a post: its employer and its place; with the employer loaded, a household's
 * 村居 (its liaison runs the household's gig days, gig.site).
 */
export function postTarget(post: JobPosting): AccessTarget {
  const householdVillageCode = post.employer?.kind === 'household' ? post.employer.villageCode : null;
  return { employerId: post.employerId, townCode: post.townCode, villageCode: post.villageCode, householdVillageCode };
}

/** Great-circle distance in km, one decimal. */
export function kmBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(6371 * 2 * Math.asin(Math.sqrt(a)) * 10) / 10;
}
