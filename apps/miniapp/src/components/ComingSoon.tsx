import { Text, View } from '@tarojs/components';

export interface ComingSoonItem {
  name: string;
  desc: string;
}

/** Tools a later version adds, listed honestly: not tappable, clearly marked 即将开放. */
export function ComingSoon({ items }: { items: ComingSoonItem[] }) {
  return (
    <View className='zg-card'>
      <View className='zg-card-title'>更多功能</View>
      <View className='zg-small'>下面这些功能正在开发，下一版开放，现在还不能用。</View>
      <View className='zg-gap' />
      {items.map((item) => (
        <View key={item.name} className='zg-soon-item'>
          <View className='zg-soon-name'>
            {item.name}
            <Text className='zg-soon-desc'>{item.desc}</Text>
          </View>
          <Text className='zg-tag zg-tag-plain'>即将开放</Text>
        </View>
      ))}
    </View>
  );
}
