import { Injectable } from '@nestjs/common';
import { ChangeFeed, type Change } from '../changes/change-feed';
import { Clock } from '../clock';
import type { PublicCacheNamespace } from './public-cache-routes';

/** An answer as it was sent: the serialised body and the headers that describe it. */
export interface CachedAnswer {
  body: string;
  headers: Readonly<Record<string, string>>;
}

interface Entry extends CachedAnswer {
  namespace: PublicCacheNamespace;
  expiresAt: number;
  bytes: number;
}

/** At most this many answers per process (room for every post of the district, ~2,000, and the pages besides) … */
export const PUBLIC_CACHE_MAX_ENTRIES = 5000;
/** … and this many bytes of them (a page of 20 posts is about 17 KB, one post about 1.5 KB). */
export const PUBLIC_CACHE_MAX_BYTES = 32 * 1024 * 1024;

/** Which namespaces a change empties. */
const DROPPED_BY: Partial<Record<Change['kind'], PublicCacheNamespace[]>> = {
  post: ['posts'],
  // A place's centre moves its posts' points too (region-centres.service refreshes them).
  region: ['regions', 'posts'],
};

/**
 * Answers to anonymous GETs that every visitor asks the same way, kept in this process's memory
 * (docs/business-logic/public-cache.md): least recently used first out past PUBLIC_CACHE_MAX_ENTRIES or
 * PUBLIC_CACHE_MAX_BYTES, each for at most its route's TTL. A change of posts (or of places) heard on the
 * change feed, from this process or through Redis from another, empties the namespaces it touches at once.
 *
 * An answer is stored only if no change reached its namespace while it was being computed: `generation()` is
 * read when the request comes in and handed back to `store()`, which refuses a stale one.
 */
@Injectable()
export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<PublicCacheNamespace, number>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    changes: ChangeFeed,
    private readonly clock: Clock,
  ) {
    changes.subscribe((c) => {
      for (const ns of DROPPED_BY[c.kind] ?? []) this.drop(ns);
    });
  }

  /** The answer for this key, if one is kept and not expired. */
  get(key: string): CachedAnswer | undefined {
    const e = this.entries.get(key);
    if (!e) {
      this.misses++;
      return undefined;
    }
    if (e.expiresAt <= this.clock.now().getTime()) {
      this.remove(key, e);
      this.misses++;
      return undefined;
    }
    // Most recently used last: the oldest is the first the map iterates.
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e;
  }

  /** The namespace's current generation: read before computing an answer, handed to store(). */
  generation(namespace: PublicCacheNamespace): number {
    return this.generations.get(namespace) ?? 0;
  }

  /**
   * Keeps an answer computed while the namespace was at `generation`, for `ttlMs` or until `validUntil` (epoch
   * ms) if sooner; false when a change came meanwhile (or it is too large, or already out of date).
   */
  store(key: string, namespace: PublicCacheNamespace, generation: number, ttlMs: number, answer: CachedAnswer, validUntil?: number | null): boolean {
    if (generation !== this.generation(namespace)) return false;
    const bytes = answer.body.length * 2 + key.length * 2;
    if (bytes > PUBLIC_CACHE_MAX_BYTES / 4) return false;
    const now = this.clock.now().getTime();
    const expiresAt = Math.min(now + ttlMs, validUntil ?? Infinity);
    if (expiresAt <= now) return false;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { ...answer, namespace, expiresAt, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= PUBLIC_CACHE_MAX_ENTRIES && this.bytes <= PUBLIC_CACHE_MAX_BYTES) break;
      this.remove(k, e);
    }
    return true;
  }

  /** Forgets every answer of a namespace; answers being computed meanwhile are not kept. */
  drop(namespace: PublicCacheNamespace): void {
    this.generations.set(namespace, this.generation(namespace) + 1);
    for (const [k, e] of this.entries) if (e.namespace === namespace) this.remove(k, e);
  }

  /** Entries, bytes, hits and misses since the start (for benchmarks and tests). */
  stats(): { entries: number; bytes: number; hits: number; misses: number } {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }

  private remove(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }
}
