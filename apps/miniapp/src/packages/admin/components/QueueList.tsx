import type { ReactNode } from 'react';
import { Button, View } from '@tarojs/components';
import type { CursorListState } from '../../../api/hooks';
import { StateView } from '../../../components/StateView';
import './QueueList.css';

interface Props<T> {
  list: CursorListState<T>;
  /** Whether anything is left to show (items already handled on this screen are hidden by the page). */
  empty: boolean;
  emptyTitle: string;
  emptyBody: string;
  children: ReactNode;
}

/** An admin queue (review, verification, reports): loading, error and empty states, then the items and 加载更多. */
export function QueueList<T>({ list, empty, emptyTitle, emptyBody, children }: Props<T>) {
  if (list.loading && list.items.length === 0) return <StateView title='正在加载…' />;
  if (list.error) return <StateView title='没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />;
  if (empty && !list.hasMore) return <StateView title={emptyTitle} body={emptyBody} actionText='刷新' onAction={() => void list.refresh()} />;
  return (
    <View>
      {children}
      <View className='aq-foot'>
        {list.loadingMore ? (
          <View className='zg-small'>正在加载更多…</View>
        ) : list.hasMore ? (
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        ) : null}
      </View>
    </View>
  );
}
