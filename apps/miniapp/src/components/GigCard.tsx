import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { GigItem } from '@zaogong/shared';
import { formatPay } from '../lib/format';
import { clockText, dayText, DEFAULT_WORK_START, nearText, spotsText } from '../lib/gigs';
import './GigCard.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** Where the work is, in words: the 镇街 and 村, then the address the employer gave. */
export function gigPlace(post: GigItem['post']): string {
  const area = [post.townName, post.villageName].filter(Boolean).join(' ');
  return [area || '山亭区', post.address].filter(Boolean).join('，');
}

/** 看地图: WeChat's map at the site (only when the post has a pin). */
export function openGigMap(post: GigItem['post']): void {
  if (post.lat === null || post.lng === null) return;
  void Taro.openLocation({ latitude: post.lat, longitude: post.lng, name: post.title, address: gigPlace(post), scale: 16 }).catch(() => undefined);
}

interface Props {
  item: GigItem;
  onOpen?: (item: GigItem) => void;
  /** Under everything (a 报名 button); taps on it do not open the post. */
  children?: ReactNode;
}

/**
 * One 零工 in a list: the day's pay big and red, how near, the day(s) with the places left, when work
 * starts, who pays, and a warning when the employer has an unresolved wage complaint.
 */
export function GigCard({ item, onOpen, children }: Props) {
  const { post } = item;
  const near = nearText(item);
  const canMap = IS_WEAPP && post.lat !== null && post.lng !== null;
  return (
    <View className='zg-card gig-card' onClick={() => onOpen?.(item)} aria-role={onOpen ? 'link' : undefined}>
      <View className='gig-card-title'>{post.title}</View>
      <View className='zg-row-wrap gig-card-top'>
        <Text className='zg-money gig-card-pay'>{formatPay(post)}</Text>
        {near ? <Text className='gig-card-near'>{near}</Text> : <Text className='gig-card-near gig-card-near-unknown'>距离不详</Text>}
      </View>
      {item.dates.map((d) => (
        <View key={d.date} className='zg-row-wrap gig-card-day'>
          <Text className='gig-card-date'>{dayText(d.date)}</Text>
          <Text className={d.closed ? 'gig-card-spots gig-card-spots-closed' : d.spotsLeft > 0 ? 'gig-card-spots' : 'gig-card-spots gig-card-spots-full'}>{spotsText(d)}</Text>
        </View>
      ))}
      <View className='gig-card-line'>{clockText(post.workStartTime ?? DEFAULT_WORK_START)}开工</View>
      <View className='gig-card-line gig-card-place'>{gigPlace(post)}</View>
      <View className='zg-row-wrap gig-card-employer'>
        <Text className='gig-card-employer-name'>{post.employer.name}</Text>
        {post.employer.verified ? <Text className='zg-tag zg-tag-ok'>✓ 已认证</Text> : null}
      </View>
      {item.employerWarning ? <View className='gig-card-warning'>⚠ {item.employerWarning}</View> : null}
      {canMap ? (
        <Button
          className='zg-btn zg-btn-ghost zg-btn-block gig-card-map'
          onClick={(e) => {
            e.stopPropagation();
            openGigMap(post);
          }}
        >
          看地图
        </Button>
      ) : null}
      {children ? (
        <View className='gig-card-actions' onClick={(e) => e.stopPropagation()}>
          {children}
        </View>
      ) : null}
    </View>
  );
}
