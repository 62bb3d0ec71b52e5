import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { api } from '../api/endpoints';
import { getToken, SESSION_EVENT } from '../lib/session';

/** The 消息 tab's place in app.config.ts tabBar.list (找工作, 消息, 我的). */
const MESSAGES_TAB_INDEX = 1;
/** Fired on Taro.eventCenter with the new count whenever it is known to have changed. */
const UNREAD_EVENT = 'zg:unread';

let lastCount = 0;
let inFlight: Promise<number> | null = null;

function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/**
 * Puts the count on the 消息 tab (or takes it off). WeChat refuses this on pages outside the tab bar,
 * and the H5 tab bar may not be mounted yet: either way there is nothing to do but try again on the
 * next show.
 */
function paintBadge(count: number): void {
  try {
    const done =
      count > 0
        ? Taro.setTabBarBadge({ index: MESSAGES_TAB_INDEX, text: badgeText(count) })
        : Taro.removeTabBarBadge({ index: MESSAGES_TAB_INDEX });
    void Promise.resolve(done).catch(() => undefined);
  } catch {
    // Not a tab page, or an environment without a tab bar.
  }
}

/** Tells every listener (the tab badge, the 消息 buttons on the role homes) the count is now `count`. */
export function setUnreadCount(count: number): void {
  lastCount = Math.max(0, count);
  paintBadge(lastCount);
  Taro.eventCenter.trigger(UNREAD_EVENT, lastCount);
}

/** Asks the API for the unread count (0 when logged out or when the call fails) and spreads it. */
export function refreshUnread(): Promise<number> {
  if (!getToken()) {
    setUnreadCount(0);
    return Promise.resolve(0);
  }
  if (!inFlight) {
    inFlight = api
      .unreadCount({ toast: false })
      .then((r) => r.count, () => lastCount)
      .then((count) => {
        setUnreadCount(count);
        return count;
      })
      .finally(() => {
        inFlight = null;
      });
  }
  return inFlight;
}

/**
 * The signed-in user's unread count, refreshed each time the page shows and when the user changes;
 * it also keeps the 消息 tab's badge in step. Tab pages call it for the badge, role homes for their
 * 消息 button.
 */
export function useUnreadBadge(): number {
  const [count, setCount] = useState(lastCount);

  useEffect(() => {
    const onCount = (n: number) => setCount(n);
    const onSession = () => void refreshUnread();
    Taro.eventCenter.on(UNREAD_EVENT, onCount);
    Taro.eventCenter.on(SESSION_EVENT, onSession);
    return () => {
      Taro.eventCenter.off(UNREAD_EVENT, onCount);
      Taro.eventCenter.off(SESSION_EVENT, onSession);
    };
  }, []);

  useDidShow(() => {
    void refreshUnread();
  });

  return count;
}
