import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { DISTRICT_CODE, ROLE_LABELS, ROLES, type LoginResponse, type Role } from '@zaogong/shared';
import { ApiRequestError } from '../../api/client';
import { api } from '../../api/endpoints';
import { useApi, useRegions } from '../../api/hooks';
import { Chip } from '../../components/Chip';
import { PageShell } from '../../components/PageShell';
import { StateView } from '../../components/StateView';
import { saveSession } from '../../lib/session';
import { goHome } from '../../lib/routes';
import './index.css';

const ROLE_DESC: Record<Role, string> = {
  seeker: '我要找工作',
  employer: '我要招人',
  liaison: '村居干部',
  admin: '人社部门工作人员',
};

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
// Buttons get `disabled` only while busy (`|| undefined`): Taro's H5 button keeps disabled="false"
// as an attribute, and its stylesheet greys out any button[disabled].

/** Only in-app pages are accepted as a place to return to after login. */
function safeRedirect(raw: string | undefined): string | null {
  if (!raw) return null;
  let url = raw;
  try {
    if (url.includes('%')) url = decodeURIComponent(url);
  } catch {
    return null;
  }
  return url.startsWith('/pages/') || url.startsWith('/packages/') ? url : null;
}

export default function LoginPage() {
  const { params } = useRouter();
  const redirect = safeRedirect(params.redirect);
  const config = useApi(() => api.authConfig({ toast: false }), []);
  const [role, setRole] = useState<Role>();
  const [name, setName] = useState('');
  const [townCode, setTownCode] = useState<string>();
  const [villageCode, setVillageCode] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const towns = useRegions(role === 'liaison' ? DISTRICT_CODE : null);
  const villages = useRegions(role === 'liaison' && townCode ? townCode : null);

  const done = (res: LoginResponse) => {
    saveSession(res);
    void Taro.showToast({ title: '登录成功', icon: 'success', duration: 1200 });
    if (redirect) {
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
      else void Taro.redirectTo({ url: redirect });
      return;
    }
    goHome(res.user.role);
  };

  const fail = (e: unknown) => {
    setError(e instanceof ApiRequestError ? e.message : '登录没有成功，请再试一次');
  };

  const wechatLogin = async () => {
    setBusy(true);
    setError('');
    try {
      const { code } = await Taro.login();
      done(await api.wechatLogin({ code }, { toast: false }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const devLogin = async () => {
    if (!role) return setError('请先选择您的身份');
    const trimmed = name.trim();
    if (!trimmed) return setError('请填写您的姓名');
    if (role === 'liaison' && !townCode) return setError('请选择您负责的镇街');
    setBusy(true);
    setError('');
    try {
      const regionCode = role === 'liaison' ? (villageCode ?? townCode) : undefined;
      done(await api.devLogin({ role, name: trimmed, regionCode }, { toast: false }));
    } catch (e) {
      fail(e);
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

  const { devLogin: devLoginOn, wechat } = config.data;
  const townName = towns.data?.find((t) => t.code === townCode)?.name;
  const villageName = villages.data?.find((v) => v.code === villageCode)?.name;

  return (
    <PageShell>
      <View className='login-intro'>
        <View className='zg-h1'>欢迎使用枣工快递</View>
        <View className='zg-small'>山亭区公共就业服务：找工作、招工人，都在这里。</View>
      </View>

      {IS_WEAPP && wechat ? (
        <View className='zg-card'>
          <Button
            className={busy ? 'zg-btn zg-btn-wechat zg-btn-block zg-btn-disabled' : 'zg-btn zg-btn-wechat zg-btn-block'}
            disabled={busy || undefined}
            onClick={() => void wechatLogin()}
          >
            {busy ? '正在登录…' : '微信一键登录'}
          </Button>
        </View>
      ) : null}

      {devLoginOn ? (
        <View>
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
                className='zg-input'
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
            <Button
              className={busy ? 'zg-btn zg-btn-block login-submit zg-btn-disabled' : 'zg-btn zg-btn-block login-submit'}
              disabled={busy || undefined}
              onClick={() => void devLogin()}
            >
              {busy ? '正在登录…' : role ? `以${ROLE_LABELS[role]}身份登录` : '登录'}
            </Button>
            <View className='zg-small login-note'>
              这是测试环境：选好身份、写上姓名就能登录，不用密码。正式上线后用微信登录。
            </View>
          </View>
        </View>
      ) : null}

      {!devLoginOn && !(IS_WEAPP && wechat) ? (
        <StateView
          title='这里暂时不能登录'
          body={IS_WEAPP ? '微信登录还没有开通，请稍后再试。' : '网页版暂时不能登录，请在微信里打开“枣工快递”小程序登录。不登录也可以看岗位。'}
        />
      ) : null}
      {!devLoginOn && IS_WEAPP && wechat && error ? (
        <View className='zg-section'>
          <View className='zg-error'>{error}</View>
        </View>
      ) : null}
    </PageShell>
  );
}
