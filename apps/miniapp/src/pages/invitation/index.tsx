import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ROLE_LABELS } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { PageShell } from '../../components/PageShell';
import { useSession } from '../../hooks/useSession';
import { finishLogin } from '../../lib/login';
import { invitationUrl, loginUrl, paramOf } from '../../lib/routes';
import './index.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** A typed or pasted code without spaces; a whole pasted link gives its `code`. */
function cleanCode(raw: string): string {
  const fromLink = raw.includes('code=') ? paramOf(raw, 'code') : null;
  return (fromLink ?? raw).replace(/\s+/g, '');
}

/**
 * 输入邀请码: the person a district admin or a 镇街 officer invited types the code (or opens the share
 * card / QR, which fills it in) and at once has the role and region of the invitation.
 */
export default function InvitationPage() {
  const { params } = useRouter();
  const user = useSession();
  const [code, setCode] = useState(() => cleanCode(params.code ?? ''));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const accept = async () => {
    if (busy) return;
    const value = cleanCode(code);
    if (!value) return setError('请填写邀请码');
    setBusy(true);
    setError('');
    try {
      const res = await api.acceptInvitation(value, { toast: false });
      finishLogin(res, { message: `您已是${ROLE_LABELS[res.user.role]}` });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '邀请码没有用上，请再试一次');
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      const found = paramOf(result, 'code');
      if (!found) {
        void Taro.showToast({ title: '这不是邀请码的二维码', icon: 'none', duration: 2500 });
        return;
      }
      setCode(found);
      setError('');
    } catch {
      // closed without scanning
    }
  };

  return (
    <PageShell>
      <View className='inv-intro'>
        <View className='zg-h1'>输入邀请码</View>
        <View className='zg-small'>人社局或镇街给您的邀请码，用上以后您就是联络员或工作人员，马上能用。</View>
      </View>

      {!user ? (
        <View className='zg-card'>
          <View className='zg-h2'>请先登录</View>
          <View className='zg-text inv-line'>先用微信或手机号登录，再回来用邀请码。</View>
          <Button
            className='zg-btn zg-btn-block inv-login'
            onClick={() => void Taro.navigateTo({ url: loginUrl(invitationUrl(cleanCode(code) || undefined)) })}
          >
            去登录
          </Button>
        </View>
      ) : (
        <View className='zg-card'>
          <View className='zg-label'>邀请码</View>
          <Input
            className='zg-input inv-code'
            type='text'
            placeholder='请输入邀请码'
            maxlength={64}
            value={code}
            onInput={(e) => {
              setCode(e.detail.value);
              setError('');
            }}
          />
          {IS_WEAPP ? (
            <Button className='zg-btn zg-btn-ghost zg-btn-block inv-scan' onClick={() => void scan()}>
              扫邀请二维码
            </Button>
          ) : null}
          {error ? <View className='zg-error'>{error}</View> : null}
          <Button
            className={busy ? 'zg-btn zg-btn-block inv-submit zg-btn-disabled' : 'zg-btn zg-btn-block inv-submit'}
            disabled={busy || undefined}
            onClick={() => void accept()}
          >
            {busy ? '正在确认…' : '确认'}
          </Button>
          <View className='zg-small inv-line'>
            现在登录的是：{user.name}（{ROLE_LABELS[user.role]}）。用上邀请码后，这个账号就换成邀请给您的身份。邀请码只能用一次，7天内有效。
          </View>
        </View>
      )}
    </PageShell>
  );
}
