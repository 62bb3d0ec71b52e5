import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ROLE_LABELS } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { useSession } from '../../hooks/useSession';
import { goHome, loginUrl, paramOf, ROUTES, scanLoginUrl } from '../../lib/routes';
import './index.css';

type Step = 'ask' | 'approved' | 'cancelled';

/** The ticket from the page's options (?ticket=), or from a whole link handed over as `q` or `scene`. */
function ticketOf(params: Partial<Record<string, string>>): string | null {
  if (params.ticket) return params.ticket;
  for (const raw of [params.q, params.scene]) {
    if (!raw) continue;
    let text = raw;
    try {
      text = decodeURIComponent(raw);
    } catch {
      // as it is
    }
    const found = paramOf(text, 'ticket');
    if (found) return found;
  }
  return null;
}

/**
 * 扫码登录, the phone side: a PC shows a QR code; the person scanned it (the 扫一扫 on 我的, or the phone's
 * camera opening the link) and here says yes or no. Yes logs the PC in as them.
 */
export default function ScanLoginPage() {
  const { params } = useRouter();
  const ticket = ticketOf(params);
  const user = useSession();
  const [step, setStep] = useState<Step>('ask');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  if (!ticket) {
    return (
      <PageShell>
        <StateView title='没有读到登录二维码' body='请在电脑上重新打开“扫码登录”，再扫一次。' actionText='回到我的' onAction={() => void Taro.switchTab({ url: ROUTES.me })} />
      </PageShell>
    );
  }
  if (!user) {
    return (
      <PageShell>
        <StateView
          title='请先在手机上登录'
          body='手机上登录以后，才能让电脑用您的账号登录。'
          actionText='去登录'
          onAction={() => void Taro.navigateTo({ url: loginUrl(scanLoginUrl(ticket)) })}
        />
      </PageShell>
    );
  }

  const approve = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await api.approveQrTicket(ticket, { toast: false });
      setStep('approved');
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '没有确认成功，请在电脑上刷新二维码再扫一次');
    } finally {
      setBusy(false);
    }
  };

  const leave = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else goHome(user.role);
  };

  if (step === 'approved') {
    return (
      <PageShell>
        <View className='zg-card sl-card sl-done'>
          <View className='sl-icon sl-icon-ok'>✓</View>
          <View className='zg-h1 zg-center'>电脑已登录</View>
          <View className='zg-text zg-center sl-line'>请在电脑上接着办事。不用的时候，记得在电脑上退出登录。</View>
          <Button className='zg-btn zg-btn-block sl-btn' onClick={leave}>
            好的
          </Button>
        </View>
      </PageShell>
    );
  }
  if (step === 'cancelled') {
    return (
      <PageShell>
        <View className='zg-card sl-card'>
          <View className='zg-h1 zg-center'>已取消</View>
          <View className='zg-text zg-center sl-line'>电脑没有登录。</View>
          <Button className='zg-btn zg-btn-ghost zg-btn-block sl-btn' onClick={leave}>
            返回
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className='zg-card sl-card'>
        <View className='sl-pc' aria-hidden>
          <View className='sl-pc-screen' />
          <View className='sl-pc-stand' />
        </View>
        <View className='zg-h1 zg-center sl-question'>在电脑上登录 枣工快递？</View>
        <View className='zg-text zg-center sl-line'>
          电脑将用您的账号登录：
          <Text className='sl-who'>
            {user.name}（{ROLE_LABELS[user.role]}）
          </Text>
        </View>
        <View className='zg-small zg-center sl-line'>如果不是您本人在电脑前扫的码，请点“取消”。</View>
        {error ? <View className='zg-error'>{error}</View> : null}
        <Button
          className={busy ? 'zg-btn zg-btn-block sl-btn sl-approve zg-btn-disabled' : 'zg-btn zg-btn-block sl-btn sl-approve'}
          disabled={busy || undefined}
          onClick={() => void approve()}
        >
          {busy ? '正在确认…' : '确认登录'}
        </Button>
        <Button className='zg-btn zg-btn-ghost zg-btn-block sl-btn sl-cancel' onClick={() => setStep('cancelled')}>
          取消
        </Button>
      </View>
    </PageShell>
  );
}
