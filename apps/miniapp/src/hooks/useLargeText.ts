import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';

const STORAGE_KEY = 'zg.largeText';
/** Set once the person flips the switch themselves: from then on WeChat's font size no longer decides. */
const CHOSEN_KEY = 'zg.largeText.chosen';
const EVENT = 'zg:largeText';
/** WeChat's 字体大小 setting above its standard (17): the person reads large text everywhere. */
const SYSTEM_LARGE_FONT = 17;

export function readLargeText(): boolean {
  return Taro.getStorageSync(STORAGE_KEY) === true;
}

/** Whether a system font size (WeChat's fontSizeSetting) should turn 大字模式 on by itself. */
export function systemWantsLargeText(fontSizeSetting: unknown, chosenByPerson: boolean): boolean {
  return !chosenByPerson && typeof fontSizeSetting === 'number' && fontSizeSetting > SYSTEM_LARGE_FONT;
}

/**
 * At app start (WeChat only): a person who set WeChat's 字体大小 large gets 大字模式 without looking for it,
 * unless they turned it off (or on) themselves on 我的.
 */
export function followSystemFontSize(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    const { fontSizeSetting } = Taro.getSystemInfoSync() as { fontSizeSetting?: number };
    if (systemWantsLargeText(fontSizeSetting, Taro.getStorageSync(CHOSEN_KEY) === true) && !readLargeText()) {
      Taro.setStorageSync(STORAGE_KEY, true);
      Taro.eventCenter.trigger(EVENT);
    }
  } catch {
    // No system info: leave the setting as it is.
  }
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
    Taro.setStorageSync(CHOSEN_KEY, true);
    setLarge(on);
    Taro.eventCenter.trigger(EVENT);
  }, []);

  return [large, set];
}
