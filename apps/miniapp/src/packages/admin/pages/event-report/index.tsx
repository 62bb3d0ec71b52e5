import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { EventReport } from '@zaogong/shared';
import { EVENT_FILES, eventsApi } from '../../../../api/events';
import { downloadXlsx, FILE_SUPPORT } from '../../../../api/files';
import { useApi } from '../../../../api/hooks';
import { DownloadButton } from '../../../../components/DownloadButton';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { chinaDateTime, dayHeading, whenText } from '../../../../lib/events';
import './index.css';

/** The six figures the 人社局 reports after a fair, in its order. */
const FIGURES: { key: keyof Pick<EventReport, 'employers' | 'posts' | 'headcount' | 'checkIns' | 'applications' | 'hires'>; label: string; unit: string }[] = [
  { key: 'employers', label: '参会企业数', unit: '家' },
  { key: 'posts', label: '提供岗位数', unit: '个' },
  { key: 'headcount', label: '招聘人数', unit: '人' },
  { key: 'checkIns', label: '进场人数', unit: '人' },
  { key: 'applications', label: '达成意向人数', unit: '人' },
  { key: 'hires', label: '录用人数', unit: '人' },
];

function Report({ id }: { id: string }) {
  const report = useApi(() => eventsApi.report(id, { toast: false }), [id]);
  usePullDownRefresh(() => {
    void report.reload().finally(() => Taro.stopPullDownRefresh());
  });
  if (report.loading && !report.data) return <StateView title='正在加载…' />;
  if (!report.data) return <StateView title='报表没有加载出来' body={report.error?.message} actionText='再试一次' onAction={() => void report.reload()} />;
  const r = report.data;
  const at = chinaDateTime(r.generatedAt);
  return (
    <View>
      <View className='zg-card er-head'>
        <View className='er-title'>{r.title}</View>
        <View className='zg-row-wrap'>
          <Text className='zg-tag'>{r.seriesLabel}</Text>
        </View>
        <View className='zg-text er-line'>{whenText(r)}</View>
        <View className='zg-text er-line'>{r.place}</View>
      </View>

      <View className='er-grid'>
        {FIGURES.map((f) => (
          <View key={f.key} className={`er-fig er-fig-${f.key}`}>
            <View className='er-fig-n'>
              {r[f.key]}
              <Text className='er-fig-unit'>{f.unit}</Text>
            </View>
            <View className='er-fig-l'>{f.label}</View>
          </View>
        ))}
      </View>
      <View className='zg-card er-notes'>
        <View className='zg-text'>
          报名 <Text className='er-strong'>{r.signups}</Text> 人，进场 <Text className='er-strong'>{r.checkIns}</Text> 人。
        </View>
        {r.hiresPending > 0 ? (
          <View className='zg-text er-pending'>
            还有 <Text className='er-strong'>{r.hiresPending}</Text> 人录用了、等本人或联络员确认，确认后算进录用人数。
          </View>
        ) : null}
        <View className='zg-small er-rule'>达成意向：在活动上点了“我要应聘”的人。录用：从这些应聘里录用、两边都确认了的人。</View>
      </View>

      <View className='zg-card er-table-card'>
        <View className='zg-card-title'>各企业</View>
        {r.byEmployer.length === 0 ? <View className='zg-text'>还没有通过审核的企业。</View> : null}
        {r.byEmployer.length > 0 ? (
          <View className='er-table'>
            <View className='er-tr er-th'>
              <Text className='er-td er-td-name'>企业（展位）</Text>
              <Text className='er-td'>岗位</Text>
              <Text className='er-td'>招人</Text>
              <Text className='er-td'>意向</Text>
              <Text className='er-td'>录用</Text>
            </View>
            {r.byEmployer.map((e) => (
              <View key={e.employerId} className='er-tr'>
                <View className='er-td er-td-name'>
                  <View className='er-emp'>{e.employerName}</View>
                  {e.booth ? <View className='zg-small'>{e.booth}号展位</View> : null}
                </View>
                <Text className='er-td'>{e.posts}</Text>
                <Text className='er-td'>{e.headcount}</Text>
                <Text className='er-td'>{e.applications}</Text>
                <Text className='er-td er-td-hires'>{e.hires}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <View className='zg-section er-download'>
        {FILE_SUPPORT.download ? (
          <DownloadButton text='下载报表（Excel）' run={() => downloadXlsx(EVENT_FILES.report(r.eventId), `招聘活动报表-${r.title}-${chinaDateTime(r.startsAt).date}.xlsx`)} />
        ) : null}
        <View className='zg-small er-foot'>
          数字算到 {dayHeading(at.date)} {at.time}，录用人数会随着录用确认往上涨。
        </View>
      </View>
    </View>
  );
}

/** 活动报表 (?id=): the six figures big, per employer, and the 人社局's workbook. */
export default function EventReportPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => (id ? <Report key={user.id} id={id} /> : <StateView title='没有找到这个活动' />)}</RoleGate>
    </PageShell>
  );
}
