import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { ApiRequestError, request } from '../api/client';
import { getUser } from './session';
import {
  addItem,
  flushItems,
  itemsOf,
  removeItem,
  singleFlight,
  type OutboxItem,
  type OutboxKind,
  type OutboxStore,
  type SendOutcome,
} from './outbox-core';

export type { OutboxItem, OutboxKind } from './outbox-core';

const STORAGE_KEY = 'zg.outbox';
const EVENT = 'zg:outbox';

const store: OutboxStore = {
  load() {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY);
    return Array.isArray(raw) ? (raw as OutboxItem[]) : [];
  },
  save(items) {
    Taro.setStorageSync(STORAGE_KEY, items);
    Taro.eventCenter.trigger(EVENT);
  },
};

/** A write failed for no network (no answer at all): worth keeping on the phone. */
export const isOffline = (e: unknown): boolean => e instanceof ApiRequestError && e.statusCode === 0;

/** Keeps a write that found no network; it is sent with the same Idempotency-Key (`key`) later. */
export function queueWrite(w: {
  key: string;
  kind: OutboxKind;
  method: OutboxItem['method'];
  path: string;
  body: unknown;
  label: string;
  draftKey?: string;
}): void {
  const owner = getUser()?.id;
  if (!owner) return;
  addItem(store, {
    id: w.key,
    kind: w.kind,
    owner,
    method: w.method,
    path: w.path,
    body: w.body,
    label: w.label,
    at: new Date().toISOString(),
    draftKey: w.draftKey,
  });
}

async function sendOne(item: OutboxItem): Promise<SendOutcome> {
  try {
    await request(item.path, { method: item.method, body: item.body, toast: false, idempotencyKey: item.id });
    return { result: 'sent' };
  } catch (e) {
    if (!(e instanceof ApiRequestError)) return { result: 'offline' };
    // No network, a busy or broken server, an expired session: try again later, keep everything.
    if (e.statusCode === 0 || e.statusCode === 401 || e.statusCode === 429 || e.statusCode >= 500) return { result: 'offline' };
    return { result: 'refused', message: e.message };
  }
}

/** Sends what the signed-in account has waiting; tells the person how it went when something moved. */
export const flushOutbox = singleFlight(async () => {
  const owner = getUser()?.id;
  if (!owner || itemsOf(store, owner).every((i) => i.refused)) return;
  const res = await flushItems(store, owner, sendOne);
  for (const item of res.sent) if (item.draftKey) Taro.removeStorageSync(item.draftKey);
  if (res.sent.length > 0) {
    void Taro.showToast({ title: `有网了，已发送 ${res.sent.length} 条`, icon: 'none', duration: 2500 });
  } else if (res.refused.length > 0) {
    void Taro.showToast({ title: '有一条没有发送成功，请看待发送', icon: 'none', duration: 2500 });
  }
  if (res.sent.length > 0) Taro.eventCenter.trigger('zg:outbox:sent', res.sent);
});

let started = false;

/** Once, at app start: send when the network comes back, when the app is shown, and now. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  const go = () => void flushOutbox();
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window !== 'undefined') window.addEventListener('online', go);
  } else {
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) go();
    });
  }
  Taro.onAppShow?.(go);
  setTimeout(go, 500);
}

/** The signed-in account's waiting writes (of one kind, or all), kept up to date. */
export function useOutbox(kind?: OutboxKind): { items: OutboxItem[]; sendNow: () => Promise<void>; remove: (id: string) => void } {
  const read = useCallback(() => itemsOf(store, getUser()?.id).filter((i) => !kind || i.kind === kind), [kind]);
  const [items, setItems] = useState<OutboxItem[]>(read);
  useEffect(() => {
    const sync = () => setItems(read());
    Taro.eventCenter.on(EVENT, sync);
    return () => {
      Taro.eventCenter.off(EVENT, sync);
    };
  }, [read]);
  useDidShow(() => setItems(read()));
  const remove = useCallback((id: string) => void removeItem(store, id), []);
  return { items, sendNow: flushOutbox, remove };
}

/** Calls `onSent` when some of the account's waiting writes went out (a list reloads). */
export function useOutboxSent(onSent: () => void): void {
  useEffect(() => {
    const fn = () => onSent();
    Taro.eventCenter.on('zg:outbox:sent', fn);
    return () => {
      Taro.eventCenter.off('zg:outbox:sent', fn);
    };
  }, [onSent]);
}

// ---------- drafts ----------

/** The storage key of one form's draft for one account. */
export const draftKeyOf = (form: string, userId: string): string => `zg.draft.${form}.${userId}`;

/** A draft kept on the phone, or undefined. */
export function readDraft<T>(key: string | undefined): T | undefined {
  if (!key) return undefined;
  const raw: unknown = Taro.getStorageSync(key);
  return raw && typeof raw === 'object' && 'v' in raw ? (raw as { v: T }).v : undefined;
}

export function clearDraft(key: string | undefined): void {
  if (key) Taro.removeStorageSync(key);
}

/** Keeps `value` as the form's draft as it is typed; an untouched form (`empty`) keeps none. */
export function useKeepDraft<T>(key: string | undefined, value: T, empty: boolean): void {
  useEffect(() => {
    if (!key) return;
    if (empty) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, { v: value, at: new Date().toISOString() });
  }, [key, value, empty]);
}
