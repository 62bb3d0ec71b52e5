import { useRef } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { eventsApi } from '../../api/events';
import { useApi } from '../../api/hooks';
import { PhaseLabel } from '../../components/EventCard';
import { EVENT_ROUTES, eventUrl, placeText, thisMonth, whenText } from '../../lib/events';
import './EventsEntry.css';

const SHOWN = 3;

/** 本月活动 on the home: this month's 招聘活动 (春风行动, 职等你来, 直播带岗), a tap to each, and 全部活动. */
export function EventsEntry() {
  const month = thisMonth();
  const events = useApi(() => eventsApi.list({ from: month.from, to: month.to, limit: SHOWN + 1 }, { toast: false }), [month.from]);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !events.loading) void events.reload();
    seen.current = true;
  });
  // Nothing to say when the list cannot be had: the home is about jobs first.
  if (events.error) return null;
  const items = events.data?.items ?? [];
  const more = items.length > SHOWN || Boolean(events.data?.nextCursor);
  return (
    <View className='zg-card ee'>
      <View className='zg-row ee-head'>
        <View className='zg-grow ee-title'>本月活动</View>
        <View className='ee-all' aria-role='link' onClick={() => void Taro.navigateTo({ url: EVENT_ROUTES.list })}>
          全部活动 ▸
        </View>
      </View>
      <View className='zg-small ee-lead'>招聘会、直播带岗：企业当面招人</View>
      {events.loading && !events.data ? <View className='zg-small ee-empty'>正在加载…</View> : null}
      {events.data && items.length === 0 ? <View className='zg-text ee-empty'>这个月没有招聘活动了，点“全部活动”看以后的。</View> : null}
      {items.slice(0, SHOWN).map((e) => (
        <View key={e.id} className='ee-item' aria-role='link' onClick={() => void Taro.navigateTo({ url: eventUrl(e.id) })}>
          <View className='zg-row ee-item-top'>
            <View className='zg-grow ee-item-title'>{e.title}</View>
            <PhaseLabel e={e} />
          </View>
          <View className='ee-item-line'>
            <Text className='ee-series'>{e.seriesLabel}</Text>
            {whenText(e)}
          </View>
          <View className='ee-item-line ee-item-place'>{placeText(e)}</View>
        </View>
      ))}
      {more ? (
        <Button className='zg-btn zg-btn-ghost zg-btn-block ee-more' onClick={() => void Taro.navigateTo({ url: EVENT_ROUTES.list })}>
          看全部活动
        </Button>
      ) : null}
    </View>
  );
}
