import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { monthDayText, type GigRoster, type GigSiteCode, type JobPostingItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { PageShell } from '../../../../components/PageShell';
import { QrImage } from '../../../../components/QrImage';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { chinaToday, gigDays, gigRosterUrl } from '../../lib/gigs';
import './index.css';

/** The code changes every minute: a new one is fetched when the shown one's minute ends (at most 60 s). */
const REFRESH_MS = 60_000;
/** After a failed fetch, try again soon. */
const RETRY_MS = 5_000;
/** How often the number of people checked in is brought up to date. */
const COUNT_MS = 8_000;

/** Keeps the phone's screen on while the code is shown (WeChat; a browser's wake lock where there is one). */
function useScreenOn(): void {
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') {
      void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
      return () => {
        void Taro.setKeepScreenOn({ keepScreenOn: false }).catch(() => undefined);
      };
    }
    const nav = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { wakeLock?: { request: (t: 'screen') => Promise<{ release: () => Promise<void> }> } });
    let lock: { release: () => Promise<void> } | undefined;
    let gone = false;
    nav?.wakeLock
      ?.request('screen')
      .then((l) => {
        if (gone) void l.release().catch(() => undefined);
        else lock = l;
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      void lock?.release().catch(() => undefined);
    };
  }, []);
}

/** "204 816": two groups of three are easier to read out and type. */
function spaced(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/**
 * This minute's code, fetched again when its minute ends by the phone's clock (every 60 s at most, so a
 * wrong phone clock never leaves an old code up: the API takes the code of this minute and the last).
 */
function useSiteCode(postId: string, date: string) {
  const [code, setCode] = useState<GigSiteCode>();
  const [error, setError] = useState<ApiRequestError>();
  const [nextAt, setNextAt] = useState(0);
  const [now, setNow] = useState(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const load = useCallback(async () => {
    clearTimeout(timer.current);
    let wait = RETRY_MS;
    try {
      const c = await api.gigSiteCode(postId, date, { toast: false });
      setCode(c);
      setError(undefined);
      const left = Date.parse(c.expiresAt) - Date.now();
      wait = left > 1000 && left <= REFRESH_MS ? left + 300 : REFRESH_MS;
    } catch (e) {
      setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, '网络不好，现场码没有更新'));
      // A refusal (not the day, not the employer's) will not change by asking again.
      if (e instanceof ApiRequestError && e.statusCode >= 400 && e.statusCode < 500) return;
    }
    setNextAt(Date.now() + wait);
    timer.current = setTimeout(() => void load(), wait);
  }, [postId, date]);

  useEffect(() => {
    void load();
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(timer.current);
      clearInterval(tick);
    };
  }, [load]);

  const secondsLeft = nextAt ? Math.min(60, Math.max(0, Math.ceil((nextAt - now) / 1000))) : 0;
  return { code, error, secondsLeft, reload: load };
}

function SiteCode({ post }: { post: JobPostingItem }) {
  const today = chinaToday();
  useScreenOn();
  const { code, error, secondsLeft, reload } = useSiteCode(post.id, today);
  const [roster, setRoster] = useState<GigRoster>();
  // How many have checked in, kept up to date while workers scan.
  useEffect(() => {
    const load = () => void api.gigRoster(post.id, today, { toast: false }).then(setRoster, () => undefined);
    load();
    const timer = setInterval(load, COUNT_MS);
    return () => clearInterval(timer);
  }, [post.id, today]);

  const refused = error && error.statusCode >= 400 && error.statusCode < 500;
  if (refused && !code) {
    return (
      <StateView
        title='现在没有现场码'
        body={error.message}
        actionText='看报名名单'
        onAction={() => void Taro.redirectTo({ url: gigRosterUrl(post.id) })}
      />
    );
  }
  const checkedIn = roster ? roster.items.filter((s) => s.status === 'checked_in' || s.status === 'checked_out').length : undefined;

  return (
    <View className='sc'>
      <View className='sc-post'>
        {post.title} · 今天{monthDayText(today)}
      </View>
      <View className='sc-box'>
        <View className='sc-label'>上工码</View>
        <View className='sc-code' aria-label={code ? `上工码 ${code.code.split('').join(' ')}` : '正在取码'}>
          {code ? spaced(code.code) : '— — —'}
        </View>
        <View className='sc-qr'>{code ? <QrImage text={code.qrText} label='上工二维码' /> : <View className='sc-qr-wait'>正在取码…</View>}</View>
        <View className='sc-countdown'>{error ? '网络不好，正在重新取码…' : code ? `${secondsLeft}秒后换新码` : ''}</View>
      </View>
      <View className='sc-say'>让工人用小程序扫这个码上工，或输入这6位数字</View>
      {checkedIn !== undefined && roster ? (
        <View className='zg-card sc-count'>
          已上工 <Text className='sc-count-n'>{checkedIn}</Text> 人，报上 {roster.day.confirmed} 人
        </View>
      ) : null}
      <View className='sc-hint zg-small'>码每分钟换一次，旧码过一两分钟就不能用了。把手机拿给工人扫就行。</View>
      <View className='sc-buttons'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void reload()}>
          马上换一个码
        </Button>
        <Button className='zg-btn zg-btn-ghost zg-btn-block sc-roster' onClick={() => void Taro.navigateTo({ url: gigRosterUrl(post.id, today) })}>
          看今天的名单
        </Button>
      </View>
    </View>
  );
}

function SiteCodePage({ postId }: { postId: string }) {
  const post = useApi(() => api.getPost(postId, { toast: false }), [postId]);
  if (post.error) return <StateView title='这个零工没有打开' body={post.error.message} />;
  if (!post.data) return <StateView title='正在加载…' />;
  const today = chinaToday();
  if (post.data.type !== 'gig') return <StateView title='这不是零工' body='现场码只有零工才有。' />;
  if (!gigDays(post.data).includes(today)) {
    return (
      <StateView
        title='今天没有活'
        body='现场码只在干活的当天才有。'
        actionText='看报名名单'
        onAction={() => void Taro.redirectTo({ url: gigRosterUrl(postId) })}
      />
    );
  }
  return <SiteCode post={post.data} />;
}

/** 现场码 (?postId=): today's 6-digit code and its QR, new every minute, for workers to check in with. */
export default function SiteCodeScreen() {
  const { params } = useRouter();
  const postId = params.postId ?? '';
  return (
    <PageShell>
      <RoleGate role='employer' also={['liaison']}>{() => (postId ? <SiteCodePage postId={postId} /> : <StateView title='没有找到这个零工' />)}</RoleGate>
    </PageShell>
  );
}
