import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { LIVE_PLATFORM_LABELS, type EventDetail } from '@zaogong/shared';
import { eventsApi } from '../../../api/events';
import { useApi } from '../../../api/hooks';
import { PhaseLabel } from '../../../components/EventCard';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useSession } from '../../../hooks/useSession';
import { EVENT_ROUTES, eventUrl, kindLabel, placeText, whenText } from '../../../lib/events';
import { loginUrl } from '../../../lib/routes';
import { Booths } from './Booths';
import { EmployerPart } from './EmployerPart';
import { LiaisonPart } from './LiaisonPart';
import { ManagePart } from './ManagePart';
import { SeekerPart } from './SeekerPart';
import { useSeekerFacts } from './seeker';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** Where each platform's app takes a pasted link, in words. */
const PASTE_HINT: Record<string, string> = {
  kuaishou: '打开快手，点上面的搜索框，长按粘贴，就能进直播间。',
  douyin: '打开抖音，点上面的搜索框，长按粘贴，就能进直播间。',
  channels: '打开微信，把链接发给“文件传输助手”，再点开它，就能进视频号直播间。',
  other: '打开手机上的浏览器，在地址栏里长按粘贴，就能看直播。',
};

/** 直播: the mini-app cannot show another app's stream, so the link is copied and the person told where to paste it. */
function LiveCard({ ev }: { ev: EventDetail }) {
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const platform = ev.livePlatform ?? 'other';
  const name = LIVE_PLATFORM_LABELS[platform];
  if (!ev.liveUrl) return null;
  const url = ev.liveUrl;
  const copy = async () => {
    try {
      await Taro.setClipboardData({ data: url });
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <View className='zg-card evd-live'>
      <View className='zg-card-title'>在{name}上看直播</View>
      <View className='zg-small'>直播在{name}里放，这里放不了。点下面的按钮，把直播链接复制下来。</View>
      {ev.phase === 'ended' || ev.phase === 'cancelled' ? (
        <View className='zg-text evd-live-over'>{ev.phase === 'ended' ? '直播已经结束了。' : '直播取消了。'}</View>
      ) : (
        <Button className='zg-btn zg-btn-block evd-live-btn' onClick={() => void copy()}>
          去{name}看直播
        </Button>
      )}
      {copied === 'yes' ? (
        <View className='evd-live-done'>
          <View className='evd-live-done-title'>✓ 链接已经复制好了</View>
          <View className='zg-text'>{PASTE_HINT[platform]}</View>
        </View>
      ) : null}
      {copied === 'no' ? <View className='zg-error'>没复制上。请长按下面的链接，选“复制”。</View> : null}
      {copied ? (
        <View className='zg-small evd-live-url'>
          <Text userSelect>{url}</Text>
        </View>
      ) : null}
    </View>
  );
}

function PlaceCard({ ev }: { ev: EventDetail }) {
  if (ev.kind === 'livestream') return <LiveCard ev={ev} />;
  if (ev.kind === 'online') {
    return (
      <View className='zg-card evd-place'>
        <View className='zg-card-title'>线上招聘会</View>
        <View className='zg-text'>不用出门。看下面各家企业的岗位，看中了点“我要应聘”，企业会打电话找您。</View>
      </View>
    );
  }
  const { lat, lng } = ev;
  const canMap = IS_WEAPP && lat !== null && lng !== null;
  return (
    <View className='zg-card evd-place'>
      <View className='zg-card-title'>在哪儿</View>
      <View className='zg-text evd-address'>{placeText(ev)}</View>
      {canMap ? (
        <Button
          className='zg-btn zg-btn-ghost zg-btn-block evd-map'
          onClick={() => void Taro.openLocation({ latitude: lat, longitude: lng, name: ev.title, address: placeText(ev), scale: 16 }).catch(() => undefined)}
        >
          看地图、导航
        </Button>
      ) : null}
    </View>
  );
}

/** Anyone not logged in: what there is to do here once they are. */
function VisitorPart({ ev }: { ev: EventDetail }) {
  if (ev.phase === 'ended' || ev.phase === 'cancelled' || ev.kind !== 'onsite') return null;
  return (
    <View className='zg-card evd-visitor'>
      <View className='zg-text'>想去的话先报名，拿一张电子票。报名要先登录。</View>
      <Button className='zg-btn zg-btn-block evd-login' onClick={() => void Taro.navigateTo({ url: loginUrl(eventUrl(ev.id)) })}>
        登录后报名
      </Button>
    </View>
  );
}

/** 活动详情: when and where in words, the booths and their posts, and what the caller can do here (by role). */
export default function EventDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const user = useSession();
  const detail = useApi(() => eventsApi.get(id, { toast: false }), [id, user?.id]);
  const facts = useSeekerFacts(user);
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) {
      if (!detail.loading) void detail.reload();
      if (!facts.loading) void facts.reload();
    }
    seen.current = true;
  });
  usePullDownRefresh(() => {
    void Promise.all([detail.reload(), facts.reload()]).finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({ title: detail.data ? `${detail.data.title}（${whenText(detail.data)}）` : '招聘活动', path: eventUrl(id) }));

  if (!id || (detail.error?.statusCode === 404 && !detail.data)) {
    return (
      <PageShell>
        <StateView title='没有找到这个活动' body='可能已经删掉了，去看看别的活动吧。' actionText='看全部活动' onAction={() => void Taro.redirectTo({ url: EVENT_ROUTES.list })} />
      </PageShell>
    );
  }
  if (detail.loading && !detail.data) {
    return (
      <PageShell>
        <StateView title='正在加载…' />
      </PageShell>
    );
  }
  if (!detail.data) {
    return (
      <PageShell>
        <StateView title='活动没有加载出来' body={detail.error?.message} actionText='再试一次' onAction={() => void detail.reload()} />
      </PageShell>
    );
  }

  const ev = detail.data;
  const reload = () => void detail.reload();
  const seekerFacts = facts.data === undefined && facts.loading ? undefined : (facts.data ?? null);
  return (
    <PageShell>
      <View className='zg-card evd-head'>
        <View className='zg-row evd-head-top'>
          <View className='zg-grow evd-title'>{ev.title}</View>
          <PhaseLabel e={ev} />
        </View>
        <View className='zg-row-wrap'>
          <Text className='zg-tag'>{ev.seriesLabel}</Text>
          <Text className='zg-tag zg-tag-plain'>{kindLabel(ev)}</Text>
          {ev.townName ? <Text className='zg-tag zg-tag-plain'>{ev.townName}</Text> : null}
        </View>
        <View className='evd-when'>{whenText(ev)}</View>
        {ev.phase === 'cancelled' ? (
          <View className='evd-cancelled'>
            这个活动已经取消了{ev.cancelReason ? `：${ev.cancelReason}` : '。'}
          </View>
        ) : null}
        {ev.employerCount > 0 ? (
          <View className='evd-head-line'>
            {ev.employerCount}家企业，带来{ev.postCount}个岗位
          </View>
        ) : null}
        {ev.organiserName ? <View className='zg-small evd-head-line'>主办：{ev.organiserName}</View> : null}
      </View>

      <PlaceCard ev={ev} />

      {!user ? <VisitorPart ev={ev} /> : null}
      {user?.role === 'seeker' ? (
        <SeekerPart
          ev={ev}
          user={user}
          facts={seekerFacts}
          onChanged={reload}
          onRecordMade={() => void facts.reload()}
        />
      ) : null}
      {user?.role === 'liaison' ? <LiaisonPart ev={ev} user={user} onChanged={reload} /> : null}
      {user?.role === 'employer' ? <EmployerPart ev={ev} onChanged={reload} /> : null}
      {ev.canManage ? <ManagePart ev={ev} onChanged={reload} /> : null}

      <View className='zg-card'>
        <View className='zg-card-title'>活动介绍</View>
        <View className='zg-text zg-pre'>{ev.description}</View>
      </View>

      <Booths ev={ev} user={user} facts={seekerFacts} onChanged={reload} onApplied={() => void facts.reload()} />

      {ev.contactPhone ? (
        <View className='zg-card evd-contact'>
          <View className='zg-text'>有不清楚的，打电话问：</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block evd-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: ev.contactPhone ?? '' }).catch(() => undefined)}>
            打电话 {ev.contactPhone}
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
