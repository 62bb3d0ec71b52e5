import { useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { GIG_PAY_METHODS, GIG_PAY_METHOD_LABELS, chinaDateOf, monthDayText, type GigPayMethod, type GigSignupItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { Chip } from '../../../components/Chip';
import { ConfirmSheet } from '../../../components/ConfirmSheet';
import { Sheet, SheetOption } from '../../../components/Sheet';
import { agreedText, chinaDayTime, chinaInstant, chinaTime, chinaToday } from '../lib/gigs';
import { StarPicker } from '../../../components/StarPicker';
import './GigSheets.css';

/** The most a day's pay may be (the API's limit). */
const PAY_MAX = 100000;
const HEADCOUNT_MAX = 500;

interface FooterProps {
  busy: boolean;
  text: string;
  busyText: string;
  error: string;
  onClose: () => void;
  onTap: () => void;
}

function Footer({ busy, text, busyText, error, onClose, onTap }: FooterProps) {
  return (
    <>
      {error ? <View className='zg-error gs-error'>{error}</View> : null}
      <View className='zg-sheet-buttons'>
        <Button className='zg-btn zg-btn-ghost gs-cancel' onClick={onClose}>
          再想想
        </Button>
        <Button className={`zg-btn gs-submit${busy ? ' zg-btn-disabled' : ''}`} disabled={busy || undefined} onClick={onTap}>
          {busy ? busyText : text}
        </Button>
      </View>
    </>
  );
}

interface HeadcountProps {
  dayText: string;
  headcount: number;
  /** Already on the roster: the places never go below it. */
  confirmed: number;
  waitlisted: number;
  onClose: () => void;
  onSubmit: (headcount: number) => Promise<void>;
}

/** 加人数: the day's places, up (the queue moves up at once) or down to those already taken. */
export function HeadcountSheet({ dayText, headcount, confirmed, waitlisted, onClose, onSubmit }: HeadcountProps) {
  const [n, setN] = useState(Math.min(HEADCOUNT_MAX, headcount + 1));
  const least = Math.max(1, confirmed);
  const step = (d: number) => setN((x) => Math.min(HEADCOUNT_MAX, Math.max(least, x + d)));
  const moved = Math.min(waitlisted, Math.max(0, n - confirmed));
  return (
    <ConfirmSheet
      title={`${dayText}要几个人？`}
      submitText={`改成${n}人`}
      onClose={onClose}
      onSubmit={async () => {
        if (n === headcount) throw new ApiRequestError(400, `现在就是${n}人，点“＋”加人`);
        await onSubmit(n);
      }}
    >
      <View className='gs-stepper'>
        <Button className={`zg-btn zg-btn-ghost gs-step gs-minus${n <= least ? ' zg-btn-disabled' : ''}`} onClick={() => step(-1)} disabled={n <= least || undefined}>
          －
        </Button>
        <View className='gs-count'>
          <Text className='gs-count-n'>{n}</Text>
          <Text className='gs-count-unit'>人</Text>
        </View>
        <Button className='zg-btn zg-btn-ghost gs-step gs-plus' onClick={() => step(1)}>
          ＋
        </Button>
      </View>
      <View className='zg-small'>
        原来要{headcount}人，已经报上{confirmed}人。{moved > 0 ? `排队的前${moved}个人会马上补上，并收到通知。` : ''}
        {n < headcount ? `最少${least}人：已经报上的人不能减掉。` : ''}
      </View>
    </ConfirmSheet>
  );
}

/** "200", "200.5": two decimals at most, as the API takes it. */
function parseAmount(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Number(t);
}

interface PayProps {
  signup: GigSignupItem;
  onClose: () => void;
  onDone: (s: GigSignupItem) => void;
}

/**
 * 登记工钱: how much, how (现金 / 微信 / 银行转账) and when. An amount far above the agreed rate is asked
 * about once (the API's 409 `needsConfirmation`), then sent again with `confirmUnusual`.
 */
export function PaySheet({ signup: s, onClose, onDone }: PayProps) {
  const today = chinaToday();
  const w = s.agreedWage;
  const [amount, setAmount] = useState(s.pay ? String(s.pay.amount) : w.min === w.max ? String(w.max) : '');
  const [method, setMethod] = useState<GigPayMethod | undefined>(s.pay?.method);
  const [date, setDate] = useState(s.pay ? chinaDateOf(new Date(s.pay.paidAt)) : s.date);
  const [time, setTime] = useState(() => {
    if (s.pay) return chinaTime(s.pay.paidAt);
    return s.date === today ? chinaTime(new Date().toISOString()) : '18:00';
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [unusual, setUnusual] = useState<{ message: string; value: number }>();

  const send = async (value: number, confirmUnusual: boolean) => {
    const body = { amount: value, method: method as GigPayMethod, paidAt: chinaInstant(date, time), ...(confirmUnusual ? { confirmUnusual: true } : {}) };
    const saved = await api.recordGigPay(s.id, body, { toast: false });
    onDone(saved);
  };

  const submit = async () => {
    if (busy) return;
    const value = parseAmount(amount);
    if (value === null || value <= 0) return setError('请填给了多少钱，如 200');
    if (value > PAY_MAX) return setError(`一天的工钱不超过${PAY_MAX}元，请检查一下`);
    if (!method) return setError('请选怎么给的：现金、微信还是银行转账');
    setError('');
    setBusy(true);
    try {
      await send(value, false);
    } catch (e) {
      if (e instanceof ApiRequestError && e.statusCode === 409 && e.body.needsConfirmation === true) {
        setUnusual({ message: e.message, value });
      } else {
        setError(e instanceof ApiRequestError ? e.message : '没有登记上，请再试一次');
      }
    } finally {
      setBusy(false);
    }
  };

  if (unusual) {
    return (
      <ConfirmSheet
        title='工钱是不是填多了？'
        submitText={`没填错，是${unusual.value}元`}
        cancelText='回去改'
        onClose={() => setUnusual(undefined)}
        onSubmit={() => send(unusual.value, true)}
      >
        <View className='gs-unusual'>{unusual.message}</View>
        <View className='zg-small'>工人会收到这笔工钱的通知，请核对清楚再登记。</View>
      </ConfirmSheet>
    );
  }

  return (
    <Sheet
      title={`登记${s.resident.name}的工钱`}
      onClose={onClose}
      footer={<Footer busy={busy} text='登记工钱' busyText='正在登记…' error={error} onClose={onClose} onTap={() => void submit()} />}
    >
      <View className='gs-agreed'>
        说好的：<Text className='zg-money'>{agreedText(w)}</Text>（{monthDayText(s.date)}）
      </View>
      <View className='zg-label gs-label'>给了多少钱</View>
      <View className='zg-row'>
        <Input
          className='zg-input gs-amount'
          type='digit'
          maxlength={9}
          placeholder='如：200'
          value={amount}
          onInput={(e) => {
            setAmount(e.detail.value);
            if (error) setError('');
          }}
        />
        <Text className='gs-unit'>元</Text>
      </View>
      <View className='zg-label gs-label'>怎么给的</View>
      <View className='gs-methods'>
        {GIG_PAY_METHODS.map((m) => (
          <SheetOption key={m} label={GIG_PAY_METHOD_LABELS[m]} on={method === m} onTap={() => setMethod(m)} />
        ))}
      </View>
      <View className='zg-label gs-label'>什么时候给的</View>
      <View className='zg-row gs-when'>
        <View className='gs-when-part'>
          <Picker mode='date' value={date} start={s.date} end={today} onChange={(e) => setDate(String(e.detail.value))}>
            <View className='zg-input gs-picker gs-date'>{monthDayText(date)}</View>
          </Picker>
        </View>
        <View className='gs-when-part'>
          <Picker mode='time' value={time} onChange={(e) => setTime(String(e.detail.value))}>
            <View className='zg-input gs-picker gs-time'>{time}</View>
          </Picker>
        </View>
      </View>
      {s.pay ? <View className='zg-small gs-before'>之前登记的：{s.pay.amount}元（{GIG_PAY_METHOD_LABELS[s.pay.method]}，{chinaDayTime(s.pay.paidAt)}）。工人确认收到以前都可以改。</View> : null}
    </Sheet>
  );
}

/** Words an employer uses about a day's worker: a tap each, five at most. */
const RATING_TAGS = ['准时', '干活利索', '认真负责', '能吃苦', '听安排', '迟到', '早退', '干活马虎'] as const;

interface RateProps {
  signup: GigSignupItem;
  onClose: () => void;
  onDone: (s: GigSignupItem) => void;
}

/** 评价 a day's worker: stars and a few words, once. */
export function RateSheet({ signup: s, onClose, onDone }: RateProps) {
  const [stars, setStars] = useState(0);
  const [tags, setTags] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const toggle = (t: string) => {
    setTags((prev) => (prev.includes(t) ? prev.filter((x) => x !== t) : prev.length >= 5 ? prev : [...prev, t]));
  };

  const submit = async () => {
    if (busy) return;
    if (stars < 1) return setError('请点星星，1到5颗');
    setBusy(true);
    setError('');
    try {
      onDone(await api.rateGigWorker(s.id, { stars, tags }, { toast: false }));
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有提交上，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet
      title={`评价${s.resident.name}`}
      onClose={onClose}
      footer={<Footer busy={busy} text='提交评价' busyText='正在提交…' error={error} onClose={onClose} onTap={() => void submit()} />}
    >
      <View className='zg-label gs-label'>{monthDayText(s.date)}干得怎么样</View>
      <StarPicker
        stars={stars}
        onChange={(n) => {
          setStars(n);
          setError('');
        }}
      />
      <View className='zg-label gs-label'>
        说几句<Text className='zg-optional'>可不选，最多5个</Text>
      </View>
      <View className='zg-row-wrap gs-tags'>
        {RATING_TAGS.map((t) => (
          <Chip key={t} multi label={t} on={tags.includes(t)} onTap={() => toggle(t)} />
        ))}
      </View>
      <View className='zg-small gs-once'>每个人每天只能评价一次，提交后不能改。</View>
    </Sheet>
  );
}
