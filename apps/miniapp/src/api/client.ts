import Taro from '@tarojs/taro';
import { API_BASE_PATH, type ApiError, type AuthUser, type FieldError } from '@zaogong/shared';
import { clearSession, getRefreshToken, getToken, getUser, saveTokens } from '../lib/session';
import { currentRoute, loginUrl, ROUTES, withRedirect } from '../lib/routes';

/** The WeChat build talks to a local API unless TARO_APP_API_BASE is set at build time. */
const WEAPP_DEFAULT_BASE = `http://127.0.0.1:3000${API_BASE_PATH}`;

export function apiBase(): string {
  const configured = process.env.TARO_APP_API_BASE;
  if (configured) return configured.replace(/\/+$/, '');
  // H5 is served by the API itself, so the same origin is the right default.
  return process.env.TARO_ENV === 'h5' ? API_BASE_PATH : WEAPP_DEFAULT_BASE;
}

/** A failed call, carrying the API's Chinese message (already fit to show a person). */
export class ApiRequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly errors: FieldError[] = [],
    /** The whole error body, for extra fields some answers carry (e.g. `existingId` on a 409). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Show the error message in a toast (default true). Pages that show errors inline pass false. */
  toast?: boolean;
  /**
   * Send the signed-in user's token (default true). Login routes pass false: they answer for anyone,
   * and a stale token of an earlier session must not send the person to the login page from there.
   */
  auth?: boolean;
  /**
   * A 401 ends the session and opens the login page (default true). 退出登录 passes false: it is
   * ending the session anyway, and a refused call must not send the person to log in.
   */
  endSessionOn401?: boolean;
  /**
   * The Idempotency-Key of a write (default: a new one per call). A write kept on the phone while there
   * was no network (lib/outbox) is sent again later with the key of its first try, so it is made once.
   */
  idempotencyKey?: string;
}

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

const FALLBACK_MESSAGES: Record<number, string> = {
  0: '网络连接不上，请检查网络后再试',
  400: '填写的内容有误，请检查后再试',
  401: '登录已过期，请重新登录',
  403: '您没有权限做这件事',
  404: '没有找到这条信息',
  409: '这条信息已经存在了',
  429: '操作太频繁，请稍后再试',
};

function messageOf(statusCode: number, data: unknown): { message: string; errors: FieldError[] } {
  const body = asBody(data) as Partial<ApiError>;
  // NestJS answers validation failures with an array of messages; the contract says a string.
  const raw: unknown = body.message;
  let message = '';
  if (typeof raw === 'string') message = raw;
  else if (Array.isArray(raw)) message = raw.filter((m): m is string => typeof m === 'string').join('；');
  if (!message) {
    message = FALLBACK_MESSAGES[statusCode] ?? (statusCode >= 500 ? '服务暂时出了问题，请稍后再试' : '操作没有成功，请稍后再试');
  }
  return { message, errors: Array.isArray(body.errors) ? body.errors : [] };
}

function asBody(data: unknown): Record<string, unknown> {
  if (typeof data === 'string') {
    // uploadFile and arraybuffer downloads hand back the body as text.
    try {
      const parsed: unknown = JSON.parse(data);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return data && typeof data === 'object' && !(data instanceof ArrayBuffer) ? (data as Record<string, unknown>) : {};
}

/**
 * The error for a non-2xx answer, as every call path reports it (JSON requests, downloads, uploads):
 * the API's Chinese message, field errors, and on 401 the session is dropped and login opened.
 */
export function errorFor(statusCode: number, data: unknown, toast: boolean): ApiRequestError {
  let body = asBody(data);
  if (data instanceof ArrayBuffer && data.byteLength > 0 && data.byteLength < 64 * 1024) {
    body = asBody(decodeUtf8(data));
  }
  const { message, errors } = messageOf(statusCode, body);
  if (statusCode === 401) {
    onUnauthorized(message);
  } else if (statusCode === 403 && body.mfaRequired === true) {
    onMfaRequired();
  } else if (toast) {
    void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
  }
  return new ApiRequestError(statusCode, message, errors, body);
}

/** An error body that came back as bytes (an arraybuffer download). */
function decodeUtf8(buf: ArrayBuffer): string {
  if (typeof TextDecoder !== 'undefined') return new TextDecoder('utf-8').decode(buf);
  // WeChat has no TextDecoder on every base library; the bytes are JSON with Chinese text.
  const bytes = new Uint8Array(buf);
  let encoded = '';
  for (const b of bytes) encoded += `%${b.toString(16).padStart(2, '0')}`;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return '';
  }
}

/** The network failed before any answer. */
export function networkError(toast: boolean): ApiRequestError {
  const err = new ApiRequestError(0, FALLBACK_MESSAGES[0]);
  if (toast) void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
  return err;
}

/** The Authorization header for the signed-in user (empty when logged out). */
export function authHeader(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

let mfaPromptedAt = 0;

/**
 * An admin route answered 403 `mfaRequired`: this admin session has not given its second factor (or
 * two-factor is not set up yet). Opens the page that asks for it, once even when several calls fail.
 */
function onMfaRequired(): void {
  const route = currentRoute();
  if (route.includes('pages/mfa') || Date.now() - mfaPromptedAt < 3000) return;
  mfaPromptedAt = Date.now();
  const user = getUser();
  const page = user && user.mfaEnabled === true ? ROUTES.mfa : ROUTES.mfaSetup;
  void Taro.showToast({ title: '请先完成两步验证', icon: 'none', duration: 2000 });
  void Taro.navigateTo({ url: withRedirect(page, route ? `/${route}` : null) });
}

interface RefreshOutcome {
  result: 'refreshed' | 'failed' | 'unreachable';
  /** The API's refusal (e.g. 长时间未操作，已自动退出), told to the person instead of the first 401's. */
  refusal?: Record<string, unknown>;
}

/** The refresh under way, shared by every call that got a 401 meanwhile (one refresh at a time). */
let refreshing: Promise<RefreshOutcome> | null = null;

/**
 * Trades the stored refresh token for a new pair (POST /auth/refresh). The old refresh token stops
 * working at once (rotation), so the new pair is stored before anyone else may ask. 'unreachable'
 * (no network, a 5xx, a 429) keeps the session: the next call tries again.
 */
function refreshSession(): Promise<RefreshOutcome> {
  if (!refreshing) {
    refreshing = doRefresh().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function doRefresh(): Promise<RefreshOutcome> {
  const refreshToken = getRefreshToken();
  if (!refreshToken) return { result: 'failed' };
  let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>;
  try {
    res = await Taro.request<TaroGeneral.IAnyObject | string>({
      url: `${apiBase()}/auth/refresh`,
      method: 'POST',
      header: { 'Content-Type': 'application/json' },
      data: { refreshToken },
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    return { result: 'unreachable' };
  }
  const body = asBody(res.data);
  if (res.statusCode >= 200 && res.statusCode < 300 && typeof body.token === 'string' && typeof body.refreshToken === 'string') {
    // A login in the meantime (another tab of the H5 app) replaced the session: keep that one.
    if (getRefreshToken() === refreshToken) saveTokens(body.token, body.refreshToken, body.user as AuthUser | undefined);
    return { result: 'refreshed' };
  }
  if (res.statusCode === 0 || res.statusCode === 429 || res.statusCode >= 500) return { result: 'unreachable' };
  // Refused; but another tab may have refreshed with the same token first and stored the new pair.
  const now = getRefreshToken();
  return now && now !== refreshToken ? { result: 'refreshed' } : { result: 'failed', refusal: body };
}

/** What every authorised call path hands to `sendAuthorized`: one attempt with the given headers. */
export interface RawAnswer {
  statusCode: number;
  data: unknown;
}

/**
 * Sends a call with the signed-in user's token. On a 401 (the access token expired) the session is
 * refreshed once — shared with any other call that got a 401 meanwhile — and the call is sent again
 * with the new token. When the refresh is refused, the 401 comes back to the caller, which turns it
 * into an error that ends the session and opens the login page (`errorFor`).
 */
export async function sendAuthorized<R extends RawAnswer>(send: (header: Record<string, string>) => Promise<R>, toast: boolean): Promise<R> {
  const used = getToken();
  const first = await send(authHeader());
  if (first.statusCode !== 401 || !used) return first;
  // Another call refreshed while this one was under way: just send again with the new token.
  const current = getToken();
  if (current && current !== used) return send(authHeader());
  const outcome = await refreshSession();
  if (outcome.result === 'refreshed') return send(authHeader());
  if (outcome.result === 'unreachable') throw networkError(toast);
  return typeof outcome.refusal?.message === 'string' ? { ...first, data: outcome.refusal } : first;
}

function onUnauthorized(message: string): void {
  const hadToken = getToken() !== null;
  clearSession();
  if (!hadToken) return;
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
  if (!currentRoute().includes('pages/login/index')) {
    void Taro.navigateTo({ url: loginUrl() });
  }
}

/** A key for one user action's write: the API runs it once however often it arrives (Idempotency-Key). */
export function newIdempotencyKey(): string {
  const part = () => Math.random().toString(36).slice(2, 12).padEnd(10, '0');
  return `${Date.now().toString(36)}-${part()}-${part()}`;
}

/** When a write's answer was lost on the way (weak signal), it is sent once more with the same key after this long. */
const WRITE_RETRY_MS = 1500;

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, toast = true, auth = true, endSessionOn401 = true } = options;
  // One key per call (one user action): a retry of it, here or by the network, cannot make a second record.
  const idempotencyKey = method === 'GET' ? null : (options.idempotencyKey ?? newIdempotencyKey());

  const send = async (authorization: Record<string, string>) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await Taro.request<TaroGeneral.IAnyObject | string>({
          url: `${apiBase()}${path}${buildQuery(query)}`,
          method,
          header: { 'Content-Type': 'application/json', ...authorization, ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}) },
          // A POST without a body (submit, close, join-codes …) still goes out as JSON from Taro.request and
          // wx.request, and Fastify refuses an empty JSON body: send {} instead.
          data: body === undefined ? (method === 'GET' ? undefined : {}) : (body as Record<string, unknown>),
          dataType: 'json',
          timeout: 15000,
        });
      } catch {
        if (!idempotencyKey || attempt >= 1) throw networkError(toast);
        await new Promise((r) => setTimeout(r, WRITE_RETRY_MS));
      }
    }
  };

  const res = auth ? await sendAuthorized(send, toast) : await send({});
  if (res.statusCode >= 200 && res.statusCode < 300) {
    return res.data as T;
  }
  if ((!auth || !endSessionOn401) && res.statusCode === 401) {
    // A login route's own refusal (a wrong code), or 退出登录: not a session ending under the person.
    const err = new ApiRequestError(401, messageOf(401, res.data).message, [], asBody(res.data));
    if (toast) void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
    throw err;
  }
  throw errorFor(res.statusCode, res.data, toast);
}
