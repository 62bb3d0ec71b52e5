import { API_BASE_PATH } from '@zaogong/shared';

/** What a cached answer belongs to: dropping a namespace drops all its answers. */
export type PublicCacheNamespace = 'posts' | 'regions' | 'occupations' | 'public-stats';

interface RouteRule {
  namespace: PublicCacheNamespace;
  /** How long an answer is served at most (the change feed drops posts and regions sooner). */
  ttlMs: number;
  /** The query parameters the route takes; any other one leaves the request to the route (its 400). */
  params: ReadonlySet<string>;
  /** Parameters that make an answer one person's, or a page past the first: never cached. */
  uncached?: ReadonlySet<string>;
  /** A parameter's value as the cache key holds it, or null when the request is not to be cached. */
  normalise?: (name: string, value: string) => string | null;
  /** When an answer stops being true by itself (epoch ms), read from its body; null for not before its TTL. */
  validUntil?: (body: string) => number | null;
}

type WithExpiry = { expiresAt?: string | null };

/**
 * The earliest `expiresAt` of a page of posts (or of one post): the answer must not outlive a post that goes off
 * the list then.
 */
function firstExpiry(body: string): number | null {
  let first: number | null = null;
  try {
    const parsed = JSON.parse(body) as WithExpiry & { items?: WithExpiry[] };
    for (const item of parsed.items ?? [parsed]) {
      const at = item.expiresAt ? Date.parse(item.expiresAt) : NaN;
      if (!Number.isNaN(at) && (first === null || at < first)) first = at;
    }
  } catch {
    return null;
  }
  return first;
}

/** The longest keyword the posts route takes (JobPostingQueryDto.q): a longer one is the route's 400. */
const POSTS_Q_MAX = 30;

const set = (...names: string[]) => new Set(names);

/**
 * One post as everyone sees it: `GET /posts/:id`, the id as the API writes it (lower-case UUID). Kept longer than
 * a page (2,000 posts asked one by one would mostly miss in 30 s): every change of a post drops it at once through
 * the change feed, so the time bounds only what is not on it (an employer renaming itself).
 */
const POST_DETAIL = new RegExp(`^${API_BASE_PATH}/posts/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);
const POST_DETAIL_RULE: RouteRule = { namespace: 'posts', ttlMs: 120_000, params: set(), validUntil: firstExpiry };

/**
 * The anonymous GETs every visitor asks the same way (docs/business-logic/public-cache.md): the first pages of
 * the public post list, the regions, the occupations, the public statistics (and each post: POST_DETAIL).
 * Keyed by the full path.
 */
const RULES = new Map<string, RouteRule>([
  [
    `${API_BASE_PATH}/posts`,
    {
      namespace: 'posts',
      ttlMs: 30_000,
      params: set('q', 'townCode', 'occupationCode', 'type', 'wageMin', 'benefits', 'sort', 'limit', 'cursor', 'lat', 'lng'),
      // Later pages are asked far less, and a location is one person's.
      uncached: set('cursor', 'lat', 'lng'),
      // The route trims the keyword and reads an empty one as none: so does the key (dropped when empty).
      normalise: (name, value) => (name === 'q' ? (value.length > POSTS_Q_MAX ? null : value.trim()) : value),
      // A post whose time is up leaves the list then, not up to 30 s later.
      validUntil: firstExpiry,
    },
  ],
  [`${API_BASE_PATH}/regions`, { namespace: 'regions', ttlMs: 60_000, params: set('parent') }],
  [`${API_BASE_PATH}/occupations`, { namespace: 'occupations', ttlMs: 300_000, params: set('q', 'group', 'limit') }],
  // The service computes the figures once per 5 minutes; this keeps its serialised answer a little while.
  [`${API_BASE_PATH}/public/stats`, { namespace: 'public-stats', ttlMs: 30_000, params: set('year') }],
]);

export interface PublicCacheKey {
  key: string;
  namespace: PublicCacheNamespace;
  ttlMs: number;
  validUntil?: (body: string) => number | null;
}

/**
 * The cache key of an anonymous GET (`url` as sent: path and query string), or null when the answer must come
 * from the route: another path, a parameter the route does not take or that makes the answer personal or a
 * later page, a parameter given twice, a query string that does not decode. Parameters are decoded and
 * sorted, so `?a=1&b=2` and `?b=2&a=1` share an answer; otherwise the key holds each value as sent (an empty
 * one too: some routes refuse it), save what a rule normalises.
 */
export function publicCacheKey(url: string): PublicCacheKey | null {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const rule = RULES.get(path) ?? (POST_DETAIL.test(path) ? POST_DETAIL_RULE : undefined);
  if (!rule) return null;
  const parts: string[] = [];
  if (q !== -1 && q < url.length - 1) {
    let params: URLSearchParams;
    try {
      // URLSearchParams replaces a malformed escape instead of failing: the route would read it otherwise.
      if (/%(?![0-9a-f]{2})/i.test(url.slice(q + 1))) return null;
      params = new URLSearchParams(url.slice(q + 1));
    } catch {
      return null;
    }
    const seen = new Set<string>();
    for (const [name, raw] of params) {
      if (!rule.params.has(name) || rule.uncached?.has(name) || seen.has(name)) return null;
      seen.add(name);
      const value = rule.normalise ? rule.normalise(name, raw) : raw;
      if (value === null) return null;
      if (name === 'q' && value === '') continue;
      parts.push(`${name}=${encodeURIComponent(value)}`);
    }
  }
  parts.sort();
  return { key: `${path}?${parts.join('&')}`, namespace: rule.namespace, ttlMs: rule.ttlMs, ...(rule.validUntil ? { validUntil: rule.validUntil } : {}) };
}
