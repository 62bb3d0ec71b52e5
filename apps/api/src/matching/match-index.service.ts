import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { ChangeFeed, type Change } from '../common/changes/change-feed';
import { Clock } from '../common/clock';
import { ChineseText } from '../common/text/chinese-text';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { Occupation } from '../occupations/entities/occupation.entity';
import { PROCESS_OPTIONS, type ProcessOptions } from '../process-options';
import { Region } from '../regions/entities/region.entity';
import { Resident } from '../residents/entities/resident.entity';
import type { MatchContext } from './engine/engine';
import type { MatchNames } from './engine/types';
import { SkillVocabulary } from './engine/vocabulary';
import { MatchIndex } from './match-index';
import { ProfileBuilder } from './profiles';

/** Rows read per query when building. */
const BUILD_CHUNK = 5000;
/** How often records changed since the last look are re-read, in case a change message was missed. */
export const CATCH_UP_EVERY_MS = 60_000;

/** The resident columns matching reads: never the name, 身份证号 or phone. */
const RESIDENT_COLUMNS = [
  'id', 'villageCode', 'townCode', 'skills', 'desiredOccupations', 'desiredTownCodes', 'maxCommuteKm',
  'expectedWageMin', 'wageUnit', 'availability', 'keyGroups', 'status', 'personalizedRecommendations', 'updatedAt',
] as const satisfies readonly (keyof Resident)[];
const RESIDENT_SELECT = Object.fromEntries(RESIDENT_COLUMNS.map((c) => [c, true])) as Record<(typeof RESIDENT_COLUMNS)[number], true>;

/**
 * The matching index of this API process: built from the database at start, then kept current by
 * the change feed (every post or resident write publishes its ids; with Redis, other processes' writes
 * arrive too) and, as a safety net, by re-reading whatever changed in the last minute.
 */
@Injectable()
export class MatchIndexService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MatchIndexService.name);
  private index?: MatchIndex;
  private building?: Promise<MatchIndex>;
  private vocabulary?: SkillVocabulary;
  private builder?: ProfileBuilder;
  private names?: MatchNames;
  private lastLook = new Date(0);
  private timer?: NodeJS.Timeout;
  /** Figures of the last build, for the logs and the benchmark. */
  lastBuild = { ms: 0, posts: 0, people: 0 };

  constructor(
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    @InjectRepository(Resident) private readonly residents: Repository<Resident>,
    @InjectRepository(Occupation) private readonly occupations: Repository<Occupation>,
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    @Inject(PROCESS_OPTIONS) private readonly options: ProcessOptions,
    private readonly changes: ChangeFeed,
    private readonly text: ChineseText,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.changes.subscribe((c) => this.apply(c));
    if (this.options.servesHttp === false) return;
    await this.ready();
    this.timer = setInterval(() => void this.catchUp(), CATCH_UP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The index, built on first use. */
  async ready(): Promise<MatchIndex> {
    if (this.index) return this.index;
    this.building ??= this.build();
    return this.building;
  }

  async context(): Promise<MatchContext> {
    await this.ready();
    return { vocabulary: this.vocabulary as SkillVocabulary, names: this.names as MatchNames, now: this.clock.now().getTime() };
  }

  async profiles(): Promise<ProfileBuilder> {
    await this.ready();
    return this.builder as ProfileBuilder;
  }

  private async build(): Promise<MatchIndex> {
    const started = Date.now();
    await this.loadReference();
    const index = new MatchIndex(this.vocabulary as SkillVocabulary);
    this.lastLook = this.clock.now();
    for (const p of await this.openPosts()) index.upsertPost(this.builder!.post(p));
    let after = '';
    for (;;) {
      const rows = await this.residents
        .createQueryBuilder('r')
        .select(RESIDENT_COLUMNS.map((c) => `r.${c}`))
        .where("r.status = 'seeking' AND r.id > :after", { after })
        .orderBy('r.id', 'ASC')
        .take(BUILD_CHUNK)
        .getMany();
      for (const r of rows) this.putPerson(index, r);
      if (rows.length < BUILD_CHUNK) break;
      after = rows[rows.length - 1].id;
    }
    this.index = index;
    this.lastBuild = { ms: Date.now() - started, posts: index.postCount, people: index.peopleCount };
    this.logger.log(`Matching index: ${index.postCount} open posts, ${index.peopleCount} people looking for work, built in ${this.lastBuild.ms} ms`);
    return index;
  }

  private async loadReference(): Promise<void> {
    const occ = await this.occupations.find();
    const leaves = occ.filter((o) => o.level === 'leaf').map((o) => ({ code: o.code, name: o.name, group: o.parentCode ?? o.code.slice(0, 4), synonyms: o.synonyms }));
    this.vocabulary = new SkillVocabulary(leaves);
    this.builder = new ProfileBuilder(this.text, this.vocabulary);
    const occNames = new Map(occ.map((o) => [o.code, o.name]));
    const regionNames = new Map((await this.regions.find({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
    this.names = { occupation: (c) => occNames.get(c), group: (c) => occNames.get(c), region: (c) => regionNames.get(c) };
  }

  private openPosts(ids?: string[]): Promise<JobPosting[]> {
    const qb = this.posts.createQueryBuilder('p').where("p.status = 'published'").andWhere('(p.expires_at IS NULL OR p.expires_at > :now)', { now: this.clock.now() });
    if (ids) qb.andWhere('p.id IN (:...ids)', { ids });
    return qb.getMany();
  }

  /** Re-reads the changed records: open posts and people looking for work go in, the rest go out. */
  private async apply(change: Change): Promise<void> {
    const index = this.index;
    if (!index || change.ids.length === 0 || (change.kind !== 'post' && change.kind !== 'resident')) return;
    if (change.kind === 'post') {
      const open = new Map((await this.openPosts(change.ids)).map((p) => [p.id, p]));
      for (const id of change.ids) {
        const row = open.get(id);
        if (row) index.upsertPost(this.builder!.post(row));
        else index.removePost(id);
      }
    } else {
      const rows = new Map((await this.residents.find({ where: { id: In(change.ids) }, select: RESIDENT_SELECT })).map((r) => [r.id, r]));
      for (const id of change.ids) {
        const row = rows.get(id);
        if (row) this.putPerson(index, row);
        else index.removePerson(id);
      }
    }
  }

  /** A person who switched personalised recommendations off is not offered to employers either. */
  private putPerson(index: MatchIndex, row: Resident): void {
    if (row.personalizedRecommendations) index.upsertPerson(this.builder!.resident(row));
    else index.removePerson(row.id);
  }

  /** The safety net: whatever changed since the last look (posts that expired drop out at query time anyway). */
  async catchUp(): Promise<void> {
    if (!this.index) return;
    const since = new Date(this.lastLook.getTime() - 5_000);
    this.lastLook = this.clock.now();
    try {
      const posts = await this.posts.find({ where: { updatedAt: MoreThan(since) }, select: { id: true } });
      const people = await this.residents.find({ where: { updatedAt: MoreThan(since) }, select: { id: true } });
      await this.apply({ kind: 'post', ids: posts.map((p) => p.id) });
      await this.apply({ kind: 'resident', ids: people.map((r) => r.id) });
    } catch (e) {
      this.logger.warn(`catch-up failed: ${String(e)}`);
    }
  }
}
