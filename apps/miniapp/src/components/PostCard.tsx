import { Text, View } from '@tarojs/components';
import {
  BENEFIT_LABELS,
  POST_TYPE_LABELS,
  VERIFICATION_STATE_LABELS,
  type JobPostingItem,
} from '@zaogong/shared';
import { formatPublished, formatWage } from '../lib/format';
import './PostCard.css';

interface Props {
  post: JobPostingItem;
  onOpen: (post: JobPostingItem) => void;
}

export function PostCard({ post, onOpen }: Props) {
  return (
    <View className='zg-card post-card' onClick={() => onOpen(post)} aria-role='link'>
      <View className='post-card-title'>{post.title}</View>
      <View className='post-card-wage zg-money'>{formatWage(post)}</View>
      <View className='zg-row-wrap'>
        <Text className='zg-tag'>{POST_TYPE_LABELS[post.type]}</Text>
        {post.townName ? <Text className='zg-tag zg-tag-plain'>{post.townName}</Text> : null}
        <Text className='zg-tag zg-tag-plain'>招{post.headcount}人</Text>
      </View>
      <View className='post-card-employer zg-row-wrap'>
        <Text className='post-card-employer-name'>{post.employer.name}</Text>
        {post.employer.verified ? (
          <Text className='zg-tag zg-tag-ok post-card-badge'>{VERIFICATION_STATE_LABELS.verified}</Text>
        ) : null}
      </View>
      {post.benefits.length > 0 ? (
        <View className='zg-row-wrap'>
          {post.benefits.map((b) => (
            <Text key={b} className='zg-tag zg-tag-warn'>
              {BENEFIT_LABELS[b] ?? b}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='zg-small post-card-time'>{formatPublished(post.publishedAt)}</View>
    </View>
  );
}
