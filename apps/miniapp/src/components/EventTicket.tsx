import { Text, View } from '@tarojs/components';
import { ticketQrText, type EventSignupItem } from '@zaogong/shared';
import { hhmm, spacedCode } from '../lib/events';
import { QrImage } from './QrImage';
import './EventTicket.css';

interface Props {
  s: EventSignupItem;
  /** The person's name on top (a liaison's list of villagers' tickets). */
  showName?: boolean;
  /** A smaller QR (a list of several tickets). */
  small?: boolean;
}

/**
 * 电子票: the QR staff scan at the door and the 8-character code in big letters (read out or typed when the
 * scan does not work); waiting and cancelled places say so instead, without a code to show.
 */
export function EventTicket({ s, showName, small }: Props) {
  if (s.status === 'cancelled') {
    return (
      <View className='et et-off'>
        {showName ? <View className='et-name'>{s.residentName}</View> : null}
        <View className='et-state et-state-off'>报名已取消</View>
      </View>
    );
  }
  if (s.status === 'waitlisted') {
    return (
      <View className='et et-wait'>
        {showName ? <View className='et-name'>{s.residentName}</View> : null}
        <View className='et-state et-state-wait'>名额满了，排队第{s.waitlistPosition ?? 1}个</View>
        <View className='zg-small et-note'>有人不去了，会按顺序补上，补上了发消息告诉{showName ? 'TA' : '您'}。</View>
      </View>
    );
  }
  return (
    <View className='et'>
      {showName ? (
        <View className='et-name'>
          {s.residentName}
          {s.villageName ? <Text className='et-village'>{s.villageName}</Text> : null}
        </View>
      ) : null}
      {s.checkedInAt ? <View className='et-state et-state-in'>✓ 已入场 {hhmm(s.checkedInAt)}</View> : <View className='et-state'>已报名，还没入场</View>}
      <QrImage text={s.ticketQrText || ticketQrText(s.ticketCode)} label='电子票二维码' small={small} />
      <View className='et-code-label zg-small'>票号（扫不上时念给工作人员）</View>
      <View className='et-code' aria-label={`票号 ${s.ticketCode.split('').join(' ')}`}>
        {spacedCode(s.ticketCode)}
      </View>
      {s.checkedInAt ? null : <View className='zg-small et-note'>到了门口，给工作人员扫这个二维码。</View>}
    </View>
  );
}
