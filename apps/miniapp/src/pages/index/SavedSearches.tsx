import { useCallback, useEffect, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { POST_TYPE_LABELS, type AuthUser, type SavedSearchInput, type SavedSearchItem } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { Sheet } from '../../components/Sheet';

/** "焊工 · 桑村镇 · 零工 · 每月3000元以上": what a saved search looks for, in the list's words. */
export function describeSearch(s: Pick<SavedSearchItem, 'q' | 'townName' | 'type' | 'wageMin'>): string {
  return [s.q, s.townName, s.type ? POST_TYPE_LABELS[s.type] : null, s.wageMin ? `每月${s.wageMin}元以上` : null].filter(Boolean).join(' · ');
}

export interface SavedSearchesState {
  /** The seeker's saved searches; empty for anyone else and while logged out. */
  items: SavedSearchItem[];
  /** Saves one; resolves to the message to show ("已保存…" or why not). */
  save: (search: SavedSearchInput) => Promise<{ ok: boolean; message: string }>;
  remove: (id: string) => Promise<void>;
  reload: () => Promise<void>;
}

/** 有了告诉我: a seeker's saved searches (other roles have none: the API refuses them). */
export function useSavedSearches(user: AuthUser | null): SavedSearchesState {
  const [items, setItems] = useState<SavedSearchItem[]>([]);
  const seeker = user?.role === 'seeker';

  const reload = useCallback(async () => {
    if (!seeker) {
      setItems([]);
      return;
    }
    try {
      setItems((await api.savedSearches({ toast: false })).items);
    } catch {
      // The list is a convenience: without it the page still works.
    }
  }, [seeker]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = useCallback(
    async (search: SavedSearchInput) => {
      try {
        await api.saveSearch(search, { toast: false });
        await reload();
        return { ok: true, message: `已保存。有了新的「${search.q}」岗位，会在「消息」里告诉您` };
      } catch (e) {
        return { ok: false, message: e instanceof ApiRequestError ? e.message : '没有保存上，请再试一次' };
      }
    },
    [reload],
  );

  const remove = useCallback(
    async (id: string) => {
      await api.deleteSavedSearch(id);
      setItems((prev) => prev.filter((s) => s.id !== id));
    },
    [],
  );

  return { items, save, remove, reload };
}

interface SheetProps {
  state: SavedSearchesState;
  onClose: () => void;
  /** Runs that search in the list. */
  onRun: (search: SavedSearchItem) => void;
}

/** 我保存的搜索: tap one to search it again, or 删除 it (nothing is lost: it can be saved again). */
export function SavedSearchesSheet({ state, onClose, onRun }: SheetProps) {
  const [busy, setBusy] = useState<string>();
  const remove = async (s: SavedSearchItem) => {
    setBusy(s.id);
    try {
      await state.remove(s.id);
      void Taro.showToast({ title: `已删除，「${s.q}」不再告诉您`, icon: 'none', duration: 2000 });
    } catch {
      // The client showed why.
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Sheet title='有了告诉我：我保存的搜索' onClose={onClose}>
      <View className='zg-sheet-note'>有了新岗位，会在「消息」里告诉您。不想再收到，就删掉。</View>
      {state.items.length === 0 ? <View className='zg-text saved-empty'>还没有保存的搜索。搜一搜，找不到时点“有了告诉我”。</View> : null}
      {state.items.map((s) => (
        <View key={s.id} className='saved-row zg-row'>
          <View className='saved-text zg-grow' onClick={() => onRun(s)} aria-role='button'>
            {describeSearch(s)}
          </View>
          <Button className={`zg-btn zg-btn-ghost saved-delete${busy === s.id ? ' zg-btn-disabled' : ''}`} disabled={busy === s.id || undefined} onClick={() => void remove(s)}>
            {busy === s.id ? '正在删除' : '删除'}
          </Button>
        </View>
      ))}
    </Sheet>
  );
}
