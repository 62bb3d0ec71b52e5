import { useEffect, useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { DISTRICT_CODE, ROLE_LABELS, ROLES, validateMobile, type Role } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { useApi, useRegions } from '../../api/hooks';
import { Chip } from '../../components/Chip';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { finishLogin } from '../../lib/login';
import { ROUTES, safeRedirect } from '../../lib/routes';
import './index.css';

const ROLE_DESC: Record<Role, string> = {
  seeker: '我要找工作',
  employer: '我要招人',
  liaison: '村居干部',
  admin: '人社部门工作人员',
};

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const IS_H5 = process.env.TARO_ENV === 'h5';
/** Seconds before another SMS code may be asked for, unless the API says (one a minute per phone). */
const SMS_WAIT = 60;
// Buttons get `disabled` only while busy (`|| undefined`): Taro's H5 button keeps disabled="false"
// as an attribute, and its stylesheet greys out any button[disabled].

function btnClass(base: string, busy: boolean): string {
  return busy ? `${base} zg-btn-disabled` : base;
}

function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiRequestError ? e.message : fallback;
}

/**
 * WeChat: 手机号快速验证 (getPhoneNumber) gives a one-time code for the phone number; with a fresh
 * wx.login code it goes to POST /auth/wechat. Someone who declines the phone still logs in.
 */
function WechatLogin({ redirect }: { redirect: string | null }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const onPhone = async (e: { detail: ButtonProps.onGetPhoneNumberEventDetail }) => {
    if (busy) return;
    const phoneCode = e.detail.code;
    setBusy(true);
    setError('');
    try {
      const { code } = await Taro.login();
      const res = await api.wechatLogin(phoneCode ? { code, phoneCode } : { code }, { toast: false });
      finishLogin(res, { redirect });
    } catch (err) {
      setError(errorText(err, '登录没有成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='zg-card login-wechat'>
      <View className='zg-card-title'>微信登录</View>
      <View className='zg-small login-method-note'>用微信绑定的手机号登录，不用记密码。</View>
      <Button
        className={btnClass('zg-btn zg-btn-wechat zg-btn-block login-submit', busy)}
        disabled={busy || undefined}
        openType='getPhoneNumber'
        onGetPhoneNumber={(e) => void onPhone(e)}
      >
        {busy ? '正在登录…' : '手机号快速登录'}
      </Button>
      {error ? <View className='zg-error'>{error}</View> : null}
    </View>
  );
}

/** A phone browser outside WeChat: a code by text message (POST /auth/sms/send, then /auth/sms/login). */
function SmsLogin({ redirect }: { redirect: string | null }) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    if (sending || wait > 0) return;
    const checked = validateMobile(phone);
    if (!checked.ok) return setError(checked.message);
    setSending(true);
    setError('');
    try {
      const sent = await api.smsSend(checked.value, { toast: false });
      setSentTo(checked.value);
      setWait(sent.resendAfter > 0 && sent.resendAfter <= 600 ? Math.ceil(sent.resendAfter) : SMS_WAIT);
    } catch (e) {
      setError(errorText(e, '验证码没有发出去，请稍后再试'));
    } finally {
      setSending(false);
    }
  };

  const login = async () => {
    if (busy) return;
    const checked = validateMobile(phone);
    if (!checked.ok) return setError(checked.message);
    if (!/^\d{6}$/.test(code.trim())) return setError('请填写短信里的6位验证码');
    setBusy(true);
    setError('');
    try {
      finishLogin(await api.smsLogin(checked.value, code.trim(), { toast: false }), { redirect });
    } catch (e) {
      setError(errorText(e, '登录没有成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='zg-card login-sms'>
      <View className='zg-card-title'>手机号登录</View>
      <View className='zg-label'>手机号</View>
      <Input
        className='zg-input login-phone'
        type='number'
        placeholder='请输入11位手机号'
        maxlength={11}
        value={phone}
        onInput={(e) => {
          setPhone(e.detail.value);
          setError('');
        }}
      />
      <View className='zg-label login-code-label'>验证码</View>
      <View className='zg-row'>
        <Input
          className='zg-input zg-grow login-sms-code'
          type='number'
          placeholder='短信验证码'
          maxlength={6}
          value={code}
          onInput={(e) => {
            setCode(e.detail.value);
            setError('');
          }}
        />
        <Button
          className={btnClass('zg-btn zg-btn-ghost login-send', sending || wait > 0)}
          disabled={sending || wait > 0 || undefined}
          onClick={() => void send()}
        >
          {sending ? '正在发送' : wait > 0 ? `${wait}秒后重发` : '获取验证码'}
        </Button>
      </View>
      {sentTo && wait > 0 ? <View className='zg-small login-sent'>验证码已发到 {sentTo.slice(0, 3)}****{sentTo.slice(7)}，请查看短信。</View> : null}
      {error ? <View className='zg-error'>{error}</View> : null}
      <Button className={btnClass('zg-btn zg-btn-block login-submit login-sms-submit', busy)} disabled={busy || undefined} onClick={() => void login()}>
        {busy ? '正在登录…' : '登录'}
      </Button>
      <View className='zg-small login-note'>第一次用手机号登录，会自动开通账号。</View>
    </View>
  );
}

/** The development login (AUTH_DEV_LOGIN=true only): pick a role and a name, no password. */
function DevLogin({ redirect }: { redirect: string | null }) {
  const [role, setRole] = useState<Role>();
  const [name, setName] = useState('');
  const [townCode, setTownCode] = useState<string>();
  const [villageCode, setVillageCode] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const towns = useRegions(role === 'liaison' ? DISTRICT_CODE : null);
  const villages = useRegions(role === 'liaison' && townCode ? townCode : null);

  const devLogin = async () => {
    if (!role) return setError('请先选择您的身份');
    const trimmed = name.trim();
    if (!trimmed) return setError('请填写您的姓名');
    if (role === 'liaison' && !townCode) return setError('请选择您负责的镇街');
    setBusy(true);
    setError('');
    try {
      const regionCode = role === 'liaison' ? (villageCode ?? townCode) : undefined;
      finishLogin(await api.devLogin({ role, name: trimmed, regionCode }, { toast: false }), { redirect, dev: true });
    } catch (e) {
      setError(errorText(e, '登录没有成功，请再试一次'));
    } finally {
      setBusy(false);
    }
  };

  const pickRole = (r: Role) => {
    setRole(r);
    setError('');
  };
  const pickTown = (code: string) => {
    setTownCode(code);
    setVillageCode(undefined);
  };
  const townName = towns.data?.find((t) => t.code === townCode)?.name;
  const villageName = villages.data?.find((v) => v.code === villageCode)?.name;

  return (
    <View className='login-dev'>
      <View className='zg-section'>
        <View className='zg-label'>1. 您是谁？</View>
        <View className='login-roles'>
          {ROLES.map((r) => (
            <View key={r} className={role === r ? 'login-role login-role-on' : 'login-role'} onClick={() => pickRole(r)}>
              <View className='login-role-name'>{ROLE_LABELS[r]}</View>
              <View className='login-role-desc'>{ROLE_DESC[r]}</View>
            </View>
          ))}
        </View>
      </View>

      {role ? (
        <View className='zg-section'>
          <View className='zg-label'>2. 您的姓名</View>
          <Input
            className='zg-input login-name'
            type='text'
            placeholder='请输入姓名'
            maxlength={20}
            value={name}
            onInput={(e) => setName(e.detail.value)}
          />
        </View>
      ) : null}

      {role === 'liaison' ? (
        <View className='zg-section'>
          <View className='zg-label'>3. 您负责哪个镇街？</View>
          {towns.error ? <View className='zg-error'>{towns.error.message}</View> : null}
          <View className='zg-row-wrap login-grid'>
            {(towns.data ?? []).map((t) => (
              <Chip key={t.code} label={t.name} on={townCode === t.code} onTap={() => pickTown(t.code)} />
            ))}
          </View>
          {townCode ? (
            <View>
              <View className='zg-label'>4. 哪个村居？</View>
              {villages.loading ? <View className='zg-small'>正在加载村居…</View> : null}
              {villages.error ? <View className='zg-error'>{villages.error.message}</View> : null}
              <View className='zg-row-wrap login-grid'>
                <Chip label='整个镇街' on={!villageCode} onTap={() => setVillageCode(undefined)} />
                {(villages.data ?? []).map((v) => (
                  <Chip key={v.code} label={v.name} on={villageCode === v.code} onTap={() => setVillageCode(v.code)} />
                ))}
              </View>
              <View className='login-scope'>
                负责范围：{townName ?? ''}
                {villageName ? ` ${villageName}` : '（整个镇街）'}
              </View>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className='zg-section'>
        {error ? <View className='zg-error'>{error}</View> : null}
        <Button className={btnClass('zg-btn zg-btn-block login-submit', busy)} disabled={busy || undefined} onClick={() => void devLogin()}>
          {busy ? '正在登录…' : role ? `以${ROLE_LABELS[role]}身份登录` : '登录'}
        </Button>
        <View className='zg-small login-note'>这是测试环境：选好身份、写上姓名就能登录，不用密码。正式上线后用微信或手机号登录。</View>
      </View>
    </View>
  );
}

/**
 * 登录: WeChat's 手机号快速验证 in the mini-program; a text-message code in a phone browser; 扫码登录 for
 * staff on a PC; the development login only where the API offers it. After login an admin passes
 * two-factor first (see lib/login.ts).
 */
export default function LoginPage() {
  const { params } = useRouter();
  const redirect = safeRedirect(params.redirect);
  const config = useApi(() => api.authConfig({ toast: false }), []);

  if (config.loading && !config.data) {
    return (
      <PageShell>
        <StateView title='正在打开登录…' />
      </PageShell>
    );
  }
  if (config.error || !config.data) {
    return (
      <PageShell>
        <StateView title='登录页没有打开' body={config.error?.message} actionText='再试一次' onAction={() => void config.reload()} />
      </PageShell>
    );
  }

  const { devLogin: devLoginOn, wechat, sms } = config.data;
  const wechatOn = IS_WEAPP && wechat;
  const smsOn = IS_H5 && sms;

  return (
    <PageShell>
      <View className='login-intro'>
        <View className='zg-h1'>欢迎使用枣工快递</View>
        <View className='zg-small'>山亭区公共就业服务：找工作、招工人，都在这里。</View>
      </View>

      {wechatOn ? <WechatLogin redirect={redirect} /> : null}
      {smsOn ? <SmsLogin redirect={redirect} /> : null}

      {devLoginOn ? <DevLogin redirect={redirect} /> : null}

      {!devLoginOn && !wechatOn && !smsOn ? (
        <StateView
          title='这里暂时不能登录'
          body={IS_WEAPP ? '微信登录还没有开通，请稍后再试。' : '网页版暂时不能用手机号登录，请在微信里打开“枣工快递”小程序登录。不登录也可以看岗位。'}
        />
      ) : null}

      {IS_H5 ? (
        <View className='zg-card login-pc' onClick={() => void Taro.navigateTo({ url: ROUTES.qrLogin })} aria-role='link'>
          <View className='zg-grow'>
            <View className='zg-h2'>在电脑上？扫码登录</View>
            <View className='zg-small'>工作人员在电脑上办公：用手机扫一下屏幕上的二维码就能登录。</View>
          </View>
          <View className='login-pc-arrow'>›</View>
        </View>
      ) : null}
    </PageShell>
  );
}
