import { useEffect, useState } from 'react';
import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { PageShell } from '../../../../components/PageShell';
import { RoleGate } from '../../../../components/RoleGate';
import { finishMfa, logout } from '../../../../lib/login';
import { ROUTES, safeRedirect, withRedirect } from '../../../../lib/routes';
import { TotpField, totpError } from '../../components/TotpField';
import './index.css';

function EnterCode({ name, mfaEnabled, redirect }: { name: string; mfaEnabled: boolean; redirect: string | null }) {
  const [totp, setTotp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [locked, setLocked] = useState(false);

  // Two-factor not set up yet (e.g. reset by a district admin): set it up instead.
  useEffect(() => {
    if (mfaEnabled === false) void Taro.redirectTo({ url: withRedirect(ROUTES.mfaSetup, redirect) });
  }, [mfaEnabled, redirect]);

  const verify = async () => {
    if (busy) return;
    if (!/^\d{6}$/.test(totp)) return setError('请填写验证器上的6位数字');
    setBusy(true);
    setError('');
    try {
      finishMfa(await api.mfaVerify(totp, { toast: false }), redirect, '验证通过');
    } catch (e) {
      if (e instanceof ApiRequestError) {
        setLocked(e.statusCode === 429);
        setError(totpError(e.statusCode, e.message));
      } else {
        setError('没有验证成功，请再试一次');
      }
      setTotp('');
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    await logout();
    void Taro.reLaunch({ url: ROUTES.login });
  };

  return (
    <View>
      <View className='mfa-intro'>
        <View className='zg-h1'>两步验证</View>
        <View className='zg-text mfa-line'>{name}，请打开手机上的验证器，输入“枣工快递”下面的6位数字。</View>
      </View>
      <View className='zg-card'>
        <TotpField
          value={totp}
          onChange={(v) => {
            setTotp(v);
            setError('');
          }}
        />
        {error ? <View className={locked ? 'zg-error mfa-locked' : 'zg-error'}>{error}</View> : null}
        <Button
          className={busy ? 'zg-btn zg-btn-block mfa-submit zg-btn-disabled' : 'zg-btn zg-btn-block mfa-submit'}
          disabled={busy || undefined}
          onClick={() => void verify()}
        >
          {busy ? '正在验证…' : '确认'}
        </Button>
        <View className='zg-small mfa-line'>数字每30秒换一次，输入当前显示的那个。连续错5次会锁定15分钟。</View>
        <View className='zg-small mfa-line'>手机换了、验证器删了？请找区人社局的管理员重置两步验证。</View>
      </View>
      <View className='zg-section'>
        <Button className='zg-btn zg-btn-ghost zg-btn-block' onClick={() => void signOut()}>
          不是我，退出登录
        </Button>
      </View>
    </View>
  );
}

/** 两步验证 (admins): this session's code from the authenticator app (POST /auth/mfa). */
export default function MfaPage() {
  const { params } = useRouter();
  const redirect = safeRedirect(params.redirect);
  return (
    <PageShell>
      <RoleGate role='admin'>
        {(user) => <EnterCode name={user.name} mfaEnabled={user.mfaEnabled} redirect={redirect} />}
      </RoleGate>
    </PageShell>
  );
}
