import { useRef } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { regionLevelOf, type AuthUser, type PolicyItem, type PolicyStatsItem } from '@zaogong/shared';
import { useApi } from '../../../../api/hooks';
import { policiesApi } from '../../../../api/policies';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { policyPeopleUrl, policyUrl } from '../../../../lib/policies';
import './index.css';

/** Person policies in force (all of them: a district has a few dozen at most). */
async function loadPolicies(): Promise<PolicyItem[]> {
  const out: PolicyItem[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = await policiesApi.list({ audience: 'person', cursor, limit: 50 }, { toast: false });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

function PolicyRow({ p, stats, here }: { p: PolicyItem; stats: PolicyStatsItem | undefined; here: string }) {
  const n = stats?.eligible;
  return (
    <View className='zg-card lp-row'>
      <View className='lp-title' aria-role='link' onClick={() => void Taro.navigateTo({ url: policyUrl(p.id) })}>
        {p.title}
      </View>
      <View className='zg-small lp-benefit'>{p.benefit}</View>
      <View className={n ? 'lp-count lp-count-some' : 'lp-count'}>
        {n === undefined ? '正在算…' : n > 0 ? `${here}有 ${n} 人可能符合` : `${here}现在没有人符合`}
      </View>
      {stats && n ? (
        <View className='zg-small lp-funnel'>
          已告知 <Text className='lp-n'>{stats.told}</Text> 人 · 办理中 <Text className='lp-n'>{stats.applying}</Text> 人 · 已享受 <Text className='lp-n'>{stats.received}</Text> 人
        </View>
      ) : null}
      <Button className={n ? 'zg-btn zg-btn-block lp-go' : 'zg-btn zg-btn-ghost zg-btn-block lp-go'} onClick={() => void Taro.navigateTo({ url: policyPeopleUrl(p.id) })}>
        看名单
      </Button>
    </View>
  );
}

function LiaisonPolicies({ user }: { user: AuthUser }) {
  const policies = useApi(loadPolicies, [user.id]);
  const stats = useApi(() => policiesApi.stats({ toast: false }), [user.id, user.regionCode]);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !stats.loading) void stats.reload();
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([policies.reload(), stats.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  const here = regionLevelOf(user.regionCode) === 'village' ? '您村' : '您负责的镇街';
  const byId = new Map((stats.data?.items ?? []).map((s) => [s.policyId, s]));

  if (policies.loading && !policies.data) return <StateView title='正在加载政策…' />;
  if (policies.error) return <StateView title='政策没有加载出来' body={policies.error.message} actionText='再试一次' onAction={() => void policies.reload()} />;
  const items = policies.data ?? [];
  // The ones with people to tell first.
  const sorted = [...items].sort((a, b) => (byId.get(b.id)?.eligible ?? 0) - (byId.get(a.id)?.eligible ?? 0));
  return (
    <View>
      <View className='zg-small lp-lead'>平台按台账找出可能符合政策的村民。请告诉他们，帮着办，办到哪一步记下来。</View>
      {stats.error ? <View className='zg-error lp-error'>人数没有算出来：{stats.error.message}</View> : null}
      {items.length === 0 ? <StateView title='现在没有正在执行的政策' body='区人社局发布了新政策，这里就会有。' /> : null}
      {sorted.map((p) => (
        <PolicyRow key={p.id} p={p} stats={stats.data ? (byId.get(p.id) ?? undefined) : undefined} here={here} />
      ))}
    </View>
  );
}

/** 政策找人 (联络员): the policies in force with how many of their villagers may qualify, each opening the list. */
export default function LiaisonPoliciesPage() {
  return (
    <PageShell>
      <RoleGate role='liaison'>{(user) => <LiaisonPolicies key={user.id} user={user} />}</RoleGate>
    </PageShell>
  );
}
