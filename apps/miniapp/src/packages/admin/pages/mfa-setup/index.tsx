import { Fragment, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiRequestError } from '../../../../api/client';
import { api } from '../../../../api/endpoints';
import { useApi } from '../../../../api/hooks';
import { PageShell } from '../../../../components/PageShell';
import { QrImage } from '../../../../components/QrImage';
import { RoleGate } from '../../../../components/RoleGate';
import { StateView } from '../../../../components/StateView';
import { finishMfa } from '../../../../lib/login';
import { ROUTES, safeRedirect, withRedirect } from '../../../../lib/routes';
import { TotpField, totpError } from '../../components/TotpField';
import './index.css';

/** ["JBSW", "Y3DP", "EHPK", "3PXP"]: the secret in groups of four, easier to type into an app by hand. */
function secretGroups(secret: string): string[] {
  return secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? [];
}

function Setup({ redirect }: { redirect: string | null }) {
  // Each opening makes a new secret; only the one confirmed with a code counts.
  const setup = useApi(() => api.mfaSetup({ toast: false }), []);
  const [totp, setTotp] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  if (setup.loading && !setup.data) return <StateView title='正在准备…' />;
  if (setup.error || !setup.data) {
    if (setup.error?.statusCode === 409) {
      return (
        <StateView
          title='两步验证已经设置好了'
          body='请输入验证器上的6位数字。手机换了或验证器删了，请找区人社局的管理员重置。'
          actionText='去输入验证码'
          onAction={() => void Taro.redirectTo({ url: withRedirect(ROUTES.mfa, redirect) })}
        />
      );
    }
    return <StateView title='没有准备好' body={setup.error?.message} actionText='再试一次' onAction={() => void setup.reload()} />;
  }
  const { secret, otpauthUrl } = setup.data;

  const confirm = async () => {
    if (busy) return;
    if (!/^\d{6}$/.test(totp)) return setError('请填写验证器上的6位数字');
    setBusy(true);
    setError('');
    try {
      finishMfa(await api.mfaConfirm(totp, { toast: false }), redirect, '两步验证已设置好');
    } catch (e) {
      setError(e instanceof ApiRequestError ? totpError(e.statusCode, e.message) : '没有设置成功，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  const copy = () =>
    void Taro.setClipboardData({ data: secret }).catch(() => Taro.showToast({ title: '没有复制成功，请照着抄', icon: 'none' }));

  return (
    <View>
      <View className='mfa-intro'>
        <View className='zg-h1'>设置两步验证</View>
        <View className='zg-text mfa-line'>管理员每次登录，除了手机号，还要输入验证器上的6位数字。这样别人拿到您的手机号也登录不了。</View>
      </View>

      <View className='zg-card'>
        <View className='mfa-step-title'>
          <Text className='mfa-step-no'>1</Text>在手机上装一个验证器
        </View>
        <View className='zg-text'>例如“腾讯身份验证器”“Microsoft Authenticator”，在应用商店里搜名字就能下载。</View>
      </View>

      <View className='zg-card'>
        <View className='mfa-step-title'>
          <Text className='mfa-step-no'>2</Text>把枣工快递加进验证器
        </View>
        <View className='zg-text'>在电脑上设置：用验证器扫下面的二维码。</View>
        <QrImage text={otpauthUrl} label='两步验证二维码' small />
        <View className='zg-text mfa-line'>在手机上设置：在验证器里选“手动输入密钥”，输入下面这串字母数字：</View>
        <View className='mfa-secret'>
          {secretGroups(secret).map((g, i) => (
            <Fragment key={i}>
              {i > 0 ? ' ' : null}
              <Text className='mfa-secret-group'>{g}</Text>
            </Fragment>
          ))}
        </View>
        <Button className='zg-btn zg-btn-ghost zg-btn-block mfa-copy' onClick={copy}>
          复制密钥
        </Button>
        <View className='zg-small mfa-line'>密钥不要告诉别人，也不要拍照发出去。</View>
      </View>

      <View className='zg-card'>
        <View className='mfa-step-title'>
          <Text className='mfa-step-no'>3</Text>输入验证器上的数字
        </View>
        <TotpField
          value={totp}
          onChange={(v) => {
            setTotp(v);
            setError('');
          }}
        />
        {error ? <View className='zg-error'>{error}</View> : null}
        <Button
          className={busy ? 'zg-btn zg-btn-block mfa-submit zg-btn-disabled' : 'zg-btn zg-btn-block mfa-submit'}
          disabled={busy || undefined}
          onClick={() => void confirm()}
        >
          {busy ? '正在确认…' : '确认'}
        </Button>
      </View>
    </View>
  );
}

/** 设置两步验证 (admins): the QR of the otpauth:// link, the secret to type by hand, and a first code. */
export default function MfaSetupPage() {
  const { params } = useRouter();
  const redirect = safeRedirect(params.redirect);
  return (
    <PageShell>
      <RoleGate role='admin'>{() => <Setup redirect={redirect} />}</RoleGate>
    </PageShell>
  );
}
