import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '../common/sql/escape-like';
import { ChineseText } from '../common/text/chinese-text';
import { Occupation } from '../occupations/entities/occupation.entity';
import { RegionsService } from '../regions/regions.service';
import { JobPosting } from './entities/job-posting.entity';
import { PostSearchTerm } from './entities/post-search-term.entity';

/** Rows per INSERT when indexing many posts. */
const INSERT_CHUNK = 500;

/**
 * The keyword index of posts (post_search_terms). Each post is indexed under the segmented words of
 * its title, description and skills, its occupation's name and synonyms (so 焊工, 电焊 and 电焊工 all
 * find a 电焊工 post), and its 镇街 and 村居 names. A query matches a post when every query word is
 * one of its terms. Works the same on MySQL, MariaDB and SQLite, and uses the (term, post_id) key
 * instead of scanning text, which MariaDB's full-text index cannot do for Chinese.
 */
@Injectable()
export class PostSearchIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger(PostSearchIndex.name);

  constructor(
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Occupation) private readonly occupations: Repository<Occupation>,
    private readonly text: ChineseText,
    private readonly regions: RegionsService,
  ) {}

  /** Posts written without the index (seeds, earlier versions) are indexed at start. */
  async onApplicationBootstrap(): Promise<void> {
    const missing = await this.posts
      .createQueryBuilder('p')
      .where('NOT EXISTS (SELECT 1 FROM post_search_terms t WHERE t.post_id = p.id)')
      .getMany();
    if (missing.length === 0) return;
    await this.index(missing);
    this.logger.log(`Indexed ${missing.length} posts for keyword search`);
  }

  /** Replaces the terms of these posts, inside the caller's transaction when given one. */
  async index(posts: JobPosting[], em?: EntityManager): Promise<void> {
    for (let i = 0; i < posts.length; i += INSERT_CHUNK) await this.indexChunk(posts.slice(i, i + INSERT_CHUNK), em);
  }

  private async indexChunk(posts: JobPosting[], em?: EntityManager): Promise<void> {
    if (posts.length === 0) return;
    const repo = (em ?? this.posts.manager).getRepository(PostSearchTerm);
    const occupationWords = await this.occupationWords(posts.map((p) => p.occupationCode));
    const placeNames = await this.regions.names(posts.flatMap((p) => [p.townCode, p.villageCode ?? '']).filter(Boolean));
    const rows: PostSearchTerm[] = [];
    for (const p of posts) {
      const places = [placeNames.get(p.townCode), p.villageCode ? placeNames.get(p.villageCode) : undefined].filter((n): n is string => !!n);
      const terms = this.text.indexTerms([p.title, p.description, ...p.skills, ...(occupationWords.get(p.occupationCode) ?? []), ...places]);
      for (const term of terms) rows.push(Object.assign(new PostSearchTerm(), { term, postId: p.id }));
    }
    await repo.createQueryBuilder().delete().where('post_id IN (:...ids)', { ids: posts.map((p) => p.id) }).execute();
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) await repo.insert(rows.slice(i, i + INSERT_CHUNK));
  }

  /**
   * Restricts a query over posts (alias `p`) to those matching the keywords. Each query word must
   * be a term of the post; a query with no indexable word (one character, only stopwords) falls back
   * to a text scan of titles and descriptions.
   */
  applyKeyword(qb: SelectQueryBuilder<JobPosting>, q: string): void {
    const words = this.text.queryTerms(q);
    if (words.length === 0) {
      const like = `%${escapeLike(q.trim())}%`;
      qb.andWhere(new Brackets((w) => w.where("p.title LIKE :kwLike ESCAPE '!'", { kwLike: like }).orWhere("p.description LIKE :kwLike ESCAPE '!'", { kwLike: like })));
      return;
    }
    words.forEach((word, i) => {
      qb.andWhere(`p.id IN (SELECT t${i}.post_id FROM post_search_terms t${i} WHERE t${i}.term = :kw${i})`, { [`kw${i}`]: word });
    });
  }

  private async occupationWords(codes: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await this.occupations.createQueryBuilder('o').where('o.code IN (:...codes)', { codes: unique }).getMany();
    return new Map(rows.map((o) => [o.code, [o.name, ...o.synonyms]]));
  }
}
