import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useLargeText } from '../hooks/useLargeText';

/** The root of every page: theme variables, and the 大字模式 class when it is on. */
export function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const [large] = useLargeText();
  const classes = ['zg-page', large ? 'zg-large' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
