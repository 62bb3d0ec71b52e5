/// <reference types="jest" />
import { addItem, flushItems, itemsOf, removeItem, singleFlight, type OutboxItem, type OutboxStore, type SendOutcome } from './outbox-core';

function memoryStore(): OutboxStore & { items: OutboxItem[] } {
  const s = {
    items: [] as OutboxItem[],
    load: () => JSON.parse(JSON.stringify(s.items)) as OutboxItem[],
    save: (items: OutboxItem[]) => {
      s.items = JSON.parse(JSON.stringify(items)) as OutboxItem[];
    },
  };
  return s;
}

const item = (id: string, owner = 'u1'): OutboxItem => ({
  id,
  kind: 'resident',
  owner,
  method: 'POST',
  path: '/residents',
  body: { name: id },
  label: `登记居民：${id}`,
  at: '2026-12-07T08:00:00.000Z',
});

describe('outbox core', () => {
  it('keeps items per account, oldest first, and replaces one added again with the same key', () => {
    const s = memoryStore();
    addItem(s, item('a'));
    addItem(s, item('b', 'u2'));
    addItem(s, item('c'));
    addItem(s, { ...item('a'), label: 'again' });
    expect(itemsOf(s, 'u1').map((i) => i.id)).toEqual(['c', 'a']);
    expect(itemsOf(s, 'u2').map((i) => i.id)).toEqual(['b']);
    expect(itemsOf(s, null)).toEqual([]);
    expect(removeItem(s, 'c')?.id).toBe('c');
    expect(itemsOf(s, 'u1').map((i) => i.id)).toEqual(['a']);
  });

  it('sends each item with its own id (the Idempotency-Key) and drops only what was sent', async () => {
    const s = memoryStore();
    addItem(s, item('a'));
    addItem(s, item('b'));
    addItem(s, item('x', 'u2'));
    const keys: string[] = [];
    const res = await flushItems(s, 'u1', async (i) => {
      keys.push(i.id);
      return { result: 'sent' };
    });
    expect(keys).toEqual(['a', 'b']);
    expect(res.sent.map((i) => i.id)).toEqual(['a', 'b']);
    expect(s.items.map((i) => i.id)).toEqual(['x']);
  });

  it('stops at no network and keeps everything not sent, for the next round', async () => {
    const s = memoryStore();
    addItem(s, item('a'));
    addItem(s, item('b'));
    addItem(s, item('c'));
    const tried: string[] = [];
    const res = await flushItems(s, 'u1', async (i): Promise<SendOutcome> => {
      tried.push(i.id);
      return i.id === 'b' ? { result: 'offline' } : { result: 'sent' };
    });
    expect(tried).toEqual(['a', 'b']);
    expect(res.offline).toBe(true);
    expect(s.items.map((i) => i.id)).toEqual(['b', 'c']);
    // A thrown error counts as no network too: nothing is lost.
    const again = await flushItems(s, 'u1', () => Promise.reject(new Error('boom')));
    expect(again.offline).toBe(true);
    expect(s.items.map((i) => i.id)).toEqual(['b', 'c']);
  });

  it('marks a refused item, keeps it, and does not send it again by itself', async () => {
    const s = memoryStore();
    addItem(s, item('a'));
    addItem(s, item('b'));
    const res = await flushItems(s, 'u1', async (i): Promise<SendOutcome> => (i.id === 'a' ? { result: 'refused', message: '这个身份证号已经登记过了' } : { result: 'sent' }));
    expect(res.refused.map((i) => i.refused)).toEqual(['这个身份证号已经登记过了']);
    expect(s.items).toHaveLength(1);
    expect(s.items[0]).toMatchObject({ id: 'a', refused: '这个身份证号已经登记过了' });
    const send = jest.fn(async (): Promise<SendOutcome> => ({ result: 'sent' }));
    await flushItems(s, 'u1', send);
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps an item added while a round is under way', async () => {
    const s = memoryStore();
    addItem(s, item('a'));
    await flushItems(s, 'u1', async () => {
      addItem(s, item('late'));
      return { result: 'sent' };
    });
    expect(s.items.map((i) => i.id)).toEqual(['late']);
  });

  it('runs one round at a time', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const flush = singleFlight(async () => {
      runs++;
      await new Promise<void>((r) => (release = r));
    });
    const first = flush();
    const second = flush();
    expect(second).toBe(first);
    release();
    await first;
    expect(runs).toBe(1);
    const third = flush();
    release();
    await third;
    expect(runs).toBe(2);
  });
});
