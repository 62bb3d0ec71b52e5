import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EventDetail } from '@zaogong/shared';
import { eventsApi } from '../../../api/events';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { eventDoorUrl, eventFormUrl, eventPosterUrl, eventReportUrl } from '../../../lib/events';

const go = (url: string) => void Taro.navigateTo({ url });

/** The organiser's tools: 验票入场 and the door list, the venue code, 活动报表, 打印海报, 编辑 and 取消. */
export function ManagePart({ ev, onChanged }: { ev: EventDetail; onChanged: () => void }) {
  const [cancelling, setCancelling] = useState(false);
  const live = ev.phase === 'upcoming' || ev.phase === 'ongoing';
  const pending = ev.employers.filter((e) => e.status === 'pending').length;
  return (
    <View className='zg-card evd-manage'>
      <View className='zg-card-title'>主办方管理</View>
      <View className='zg-row-wrap evd-manage-facts'>
        <View className='evd-fact'>
          <View className='evd-fact-n'>{ev.registered}</View>
          <View className='evd-fact-l'>已报名</View>
        </View>
        <View className='evd-fact'>
          <View className='evd-fact-n'>{ev.waitlisted}</View>
          <View className='evd-fact-l'>排队</View>
        </View>
        <View className='evd-fact'>
          <View className='evd-fact-n'>{ev.employerCount}</View>
          <View className='evd-fact-l'>参会企业</View>
        </View>
        <View className='evd-fact'>
          <View className={pending > 0 ? 'evd-fact-n evd-fact-warn' : 'evd-fact-n'}>{pending}</View>
          <View className='evd-fact-l'>待审核</View>
        </View>
      </View>
      {pending > 0 ? <View className='zg-small evd-manage-note'>待审核的企业在下面“参会企业”里，点“通过，给展位”。</View> : null}
      {ev.kind === 'onsite' ? (
        <View>
          <Button className='zg-btn zg-btn-block evd-door' onClick={() => go(eventDoorUrl(ev.id))}>
            验票入场、入场名单
          </Button>
          <Button className='zg-btn zg-btn-ghost zg-btn-block evd-venue-code' onClick={() => go(`${eventDoorUrl(ev.id)}&show=venue`)}>
            门口贴的入场码
          </Button>
        </View>
      ) : null}
      <Button className='zg-btn zg-btn-ghost zg-btn-block evd-report' onClick={() => go(eventReportUrl(ev.id))}>
        活动报表
      </Button>
      <Button className='zg-btn zg-btn-ghost zg-btn-block evd-poster' onClick={() => go(eventPosterUrl(ev.id))}>
        打印海报
      </Button>
      {live ? (
        <View className='evd-manage-row'>
          <Button className='zg-btn zg-btn-ghost evd-edit' onClick={() => go(eventFormUrl(ev.id))}>
            编辑活动
          </Button>
          <Button className='zg-btn zg-btn-danger evd-cancel-event' onClick={() => setCancelling(true)}>
            取消活动
          </Button>
        </View>
      ) : null}
      {cancelling ? (
        <ConfirmSheet
          title='取消这个活动？'
          submitText='取消活动'
          cancelText='不取消'
          danger
          field={{
            label: '为什么取消（报了名的人和企业都会收到）',
            required: true,
            minLength: 2,
            maxLength: 200,
            presets: ['天气不好，改期再办', '场地临时有变'],
            placeholder: '如：下大雨，改到下周六',
            requiredMessage: '请写明取消的原因（至少2个字）',
          }}
          onClose={() => setCancelling(false)}
          onSubmit={async (reason) => {
            await eventsApi.cancel(ev.id, reason, { toast: false });
            setCancelling(false);
            void Taro.showToast({ title: '已取消活动', icon: 'success', duration: 1500 });
            onChanged();
          }}
        >
          <View>已经报名的{ev.registered}人和参会的企业都会收到消息。取消了不能恢复。</View>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
