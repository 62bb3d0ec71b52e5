import { useEffect, type PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { useLargeText } from '../hooks/useLargeText';
import { FirstTour } from './FirstTour';

/** The root of every page: theme variables, and the 大字模式 class when it is on. */
export function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const [large] = useLargeText();
  // H5 draws its tab bar outside the page: the body carries 大字模式 for it (theme.css). WeChat draws
  // its own tab bar, whose text size a mini-program cannot change.
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.body.classList.toggle('zg-large-body', large);
  }, [large]);
  const classes = ['zg-page', large ? 'zg-large' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      {children}
      <FirstTour />
    </View>
  );
}
