import type { Repository } from 'typeorm';
import type { JobPostingItem } from '@zaogong/shared';
import type { Change, ChangeFeed } from '../common/changes/change-feed';
import type { Clock } from '../common/clock';
import type { JobPosting } from './entities/job-posting.entity';
import type { JobPostingsService } from './job-postings.service';
import { POST_ITEM_TTL_MS, PublicPostItems } from './public-post-items';

/** Strict fakes: a posts table of titles, the item maker, a feed the test sends on, a clock it moves. */
function setup() {
  const titles = new Map([
    ['p1', '电焊工'],
    ['p2', '叉车司机'],
  ]);
  const reads: string[][] = [];
  let duringRead: (() => void) | undefined;
  const posts = {
    find: async ({ where }: { where: { id: { value: string[] } } }) => {
      const ids = where.id.value;
      reads.push([...ids]);
      duringRead?.();
      return ids.filter((id) => titles.has(id)).map((id) => ({ id, title: titles.get(id) }));
    },
  } as unknown as Repository<JobPosting>;
  const reader = { toItems: async (rows: { id: string; title: string }[]) => rows.map((r) => ({ id: r.id, title: r.title }) as JobPostingItem) } as unknown as JobPostingsService;
  let listener: ((c: Change) => void) | undefined;
  const feed = { subscribe: (l: (c: Change) => void) => (listener = l) } as unknown as ChangeFeed;
  let now = 0;
  const clock = { now: () => new Date(now) } as Clock;
  const items = new PublicPostItems(posts, reader, clock, feed);
  const titleOf = async (id: string) => (await items.get([id])).get(id)?.title;
  return { items, titles, reads, titleOf, send: (c: Change) => listener?.(c), advance: (ms: number) => (now += ms), onRead: (f?: () => void) => (duringRead = f) };
}

describe('PublicPostItems', () => {
  it('reads each post once, then serves it from memory until its time is up', async () => {
    const s = setup();
    expect([...(await s.items.get(['p1', 'p2', 'p3'])).keys()]).toEqual(['p1', 'p2']);
    expect(await s.titleOf('p1')).toBe('电焊工');
    expect(s.reads).toEqual([['p1', 'p2', 'p3']]);
    s.advance(POST_ITEM_TTL_MS);
    expect(await s.titleOf('p1')).toBe('电焊工');
    expect(s.reads).toEqual([['p1', 'p2', 'p3'], ['p1']]);
  });

  it('drops a post’s item when the feed says it changed, and only that one', async () => {
    const s = setup();
    await s.items.get(['p1', 'p2']);
    s.titles.set('p1', '氩弧焊工');
    s.send({ kind: 'post', ids: ['p1'] });
    expect(await s.titleOf('p1')).toBe('氩弧焊工');
    expect(await s.titleOf('p2')).toBe('叉车司机');
    expect(s.reads).toEqual([['p1', 'p2'], ['p1']]);
    s.send({ kind: 'region', ids: ['370406103'] });
    await s.items.get(['p1', 'p2']);
    expect(s.reads.at(-1)).toEqual(['p1', 'p2']);
  });

  it('does not keep what it read while a change came', async () => {
    const s = setup();
    s.onRead(() => s.send({ kind: 'post', ids: ['p2'] }));
    await s.items.get(['p1']);
    s.onRead(undefined);
    await s.items.get(['p1']);
    expect(s.reads).toEqual([['p1'], ['p1']]);
  });
});
