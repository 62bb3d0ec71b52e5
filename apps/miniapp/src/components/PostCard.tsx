import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { BENEFIT_LABELS, POST_TYPE_LABELS, type JobPostingItem } from '@zaogong/shared';
import { formatDateRange, formatDistance, formatFreshness, formatMonthlyWage, formatPay } from '../lib/format';
import { MatchReasons } from './MatchReasons';
import './PostCard.css';

interface Props {
  post: JobPostingItem;
  onOpen: (post: JobPostingItem) => void;
  /** Why the post was recommended (为你推荐, 为村民找工作), shown under it. */
  reasons?: readonly string[];
  /** Fewer lines (no monthly equivalent, no benefits), for a short list above the full one. */
  compact?: boolean;
  /** Under everything, e.g. a liaison's 帮TA报名 (it stops the tap from opening the post). */
  children?: ReactNode;
  /** Listed nearest first (离我最近): a post without a map pin says why it comes last. */
  nearest?: boolean;
}

/** One post in a list: what it pays, where, who is hiring, and how fresh it is. Text only, never HTML. */
export function PostCard({ post, onOpen, reasons, compact, children, nearest }: Props) {
  const monthly = compact ? '' : formatMonthlyWage(post);
  // With the seeker's location a card says how far it is; under 离我最近 a post without a map pin
  // says why it comes last.
  const distance = typeof post.distanceKm === 'number' ? formatDistance(post.distanceKm) : nearest ? '没标位置，距离不详' : '';
  // A 零工 without an end date is that one day, not "from" it.
  const dates = formatDateRange(post.startDate, post.type === 'gig' ? (post.endDate ?? post.startDate) : post.endDate);
  return (
    <View className='zg-card post-card' onClick={() => onOpen(post)} aria-role='link'>
      <View className='post-card-title'>{post.title}</View>
      <View className='post-card-wage zg-money'>{formatPay(post)}</View>
      {monthly ? <View className='zg-small'>{monthly}</View> : null}
      <View className='zg-row-wrap'>
        <Text className='zg-tag'>{POST_TYPE_LABELS[post.type]}</Text>
        {post.townName ? <Text className='zg-tag zg-tag-plain'>{post.townName}</Text> : null}
        <Text className='zg-tag zg-tag-plain'>招{post.headcount}人</Text>
        {distance ? <Text className={`zg-tag zg-tag-plain post-card-distance${typeof post.distanceKm === 'number' ? '' : ' post-card-distance-unknown'}`}>{distance}</Text> : null}
      </View>
      {dates ? <View className='post-card-dates'>用工日期 {dates}</View> : null}
      <View className='post-card-employer zg-row-wrap'>
        <Text className='post-card-employer-name'>{post.employer.name}</Text>
        {post.employer.verified ? <Text className='zg-tag zg-tag-ok post-card-badge'>✓ 已认证</Text> : null}
      </View>
      {post.benefits.length > 0 && !compact ? (
        <View className='zg-row-wrap'>
          {post.benefits.map((b) => (
            <Text key={b} className='zg-tag zg-tag-warn'>
              {BENEFIT_LABELS[b] ?? b}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='zg-small post-card-time'>{formatFreshness(post)}</View>
      {reasons ? <MatchReasons reasons={reasons} /> : null}
      {children}
    </View>
  );
}
