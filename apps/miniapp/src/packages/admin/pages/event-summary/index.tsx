import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { EVENT_SERIES, EVENT_SERIES_LABELS, type AuthUser, type EventSeries, type EventSeriesSummary } from '@zaogong/shared';
import { EVENT_FILES, eventsApi } from '../../../../api/events';
import { downloadXlsx, FILE_SUPPORT } from '../../../../api/files';
import { useApi } from '../../../../api/hooks';
import { Chip } from '../../../../components/Chip';
import { DownloadButton } from '../../../../components/DownloadButton';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { EVENT_ROUTES } from '../../../../lib/events';
import { chinaYear } from '../../lib/employment';
import './index.css';

type Row = EventSeriesSummary['items'][number];
const COLUMNS: { key: keyof Omit<Row, 'series' | 'label'>; label: string }[] = [
  { key: 'events', label: '场次' },
  { key: 'employers', label: '参会企业' },
  { key: 'posts', label: '岗位' },
  { key: 'headcount', label: '招聘人数' },
  { key: 'signups', label: '报名' },
  { key: 'checkIns', label: '进场' },
  { key: 'applications', label: '达成意向' },
  { key: 'hires', label: '录用' },
];

function total(items: Row[]): Row {
  const sum = (k: keyof Omit<Row, 'series' | 'label'>) => items.reduce((n, r) => n + r[k], 0);
  return {
    series: 'other',
    label: '合计',
    events: sum('events'),
    employers: sum('employers'),
    posts: sum('posts'),
    headcount: sum('headcount'),
    signups: sum('signups'),
    checkIns: sum('checkIns'),
    applications: sum('applications'),
    hires: sum('hires'),
  };
}

function SeriesCard({ r, sum }: { r: Row; sum?: boolean }) {
  return (
    <View className={sum ? 'zg-card es-card es-card-sum' : 'zg-card es-card'}>
      <View className='zg-row es-card-head'>
        <View className='zg-grow es-card-title'>{r.label}</View>
        <Text className='es-card-events'>{r.events} 场</Text>
      </View>
      <View className='es-figs'>
        {COLUMNS.slice(1).map((c) => (
          <View key={c.key} className={c.key === 'hires' ? 'es-fig es-fig-hires' : 'es-fig'}>
            <View className='es-fig-n'>{r[c.key]}</View>
            <View className='es-fig-l'>{c.label}</View>
          </View>
        ))}
      </View>
    </View>
  );
}

function Summary({ user }: { user: AuthUser }) {
  const now = chinaYear();
  const [year, setYear] = useState(now);
  const [series, setSeries] = useState<EventSeries>();
  const summary = useApi(() => eventsApi.summary(year, series, { toast: false }), [year, series, user.id]);
  usePullDownRefresh(() => {
    void summary.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const items = (summary.data?.items ?? []).filter((r) => r.events > 0 || r.series === series);

  return (
    <View>
      <View className='es-head zg-small'>{user.regionCode ? `${user.regionName ?? ''}办的活动，` : '全区的招聘活动，'}按活动类别加起来。录用人数随着录用确认往上涨。</View>
      <View className='zg-row-wrap es-years'>
        <Chip label={`今年 ${now}`} on={year === now} onTap={() => setYear(now)} />
        <Chip label={`去年 ${now - 1}`} on={year === now - 1} onTap={() => setYear(now - 1)} />
      </View>
      <ScrollView scrollX className='zg-chips es-series' enhanced showScrollbar={false}>
        <Chip label='全部类别' on={!series} onTap={() => setSeries(undefined)} />
        {EVENT_SERIES.map((s) => (
          <Chip key={s} label={EVENT_SERIES_LABELS[s]} on={series === s} onTap={() => setSeries(s)} />
        ))}
        <View className='zg-chips-end' />
      </ScrollView>

      {summary.loading && !summary.data ? <StateView title='正在加载…' /> : null}
      {summary.error ? <StateView title='汇总没有加载出来' body={summary.error.message} actionText='再试一次' onAction={() => void summary.reload()} /> : null}
      {summary.data && items.length === 0 ? (
        <StateView title={`${year}年还没有办过${series ? EVENT_SERIES_LABELS[series] : '招聘活动'}`} actionText='看全部活动' onAction={() => void Taro.navigateTo({ url: `${EVENT_ROUTES.list}?all=1` })} />
      ) : null}
      {items.map((r) => (
        <SeriesCard key={r.series} r={r} />
      ))}
      {items.length > 1 ? <SeriesCard r={total(items)} sum /> : null}

      {FILE_SUPPORT.download && summary.data ? (
        <View className='zg-section es-download'>
          <DownloadButton
            text='下载汇总表（Excel）'
            run={() => downloadXlsx(EVENT_FILES.summary(year, series), `招聘活动汇总-${year}${series ? `-${EVENT_SERIES_LABELS[series]}` : ''}.xlsx`)}
          />
        </View>
      ) : null}
    </View>
  );
}

/** 活动汇总: a year's events added up per series (春风行动, 职等你来 …), with the workbook. */
export default function EventSummaryPage() {
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <Summary key={user.id} user={user} />}</RoleGate>
    </PageShell>
  );
}
