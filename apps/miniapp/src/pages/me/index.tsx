import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { ROLE_LABELS, type AuthUser, type SeekerPreferences } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { useApi } from '../../api/hooks';
import { PageShell } from '../../components/PageShell';
import { PoliciesEntry } from '../../components/PoliciesEntry';
import { useLargeText } from '../../hooks/useLargeText';
import { useSession } from '../../hooks/useSession';
import { useUnreadBadge } from '../../hooks/useUnreadBadge';
import { EVENT_ROUTES } from '../../lib/events';
import { GIG_ROUTES } from '../../lib/gigs';
import { logout } from '../../lib/login';
import { homeOf, loginUrl, paramOf, ROUTES, scanLoginUrl } from '../../lib/routes';
import './index.css';

function regionLine(user: AuthUser): string | null {
  if (!user.regionName) return null;
  if (user.role === 'liaison') return `负责范围：${user.regionName}`;
  if (user.role === 'admin') return `管理范围：${user.regionName}`;
  return `所在地：${user.regionName}`;
}

/** The preferences of a seeker with a record; null (404) when they have none yet: nothing to switch. */
async function loadPreferences(): Promise<SeekerPreferences | null> {
  try {
    return await api.myPreferences({ toast: false });
  } catch (e) {
    if (e instanceof ApiRequestError && e.statusCode === 404) return null;
    throw e;
  }
}

/**
 * 个性化推荐 on or off (个人信息保护法 第二十四条: a person may refuse recommendations drawn from their
 * profile). Shown once the seeker has a record, since without one nothing is personalised.
 */
function PersonalizedSwitch({ userId }: { userId: string }) {
  const prefs = useApi(loadPreferences, [userId]);
  const [saving, setSaving] = useState(false);
  // Back from 我的档案: a record made there brings the switch.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !prefs.loading) void prefs.reload();
    seen.current = true;
  });

  if (!prefs.data) return null;
  const on = prefs.data.personalizedRecommendations;

  const toggle = async () => {
    if (saving) return;
    setSaving(true);
    try {
      await api.savePreferences({ personalizedRecommendations: !on });
      await prefs.reload();
      void Taro.showToast({ title: on ? '已关闭个性化推荐' : '已打开个性化推荐', icon: 'none', duration: 2000 });
    } catch {
      // The client has shown the API's message; the switch stays as it was.
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='zg-card'>
      <View
        className={on ? 'zg-row me-pref-row me-toggle-on' : 'zg-row me-pref-row'}
        onClick={() => void toggle()}
        aria-role='switch'
        aria-checked={on}
      >
        <View className='zg-grow'>
          <View className='zg-h2'>个性化推荐</View>
          <View className='zg-small'>根据您的求职信息推荐岗位；关闭后只按距离和时间显示</View>
        </View>
        <View className='me-toggle'>
          <Text className='me-toggle-state'>{saving ? '正在保存' : on ? '已打开' : '已关闭'}</Text>
          <View className='me-track'>
            <View className='me-knob' />
          </View>
        </View>
      </View>
    </View>
  );
}

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * 扫一扫 (staff, in WeChat): the QR code on a PC's 扫码登录 page carries a link with its ticket; the
 * 扫码登录 page then asks whether to log that PC in.
 */
function ScanToLogIn() {
  const scan = async () => {
    let text = '';
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch {
      return; // closed without scanning
    }
    const ticket = paramOf(text, 'ticket');
    if (!ticket) {
      void Taro.showToast({ title: '这不是枣工快递电脑登录的二维码', icon: 'none', duration: 2500 });
      return;
    }
    void Taro.navigateTo({ url: scanLoginUrl(ticket) });
  };
  return (
    <View className='zg-card me-scan'>
      <Button className='zg-btn zg-btn-block' onClick={() => void scan()}>
        扫一扫，在电脑上登录
      </Button>
      <View className='zg-small me-profile-note'>在电脑上打开枣工快递，选“扫码登录”，再用这里扫屏幕上的二维码。</View>
    </View>
  );
}

/** 我的: who I am, 大字模式, 个性化推荐 (seekers), 消息设置, 我的个人信息, switch role, log out. */
export default function MePage() {
  const user = useSession();
  const [large, setLarge] = useLargeText();
  // The 消息 tab's badge, refreshed on each show of this tab.
  useUnreadBadge();

  const [leaving, setLeaving] = useState(false);
  const switchRole = async () => {
    if (leaving) return;
    setLeaving(true);
    await logout();
    setLeaving(false);
    void Taro.reLaunch({ url: ROUTES.login });
  };
  const signOut = async () => {
    if (leaving) return;
    setLeaving(true);
    await logout();
    setLeaving(false);
    void Taro.showToast({ title: '已退出登录', icon: 'success', duration: 1500 });
  };

  return (
    <PageShell>
      <View className='zg-card me-head'>
        {user ? (
          <View className='zg-row'>
            <View className='me-avatar'>{user.name.slice(0, 1)}</View>
            <View className='zg-grow'>
              <View className='me-name'>{user.name}</View>
              <View className='zg-row-wrap'>
                <Text className='zg-tag'>{ROLE_LABELS[user.role]}</Text>
              </View>
              {regionLine(user) ? <View className='me-line'>{regionLine(user)}</View> : null}
              {user.phoneMasked ? <View className='me-line me-phone'>手机：{user.phoneMasked}</View> : null}
            </View>
          </View>
        ) : (
          <View>
            <View className='me-name'>您还没有登录</View>
            <View className='me-line'>不登录也能看岗位；报名、招工要先登录。</View>
            <View className='zg-gap' />
            <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: loginUrl() })}>
              登录
            </Button>
          </View>
        )}
      </View>

      {user && user.role === 'seeker' ? (
        <View className='zg-card'>
          <Button className='zg-btn zg-btn-block me-applications' onClick={() => void Taro.navigateTo({ url: ROUTES.myApplications })}>
            我的投递
          </Button>
          <View className='zg-small me-profile-note'>报过名的岗位，看企业有没有回复、约没约面试。</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block me-gigs' onClick={() => void Taro.navigateTo({ url: GIG_ROUTES.mine })}>
            我的零工
          </Button>
          <Button className='zg-btn zg-btn-ghost zg-btn-block me-events' onClick={() => void Taro.navigateTo({ url: EVENT_ROUTES.mine })}>
            我的活动（电子票）
          </Button>
        </View>
      ) : null}

      {user && user.role === 'seeker' ? (
        <View className='zg-card'>
          <Button className='zg-btn zg-btn-block me-profile' onClick={() => void Taro.navigateTo({ url: ROUTES.profile })}>
            我的档案
          </Button>
          <View className='zg-small me-profile-note'>填上会干什么、想干什么，有合适的工作会通知您。</View>
        </View>
      ) : null}

      {user && user.role === 'seeker' ? <PersonalizedSwitch key={user.id} userId={user.id} /> : null}

      {/* 可能适合您的政策 N 项 for a seeker or a firm; 就业创业政策 for anyone else. */}
      {user?.role === 'liaison' || user?.role === 'admin' ? null : <PoliciesEntry always />}

      {user && user.role !== 'seeker' ? (
        <View className='zg-card'>
          <Button className='zg-btn zg-btn-block' onClick={() => void Taro.navigateTo({ url: homeOf(user.role) })}>
            进入{ROLE_LABELS[user.role]}工作台
          </Button>
        </View>
      ) : null}

      {user && IS_WEAPP && (user.role === 'liaison' || user.role === 'admin') ? <ScanToLogIn /> : null}

      <View className='zg-card me-invitation'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.navigateTo({ url: ROUTES.invitation })}>
          我有邀请码
        </Button>
        <View className='zg-small me-profile-note'>人社局或镇街给了您邀请码（联络员、工作人员），在这里输入。</View>
      </View>

      {user && user.role !== 'admin' ? (
        <View className='zg-card'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block me-notify' onClick={() => void Taro.navigateTo({ url: ROUTES.notificationSettings })}>
            消息设置
          </Button>
          <View className='zg-small me-profile-note'>收哪些消息、要不要短信、微信通知还能收几条。</View>
        </View>
      ) : null}

      {user && (user.role === 'seeker' || user.role === 'employer') ? (
        <View className='zg-card'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block me-my-data' onClick={() => void Taro.navigateTo({ url: ROUTES.myData })}>
            我的个人信息
          </Button>
          <View className='zg-small me-profile-note'>下载平台保存的您的全部信息；不想用了，可以申请注销账号、删除信息。</View>
        </View>
      ) : null}

      <View className='zg-card'>
        <View
          className={large ? 'zg-row me-toggle-row me-toggle-on' : 'zg-row me-toggle-row'}
          onClick={() => setLarge(!large)}
          aria-role='switch'
          aria-checked={large}
        >
          <View className='zg-grow'>
            <View className='zg-h2'>大字模式</View>
            <View className='zg-small'>字更大，看得更清楚</View>
          </View>
          <View className='me-toggle'>
            <Text className='me-toggle-state'>{large ? '已打开' : '已关闭'}</Text>
            <View className='me-track'>
              <View className='me-knob' />
            </View>
          </View>
        </View>
      </View>

      {user ? (
        <View className='zg-section me-actions'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void switchRole()}>
            切换角色
          </Button>
          <Button className='zg-btn zg-btn-danger zg-btn-block me-logout' onClick={() => void signOut()}>
            {leaving ? '正在退出…' : '退出登录'}
          </Button>
        </View>
      ) : null}

      <View className='me-foot zg-small'>枣工快递 · 山亭区公共就业服务</View>
    </PageShell>
  );
}
