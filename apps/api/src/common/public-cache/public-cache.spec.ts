import type { Change } from '../changes/change-feed';
import type { ChangeFeed } from '../changes/change-feed';
import type { Clock } from '../clock';
import { PUBLIC_CACHE_MAX_BYTES, PUBLIC_CACHE_MAX_ENTRIES, PublicCache } from './public-cache';

/** A change feed whose changes the test sends, and a clock the test moves. */
function setup() {
  let listener: ((c: Change) => void) | undefined;
  const feed = { subscribe: (l: (c: Change) => void) => (listener = l) } as unknown as ChangeFeed;
  let now = 1_000_000;
  const clock = { now: () => new Date(now) } as Clock;
  const cache = new PublicCache(feed, clock);
  return { cache, send: (c: Change) => listener?.(c), advance: (ms: number) => (now += ms) };
}
const answer = (body: string) => ({ body, headers: { 'content-type': 'application/json; charset=utf-8' } });

describe('PublicCache', () => {
  it('serves a kept answer until its time is up', () => {
    const { cache, advance } = setup();
    expect(cache.store('k', 'posts', cache.generation('posts'), 30_000, answer('{"a":1}'))).toBe(true);
    expect(cache.get('k')?.body).toBe('{"a":1}');
    advance(29_999);
    expect(cache.get('k')).toBeDefined();
    advance(1);
    expect(cache.get('k')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 2, misses: 1 });
  });

  it('drops the namespaces a change touches, at once, and no other', () => {
    const { cache, send } = setup();
    cache.store('p', 'posts', 0, 30_000, answer('p'));
    cache.store('r', 'regions', 0, 30_000, answer('r'));
    cache.store('o', 'occupations', 0, 30_000, answer('o'));
    send({ kind: 'resident', ids: ['x'] });
    expect(cache.stats().entries).toBe(3);
    send({ kind: 'post', ids: ['x'] });
    expect(cache.get('p')).toBeUndefined();
    expect(cache.get('r')?.body).toBe('r');
    cache.store('p', 'posts', cache.generation('posts'), 30_000, answer('p2'));
    send({ kind: 'region', ids: ['370406103'] });
    expect(cache.get('p')).toBeUndefined();
    expect(cache.get('r')).toBeUndefined();
    expect(cache.get('o')?.body).toBe('o');
  });

  it('refuses an answer computed while a change came (its generation is old)', () => {
    const { cache, send } = setup();
    const generation = cache.generation('posts');
    send({ kind: 'post', ids: ['x'] });
    expect(cache.store('p', 'posts', generation, 30_000, answer('stale'))).toBe(false);
    expect(cache.get('p')).toBeUndefined();
  });

  it('lets the least recently used go first past its bound', () => {
    const { cache } = setup();
    for (let i = 0; i < PUBLIC_CACHE_MAX_ENTRIES; i++) cache.store(`k${i}`, 'posts', 0, 30_000, answer(String(i)));
    expect(cache.get('k0')?.body).toBe('0'); // k0 is now the most recently used
    cache.store('new', 'posts', 0, 30_000, answer('n'));
    expect(cache.stats().entries).toBe(PUBLIC_CACHE_MAX_ENTRIES);
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k0')?.body).toBe('0');
    expect(cache.get('new')?.body).toBe('n');
  });

  it('does not keep an answer too large for it', () => {
    const { cache } = setup();
    // An answer is counted at 2 bytes a character; one over a quarter of the budget is refused.
    expect(cache.store('big', 'posts', 0, 30_000, answer('x'.repeat(PUBLIC_CACHE_MAX_BYTES / 8 + 1)))).toBe(false);
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('keeps an answer only until it stops being true, when that comes before its time is up', () => {
    const { cache, advance } = setup();
    const now = 1_000_000;
    expect(cache.store('k', 'posts', 0, 30_000, answer('p'), now + 5_000)).toBe(true);
    advance(4_999);
    expect(cache.get('k')).toBeDefined();
    advance(1);
    expect(cache.get('k')).toBeUndefined();
    expect(cache.store('late', 'posts', 0, 30_000, answer('p'), now)).toBe(false);
  });
});
