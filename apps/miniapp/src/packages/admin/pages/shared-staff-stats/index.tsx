import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { AuthUser, SharedStaffStats } from '@zaogong/shared';
import { useApi } from '../../../../api/hooks';
import { sharedStaffApi } from '../../../../api/shared-staff';
import { Chip } from '../../../../components/Chip';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { AgreementStatusTag } from '../../../../components/SharedAgreementFacts';
import { StateView } from '../../../../components/StateView';
import { agreementUrl, periodShort } from '../../../../lib/shared-staff';
import './index.css';

const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

function Big({ label, value, unit, cls }: { label: string; value: number; unit: string; cls: string }) {
  return (
    <View className={`sst-big ${cls}`}>
      <View className='sst-big-label'>{label}</View>
      <View>
        <Text className='sst-big-num'>{value}</Text>
        <Text className='sst-big-unit'>{unit}</Text>
      </View>
    </View>
  );
}

function Groups({ title, rows }: { title: string; rows: SharedStaffStats['byTown'] }) {
  return (
    <View className={`zg-card sst-groups sst-groups-${title === '按工种' ? 'trade' : 'town'}`}>
      <View className='zg-card-title'>{title}</View>
      {rows.length === 0 ? <View className='zg-small'>还没有。</View> : null}
      {rows.map((g) => (
        <View key={g.code} className='sst-row'>
          <View className='sst-row-name'>{g.name}</View>
          <View className='sst-row-line'>
            协议 <Text className='sst-n'>{g.agreements}</Text> 份 · 工人 <Text className='sst-n'>{g.workers}</Text> 人 · <Text className='sst-n'>{g.workerDays}</Text> 工日
          </View>
        </View>
      ))}
    </View>
  );
}

function Stats({ user }: { user: AuthUser }) {
  const [year, setYear] = useState(thisYear());
  const stats = useApi(() => sharedStaffApi.stats(year, { toast: false }), [year, user.id, user.regionCode]);
  const list = useApi(() => sharedStaffApi.agreements({ toast: false }), [user.id, user.regionCode]);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) void Promise.all([stats.reload(), list.reload()]);
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([stats.reload(), list.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  const s = stats.data;
  return (
    <View>
      <View className='zg-row-wrap sst-years'>
        {[thisYear(), thisYear() - 1].map((y) => (
          <Chip key={y} label={`${y}年`} on={y === year} onTap={() => setYear(y)} />
        ))}
      </View>
      <View className='zg-small sst-lead'>
        {user.regionName && user.regionCode ? `${user.regionName}` : '全区'}企业之间借调工人的情况。工日 = 同意了的工人 × 协议在这一年里到今天的天数。
      </View>
      <View className='zg-card sst-note'>共享用工不计入新增就业：工人的劳动合同还在原单位。</View>
      {stats.loading && !s ? <StateView title='正在加载…' /> : null}
      {stats.error ? <StateView title='没有加载出来' body={stats.error.message} actionText='再试一次' onAction={() => void stats.reload()} /> : null}
      {s && !stats.error ? (
        <View>
          <View className='zg-card sst-bigs'>
            <Big label='协议' value={s.agreements} unit='份' cls='sst-agreements' />
            <Big label='正在执行' value={s.active} unit='份' cls='sst-active' />
            <Big label='借出工人' value={s.workers} unit='人' cls='sst-workers' />
            <Big label='累计工日' value={s.workerDays} unit='工日' cls='sst-days' />
          </View>
          <Groups title='按工种' rows={s.byOccupation} />
          <Groups title='按镇街' rows={s.byTown} />
        </View>
      ) : null}
      {(list.data?.items.length ?? 0) > 0 ? (
        <View className='sst-list'>
          <View className='zg-h2 sst-list-head'>协议</View>
          {list.data?.items.map((a) => (
            <View key={a.id} className='zg-card sst-item' onClick={() => void Taro.navigateTo({ url: agreementUrl(a.id) })} aria-role='link'>
              <View className='zg-row'>
                <Text className='zg-grow sst-item-title'>
                  {a.lender.name} → {a.borrower.name}
                </Text>
                <AgreementStatusTag a={a} />
              </View>
              <View className='zg-small'>
                {periodShort(a)} · {a.workers.length}人
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** 共享员工统计 (admins, their area): agreements, lent workers and worker-days by trade and 镇街; not 新增就业. */
export default function SharedStaffStatsPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <Stats key={user.id} user={user} />}</RoleGate>
    </PageShell>
  );
}
