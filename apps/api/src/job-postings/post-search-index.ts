import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository, type SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '../common/sql/escape-like';
import { ChineseText } from '../common/text/chinese-text';
import { Occupation } from '../occupations/entities/occupation.entity';
import { RegionsService } from '../regions/regions.service';
import { JobPosting } from './entities/job-posting.entity';
import { PostSearchTerm } from './entities/post-search-term.entity';
import { SearchWords } from './search-words';

/** Rows per INSERT when indexing many posts. */
const INSERT_CHUNK = 500;
/** Longest term the index holds (ChineseText cuts to it). */
const MAX_TERM = 32;

/**
 * The keyword index of posts (post_search_terms). Each post is indexed under the segmented words of
 * its title, description and skills, its occupation's name and synonyms (so 焊工, 电焊 and 电焊工 all
 * find a 电焊工 post), and its 镇街 and 村居 names. A query matches a post when every query word is
 * one of its terms, or a word that query word stands for (电焊 also finds 氩弧焊工 posts: see
 * SearchWords). Works the same on MySQL, MariaDB and SQLite, and uses the (term, post_id) key
 * instead of scanning text, which MariaDB's full-text index cannot do for Chinese.
 */
@Injectable()
export class PostSearchIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger(PostSearchIndex.name);
  private words?: Promise<SearchWords>;

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
   * be a term of the post, or one of the words it stands for (SearchWords.expand: 电焊 also finds
   * posts indexed under 电焊工 and 焊工); a query with no indexable word (one character, only
   * stopwords) falls back to a text scan of titles and descriptions.
   */
  async applyKeyword(qb: SelectQueryBuilder<JobPosting>, q: string): Promise<void> {
    const words = await this.keywordTerms(q);
    if (words.length === 0) {
      const like = `%${escapeLike(q.trim())}%`;
      qb.andWhere(new Brackets((w) => w.where("p.title LIKE :kwLike ESCAPE '!'", { kwLike: like }).orWhere("p.description LIKE :kwLike ESCAPE '!'", { kwLike: like })));
      return;
    }
    words.forEach((alternatives, i) => {
      qb.andWhere(`p.id IN (SELECT t${i}.post_id FROM post_search_terms t${i} WHERE t${i}.term IN (:...kw${i}))`, { [`kw${i}`]: alternatives });
    });
  }

  /**
   * Whether one post matches keyword queries, the same way applyKeyword decides, without a query
   * per keyword: reads the post's terms once (inside the caller's transaction when given one).
   */
  async keywordMatcher(post: Pick<JobPosting, 'id' | 'title' | 'description'>, em?: EntityManager): Promise<(q: string) => Promise<boolean>> {
    const rows = await (em ?? this.posts.manager).getRepository(PostSearchTerm).find({ where: { postId: post.id }, select: { term: true } });
    const terms = new Set(rows.map((r) => r.term));
    const text = ChineseText.normalise(`${post.title}\n${post.description}`);
    return async (q: string) => {
      const words = await this.keywordTerms(q);
      if (words.length === 0) return text.includes(ChineseText.normalise(q.trim()));
      return words.every((alternatives) => alternatives.some((t) => terms.has(t)));
    };
  }

  /** Each word of a query with the index terms that stand for it. */
  private async keywordTerms(q: string): Promise<string[][]> {
    const words = await this.searchWords();
    return this.text.queryTerms(q).map((w) => words.expand(w).map((t) => t.slice(0, MAX_TERM)));
  }

  /**
   * Queries the person may have meant, nearest first: catalogue words near the whole query
   * (SearchWords.nearWords: 电焊师傅 → 电焊), and for a query of several words, each word's near
   * words put in its place (焊宫 桑村 → 焊工 桑村). The caller keeps those that find more.
   */
  async nearQueries(q: string, limit: number): Promise<string[]> {
    const words = await this.searchWords();
    const whole = ChineseText.normalise(q).replace(/\s+/g, '');
    const out = words.nearWords(whole, limit).map((n) => ({ query: n.word, closeness: n.closeness }));
    const typed = this.text.queryTerms(q);
    if (typed.length > 1) {
      typed.forEach((word, i) => {
        for (const near of words.nearWords(word, limit)) out.push({ query: typed.map((w, j) => (j === i ? near.word : w)).join(' '), closeness: near.closeness });
      });
    }
    const queries = new Set<string>();
    for (const o of out.sort((a, b) => a.closeness - b.closeness)) queries.add(o.query);
    return [...queries].slice(0, limit);
  }

  /** The catalogue's words. Occupations are reference data, seeded before the first request: read once. */
  private searchWords(): Promise<SearchWords> {
    this.words ??= this.occupations
      .find({ where: { level: 'leaf' }, select: { code: true, name: true, parentCode: true, synonyms: true } })
      .then((rows) => {
        if (rows.length === 0) this.words = undefined; // not seeded yet: read again next time
        return new SearchWords(rows.map((o) => ({ code: o.code, name: o.name, group: o.parentCode ?? o.code.slice(0, 4), synonyms: o.synonyms })));
      })
      .catch((e: unknown) => {
        this.words = undefined;
        throw e;
      });
    return this.words;
  }

  private async occupationWords(codes: string[]): Promise<Map<string, string[]>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    const rows = await this.occupations.createQueryBuilder('o').where('o.code IN (:...codes)', { codes: unique }).getMany();
    return new Map(rows.map((o) => [o.code, [o.name, ...o.synonyms]]));
  }
}
