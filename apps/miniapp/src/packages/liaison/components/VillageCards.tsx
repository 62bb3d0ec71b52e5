import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LiaisonArea, LiaisonVillages } from '@zaogong/shared';
import type { ApiState } from '../../../api/hooks';
import { ROUTES } from '../../../lib/routes';
import './VillageCards.css';

/** How many 村居 of a 镇街 show before 查看全部. */
const FIRST_VILLAGES = 5;

/** 居民名单 of one 村居 (or of one 镇街). */
export function villageResidentsUrl(area: Pick<LiaisonArea, 'code' | 'level'>): string {
  return `${ROUTES.residents}?${area.level === 'town' ? 'townCode' : 'villageCode'}=${encodeURIComponent(area.code)}`;
}

interface Totals {
  seeking: number;
  employedThisYear: number;
  toConfirm: number;
}

function sum(items: LiaisonArea[]): Totals {
  return items.reduce((t, v) => ({ seeking: t.seeking + v.seeking, employedThisYear: t.employedThisYear + v.employedThisYear, toConfirm: t.toConfirm + v.toConfirm }), { seeking: 0, employedThisYear: 0, toConfirm: 0 });
}

/** The three numbers, big, side by side. */
function Stats({ t }: { t: Totals }) {
  return (
    <View className='vc-stats'>
      <View className='vc-stat'>
        <Text className='vc-num'>{t.seeking}</Text>
        <Text className='vc-label'>求职中</Text>
      </View>
      <View className='vc-stat'>
        <Text className='vc-num vc-num-ok'>{t.employedThisYear}</Text>
        <Text className='vc-label'>今年已就业</Text>
      </View>
      <View className='vc-stat'>
        <Text className={t.toConfirm > 0 ? 'vc-num vc-num-warn' : 'vc-num'}>{t.toConfirm}</Text>
        <Text className='vc-label'>待确认上班</Text>
      </View>
    </View>
  );
}

/** One 村居 of a 镇街: its name and numbers on two short lines; a tap opens its 居民名单. */
function VillageRow({ v }: { v: LiaisonArea }) {
  return (
    <View className='vc-row' aria-role='link' onClick={() => void Taro.navigateTo({ url: villageResidentsUrl(v) })}>
      <View className='zg-grow'>
        <View className='vc-row-name'>{v.name}</View>
        <View className='vc-row-line'>
          求职中 <Text className='vc-row-num'>{v.seeking}</Text> · 今年已就业 <Text className='vc-row-num'>{v.employedThisYear}</Text>
          {v.toConfirm > 0 ? (
            <Text className='vc-row-warn'>
              {' '}
              · 待确认 <Text className='vc-row-num'>{v.toConfirm}</Text>
            </Text>
          ) : null}
        </View>
      </View>
      <Text className='vc-chevron'>›</Text>
    </View>
  );
}

/** The ones with something waiting first, then the ones with most people looking for work. */
function byNeed(a: LiaisonArea, b: LiaisonArea): number {
  return b.toConfirm - a.toConfirm || b.seeking - a.seeking || a.code.localeCompare(b.code);
}

/**
 * 村居 cards of the liaison home (GET /liaison/villages): a 村居 liaison sees their one 村居 as a card of
 * three big numbers; a 镇街 liaison the 镇街's totals and then its 村居, those with something waiting
 * first, five at a time (no page-long list of names). A tap opens that 村居's 居民名单.
 */
export function VillageCards({ state }: { state: ApiState<LiaisonVillages> }) {
  const [all, setAll] = useState(false);
  const { data, error, loading, reload } = state;

  if (error) {
    return (
      <View className='zg-card vc-card'>
        <View className='zg-card-title'>村里的情况</View>
        <View className='zg-error'>{error.message}</View>
        <View className='zg-gap' />
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void reload()}>
          重新加载
        </Button>
      </View>
    );
  }
  if (!data) {
    return <View className='zg-card vc-card zg-small'>{loading ? '正在加载村里的情况…' : ''}</View>;
  }

  const single = data.items.length === 1 && data.items[0].code === data.regionCode;
  if (single) {
    const v = data.items[0];
    return (
      <View className='zg-card vc-card vc-village' aria-role='link' onClick={() => void Taro.navigateTo({ url: villageResidentsUrl(v) })}>
        <View className='vc-head'>
          <Text className='vc-title'>{v.name}</Text>
          <Text className='vc-more'>居民名单 ›</Text>
        </View>
        <Stats t={v} />
      </View>
    );
  }

  const sorted = [...data.items].sort(byNeed);
  const shown = all ? sorted : sorted.slice(0, FIRST_VILLAGES);
  const unit = data.items[0]?.level === 'town' ? '镇街' : '村居';
  return (
    <View className='zg-card vc-card vc-town'>
      <View className='vc-head'>
        <Text className='vc-title'>{data.regionName}</Text>
        <Text className='zg-small'>
          共{data.items.length}个{unit}
        </Text>
      </View>
      <Stats t={sum(data.items)} />
      <View className='vc-rows'>
        {shown.map((v) => (
          <VillageRow key={v.code} v={v} />
        ))}
      </View>
      {sorted.length > FIRST_VILLAGES ? (
        <Button className='zg-btn zg-btn-ghost zg-btn-block vc-all' onClick={() => setAll(!all)}>
          {all ? '收起' : `查看全部 ${sorted.length} 个${unit}`}
        </Button>
      ) : null}
    </View>
  );
}
