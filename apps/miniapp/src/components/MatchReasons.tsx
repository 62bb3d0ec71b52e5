import { Text, View } from '@tarojs/components';
import './MatchReasons.css';

interface Props {
  reasons: readonly string[];
  /** A short head such as "为什么推荐"; none by default. */
  title?: string;
}

/**
 * Why a post and a person were matched, one short phrase a line ("想做电焊工", "同在桑村镇"): the
 * reasons come from the API already in plain Chinese. Nothing when there are none.
 */
export function MatchReasons({ reasons, title }: Props) {
  if (reasons.length === 0) return null;
  return (
    <View className='mr-box'>
      {title ? <View className='mr-title'>{title}</View> : null}
      {reasons.map((r, i) => (
        <View key={`${i}-${r}`} className='mr-line'>
          <Text className='mr-tick'>✓</Text>
          <Text className='mr-text'>{r}</Text>
        </View>
      ))}
    </View>
  );
}
