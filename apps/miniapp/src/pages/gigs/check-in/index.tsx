import { useEffect, useRef, useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { GigSignupItem } from '@zaogong/shared';
import { ApiRequestError } from '../../../api/client';
import { api } from '../../../api/endpoints';
import { PageShell } from '../../../components/PageShell';
import { StateView } from '../../../components/StateView';
import { useSession } from '../../../hooks/useSession';
import { checkInUrl, currentPoint, dayText, GIG_ROUTES } from '../../../lib/gigs';
import { formatDateTime } from '../../../lib/resident';
import { goHome, loginUrl, paramOf } from '../../../lib/routes';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** The 6-digit code from ?code=, or from a whole link handed over as `q` or `scene` (a scanned QR). */
function codeOf(params: Partial<Record<string, string>>): string | null {
  if (params.code && /^\d{6}$/.test(params.code)) return params.code;
  for (const raw of [params.q, params.scene]) {
    if (!raw) continue;
    let text = raw;
    try {
      text = decodeURIComponent(raw);
    } catch {
      // as it is
    }
    const found = paramOf(text, 'code');
    if (found && /^\d{6}$/.test(found)) return found;
  }
  return null;
}

const timeOf = (iso: string | null) => (iso ? (formatDateTime(iso).split(' ')[1] ?? '') : '');

function toMine(): void {
  const pages = Taro.getCurrentPages();
  const prev = pages[pages.length - 2];
  if (prev && `/${prev.route ?? ''}` === GIG_ROUTES.mine) void Taro.navigateBack();
  else void Taro.redirectTo({ url: GIG_ROUTES.mine });
}

type State = { step: 'ask' } | { step: 'sending' } | { step: 'done'; s: GigSignupItem; out: boolean } | { step: 'failed'; message: string };

/** The 6 digits, typed (a browser, or when the camera will not read the QR). */
function CodeForm({ out, onCode }: { out: boolean; onCode: (code: string) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const go = () => {
    if (!/^\d{6}$/.test(code)) return setError('现场码是6位数字，请看老板手机上的数字');
    onCode(code);
  };
  return (
    <View className='zg-card ci-form'>
      <View className='zg-h2'>输入现场码</View>
      <View className='zg-text ci-lead'>请老板打开手机上的“现场码”，把上面的6位数字输进来（数字每分钟换一次）。</View>
      <Input
        className='zg-input ci-code'
        type='number'
        maxlength={6}
        value={code}
        placeholder='6位数字'
        onInput={(e) => {
          setCode(e.detail.value.replace(/\D/g, '').slice(0, 6));
          setError('');
        }}
        onConfirm={go}
      />
      {error ? <View className='zg-error'>{error}</View> : null}
      <Button className='zg-btn zg-btn-block ci-go' onClick={go}>
        {out ? '收工' : '上工'}
      </Button>
    </View>
  );
}

function CheckIn({ initialCode, out }: { initialCode: string | null; out: boolean }) {
  const [state, setState] = useState<State>(initialCode ? { step: 'sending' } : { step: 'ask' });
  const [lastCode, setLastCode] = useState(initialCode);
  const sentFirst = useRef(false);

  const send = async (code: string, leaving: boolean) => {
    setLastCode(code);
    setState({ step: 'sending' });
    // The location is recorded when the person allows it (a check-in far from the site is only flagged).
    const point = await currentPoint(5000).catch(() => null);
    const body = { code, ...(point ? { lat: point.lat, lng: point.lng } : {}) };
    try {
      const s = leaving ? await api.gigCheckOut(body, { toast: false }) : await api.gigCheckIn(body, { toast: false });
      setState({ step: 'done', s, out: leaving });
    } catch (e) {
      setState({ step: 'failed', message: e instanceof ApiRequestError ? e.message : '没有办成，请再试一次' });
    }
  };

  useEffect(() => {
    if (initialCode && !sentFirst.current) {
      sentFirst.current = true;
      void send(initialCode, out);
    }
  }, []);

  if (state.step === 'sending') return <StateView title={out ? '正在收工…' : '正在上工…'} />;
  if (state.step === 'ask') return <CodeForm out={out} onCode={(c) => void send(c, out)} />;
  if (state.step === 'failed') {
    return (
      <View>
        <View className='zg-card ci-failed'>
          <View className='ci-failed-title'>{out ? '没有收上工' : '没有上上工'}</View>
          <View className='ci-failed-text'>{state.message}</View>
        </View>
        <CodeForm out={out} onCode={(c) => void send(c, out)} />
        <View className='zg-section'>
          <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={toMine}>
            我的零工
          </Button>
        </View>
      </View>
    );
  }
  const { s } = state;
  const leftAlready = s.status === 'checked_out';
  // Checked in earlier today and scanned again: offer the end of the day with the same code.
  const earlier = !state.out && s.status === 'checked_in' && s.checkInAt !== null && Date.now() - Date.parse(s.checkInAt) > 120_000;
  return (
    <View>
      <View className='zg-card ci-done'>
        <View className='ci-icon'>✓</View>
        <View className='ci-done-title'>{leftAlready ? '已收工' : '已上工'}</View>
        <View className='ci-post'>{s.postTitle}</View>
        <View className='zg-text zg-center'>
          {dayText(s.date)} · {s.employerName}
        </View>
        <View className='zg-text zg-center ci-time'>
          上工 {timeOf(s.checkInAt)}
          {s.checkOutAt ? `，收工 ${timeOf(s.checkOutAt)}` : ''}
        </View>
        {s.checkInFar ? <View className='ci-far'>您上工的地方离干活的地点超过1公里，已经记下了，老板会核对。</View> : null}
        {!leftAlready ? <View className='zg-small zg-center ci-next'>收工时，在「我的零工」里再{IS_WEAPP ? '扫' : '输'}一次码。</View> : null}
      </View>
      <View className='zg-section'>
        {earlier && lastCode ? (
          <Button className='zg-btn zg-btn-block ci-out' onClick={() => void send(lastCode, true)}>
            现在收工
          </Button>
        ) : null}
        <Button className='zg-btn zg-btn-ghost zg-btn-block ci-mine' onClick={toMine}>
          我的零工
        </Button>
      </View>
    </View>
  );
}

/** 上工 / 收工 with the 现场码: what the QR on the employer's phone opens (?code=), or the 6 digits typed here. */
export default function CheckInPage() {
  const { params } = useRouter();
  const code = codeOf(params);
  const out = params.out === '1';
  const user = useSession();
  useEffect(() => {
    if (out) void Taro.setNavigationBarTitle({ title: '收工' }).catch(() => undefined);
  }, [out]);
  return (
    <PageShell>
      {!user ? (
        <StateView title='请先登录' body='登录以后就能上工。' actionText='去登录' onAction={() => void Taro.navigateTo({ url: loginUrl(checkInUrl(code ?? undefined, out)) })} />
      ) : user.role !== 'seeker' ? (
        <StateView
          title='现场码由干活的人自己扫'
          body={user.role === 'liaison' ? '帮村民上工，请在「今天的零工」里点“作证上工”。' : '请用干活的人的手机扫码。'}
          actionText='回到我的首页'
          onAction={() => goHome(user.role)}
        />
      ) : (
        <CheckIn key={`${code ?? ''}|${out}`} initialCode={code} out={out} />
      )}
    </PageShell>
  );
}
