import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

const STORAGE_KEY = 'zg.largeText';
const EVENT = 'zg:largeText';

export function readLargeText(): boolean {
  return Taro.getStorageSync(STORAGE_KEY) === true;
}

/**
 * 大字模式 (适老化): a persistent switch kept in Taro storage. Every page reads it through
 * `PageShell`, which puts the `zg-large` class on its root; styles/theme.css does the rest.
 */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState<boolean>(readLargeText);

  useEffect(() => {
    const sync = () => setLarge(readLargeText());
    Taro.eventCenter.on(EVENT, sync);
    return () => {
      Taro.eventCenter.off(EVENT, sync);
    };
  }, []);

  // Pages kept alive under others (tab pages) pick up a change made elsewhere.
  useDidShow(() => setLarge(readLargeText()));

  const set = useCallback((on: boolean) => {
    Taro.setStorageSync(STORAGE_KEY, on);
    setLarge(on);
    Taro.eventCenter.trigger(EVENT);
  }, []);

  return [large, set];
}
