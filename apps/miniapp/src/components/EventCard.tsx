import { Text, View } from '@tarojs/components';
import { EVENT_PHASE_LABELS, type EventItem } from '@zaogong/shared';
import { kindLabel, PHASE_CLASS, placeText, whenText } from '../lib/events';
import './EventCard.css';

/** The phase of an event as a label: 未开始, 进行中, 已结束, 已取消 (words, not colour alone). */
export function PhaseLabel({ e }: { e: Pick<EventItem, 'phase'> }) {
  return <Text className={`ev-phase ${PHASE_CLASS[e.phase]}`}>{EVENT_PHASE_LABELS[e.phase]}</Text>;
}

interface Props {
  e: EventItem;
  onOpen: (e: EventItem) => void;
  /** Inside a list headed by the date: the time only. */
  timeOnly?: boolean;
}

/** One 招聘活动 in a list: its title, series and kind, when and where, how many employers and posts. */
export function EventCard({ e, onOpen, timeOnly }: Props) {
  return (
    <View className={e.phase === 'cancelled' ? 'zg-card ev-card ev-card-off' : 'zg-card ev-card'} onClick={() => onOpen(e)} aria-role='link'>
      <View className='zg-row ev-card-top'>
        <View className='zg-grow ev-card-title'>{e.title}</View>
        <PhaseLabel e={e} />
      </View>
      <View className='zg-row-wrap'>
        <Text className='zg-tag'>{e.seriesLabel}</Text>
        <Text className='zg-tag zg-tag-plain'>{kindLabel(e)}</Text>
      </View>
      <View className='ev-card-when'>{whenText(e, { short: timeOnly })}</View>
      <View className='ev-card-place'>{placeText(e)}</View>
      {e.phase === 'cancelled' ? (
        <View className='ev-card-note ev-card-note-off'>已取消{e.cancelReason ? `：${e.cancelReason}` : ''}</View>
      ) : e.employerCount > 0 ? (
        <View className='ev-card-note'>
          {e.employerCount}家企业，{e.postCount}个岗位
        </View>
      ) : null}
      {e.mySignup && e.mySignup.status !== 'cancelled' ? <View className='ev-card-mine'>✓ 您已报名</View> : null}
    </View>
  );
}
