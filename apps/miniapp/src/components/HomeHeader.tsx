import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type AuthUser } from '@zaogong/shared';

/** The greeting at the top of each role's home. */
export function HomeHeader({ user, children }: { user: AuthUser; children?: ReactNode }) {
  return (
    <View className='zg-card home-header'>
      <View className='zg-h1'>您好，{user.name}</View>
      <View className='zg-row-wrap'>
        <Text className='zg-tag'>{ROLE_LABELS[user.role]}</Text>
      </View>
      {children}
    </View>
  );
}
