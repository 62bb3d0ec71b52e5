import { useRef } from 'react';
import { Button, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { AuthUser, MyPolicyItem, PolicyItem } from '@zaogong/shared';
import { useCursorList, usePagedScrolling, type ApiState } from '../../api/hooks';
import { policiesApi } from '../../api/policies';
import { PageShell } from '../../components/PageShell';
import { PolicyCard } from '../../components/PolicyCard';
import { StateView } from '../../components/StateView';
import { useMyPolicies } from '../../hooks/useMyPolicies';
import { useSession } from '../../hooks/useSession';
import { isDistrictAdmin, policyFormUrl, POLICY_ROUTES } from '../../lib/policies';
import { loginUrl, ROUTES } from '../../lib/routes';
import './index.css';

const PAGE_SIZE = 20;

/** 可能适合您的政策: the seeker's (or firm's) own, each with its reasons; or why there are none yet. */
function Mine({ user, state }: { user: AuthUser; state: ApiState<MyPolicyItem[] | null> }) {
  const items = state.data ?? [];
  return (
    <View className='pl-mine'>
      <View className='pl-head'>可能适合您的政策</View>
      {state.loading && !state.data ? <View className='zg-small pl-note'>正在找…</View> : null}
      {state.error ? <View className='zg-error pl-note'>{state.error.message}</View> : null}
      {state.data && items.length === 0 ? (
        <View className='zg-card pl-none'>
          <View className='zg-text'>
            {user.role === 'seeker' ? '暂时没有找到正好适合您的政策。把学历、毕业时间这些信息登记全，才能帮您找。' : '暂时没有找到正好适合贵单位的政策。'}
          </View>
          {user.role === 'seeker' ? (
            <Button className='zg-btn zg-btn-ghost zg-btn-block pl-profile' onClick={() => void Taro.navigateTo({ url: ROUTES.profile })}>
              看我的档案
            </Button>
          ) : null}
        </View>
      ) : null}
      {items.map((m) => (
        <PolicyCard key={m.policy.id} policy={m.policy} reasons={m.reasons} />
      ))}
    </View>
  );
}

/**
 * 就业创业政策: those in force, for anyone (no login). A seeker (or employer) sees theirs on top with the reasons;
 * the district admin gets 新建政策 and, with ?all=1, every policy (drafts, withdrawn, ended) marked.
 */
export default function PoliciesPage() {
  const { params } = useRouter();
  const user = useSession();
  const admin = isDistrictAdmin(user);
  const all = admin && params.all === '1';
  const mine = useMyPolicies(user);
  const list = useCursorList<PolicyItem>((cursor) => policiesApi.list({ all, cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }), [all, user?.id]);
  usePagedScrolling(list, () => void mine.reload());
  // Back from the form or a policy's page: as it is now.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !list.loading) void list.refresh();
    seen.current = true;
  });

  const mineIds = new Set((mine.data ?? []).map((m) => m.policy.id));
  // Those already on top are not listed twice.
  const rest = list.items.filter((p) => !mineIds.has(p.id));
  return (
    <PageShell>
      {admin ? (
        <View className='zg-section pl-admin'>
          <Button className='zg-btn zg-btn-block pl-new' onClick={() => void Taro.navigateTo({ url: policyFormUrl() })}>
            新建政策
          </Button>
          {all ? null : (
            <Button className='zg-btn zg-btn-ghost zg-btn-block pl-all' onClick={() => void Taro.redirectTo({ url: `${POLICY_ROUTES.list}?all=1` })}>
              全部政策（含草稿、已撤回）
            </Button>
          )}
        </View>
      ) : null}

      {user && (user.role === 'seeker' || user.role === 'employer') ? <Mine user={user} state={mine} /> : null}
      {!user ? (
        <View className='zg-card pl-login'>
          <View className='zg-text'>登录后，帮您找出可能适合您的政策。</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block pl-login-btn' onClick={() => void Taro.navigateTo({ url: loginUrl(POLICY_ROUTES.list) })}>
            登录
          </Button>
        </View>
      ) : null}

      <View className='pl-head'>{all ? '全部政策' : mineIds.size > 0 ? '其他正在执行的政策' : '正在执行的政策'}</View>
      {list.loading && list.items.length === 0 ? (
        <StateView title='正在加载政策…' />
      ) : list.error ? (
        <StateView title='政策没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />
      ) : rest.length === 0 ? (
        <View className='zg-small pl-note'>{list.items.length > 0 ? '正在执行的政策都在上面了。' : '现在还没有发布的政策。'}</View>
      ) : (
        <View>
          {rest.map((p) => (
            <PolicyCard key={p.id} policy={p} showStatus={all} showAudience />
          ))}
          <View className='pl-foot'>
            {list.loadingMore ? (
              <View className='zg-small'>正在加载更多…</View>
            ) : list.hasMore ? (
              <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void list.loadMore()}>
                看更多
              </Button>
            ) : (
              <View className='zg-small'>已经到底了</View>
            )}
          </View>
        </View>
      )}
      <View className='zg-small pl-disclaimer'>政策内容和金额以人社部门公布为准。</View>
    </PageShell>
  );
}
