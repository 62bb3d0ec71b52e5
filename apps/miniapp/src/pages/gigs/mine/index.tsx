import { useRef, useState, type ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { GIG_FREE_CANCEL_HOURS, GIG_PAY_METHOD_LABELS, GIG_SIGNUP_STATUS_LABELS, type AuthUser, type GigSignupItem, type JobPostingItem } from '@zaogong/shared';
import { api } from '../../../api/endpoints';
import { useCursorList, usePagedScrolling } from '../../../api/hooks';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { PageShell } from '../../../components/PageShell';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { formatPay } from '../../../lib/format';
import { checkInUrl, chinaToday, clockText, dayText, disputeUrl, gigListUrl, isLateCancel, startOf } from '../../../lib/gigs';
import { paramOf } from '../../../lib/routes';
import { formatDateTime } from '../../../lib/resident';
import { DisputeSheet, RatingSheet } from './sheets';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const PAGE_SIZE = 50;
const WORKED = ['checked_in', 'checked_out'];

type Acting = { kind: 'cancel' | 'confirm-pay' | 'dispute' | 'rate'; s: GigSignupItem };

/** "08:03" in China time. */
function timeOf(iso: string): string {
  return formatDateTime(iso).split(' ')[1] ?? '';
}

/**
 * 扫码上工 / 收工: WeChat's camera reads the 现场码's QR (a link with ?code=, or the bare 6 digits); the
 * check-in page then sends it with the person's location. In a browser the 6 digits are typed there instead.
 */
async function scan(out: boolean): Promise<void> {
  if (!IS_WEAPP) {
    void Taro.navigateTo({ url: checkInUrl(undefined, out) });
    return;
  }
  let text = '';
  try {
    text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
  } catch {
    return; // closed without scanning
  }
  const code = paramOf(text, 'code') ?? (/^\d{6}$/.test(text.trim()) ? text.trim() : null);
  if (!code) {
    void Taro.showToast({ title: '这不是上工的现场码，请扫老板手机上的码', icon: 'none', duration: 2500 });
    return;
  }
  void Taro.navigateTo({ url: checkInUrl(code, out) });
}

const STATUS_CLASS: Record<GigSignupItem['status'], string> = {
  confirmed: 'mg-status-ok',
  waitlisted: 'mg-status-warn',
  checked_in: 'mg-status-ok',
  checked_out: 'mg-status-ok',
  no_show: 'mg-status-bad',
  cancelled: 'mg-status-off',
  late_cancel: 'mg-status-off',
};

/** One day: what, where, when, how it stands — and the one or two things to do now. */
function SignupCard({ s, act, now }: { s: GigSignupItem; act: (a: Acting) => void; now: number }) {
  const today = chinaToday(now);
  const started = now >= startOf(s.date, s.workStartTime);
  const worked = WORKED.includes(s.status);
  const buttons: ReactNode[] = [];
  if (s.status === 'confirmed' && s.date === today) {
    buttons.push(
      <Button key='in' className='zg-btn zg-btn-block mg-btn mg-checkin' onClick={() => void scan(false)}>
        {IS_WEAPP ? '扫码上工' : '输码上工'}
      </Button>,
    );
  }
  if (s.status === 'checked_in' && s.date === today) {
    buttons.push(
      <Button key='out' className='zg-btn zg-btn-block mg-btn mg-checkout' onClick={() => void scan(true)}>
        {IS_WEAPP ? '扫码收工' : '输码收工'}
      </Button>,
    );
  }
  if (worked && s.pay && !s.pay.confirmedAt && !s.disputeId) {
    buttons.push(
      <View key='pay' className='mg-pair'>
        <Button className='zg-btn mg-btn mg-pay-ok' onClick={() => act({ kind: 'confirm-pay', s })}>
          确认收到工钱
        </Button>
        <Button className='zg-btn zg-btn-danger mg-btn mg-pay-bad' onClick={() => act({ kind: 'dispute', s })}>
          工钱有问题
        </Button>
      </View>,
    );
  } else if (worked && !s.pay && !s.disputeId && (s.status === 'checked_out' || s.date < today)) {
    buttons.push(
      <Button key='pay' className='zg-btn zg-btn-danger zg-btn-block mg-btn mg-pay-bad' onClick={() => act({ kind: 'dispute', s })}>
        工钱有问题
      </Button>,
    );
  }
  if (s.disputeId) {
    const id = s.disputeId;
    buttons.push(
      <Button key='case' className='zg-btn zg-btn-block mg-btn mg-case' onClick={() => void Taro.navigateTo({ url: disputeUrl(id) })}>
        看工钱问题办到哪了
      </Button>,
    );
  }
  if (worked && !s.rated.byWorker) {
    buttons.push(
      <Button key='rate' className='zg-btn zg-btn-ghost zg-btn-block mg-btn mg-rate' onClick={() => act({ kind: 'rate', s })}>
        评价这家
      </Button>,
    );
  }
  if ((s.status === 'confirmed' || s.status === 'waitlisted') && !started) {
    buttons.push(
      <Button key='cancel' className='zg-btn zg-btn-ghost zg-btn-block mg-btn mg-cancel' onClick={() => act({ kind: 'cancel', s })}>
        {s.status === 'waitlisted' ? '不排了' : '取消'}
      </Button>,
    );
  }
  return (
    <View className='zg-card mg-card'>
      <View className='zg-row mg-top'>
        <View className='zg-grow mg-title'>{s.postTitle}</View>
        <Text className={`mg-status ${STATUS_CLASS[s.status]}`}>{GIG_SIGNUP_STATUS_LABELS[s.status]}</Text>
      </View>
      <View className='zg-row-wrap mg-when'>
        <Text className='mg-when-part'>{dayText(s.date, now)}</Text>
        <Text className='mg-when-part'>{clockText(s.workStartTime)}开工</Text>
      </View>
      <View className='zg-money mg-wage'>{formatPay({ wageMin: s.agreedWage.min, wageMax: s.agreedWage.max, wageUnit: s.agreedWage.unit as JobPostingItem['wageUnit'], type: 'gig' })}</View>
      <View className='mg-line'>{s.employerName}</View>
      {s.address ? <View className='mg-line mg-address'>{s.address}</View> : null}
      {s.status === 'waitlisted' ? <View className='mg-note mg-note-warn'>排队第{s.waitPosition ?? 1}个，补上了会通知您</View> : null}
      {s.status === 'confirmed' && !started ? <View className='mg-note'>到了以后，{IS_WEAPP ? '扫老板手机上的码' : '输老板手机上的码'}上工</View> : null}
      {s.checkInAt ? (
        <View className='mg-line'>
          上工 {timeOf(s.checkInAt)}
          {s.checkInVouchedBy ? '（联络员作证）' : ''}
          {s.checkOutAt ? `，收工 ${timeOf(s.checkOutAt)}` : ''}
        </View>
      ) : null}
      {s.pay ? (
        <View className='mg-pay'>
          老板登记：给了 <Text className='zg-money'>{s.pay.amount} 元</Text>（{GIG_PAY_METHOD_LABELS[s.pay.method]}）
          {s.pay.confirmedAt ? <Text className='mg-pay-confirmed'> ✓ 您确认收到了</Text> : null}
        </View>
      ) : worked ? (
        <View className='mg-line mg-muted'>老板还没登记工钱</View>
      ) : null}
      {s.rated.byWorker ? <View className='mg-line mg-muted'>✓ 已评价</View> : null}
      {buttons.length ? <View className='mg-actions'>{buttons}</View> : null}
    </View>
  );
}

function Group({ title, items, act, now }: { title: string; items: GigSignupItem[]; act: (a: Acting) => void; now: number }) {
  if (items.length === 0) return null;
  return (
    <View className='mg-group'>
      <View className='mg-group-title'>{title}</View>
      {items.map((s) => (
        <SignupCard key={s.id} s={s} act={act} now={now} />
      ))}
    </View>
  );
}

function MyGigs({ user }: { user: AuthUser }) {
  const list = useCursorList((cursor) => api.gigSignups({ cursor, limit: PAGE_SIZE }, { toast: cursor !== undefined }), [user.id]);
  usePagedScrolling(list);
  const [acting, setActing] = useState<Acting>();
  // Back from the check-in page or a case: show the latest.
  const seen = useRef(false);
  useDidShow(() => {
    if (seen.current) void list.refresh();
    seen.current = true;
  });
  const close = () => setActing(undefined);
  const done = (toast: string) => {
    setActing(undefined);
    void list.refresh();
    void Taro.showToast({ title: toast, icon: 'success', duration: 1500 });
  };

  if (list.loading && list.items.length === 0) return <StateView title='正在加载…' />;
  if (list.error) return <StateView title='没有加载出来' body={list.error.message} actionText='再试一次' onAction={() => void list.refresh()} />;
  if (list.items.length === 0) {
    return <StateView title='您还没有报过零工' body='首页点“今天”“明天”“后天”，就能看到附近的零工。' actionText='看明天的零工' onAction={() => void Taro.navigateTo({ url: gigListUrl(1) })} />;
  }
  const now = Date.now();
  const today = chinaToday(now);
  const todays = list.items.filter((s) => s.date === today);
  const later = list.items.filter((s) => s.date > today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const earlier = list.items.filter((s) => s.date < today);
  const cancelling = acting?.kind === 'cancel' ? acting.s : undefined;
  const late = cancelling ? cancelling.status === 'confirmed' && isLateCancel(cancelling, now) : false;
  return (
    <View>
      <Group title='今天' items={todays} act={setActing} now={now} />
      <Group title='以后' items={later} act={setActing} now={now} />
      <Group title='以前' items={earlier} act={setActing} now={now} />
      <View className='mg-foot zg-small'>{list.loadingMore ? '正在加载更多…' : list.hasMore ? '往上滑看更多' : '已经到底了'}</View>

      {cancelling ? (
        <ConfirmSheet
          title={cancelling.status === 'waitlisted' ? '不排队了？' : `取消${dayText(cancelling.date, now)}的零工？`}
          submitText={cancelling.status === 'waitlisted' ? '不排了' : '取消这天'}
          cancelText='不取消'
          danger={late}
          onClose={close}
          onSubmit={async () => {
            await api.cancelGigSignup(cancelling.id, { toast: false });
            done('已取消');
          }}
        >
          <View className='cs-strong'>{cancelling.postTitle}</View>
          {late ? (
            <View className='mg-late'>现在离开工不到{GIG_FREE_CANCEL_HOURS}小时，这时取消算“临时取消”，会记下来。能去还是去吧。</View>
          ) : cancelling.status === 'confirmed' ? (
            <View>开工前{GIG_FREE_CANCEL_HOURS}小时以前取消，不算违约。您的位子会让给排队的人。</View>
          ) : (
            <View>您现在排队第{cancelling.waitPosition ?? 1}个。不排了，就不会再补上您。</View>
          )}
        </ConfirmSheet>
      ) : null}
      {acting?.kind === 'confirm-pay' && acting.s.pay ? (
        <ConfirmSheet
          title='工钱收到了吗？'
          submitText='收到了'
          cancelText='还没收到'
          onClose={close}
          onSubmit={async () => {
            await api.confirmGigPay(acting.s.id, { toast: false });
            done('已确认');
          }}
        >
          <View>
            老板登记给了 <Text className='cs-strong'>{acting.s.pay.amount} 元</Text>（{GIG_PAY_METHOD_LABELS[acting.s.pay.method]}）。
          </View>
          <View>确认以后就不能再说工钱有问题了；钱不对，请点“还没收到”，再点“工钱有问题”。</View>
        </ConfirmSheet>
      ) : null}
      {acting?.kind === 'dispute' ? (
        <DisputeSheet
          s={acting.s}
          onClose={close}
          onOpened={(d) => {
            setActing(undefined);
            void list.refresh();
            void Taro.navigateTo({ url: disputeUrl(d.id) });
          }}
        />
      ) : null}
      {acting?.kind === 'rate' ? <RatingSheet s={acting.s} onClose={close} onRated={() => done('谢谢您的评价')} /> : null}
    </View>
  );
}

/** 我的零工: the person's days (今天 / 以后 / 以前), with 取消, 上工, 收工, 工钱 and 评价 where each applies. */
export default function MyGigsPage() {
  return (
    <PageShell>
      <RoleGate role='seeker'>{(user) => <MyGigs user={user} />}</RoleGate>
    </PageShell>
  );
}
