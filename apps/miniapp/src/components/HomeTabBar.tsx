import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useUnreadBadge } from '../hooks/useUnreadBadge';
import { ROUTES } from '../lib/routes';
import jobsIcon from '../assets/tab/jobs.png';
import jobsActiveIcon from '../assets/tab/jobs-active.png';
import meIcon from '../assets/tab/me.png';
import meActiveIcon from '../assets/tab/me-active.png';
import messagesIcon from '../assets/tab/messages.png';
import messagesActiveIcon from '../assets/tab/messages-active.png';
import './HomeTabBar.css';

/** The same three tabs, icons and colours as app.config.ts tabBar. */
const TABS = [
  { url: ROUTES.index, text: '找工作', icon: jobsIcon as string, activeIcon: jobsActiveIcon as string },
  { url: ROUTES.messages, text: '消息', icon: messagesIcon as string, activeIcon: messagesActiveIcon as string },
  { url: ROUTES.me, text: '我的', icon: meIcon as string, activeIcon: meActiveIcon as string },
] as const;

/** The page root class that leaves room for the bar (put it on PageShell). */
export const WITH_TAB_BAR = 'zg-with-tabbar';

/**
 * The app's tab bar (找工作 / 消息 / 我的) at the foot of the role homes (企业首页, 联络员首页).
 *
 * Those homes live in subpackages, and WeChat only lets main-package pages be tab pages, so the real
 * tab bar never shows on them; a custom-tab-bar would replace the bar of every tab page as well. This
 * draws the same bar on the page instead and switches with Taro.switchTab, which works alike in WeChat
 * and in the H5 build. The role home is what 我的 leads to (我的 → 进入…工作台), so 我的 is the one lit.
 */
export function HomeTabBar({ current = ROUTES.me }: { current?: string }) {
  const unread = useUnreadBadge();
  return (
    <View className='zg-tabbar' aria-role='tablist'>
      {TABS.map((tab) => {
        const on = tab.url === current;
        return (
          <View
            key={tab.url}
            className={on ? 'zg-tabbar-item zg-tabbar-on' : 'zg-tabbar-item'}
            aria-role='tab'
            aria-selected={on}
            aria-label={tab.url === ROUTES.messages && unread > 0 ? `${tab.text}，${unread}条新消息` : tab.text}
            onClick={() => void Taro.switchTab({ url: tab.url })}
          >
            <View className='zg-tabbar-icon-box'>
              <Image className='zg-tabbar-icon' src={on ? tab.activeIcon : tab.icon} mode='aspectFit' />
              {tab.url === ROUTES.messages && unread > 0 ? <Text className='zg-tabbar-badge'>{unread > 99 ? '99+' : unread}</Text> : null}
            </View>
            <Text className='zg-tabbar-label'>{tab.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
