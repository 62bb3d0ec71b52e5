import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { QrTicket } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { PageShell } from '../../components/PageShell';
import { QrImage } from '../../components/QrImage';
import { StateView } from '../../components/StateView';
import { finishLogin } from '../../lib/login';
import { ROUTES } from '../../lib/routes';
import './index.css';

const IS_H5 = process.env.TARO_ENV === 'h5';
/** How often the PC asks whether the phone has approved. */
const POLL_MS = 2000;
/** Expired tickets are renewed by themselves this many times; then the person taps 刷新. */
const AUTO_RENEWALS = 5;

type Phase = 'loading' | 'waiting' | 'stale' | 'error';

/**
 * 扫码登录, the PC side (H5 in a desktop browser): shows the QR of a fresh ticket (POST /auth/qr) and
 * asks every 2 s whether a phone has approved it (GET /auth/qr/:ticket). An expired ticket is replaced
 * by a new one; once approved, the session is stored and the person goes on as after any login.
 */
function QrLogin() {
  const [ticket, setTicket] = useState<QrTicket>();
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState('');
  const renewals = useRef(0);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const create = useCallback(async (auto: boolean) => {
    if (auto) renewals.current += 1;
    else renewals.current = 0;
    if (auto && renewals.current > AUTO_RENEWALS) {
      setPhase('stale');
      return;
    }
    setPhase('loading');
    setError('');
    try {
      const t = await api.createQrTicket({ toast: false });
      if (!alive.current) return;
      setTicket(t);
      setPhase('waiting');
    } catch (e) {
      if (!alive.current) return;
      setError(e instanceof ApiRequestError ? e.message : '二维码没有生成，请再试一次');
      setPhase('error');
    }
  }, []);

  useEffect(() => {
    void create(false);
  }, [create]);

  // Polls the current ticket while it is shown; a new ticket starts a new loop.
  useEffect(() => {
    if (!ticket || phase !== 'waiting') return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      if (Date.parse(ticket.expiresAt) <= Date.now()) {
        void create(true);
        return;
      }
      try {
        const state = await api.qrTicketState(ticket.ticket, { toast: false });
        if (stopped) return;
        if (state.status === 'approved' && state.token && state.user) {
          stopped = true;
          finishLogin({ token: state.token, refreshToken: state.refreshToken, user: state.user });
          return;
        }
        if (state.status === 'expired') {
          void create(true);
          return;
        }
      } catch (e) {
        if (stopped) return;
        // A spent or unknown ticket: start again with a new one. A network hiccup: just ask again.
        if (e instanceof ApiRequestError && (e.statusCode === 404 || e.statusCode === 410)) {
          void create(true);
          return;
        }
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [ticket, phase, create]);

  return (
    <View className='ql'>
      <View className='zg-card ql-card'>
        <View className='zg-h1 zg-center'>用手机扫码登录</View>
        <View className='ql-code-area'>
          {phase === 'waiting' && ticket ? <QrImage text={ticket.qrText} label='登录二维码' /> : null}
          {phase === 'loading' ? <View className='ql-placeholder zg-text'>正在生成二维码…</View> : null}
          {phase === 'stale' ? (
            <View className='ql-placeholder'>
              <View className='zg-h2'>二维码已过期</View>
              <Button className='zg-btn ql-renew' onClick={() => void create(false)}>
                点这里刷新二维码
              </Button>
            </View>
          ) : null}
          {phase === 'error' ? (
            <View className='ql-placeholder'>
              <View className='zg-error'>{error}</View>
              <Button className='zg-btn ql-renew' onClick={() => void create(false)}>
                再试一次
              </Button>
            </View>
          ) : null}
        </View>
        {phase === 'waiting' ? <View className='zg-text zg-center ql-status'>等待手机确认…</View> : null}
        <View className='ql-steps'>
          <View className='ql-step'>
            <View className='ql-step-no'>1</View>
            <View className='zg-grow zg-text'>在手机上打开微信里的“枣工快递”小程序。</View>
          </View>
          <View className='ql-step'>
            <View className='ql-step-no'>2</View>
            <View className='zg-grow zg-text'>点“我的”，再点“扫一扫，在电脑上登录”，对准上面的二维码。</View>
          </View>
          <View className='ql-step'>
            <View className='ql-step-no'>3</View>
            <View className='zg-grow zg-text'>在手机上点“确认登录”，这台电脑就登录好了。</View>
          </View>
        </View>
        <View className='zg-small ql-note'>二维码几分钟内有效，过期会自动换新的。只有联络员和工作人员能在电脑上登录。</View>
      </View>
      <View className='zg-section'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void Taro.redirectTo({ url: ROUTES.login })}>
          不扫码，用手机号登录
        </Button>
      </View>
    </View>
  );
}

export default function QrLoginPage() {
  return (
    <PageShell>
      {IS_H5 ? (
        <QrLogin />
      ) : (
        <StateView
          title='扫码登录是给电脑用的'
          body='在手机上请直接登录。要让电脑登录，请点“我的”里的“扫一扫，在电脑上登录”。'
          actionText='去登录'
          onAction={() => void Taro.redirectTo({ url: ROUTES.login })}
        />
      )}
    </PageShell>
  );
}
