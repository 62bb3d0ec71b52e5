import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  NOTIFICATION_TYPE_LABELS,
  NOTIFICATION_TYPES_BY_ROLE,
  TEMPLATE_KIND_LABELS,
  type AuthUser,
  type NotificationSettings,
  type NotificationSettingsInput,
  type NotificationType,
  type SubscriptionBalance,
} from '@zaogong/shared';
import { api } from '../../api/endpoints';
import { useApi } from '../../api/hooks';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useSession } from '../../hooks/useSession';
import { loginUrl, ROUTES } from '../../lib/routes';
import { requestSubscriptions } from '../../lib/subscribe';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

const TYPE_NOTE: Partial<Record<NotificationType, string>> = {
  job_digest: '每天上午推荐几个适合您的新岗位。关闭后不再为您推荐',
};
const DEFAULT_TYPE_NOTE = '关闭后不再推送微信消息/短信，消息列表里仍能看到';

interface ToggleProps {
  title: string;
  note: string;
  on: boolean;
  busy: boolean;
  disabled?: boolean;
  className?: string;
  onToggle: () => void;
}

/** One switch row: the words on the left, 已打开/已关闭 and the switch on the right; the whole row is the tap target. */
function ToggleRow({ title, note, on, busy, disabled, className, onToggle }: ToggleProps) {
  const classes = ['zg-row', 'ns-row', on ? 'ns-on' : '', disabled ? 'ns-disabled' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes} onClick={disabled ? undefined : onToggle} aria-role='switch' aria-checked={on} aria-disabled={disabled}>
      <View className='zg-grow'>
        <View className='ns-title'>{title}</View>
        <View className='zg-small'>{note}</View>
      </View>
      <View className='ns-switch'>
        <Text className='ns-state'>{busy ? '正在保存' : disabled ? '未开通' : on ? '已打开' : '已关闭'}</Text>
        <View className='ns-track'>
          <View className='ns-knob' />
        </View>
      </View>
    </View>
  );
}

function Subscriptions({ items, onSubscribed }: { items: SubscriptionBalance[]; onSubscribed: () => void }) {
  const subscribe = (item: SubscriptionBalance) => {
    // Called straight from the tap: WeChat opens its dialog only then.
    void requestSubscriptions([item.templateId]).then((accepted) => {
      if (accepted.length > 0) {
        void Taro.showToast({ title: '订阅成功', icon: 'success', duration: 1500 });
        onSubscribed();
      }
    });
  };

  return (
    <View className='zg-card ns-subs'>
      <View className='zg-card-title'>微信通知</View>
      <View className='zg-small'>微信规定：点一次“订阅”，再点“允许”，才能收到一条这类微信通知。收到以后可以再订阅。</View>
      {items.length === 0 ? <View className='zg-text ns-subs-none'>暂时没有可以订阅的微信通知。</View> : null}
      {items.map((s) => (
        <View key={s.templateId} className='zg-row ns-sub'>
          <View className='zg-grow'>
            <View className='ns-title'>{TEMPLATE_KIND_LABELS[s.kind] ?? s.kind}</View>
            <View className={s.remaining > 0 ? 'ns-remaining' : 'ns-remaining ns-remaining-none'}>
              {s.remaining > 0 ? `还能收${s.remaining}条` : '现在收不到，请订阅'}
            </View>
          </View>
          {IS_WEAPP ? (
            <Button className='zg-btn ns-sub-btn' onClick={() => subscribe(s)}>
              订阅
            </Button>
          ) : null}
        </View>
      ))}
      {!IS_WEAPP && items.length > 0 ? <View className='ns-h5-note'>请在微信小程序中订阅。</View> : null}
    </View>
  );
}

function Settings({ user }: { user: AuthUser }) {
  const loaded = useApi(() => api.notificationSettings({ toast: false }), [user.id]);
  // What the last save answered; newer than `loaded` until the next load.
  const [saved, setSaved] = useState<NotificationSettings>();
  const [saving, setSaving] = useState<string>();
  const settings = saved ?? loaded.data;
  const reload = () => {
    setSaved(undefined);
    void loaded.reload();
  };

  // Back from WeChat's dialog or another page: the counts may have changed.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current && !loaded.loading && !saving) reload();
    seen.current = true;
  });

  if (loaded.error && !settings) {
    return <StateView title='设置没有加载出来' body={loaded.error.message} actionText='再试一次' onAction={reload} />;
  }
  if (!settings) return <StateView title='正在加载…' />;

  const save = async (next: NotificationSettingsInput, key: string) => {
    if (saving) return;
    setSaving(key);
    try {
      setSaved(await api.saveNotificationSettings(next));
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 });
    } catch {
      // The client has shown the API's message; the switch stays as it was.
    } finally {
      setSaving(undefined);
    }
  };

  const muted = new Set(settings.mutedTypes);
  const toggleType = (t: NotificationType) => {
    const next = muted.has(t) ? settings.mutedTypes.filter((m) => m !== t) : [...settings.mutedTypes, t];
    void save({ mutedTypes: next, sms: settings.sms }, t);
  };
  const types = NOTIFICATION_TYPES_BY_ROLE[user.role];

  return (
    <View>
      <View className='zg-card ns-intro'>
        <View className='zg-card-title'>收哪些消息</View>
        <View className='zg-small'>关掉的那类消息，不再用微信或短信通知您。</View>
        {types.map((t) => (
          <ToggleRow
            key={t}
            className={`ns-type ns-type-${t}`}
            title={NOTIFICATION_TYPE_LABELS[t]}
            note={TYPE_NOTE[t] ?? DEFAULT_TYPE_NOTE}
            on={!muted.has(t)}
            busy={saving === t}
            onToggle={() => toggleType(t)}
          />
        ))}
      </View>

      {/* Text messages go to the phone on a seeker's own 求职信息, so only seekers have the switch. */}
      {user.role === 'seeker' ? (
        <View className='zg-card'>
          <ToggleRow
            className='ns-sms'
            title='同时发短信'
            note={settings.smsAvailable ? '有消息时也给您发一条短信，发到求职信息里填的手机号。' : '本平台还没有开通短信，现在只能收微信通知、看消息列表。'}
            on={settings.smsAvailable && settings.sms}
            busy={saving === 'sms'}
            disabled={!settings.smsAvailable}
            onToggle={() => void save({ mutedTypes: settings.mutedTypes, sms: !settings.sms }, 'sms')}
          />
        </View>
      ) : null}

      <Subscriptions items={settings.subscriptions} onSubscribed={reload} />
    </View>
  );
}

/** 消息设置: which kinds to be told about, SMS, and the WeChat subscriptions left. */
export default function NotificationSettingsPage() {
  const user = useSession();
  return (
    <PageShell>
      {!user ? (
        <StateView title='请先登录' body='登录后才能设置收哪些消息。' actionText='去登录' onAction={() => void Taro.navigateTo({ url: loginUrl() })} />
      ) : user.role === 'admin' ? (
        <StateView
          title='管理员不用设置'
          body='管理员不接收求职、招工的消息。发出去的消息，在“消息发送情况”里看。'
          actionText='消息发送情况'
          onAction={() => void Taro.redirectTo({ url: ROUTES.deliveries })}
        />
      ) : (
        <Settings key={user.id} user={user} />
      )}
    </PageShell>
  );
}
