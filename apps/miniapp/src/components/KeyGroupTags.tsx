import { Text, View } from '@tarojs/components';
import { KEY_GROUP_LABELS, type KeyGroup } from '@zaogong/shared';

/** A resident's key groups (退役军人, 残疾人 …) as tags; nothing when there are none. */
export function KeyGroupTags({ groups }: { groups: KeyGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <View className='zg-row-wrap'>
      {groups.map((g) => (
        <Text key={g} className='zg-tag'>
          {KEY_GROUP_LABELS[g]}
        </Text>
      ))}
    </View>
  );
}
