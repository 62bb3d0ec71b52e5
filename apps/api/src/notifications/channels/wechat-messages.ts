import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TransientDeliveryError, type DeliveryOutcome } from './delivery-outcome';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  /** Mini-program page (no leading slash) opened from the message. */
  page: string;
  data: Record<string, { value: string }>;
}

/** WeChat's errcodes that mean the access token is no longer good: refresh it and try once more. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** The user refused, or has no subscription left for this template: mark it, never retry. */
const NO_QUOTA = 43101;
/** The user cannot receive it (unknown openid, user blocked the mini-program). */
const UNREACHABLE = new Set([40003, 43104]);
/** Our own mistake (template id, field data, page): retrying will not help. */
const OUR_MISTAKE = new Set([40037, 47003, 41030]);
/** Refresh the token this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TIMEOUT_MS = 5_000;

/**
 * Subscribe messages through WeChat's server API: the access token from /cgi-bin/stable_token (which,
 * unlike /cgi-bin/token, does not invalidate the token other processes hold), cached until shortly
 * before it expires, and the send with WeChat's error codes sorted into sent / skipped / failed / retry.
 */
@Injectable()
export class WechatMessages {
  private readonly logger = new Logger(WechatMessages.name);
  private token?: { value: string; expiresAt: number };
  private fetching?: Promise<string>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Sending needs the mini-program's AppID and secret. */
  get enabled(): boolean {
    return Boolean(this.config.wechat.appId && this.config.wechat.secret);
  }

  async send(message: SubscribeMessage): Promise<DeliveryOutcome> {
    let reply = await this.post(message, await this.accessToken(false));
    if (reply.errcode && TOKEN_ERRORS.has(reply.errcode)) {
      this.logger.warn(`WeChat refused the access token (errcode ${reply.errcode}); fetching a new one`);
      this.token = undefined;
      reply = await this.post(message, await this.accessToken(true));
    }
    const code = reply.errcode ?? 0;
    if (code === 0) return { result: 'sent' };
    if (code === NO_QUOTA) return { result: 'skipped', reason: '用户未订阅或已拒收（43101）', noQuota: true };
    if (UNREACHABLE.has(code)) return { result: 'skipped', reason: `微信用户无法接收（${code}）` };
    if (OUR_MISTAKE.has(code)) return { result: 'failed', reason: `微信拒绝了消息内容（${code} ${reply.errmsg ?? ''}）`.slice(0, 200) };
    throw new TransientDeliveryError(`微信返回错误码 ${code}（${reply.errmsg ?? ''}），稍后重试`);
  }

  private async post(message: SubscribeMessage, token: string): Promise<{ errcode?: number; errmsg?: string }> {
    const url = `${this.config.wechat.apiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`;
    return this.json(url, message, 'subscribe/send');
  }

  /** The cached token, or a new one (one request at a time however many sends wait for it). */
  private async accessToken(forceRefresh: boolean): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt > Date.now()) return this.token.value;
    this.fetching ??= this.fetchToken(forceRefresh).finally(() => (this.fetching = undefined));
    return this.fetching;
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const { apiBase, appId, secret } = this.config.wechat;
    const reply = (await this.json(`${apiBase}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: appId, secret, force_refresh: forceRefresh }, 'stable_token')) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
    };
    if (!reply.access_token) throw new TransientDeliveryError(`微信没有给出 access_token（错误码 ${reply.errcode ?? '无'}），请检查 WECHAT_APPID/WECHAT_SECRET`);
    const lifetimeMs = (reply.expires_in ?? 7200) * 1000;
    this.token = { value: reply.access_token, expiresAt: Date.now() + Math.max(lifetimeMs - TOKEN_MARGIN_MS, lifetimeMs / 2) };
    return reply.access_token;
  }

  private async json(url: string, body: unknown, what: string): Promise<Record<string, unknown> & { errcode?: number; errmsg?: string }> {
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      throw new TransientDeliveryError(`微信服务连不上（${what}：${(e as Error).message}）`);
    }
    if (!res.ok) throw new TransientDeliveryError(`微信服务出错（${what}：HTTP ${res.status}）`);
    try {
      return (await res.json()) as Record<string, unknown>;
    } catch {
      throw new TransientDeliveryError(`微信服务的回答看不懂（${what}：不是 JSON）`);
    }
  }
}
