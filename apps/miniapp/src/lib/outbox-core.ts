/**
 * 待发送: writes made while there was no network, kept on the phone and sent when it comes back. This
 * file is the part with no Taro in it (storage and sending are passed in), so it can be tested alone;
 * lib/outbox.ts wires it to Taro storage, the network events and the API client.
 */

/** What was done, to show in the 待发送 list. */
export type OutboxKind = 'resident' | 'post';

export interface OutboxItem {
  /** Also the Idempotency-Key of every try: the API makes the record once however often it arrives. */
  id: string;
  kind: OutboxKind;
  /** The account that made it: only that account's session sends it. */
  owner: string;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: unknown;
  /** A short line for the list, e.g. 登记居民：韩春梅. */
  label: string;
  /** When it was made (ISO). */
  at: string;
  /** The storage key of the form's draft, dropped once this is sent. */
  draftKey?: string;
  /** The API refused it (not a network failure): why, in its own words. Kept until the person removes it. */
  refused?: string;
}

/** Where the list lives (Taro storage in the app, a plain variable in tests). */
export interface OutboxStore {
  load(): OutboxItem[];
  save(items: OutboxItem[]): void;
}

/**
 * How one send went: 'sent' (or already made earlier with this key), 'offline' (no answer: stop and try
 * everything again later), or refused with the API's message (kept, marked, never sent again by itself).
 */
export type SendOutcome = { result: 'sent' } | { result: 'offline' } | { result: 'refused'; message: string };

export function addItem(store: OutboxStore, item: OutboxItem): void {
  const items = store.load().filter((i) => i.id !== item.id);
  store.save([...items, item]);
}

export function removeItem(store: OutboxStore, id: string): OutboxItem | undefined {
  const items = store.load();
  const found = items.find((i) => i.id === id);
  store.save(items.filter((i) => i.id !== id));
  return found;
}

/** The account's items, oldest first. */
export function itemsOf(store: OutboxStore, owner: string | null | undefined): OutboxItem[] {
  if (!owner) return [];
  return store.load().filter((i) => i.owner === owner);
}

export interface FlushResult {
  sent: OutboxItem[];
  refused: OutboxItem[];
  /** Stopped at a send that found no network (the rest were not tried). */
  offline: boolean;
}

/**
 * Sends the account's waiting items one by one, oldest first. A sent item leaves the list (and the
 * caller drops its draft); a refused one stays, marked, for the person to see; no network stops the
 * round. The list is re-read after every send, so an item added meanwhile is kept.
 */
export async function flushItems(store: OutboxStore, owner: string, send: (item: OutboxItem) => Promise<SendOutcome>): Promise<FlushResult> {
  const out: FlushResult = { sent: [], refused: [], offline: false };
  const pending = itemsOf(store, owner).filter((i) => !i.refused);
  for (const item of pending) {
    let outcome: SendOutcome;
    try {
      outcome = await send(item);
    } catch {
      outcome = { result: 'offline' };
    }
    if (outcome.result === 'offline') {
      out.offline = true;
      break;
    }
    if (outcome.result === 'sent') {
      removeItem(store, item.id);
      out.sent.push(item);
    } else {
      const marked = { ...item, refused: outcome.message };
      store.save(store.load().map((i) => (i.id === item.id ? marked : i)));
      out.refused.push(marked);
    }
  }
  return out;
}

/** One round at a time: a second call while one runs gets the same round (no write is sent twice at once). */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  return () => {
    if (!current) {
      current = run().finally(() => {
        current = null;
      });
    }
    return current;
  };
}
