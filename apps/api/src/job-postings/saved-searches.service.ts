import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository, type EntityManager } from 'typeorm';
import { SAVED_SEARCHES_MAX, type SavedSearchItem } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { fieldError } from '../common/errors/field-error';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { ChineseText } from '../common/text/chinese-text';
import { NotificationEvents } from '../notifications/notification-events';
import { Occupation } from '../occupations/entities/occupation.entity';
import { RegionsService } from '../regions/regions.service';
import type { CreateSavedSearchDto } from './dto/saved-search.dto';
import type { JobPosting } from './entities/job-posting.entity';
import { SavedSearch } from './entities/saved-search.entity';
import { PostSearchIndex } from './post-search-index';

const NOT_FOUND = '这条保存的搜索不存在';

/**
 * 有了告诉我: a seeker saves a search (keyword and filters) and hears when a post that matches it is
 * published. Matching a new post uses the same rules as GET /posts (the keyword index and its word
 * expansion, the same filters), so what the notification names is what the search would show.
 */
@Injectable()
export class SavedSearchesService {
  constructor(
    @InjectRepository(SavedSearch) private readonly searches: Repository<SavedSearch>,
    @InjectRepository(Occupation) private readonly occupations: Repository<Occupation>,
    private readonly searchIndex: PostSearchIndex,
    private readonly events: NotificationEvents,
    private readonly regions: RegionsService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthPrincipal): Promise<{ items: SavedSearchItem[] }> {
    const scope = await this.access.scope(user, 'saved_search.manage');
    const rows = await this.searches.find({ where: { userId: scope.kind === 'user' ? scope.userId : user.userId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return { items: await this.toItems(rows) };
  }

  async create(dto: CreateSavedSearchDto, user: AuthPrincipal): Promise<SavedSearchItem> {
    await this.access.require(user, 'saved_search.manage', { ownerUserId: user.userId });
    const q = ChineseText.normalise(dto.q).replace(/\s+/g, ' ').trim();
    if (!q) throw fieldError('q', '请写上要找的工作');
    if (dto.occupationCode && !(await this.occupations.existsBy({ code: dto.occupationCode }))) throw fieldError('occupationCode', '没有这个工种，请从列表中选择');
    const row = Object.assign(new SavedSearch(), {
      id: randomUUID(),
      userId: user.userId,
      q,
      townCode: dto.townCode ?? null,
      occupationCode: dto.occupationCode ?? null,
      type: dto.type ?? null,
      wageMin: dto.wageMin ?? null,
      createdAt: this.clock.now(),
    });
    row.searchKey = searchKeyOf(row);
    if (await this.searches.existsBy({ userId: user.userId, searchKey: row.searchKey })) throw this.already();
    if ((await this.searches.countBy({ userId: user.userId })) >= SAVED_SEARCHES_MAX) {
      throw new ConflictException(`最多保存${SAVED_SEARCHES_MAX}个搜索，请先删掉不用的`);
    }
    try {
      await this.searches.insert(row);
    } catch (e) {
      if (isUniqueViolation(e)) throw this.already();
      throw e;
    }
    return (await this.toItems([row]))[0];
  }

  async remove(id: string, user: AuthPrincipal): Promise<void> {
    const row = await this.searches.findOneBy({ id });
    if (!row) throw new NotFoundException(NOT_FOUND);
    await this.access.require(user, 'saved_search.manage', { ownerUserId: row.userId }, { notFound: NOT_FOUND });
    await this.searches.delete({ id });
  }

  /**
   * A post was just published (inside the caller's transaction): the owners of the saved searches it
   * matches are told, once per post (NotificationEvents.savedSearchesMatched).
   */
  async postPublished(em: EntityManager, post: JobPosting): Promise<void> {
    const qb = em
      .getRepository(SavedSearch)
      .createQueryBuilder('s')
      .where('(s.town_code IS NULL OR s.town_code = :town)', { town: post.townCode })
      .andWhere('(s.type IS NULL OR s.type = :type)', { type: post.type })
      .andWhere('(s.occupation_code IS NULL OR s.occupation_code IN (:...occ))', { occ: [post.occupationCode, post.occupationCode.slice(0, 4)] });
    // As the list's wage filter: a piece rate has no monthly equivalent and meets no floor.
    if (post.monthlyWageMin === null) qb.andWhere('s.wage_min IS NULL');
    else qb.andWhere('(s.wage_min IS NULL OR s.wage_min <= :wage)', { wage: post.monthlyWageMin });
    const candidates = await qb.orderBy('s.created_at', 'ASC').addOrderBy('s.id', 'ASC').getMany();
    if (candidates.length === 0) return;
    const matches = await this.searchIndex.keywordMatcher(post, em);
    const hits: { userId: string; q: string }[] = [];
    for (const s of candidates) if (await matches(s.q)) hits.push({ userId: s.userId, q: s.q });
    if (hits.length) await this.events.savedSearchesMatched(em, post, hits);
  }

  private already(): ConflictException {
    return new ConflictException('这个搜索已经保存过了，有新岗位会告诉您');
  }

  private async toItems(rows: SavedSearch[]): Promise<SavedSearchItem[]> {
    const towns = await this.regions.names(rows.map((r) => r.townCode).filter((c): c is string => !!c));
    const codes = [...new Set(rows.map((r) => r.occupationCode).filter((c): c is string => !!c))];
    const occ = codes.length ? await this.occupations.createQueryBuilder('o').select(['o.code', 'o.name']).where('o.code IN (:...codes)', { codes }).getMany() : [];
    const occNames = new Map(occ.map((o) => [o.code, o.name]));
    return rows.map((r) => ({
      id: r.id,
      q: r.q,
      townCode: r.townCode,
      townName: r.townCode ? (towns.get(r.townCode) ?? null) : null,
      occupationCode: r.occupationCode,
      occupationName: r.occupationCode ? (occNames.get(r.occupationCode) ?? null) : null,
      type: r.type,
      wageMin: r.wageMin,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}

/** Every criterion of a search in one string: the same search saved twice has the same key. */
export function searchKeyOf(s: Pick<SavedSearch, 'q' | 'townCode' | 'occupationCode' | 'type' | 'wageMin'>): string {
  return [s.q, s.townCode ?? '', s.occupationCode ?? '', s.type ?? '', s.wageMin ?? ''].join('|');
}
