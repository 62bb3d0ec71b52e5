import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { JobPostingItem } from '@zaogong/shared';
import { ChangeFeed } from '../common/changes/change-feed';
import { Clock } from '../common/clock';
import { JobPosting } from './entities/job-posting.entity';
import { JobPostingsService } from './job-postings.service';

/** How long an item is served at most (a change of the post itself drops it at once: this bounds an employer's rename). */
export const POST_ITEM_TTL_MS = 120_000;
/** Items kept per process (a post's item is about 2 KB: 20 MB at most). */
export const POST_ITEMS_MAX = 10_000;

/**
 * Posts as everyone may see them (JobPostingItem without the employer's own fields), by id, kept in this
 * process's memory: the matching routes show the same open posts to many people, and reading them again (a
 * query with the employer joined, one for the photos) cost more than ranking them (issue 17). A change of a
 * post heard on the change feed — from this process, or through Redis from another — drops its item at once
 * (a change of places drops them all); anything else that shows on an item (an employer's name) within
 * POST_ITEM_TTL_MS. Least recently used first out past POST_ITEMS_MAX.
 */
@Injectable()
export class PublicPostItems {
  private readonly items = new Map<string, { item: JobPostingItem; expiresAt: number }>();
  /** Bumped by every change: items read while one came are not kept. */
  private generation = 0;

  constructor(
    @InjectRepository(JobPosting) private readonly posts: Repository<JobPosting>,
    private readonly reader: JobPostingsService,
    private readonly clock: Clock,
    changes: ChangeFeed,
  ) {
    changes.subscribe((c) => {
      if (c.kind !== 'post' && c.kind !== 'region') return;
      this.generation++;
      if (c.kind === 'region') this.items.clear();
      else for (const id of c.ids) this.items.delete(id);
    });
  }

  /** id → item of those of `ids` that exist (in any state: callers decide what they show). */
  async get(ids: string[]): Promise<Map<string, JobPostingItem>> {
    const out = new Map<string, JobPostingItem>();
    const now = this.clock.now().getTime();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const kept = this.items.get(id);
      if (kept && kept.expiresAt > now) {
        // Most recently used last.
        this.items.delete(id);
        this.items.set(id, kept);
        out.set(id, kept.item);
      } else missing.push(id);
    }
    if (missing.length === 0) return out;
    const generation = this.generation;
    const rows = await this.posts.find({ where: { id: In(missing) }, relations: { employer: true } });
    const loaded = await this.reader.toItems(rows, false);
    const keep = generation === this.generation;
    for (const item of loaded) {
      out.set(item.id, item);
      if (keep) this.items.set(item.id, { item, expiresAt: now + POST_ITEM_TTL_MS });
    }
    for (const id of this.items.keys()) {
      if (this.items.size <= POST_ITEMS_MAX) break;
      this.items.delete(id);
    }
    return out;
  }
}
