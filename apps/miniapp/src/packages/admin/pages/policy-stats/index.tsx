import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { AuthUser, PolicyStatsItem } from '@zaogong/shared';
import { useApi } from '../../../../api/hooks';
import { policiesApi } from '../../../../api/policies';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { isDistrictAdmin, policyFormUrl, policyUrl } from '../../../../lib/policies';
import './index.css';

/** The funnel's steps: each contains the next (已告知 ⊇ 办理中 ⊇ 已享受). */
const STEPS: { key: 'eligible' | 'notified' | 'told' | 'applying' | 'received'; label: string; desc: string }[] = [
  { key: 'eligible', label: '符合', desc: '现在符合条件的' },
  { key: 'notified', label: '已通知', desc: '平台发过消息的' },
  { key: 'told', label: '已告知', desc: '联络员当面或电话说过的' },
  { key: 'applying', label: '办理中', desc: '在办的和办成的' },
  { key: 'received', label: '已享受', desc: '已经享受到的' },
];

function Funnel({ s }: { s: PolicyStatsItem }) {
  const top = Math.max(1, ...STEPS.map((x) => s[x.key]));
  return (
    <View className='ps-funnel'>
      {STEPS.map((step) => (
        <View key={step.key} className={`ps-step ps-step-${step.key}`}>
          <View className='zg-row ps-step-top'>
            <Text className='ps-label'>{step.label}</Text>
            <Text className='zg-grow zg-small ps-desc'>{step.desc}</Text>
            <Text className='ps-num'>{s[step.key]}</Text>
            <Text className='ps-unit'>{s.audience === 'person' ? '人' : '家'}</Text>
          </View>
          <View className='ps-track'>
            <View className='ps-bar' style={{ width: `${Math.round((s[step.key] / top) * 100)}%` }} />
          </View>
        </View>
      ))}
      {s.declined > 0 ? <View className='zg-small ps-declined'>说不需要的：{s.declined}{s.audience === 'person' ? '人' : '家'}</View> : null}
    </View>
  );
}

/** More 镇街 than this start folded (the district's list of policies stays short). */
const TOWNS_SHOWN_OPEN = 3;

function StatsCard({ s }: { s: PolicyStatsItem }) {
  const [open, setOpen] = useState(s.byTown.length <= TOWNS_SHOWN_OPEN);
  return (
    <View className='zg-card ps-card'>
      <View className='ps-title' aria-role='link' onClick={() => void Taro.navigateTo({ url: policyUrl(s.policyId) })}>
        {s.title}
      </View>
      <View className='zg-row-wrap'>
        <Text className={s.inForce ? 'zg-tag zg-tag-ok' : 'zg-tag zg-tag-plain'}>{s.inForce ? '正在执行' : '已结束或撤回'}</Text>
        {s.audience === 'employer' ? <Text className='zg-tag zg-tag-plain'>给企业</Text> : null}
      </View>
      <Funnel s={s} />
      {s.byTown.length > 0 && !open ? (
        <View className='ps-towns'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block ps-towns-open' onClick={() => setOpen(true)}>
            按镇街看（{s.byTown.length}个镇街）
          </Button>
        </View>
      ) : null}
      {s.byTown.length > 0 && open ? (
        <View className='ps-towns'>
          <View className='ps-towns-head'>按镇街</View>
          {s.byTown.map((t) => (
            <View key={t.code} className='ps-town'>
              <View className='ps-town-name'>{t.name}</View>
              <View className='ps-town-line'>
                符合 <Text className='ps-town-n'>{t.eligible}</Text> · 已告知 <Text className='ps-town-n'>{t.told}</Text> · 办理中 <Text className='ps-town-n'>{t.applying}</Text> · 已享受{' '}
                <Text className='ps-town-n'>{t.received}</Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function PolicyStats({ user }: { user: AuthUser }) {
  const stats = useApi(() => policiesApi.stats({ toast: false }), [user.id, user.regionCode]);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !stats.loading) void stats.reload();
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void stats.reload().finally(() => Taro.stopPullDownRefresh());
  });
  if (stats.loading && !stats.data) return <StateView title='正在加载…' />;
  if (stats.error) return <StateView title='没有加载出来' body={stats.error.message} actionText='再试一次' onAction={() => void stats.reload()} />;
  const items = stats.data?.items ?? [];
  return (
    <View>
      <View className='zg-small ps-lead'>
        {user.regionName && user.regionCode ? `${user.regionName}的人数。` : '全区的人数。'}“已告知”“办理中”“已享受”是村居联络员记下的。
      </View>
      {isDistrictAdmin(user) ? (
        <View className='zg-section ps-new'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.navigateTo({ url: policyFormUrl() })}>
            新建政策
          </Button>
        </View>
      ) : null}
      {items.length === 0 ? <StateView title='还没有发布的政策' body={isDistrictAdmin(user) ? '点“新建政策”写第一项。' : '区人社局发布政策后，这里能看到落实情况。'} /> : null}
      {items.map((s) => (
        <StatsCard key={s.policyId} s={s} />
      ))}
    </View>
  );
}

/** 政策落实情况: per policy the funnel (符合 → 已通知 → 已告知 → 办理中 → 已享受) and by 镇街, for the admin's area. */
export default function PolicyStatsPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <PolicyStats key={user.id} user={user} />}</RoleGate>
    </PageShell>
  );
}
