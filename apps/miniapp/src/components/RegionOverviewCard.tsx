import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { DISTRICT_CODE, regionLevelOf, townOf, type RegionLevel, type RegionOverview } from '@zaogong/shared';
import { useRegionOverview, useRegions } from '../api/hooks';
import './RegionOverviewCard.css';

const TITLES: Record<RegionLevel, string> = {
  district: '全区概况',
  town: '本镇街概况',
  village: '本村居概况',
};

interface Row {
  key: string;
  label: string;
  /** A second, smaller line under the label. */
  note?: string;
  value: number;
  unit: string;
  /** Part of the row above it (indented). */
  sub?: boolean;
}

/** `townName`: for a 村居, the 镇街 its post and employer counts are for (when known). */
function rowsOf(o: RegionOverview, level: RegionLevel, townName: string | undefined): Row[] {
  // A 村居 has no posts or employers of its own: the API answers with its 镇街's, and we say so.
  const townWide = level === 'village' ? `整个${townName ?? '镇街'}的` : undefined;
  return [
    { key: 'residents', label: '登记居民', value: o.residents.total, unit: '人' },
    { key: 'seeking', label: '其中求职中', value: o.residents.seeking, unit: '人', sub: true },
    { key: 'posts', label: '在招岗位', note: townWide, value: o.openPosts, unit: '个' },
    { key: 'employers', label: '认证企业', note: townWide, value: o.verifiedEmployers, unit: '家' },
  ];
}

/**
 * The counts a liaison or admin sees first: residents, those seeking work, open posts and verified
 * employers, as big plain numbers. `scope` is the signed-in user's region (null: the whole
 * district); the API answers for it by default, so it only picks the title until the answer comes.
 */
export function RegionOverviewCard({ scope }: { scope: string | null }) {
  const { data, error, loading, reload } = useRegionOverview();
  const code = data?.regionCode ?? scope ?? DISTRICT_CODE;
  const level = regionLevelOf(code) ?? 'district';
  // Regions are cached, so on a 村居 liaison's home this costs no extra request.
  const towns = useRegions(level === 'village' ? DISTRICT_CODE : null);
  const townName = level === 'village' ? towns.data?.find((t) => t.code === townOf(code))?.name : undefined;

  // Coming back to this page (it stays in the stack under 我的 and others) shows fresh numbers.
  // The first show comes while the first load is still under way, so it asks for nothing more.
  useDidShow(() => {
    if (!loading) void reload();
  });

  return (
    <View className='zg-card overview-card'>
      <View className='overview-head'>
        <Text className='zg-card-title overview-title'>{TITLES[level]}</Text>
        {data ? <Text className='zg-small overview-region'>{data.regionName}</Text> : null}
      </View>
      {loading && !data ? <View className='zg-small'>正在加载…</View> : null}
      {error ? (
        <View>
          <View className='zg-error'>{error.message}</View>
          <View className='zg-gap' />
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void reload()}>
            重新加载
          </Button>
        </View>
      ) : null}
      {data ? (
        <View className='overview-rows'>
          {rowsOf(data, level, townName).map((r) => (
            <View key={r.key} className={r.sub ? 'overview-row overview-row-sub' : 'overview-row'}>
              <View className='overview-label'>
                <Text>{r.label}</Text>
                {r.note ? <Text className='overview-note'>{r.note}</Text> : null}
              </View>
              <View className='overview-value'>
                <Text className='overview-num'>{r.value}</Text>
                <Text className='overview-unit'>{r.unit}</Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
