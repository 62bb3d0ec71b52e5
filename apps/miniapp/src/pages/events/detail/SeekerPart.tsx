import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AuthUser, EventDetail } from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { eventsApi } from '../../../api/events';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { EventTicket } from '../../../components/EventTicket';
import { venueCodeOf } from '../../../lib/events';
import { FirstTimeFields, firstTimeOf, saveQuickRecord, type FirstTime, type FirstTimeErrors } from '../../post/FirstTimeFields';
import type { SeekerFacts } from './seeker';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** The person's first answers (name, phone, 村) saved as their record; throws what to fix, shown in the sheet. */
export async function makeRecordOrThrow(first: FirstTime | undefined, user: AuthUser, setErrors: (e: FirstTimeErrors) => void): Promise<void> {
  if (!first) throw new ApiRequestError(400, '请先填上姓名、手机号和村');
  const errors = await saveQuickRecord(first, user, []);
  setErrors(errors ?? {});
  if (errors) throw new ApiRequestError(400, Object.values(errors)[0] ?? '请把上面的信息填好');
}

/** 扫码入场: the seeker scans the code printed at the door (WeChat), or types its 6 digits (a browser, or when the scan fails). */
function VenueCheckIn({ ev, walkIn, onIn }: { ev: EventDetail; walkIn?: boolean; onIn: (already: boolean) => void }) {
  const [typing, setTyping] = useState(!IS_WEAPP);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (venueCode: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await eventsApi.checkIn(ev.id, { venueCode }, { toast: false });
      onIn(false);
    } catch (e) {
      // Scanned twice: 409 with the time of the first (nothing changes).
      if (e instanceof ApiRequestError && e.statusCode === 409 && typeof e.body.checkedInAt === 'string') onIn(true);
      else setError(e instanceof ApiRequestError ? e.message : '没有入场成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    let text = '';
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch {
      return; // closed without scanning
    }
    const found = venueCodeOf(text, ev.id);
    if (!found) return setError('这不是入场码。请扫门口贴的“入场码”。');
    if ('otherEvent' in found) return setError('这是别的活动的入场码，请扫这个活动门口贴的码。');
    void send(found.code);
  };

  const typed = () => {
    const found = venueCodeOf(code, ev.id);
    if (!found || 'otherEvent' in found) return setError('入场码是6位数字，看门口贴的码下面的数字');
    void send(found.code);
  };

  return (
    <View className='evd-venue'>
      <View className='zg-h2'>{walkIn ? '已经到了现场？' : '到了现场'}</View>
      <View className='zg-small evd-venue-lead'>
        {walkIn
          ? `没报名也能进：${IS_WEAPP ? '扫门口贴的“入场码”' : '输入门口贴的“入场码”下面的6位数字'}，有空位就直接入场。`
          : IS_WEAPP
            ? '扫门口贴的“入场码”就算入场；也可以让工作人员扫您的电子票。'
            : '输入门口贴的“入场码”下面的6位数字就算入场；也可以让工作人员扫您的电子票。'}
      </View>
      {IS_WEAPP ? (
        <Button className={busy ? 'zg-btn zg-btn-block evd-scan zg-btn-disabled' : 'zg-btn zg-btn-block evd-scan'} disabled={busy || undefined} onClick={() => void scan()}>
          {busy ? '正在入场…' : '扫码入场'}
        </Button>
      ) : null}
      {IS_WEAPP && !typing ? (
        <View className='evd-venue-type' aria-role='button' onClick={() => setTyping(true)}>
          扫不上？输入6位数字
        </View>
      ) : null}
      {typing ? (
        <View className='zg-row evd-venue-row'>
          <Input
            className='zg-input evd-venue-input'
            type='number'
            maxlength={6}
            value={code}
            placeholder='6位数字'
            onInput={(e) => {
              setCode(e.detail.value.replace(/\D/g, '').slice(0, 6));
              setError('');
            }}
            onConfirm={typed}
          />
          <Button className={busy ? 'zg-btn evd-venue-go zg-btn-disabled' : 'zg-btn evd-venue-go'} disabled={busy || undefined} onClick={typed}>
            入场
          </Button>
        </View>
      ) : null}
      {error ? <View className='zg-error evd-venue-error'>{error}</View> : null}
    </View>
  );
}

/** The venue's printed code works from 2 hours before the start until the end (the API's rule). */
function doorsOpen(ev: EventDetail, now: number = Date.now()): boolean {
  return ev.status !== 'cancelled' && now >= Date.parse(ev.startsAt) - 2 * 3600_000 && now < Date.parse(ev.endsAt);
}

interface Props {
  ev: EventDetail;
  user: AuthUser;
  facts: SeekerFacts | null | undefined;
  onChanged: () => void;
  onRecordMade: () => void;
}

/** A seeker on the event: 报名 (their first time, with name, phone and 村), then the ticket, 扫码入场 and 取消报名. */
export function SeekerPart({ ev, user, facts, onChanged, onRecordMade }: Props) {
  const [asking, setAsking] = useState<'signup' | 'cancel' | null>(null);
  const [first, setFirst] = useState<FirstTime>();
  const [firstErrors, setFirstErrors] = useState<FirstTimeErrors>({});
  const [justIn, setJustIn] = useState<string>();
  const s = ev.mySignup && ev.mySignup.status !== 'cancelled' ? ev.mySignup : null;
  const open = ev.phase === 'upcoming' || ev.phase === 'ongoing';
  const needsRecord = facts ? !facts.hasRecord : false;
  const full = ev.capacity !== null && ev.registered >= ev.capacity;

  if (ev.kind !== 'onsite') return null;

  if (!s) {
    if (!open) return null;
    return (
      <View className='zg-card evd-signup'>
        <View className='zg-card-title'>报名参加</View>
        <View className='zg-text'>报了名，会拿到一张电子票（二维码和8位票号），到了门口给工作人员看。</View>
        {ev.capacity !== null ? (
          <View className='zg-small evd-cap'>
            限{ev.capacity}人，已报{ev.registered}人{ev.waitlisted > 0 ? `，${ev.waitlisted}人排队` : ''}
          </View>
        ) : null}
        <Button
          className={facts === undefined ? 'zg-btn zg-btn-block evd-signup-btn zg-btn-disabled' : 'zg-btn zg-btn-block evd-signup-btn'}
          disabled={facts === undefined || undefined}
          onClick={() => {
            if (needsRecord && !first) setFirst(firstTimeOf(user));
            setAsking('signup');
          }}
        >
          {facts === undefined ? '正在加载…' : full ? '名额满了，排队报名' : '我要报名'}
        </Button>
        {doorsOpen(ev) && facts && !needsRecord ? (
          <VenueCheckIn
            ev={ev}
            walkIn
            onIn={(already) => {
              void Taro.showToast({ title: already ? '已经入场了' : '入场成功', icon: 'success', duration: 1500 });
              onChanged();
            }}
          />
        ) : null}
        {asking === 'signup' ? (
          <ConfirmSheet
            title='报名参加这个活动？'
            submitText='报名'
            cancelText='先不报'
            onClose={() => setAsking(null)}
            onSubmit={async () => {
              if (needsRecord) {
                await makeRecordOrThrow(first, user, setFirstErrors);
                onRecordMade();
              }
              try {
                const made = await eventsApi.signUp(ev.id, undefined, { toast: false });
                void Taro.showToast({ title: made.status === 'waitlisted' ? '已排队' : '报名成功', icon: 'success', duration: 1500 });
              } catch (e) {
                // Signed up meanwhile (another tap, another phone): show that ticket.
                if (!(e instanceof ApiRequestError && e.statusCode === 409)) throw e;
              }
              setAsking(null);
              onChanged();
            }}
          >
            <View className='cs-strong'>{ev.title}</View>
            <View>
              {full ? '名额已经满了，先排队；有人不去了会按顺序补上，补上了发消息告诉您。' : '报名后给您一张电子票。'}主办方会看到您的姓名和电话，活动前一天会提醒您。
            </View>
            {needsRecord && first ? (
              <FirstTimeFields
                user={user}
                value={first}
                errors={firstErrors}
                submitText='报名'
                onChange={(v) => {
                  setFirst(v);
                  setFirstErrors({});
                }}
              />
            ) : null}
          </ConfirmSheet>
        ) : null}
      </View>
    );
  }

  return (
    <View className='zg-card evd-ticket'>
      <View className='zg-card-title'>我的电子票</View>
      <EventTicket s={s} />
      {justIn ? <View className='evd-in-note'>{justIn}</View> : null}
      {s.status === 'registered' && !s.checkedInAt && open ? (
        <VenueCheckIn
          ev={ev}
          onIn={(already) => {
            setJustIn(already ? '您已经入场了，不用再扫。' : '✓ 入场成功！可以去各个展位看岗位，看中了点岗位下面的“我要应聘”。');
            onChanged();
          }}
        />
      ) : null}
      {!s.checkedInAt && open ? (
        <Button className='zg-btn zg-btn-ghost zg-btn-block evd-cancel' onClick={() => setAsking('cancel')}>
          {s.status === 'waitlisted' ? '不排了' : '去不了，取消报名'}
        </Button>
      ) : null}
      {asking === 'cancel' ? (
        <ConfirmSheet
          title='取消报名？'
          submitText='取消报名'
          cancelText='不取消'
          onClose={() => setAsking(null)}
          onSubmit={async () => {
            await eventsApi.cancelSignup(s.id, { toast: false });
            setAsking(null);
            void Taro.showToast({ title: '已取消', icon: 'success', duration: 1500 });
            onChanged();
          }}
        >
          <View>
            取消后<Text className='cs-strong'>电子票就不能用了</Text>，名额会让给排队的人。
          </View>
        </ConfirmSheet>
      ) : null}
    </View>
  );
}
