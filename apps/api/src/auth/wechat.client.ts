import { Inject, Injectable, Logger, ServiceUnavailableException, UnauthorizedException, BadRequestException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface WechatSession {
  openid: string;
  unionid: string | null;
}

const TIMEOUT_MS = 5000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Fetch a new access token this long before the old one expires. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;

/** WeChat's server API: code2session, the phone number behind a getPhoneNumber code, and 小程序码 for posters. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private token?: { value: string; expiresAt: number };

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async code2session(code: string): Promise<WechatSession> {
    const { apiBase, appId, secret } = this.config.wechat;
    const url = new URL(`${apiBase}/sns/jscode2session`);
    url.searchParams.set('appid', appId ?? '');
    url.searchParams.set('secret', secret ?? '');
    url.searchParams.set('js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');
    const body = await this.call<{ openid?: string; unionid?: string }>(url, undefined, 'jscode2session');
    if (body.errcode || !body.openid) {
      this.logger.warn(`jscode2session refused the code: errcode ${body.errcode ?? 'none'}`);
      throw new UnauthorizedException('微信登录失败，请重新打开小程序再试');
    }
    return { openid: body.openid, unionid: body.unionid ?? null };
  }

  /** 手机号快速验证: the number behind the code of the getPhoneNumber button (domestic numbers only). */
  async phoneNumber(phoneCode: string): Promise<string> {
    const url = new URL(`${this.config.wechat.apiBase}/wxa/business/getuserphonenumber`);
    url.searchParams.set('access_token', await this.accessToken());
    const body = await this.call<{ phone_info?: { purePhoneNumber?: string; countryCode?: string } }>(url, { code: phoneCode }, 'getuserphonenumber');
    const phone = body.phone_info?.purePhoneNumber;
    if (body.errcode || !phone) {
      if (body.errcode === 40001 || body.errcode === 42001) this.token = undefined;
      this.logger.warn(`getuserphonenumber refused: errcode ${body.errcode ?? 'none'}`);
      throw new BadRequestException({ statusCode: 400, message: '没能取到手机号，请再点一次“手机号快速验证”', errors: [{ field: 'phoneCode', message: '手机号验证码无效或已过期' }] });
    }
    if (body.phone_info?.countryCode && body.phone_info.countryCode !== '86') {
      throw new BadRequestException({ statusCode: 400, message: '目前只支持中国大陆手机号', errors: [{ field: 'phoneCode', message: '目前只支持中国大陆手机号' }] });
    }
    return phone;
  }

  /**
   * 小程序码 (wxa/getwxacodeunlimit): the image of a code that opens `page` with `scene` (at most 32 characters).
   * Null when WeChat refuses (it answers JSON with an errcode then) or cannot be reached: the caller prints a
   * plain QR instead. An expired access token is dropped, so the next call fetches a new one.
   */
  async wxaCodeUnlimited(scene: string, page: string): Promise<{ mime: 'image/png' | 'image/jpeg'; bytes: Buffer } | null> {
    let token: string;
    try {
      token = await this.accessToken();
    } catch {
      return null; // accessToken() logged why
    }
    const url = new URL(`${this.config.wechat.apiBase}/wxa/getwxacodeunlimit`);
    url.searchParams.set('access_token', token);
    let bytes: Buffer;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scene, page, check_path: false, width: 430 }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      bytes = Buffer.from(await res.arrayBuffer());
    } catch (e) {
      this.logger.warn(`getwxacodeunlimit unreachable: ${(e as Error).message}`);
      return null;
    }
    if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return { mime: 'image/png', bytes };
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return { mime: 'image/jpeg', bytes };
    let errcode: number | undefined;
    try {
      errcode = (JSON.parse(bytes.toString('utf8')) as { errcode?: number }).errcode;
    } catch {
      errcode = undefined;
    }
    if (errcode === 40001 || errcode === 42001) this.token = undefined;
    this.logger.warn(`getwxacodeunlimit refused: errcode ${errcode ?? 'none'}`);
    return null;
  }

  /** From /cgi-bin/stable_token, which does not invalidate the token other processes hold. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now()) return this.token.value;
    const { apiBase, appId, secret } = this.config.wechat;
    const body = await this.call<{ access_token?: string; expires_in?: number }>(
      new URL(`${apiBase}/cgi-bin/stable_token`),
      { grant_type: 'client_credential', appid: appId, secret, force_refresh: false },
      'stable_token',
    );
    if (!body.access_token) {
      this.logger.warn(`stable_token refused: errcode ${body.errcode ?? 'none'}`);
      throw new ServiceUnavailableException('微信服务暂时不可用，请稍后再试');
    }
    const lifetime = (body.expires_in ?? 7200) * 1000;
    this.token = { value: body.access_token, expiresAt: Date.now() + Math.max(lifetime - TOKEN_MARGIN_MS, lifetime / 2) };
    return body.access_token;
  }

  private async call<T>(url: URL, body: unknown, what: string): Promise<T & { errcode?: number; errmsg?: string }> {
    try {
      const res = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return (await res.json()) as T & { errcode?: number };
    } catch (e) {
      this.logger.warn(`${what} unreachable: ${(e as Error).message}`);
      throw new ServiceUnavailableException('微信服务暂时连不上，请稍后再试');
    }
  }
}
