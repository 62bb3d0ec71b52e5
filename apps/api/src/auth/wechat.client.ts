import { Inject, Injectable, Logger, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface WechatSession {
  openid: string;
  unionid: string | null;
}

/** WeChat's server API: code2session for login. */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async code2session(code: string): Promise<WechatSession> {
    const { apiBase, appId, secret } = this.config.wechat;
    const url = new URL(`${apiBase}/sns/jscode2session`);
    url.searchParams.set('appid', appId ?? '');
    url.searchParams.set('secret', secret ?? '');
    url.searchParams.set('js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');
    let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string };
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      body = (await res.json()) as typeof body;
    } catch (e) {
      this.logger.warn(`jscode2session unreachable: ${(e as Error).message}`);
      throw new ServiceUnavailableException('微信服务暂时连不上，请稍后再试');
    }
    if (body.errcode || !body.openid) {
      this.logger.warn(`jscode2session refused the code: errcode ${body.errcode ?? 'none'}`);
      throw new UnauthorizedException('微信登录失败，请重新打开小程序再试');
    }
    return { openid: body.openid, unionid: body.unionid ?? null };
  }
}
