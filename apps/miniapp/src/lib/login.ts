import Taro from '@tarojs/taro';
import type { AuthUser, LoginResponse } from '@zaogong/shared';
import { api } from '../api/endpoints';
import { clearSession, getRefreshToken, saveSession } from './session';
import { goHome, ROUTES, withRedirect } from './routes';

/**
 * The two-factor page an admin session still has to pass, or null: an admin without two-factor sets
 * it up first; one with it gives this session's code. A session that has given it (or the development
 * login, which waives it) goes on. Only `false` counts, so a stored user without the fields is not
 * sent anywhere; the API's 403 `mfaRequired` catches the rest.
 */
export function mfaStep(user: AuthUser): string | null {
  if (user.role !== 'admin' || user.mfaVerified !== false) return null;
  return user.mfaEnabled ? ROUTES.mfa : ROUTES.mfaSetup;
}

interface FinishOptions {
  /** An in-app page to come back to (checked with safeRedirect by the caller). */
  redirect?: string | null;
  /** The development login: its sessions need no second factor. */
  dev?: boolean;
  /** The toast; default 登录成功. */
  message?: string;
}

/**
 * Stores a new session (login, 扫码登录, an accepted invitation, two-factor) and goes on: to two-factor
 * when an admin session still needs it, else back where the person came from, else to their role's home.
 */
export function finishLogin(res: LoginResponse, options: FinishOptions = {}): void {
  const { redirect, dev, message = '登录成功' } = options;
  saveSession(res);
  void Taro.showToast({ title: message, icon: 'success', duration: 1200 });
  const step = dev ? null : mfaStep(res.user);
  if (step) {
    void Taro.reLaunch({ url: withRedirect(step, redirect) });
    return;
  }
  if (redirect) {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: redirect });
    return;
  }
  goHome(res.user.role);
}

/** After two-factor: on to the page the admin was going to, or the admin home. */
export function finishMfa(res: LoginResponse, redirect: string | null, message: string): void {
  saveSession(res);
  void Taro.showToast({ title: message, icon: 'success', duration: 1500 });
  if (redirect && !redirect.includes('/pages/mfa')) void Taro.reLaunch({ url: redirect });
  else goHome(res.user.role);
}

/**
 * 退出登录: the server forgets the session (its refresh token stops working), then this device does.
 * The server call is best effort: offline, the device still logs out.
 */
export async function logout(): Promise<void> {
  const refreshToken = getRefreshToken();
  if (refreshToken) {
    try {
      await api.logout(refreshToken, { toast: false });
    } catch {
      // The refresh token dies with its session anyway once unused; nothing to tell the person.
    }
  }
  clearSession();
}
