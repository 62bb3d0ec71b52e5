import { useRef } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { AuthUser } from '@zaogong/shared';
import { api } from '../../api/endpoints';
import { useApi, useCursorList, usePagedScrolling } from '../../api/hooks';
import { ApplicationCard } from '../../components/ApplicationCard';
import { PageShell } from '../../components/PageShell';
import { RoleGate } from '../../components/RoleGate';
import { StateView } from '../../components/StateView';
import { ROUTES } from '../../lib/routes';
import './index.css';

const PAGE_SIZE = 20;

function MyApplications({ user }: { user: AuthUser }) {
  const list = useCursorList(
    (cursor) => api.listApplications({ cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }),
    [user.id],
  );
  // Hires the employer recorded that still wait for the person's own 确认已上班.
  const hires = useApi(() => api.listHires({ verified: false, limit: 100 }, { toast: false }), [user.id]);
  const reload = () => {
    void list.refresh();
    void hires.reload();
  };
  usePagedScrolling(list, () => void hires.reload());
  // Back from a post's page (e.g. after applying there): show the latest.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) reload();
    seen.current = true;
  });

  if (list.loading && list.items.length === 0) return <StateView title='正在加载…' />;
  if (list.error) return <StateView title='投递记录没有加载出来' body={list.error.message} actionText='再试一次' onAction={reload} />;
  if (list.items.length === 0) {
    return (
      <StateView
        title='您还没有报过名'
        body='看到合适的岗位，点岗位下面的“我要报名”就行。'
        actionText='去找工作'
        onAction={() => void Taro.switchTab({ url: ROUTES.index })}
      />
    );
  }
  const pending = new Map((hires.data?.items ?? []).map((h) => [h.id, h]));
  return (
    <View>
      <View className='ma-head zg-small'>共{list.items.length}{list.hasMore ? '多' : ''}个，最近有变化的在前面。点岗位名看岗位。</View>
      {list.items.map((a) => (
        <ApplicationCard key={a.id} app={a} pendingHire={a.hireId ? pending.get(a.hireId) : undefined} onChanged={reload} />
      ))}
      <View className='ma-foot zg-small'>{list.loadingMore ? '正在加载更多…' : list.hasMore ? '往上滑看更多' : '已经到底了'}</View>
    </View>
  );
}

/** 我的投递: the seeker's applications, each with where it stands, what to do next and its steps. */
export default function MyApplicationsPage() {
  return (
    <PageShell>
      <RoleGate role='seeker'>{(user) => <MyApplications user={user} />}</RoleGate>
    </PageShell>
  );
}
