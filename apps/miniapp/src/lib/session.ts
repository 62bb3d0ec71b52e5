import Taro from '@tarojs/taro';
import type { AuthUser, LoginResponse } from '@zaogong/shared';

const TOKEN_KEY = 'zg.token';
const USER_KEY = 'zg.user';
/** The refresh token of the session (absent after a development login). */
const REFRESH_KEY = 'zg.refresh';
/** Fired on Taro.eventCenter whenever the signed-in user changes (login, logout, 401). */
export const SESSION_EVENT = 'zg:session';

export function getToken(): string | null {
  const token: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export function getUser(): AuthUser | null {
  if (!getToken()) return null;
  const user: unknown = Taro.getStorageSync(USER_KEY);
  if (user && typeof user === 'object' && 'role' in user && 'name' in user) {
    return user as AuthUser;
  }
  return null;
}

export function getRefreshToken(): string | null {
  const token: unknown = Taro.getStorageSync(REFRESH_KEY);
  return typeof token === 'string' && token.length > 0 ? token : null;
}

export function saveSession(res: LoginResponse): void {
  Taro.setStorageSync(TOKEN_KEY, res.token);
  if (res.refreshToken) Taro.setStorageSync(REFRESH_KEY, res.refreshToken);
  else Taro.removeStorageSync(REFRESH_KEY);
  Taro.setStorageSync(USER_KEY, res.user);
  Taro.eventCenter.trigger(SESSION_EVENT);
}

/**
 * After POST /auth/refresh: the new pair replaces the old one (the old refresh token no longer works),
 * and the user too when the answer carries one.
 */
export function saveTokens(token: string, refreshToken: string, user?: AuthUser | null): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  Taro.setStorageSync(REFRESH_KEY, refreshToken);
  if (user && typeof user === 'object' && 'role' in user && 'name' in user) {
    Taro.setStorageSync(USER_KEY, user);
    Taro.eventCenter.trigger(SESSION_EVENT);
  }
}

/**
 * Keeps the token; replaces the stored user (after GET /me). Anything but a user is ignored: on H5 a
 * GET /me cut short by leaving the page can answer with no body, and storing that would log the
 * person out of the next page they open.
 */
export function saveUser(user: AuthUser | null | undefined): void {
  if (!user || typeof user !== 'object' || !('role' in user) || !('name' in user)) return;
  Taro.setStorageSync(USER_KEY, user);
  Taro.eventCenter.trigger(SESSION_EVENT);
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(REFRESH_KEY);
  Taro.removeStorageSync(USER_KEY);
  Taro.eventCenter.trigger(SESSION_EVENT);
}
