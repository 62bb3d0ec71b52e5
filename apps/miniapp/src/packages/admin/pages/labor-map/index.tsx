import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  KEY_GROUPS,
  KEY_GROUP_LABELS,
  RESIDENT_STATUSES,
  RESIDENT_STATUS_LABELS,
  regionLevelOf,
  type LaborMap,
  type LaborMapRow,
} from '@zaogong/shared';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { laborMapUrl } from '../../../../lib/routes';
import './index.css';

function pct(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.max(0, Math.min(100, (part / whole) * 100)).toFixed(1)}%`;
}

function Totals({ map }: { map: LaborMap }) {
  const t = map.total;
  const groups = KEY_GROUPS.filter((g) => (t.byKeyGroup[g] ?? 0) > 0);
  return (
    <View className='zg-card lm-total'>
      <View className='zg-card-title'>{map.regionName}</View>
      <View className='lm-big-row'>
        <View className='lm-big'>
          <Text className='lm-big-num'>{t.total}</Text>
          <Text className='lm-big-unit'>人</Text>
          <View className='lm-big-label'>登记居民</View>
        </View>
        <View className='lm-big lm-big-seeking'>
          <Text className='lm-big-num'>{t.byStatus.seeking ?? 0}</Text>
          <Text className='lm-big-unit'>人</Text>
          <View className='lm-big-label'>求职中</View>
        </View>
      </View>
      <View className='lm-status-list'>
        {RESIDENT_STATUSES.map((s) => (
          <View key={s} className='lm-status'>
            <Text className='lm-status-name'>{RESIDENT_STATUS_LABELS[s]}</Text>
            <Text className='lm-status-num'>{t.byStatus[s] ?? 0} 人</Text>
          </View>
        ))}
      </View>
      <View className='zg-label lm-groups-label'>重点人群</View>
      {groups.length === 0 ? <View className='zg-small'>还没有登记重点人群。</View> : null}
      <View className='zg-row-wrap'>
        {groups.map((g) => (
          <Text key={g} className='zg-tag lm-group'>
            {KEY_GROUP_LABELS[g]} {t.byKeyGroup[g]}人
          </Text>
        ))}
      </View>
    </View>
  );
}

function AreaRow({ row, max, onOpen }: { row: LaborMapRow; max: number; onOpen?: () => void }) {
  const seeking = row.byStatus.seeking ?? 0;
  return (
    <View
      className={onOpen ? 'lm-row lm-row-tap' : 'lm-row'}
      onClick={onOpen}
      aria-role={onOpen ? 'link' : undefined}
    >
      <View className='lm-row-head'>
        <Text className='lm-row-name'>{row.name}</Text>
        {/* Each figure with its unit on one line: a long name (山亭经济开发区) or 大字模式 wraps between them, never inside. */}
        <Text className='lm-row-nums'>
          <Text className='lm-nowrap'>
            共 <Text className='lm-row-total'>{row.total}</Text> 人，
          </Text>
          <Text className='lm-nowrap'>
            求职中 <Text className='lm-row-seeking'>{seeking}</Text> 人
          </Text>
        </Text>
        {onOpen ? <Text className='lm-row-go'>›</Text> : null}
      </View>
      <View className='lm-track'>
        <View className='lm-bar' style={{ width: pct(row.total, max) }}>
          <View className='lm-bar-seeking' style={{ width: pct(seeking, row.total) }} />
        </View>
      </View>
    </View>
  );
}

function MapView({ regionCode }: { regionCode: string | undefined }) {
  const map = useApi(() => api.laborMap(regionCode, { toast: false }), [regionCode]);

  useEffect(() => {
    if (map.data) void Taro.setNavigationBarTitle({ title: `人力资源地图 · ${map.data.regionName}` }).catch(() => undefined);
  }, [map.data?.regionName]);

  if (map.loading && !map.data) return <StateView title='正在加载…' />;
  if (map.error || !map.data) {
    return <StateView title='地图没有加载出来' body={map.error?.message} actionText='再试一次' onAction={() => void map.reload()} />;
  }
  const data = map.data;
  const childLevel = regionLevelOf(data.regionCode) === 'district' ? 'town' : 'village';
  const max = Math.max(1, ...data.items.map((r) => r.total));
  // A 镇街 has dozens of 村居: those with nobody registered yet are named in one line, not drawn.
  const rows = childLevel === 'village' ? data.items.filter((r) => r.total > 0) : data.items;
  const empty = childLevel === 'village' ? data.items.filter((r) => r.total === 0) : [];
  return (
    <View>
      <Totals map={data} />
      <View className='zg-card'>
        <View className='zg-card-title'>{childLevel === 'town' ? '各镇街' : '各村居'}</View>
        <View className='lm-legend zg-small'>
          <View className='lm-legend-item'>
            <View className='lm-key lm-key-seeking' />
            <Text>求职中</Text>
          </View>
          <View className='lm-legend-item'>
            <View className='lm-key lm-key-other' />
            <Text>其他（已就业、外出等）</Text>
          </View>
        </View>
        {childLevel === 'town' ? <View className='zg-small lm-tip'>点一个镇街，看它下面各村居。</View> : null}
        {data.items.length === 0 ? <View className='zg-small'>这里还没有数据。</View> : null}
        {rows.map((row) => (
          <AreaRow
            key={row.code}
            row={row}
            max={max}
            onOpen={childLevel === 'town' ? () => void Taro.navigateTo({ url: laborMapUrl(row.code) }) : undefined}
          />
        ))}
        {empty.length > 0 ? (
          <View className='lm-empty'>
            <View className='lm-empty-head'>另有 {empty.length} 个村居还没有登记居民：</View>
            <View className='zg-small lm-empty-names'>{empty.map((r) => r.name).join('、')}</View>
          </View>
        ) : null}
      </View>
    </View>
  );
}

/** 人力资源地图: the district by 镇街 (tap one for its 村居), with totals and 求职中 as bars. */
export default function LaborMapPage() {
  const { params } = useRouter();
  const regionCode = params.regionCode || undefined;
  return (
    <PageShell>
      <RoleGate role='admin'>{(user) => <MapView key={user.id} regionCode={regionCode} />}</RoleGate>
    </PageShell>
  );
}
