import { Inject, Injectable, Logger } from '@nestjs/common';
import { WechatClient } from '../auth/wechat.client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { PosterCodeArt } from './poster-svg';
import { qrModules } from './qr-modules';

/** The mini-app page a poster's code opens; it reads `scene` (the poster's id) and goes on to the post or event. */
export const POSTER_SCENE_PAGE = 'pages/index/index';

/** 小程序码 kept in memory: a poster's code never changes, so a reprint does not ask WeChat again. */
const CACHE_SIZE = 256;

/** The H5 link a poster's QR holds when there is no mini-program code: the same page, `scene` in the hash query. */
export function posterH5Link(origin: string, posterId: string): string {
  return `${origin}/#/${POSTER_SCENE_PAGE}?scene=${encodeURIComponent(posterId)}`;
}

/**
 * The code printed on a poster. With WeChat configured (WECHAT_APPID and WECHAT_SECRET): WeChat's 小程序码
 * with `scene` = the poster's id; when WeChat refuses or cannot be reached, a QR of the H5 link instead (and a
 * warning in the log). Without WeChat (H5 builds, the embedded default): the QR of the H5 link.
 */
@Injectable()
export class PosterCodes {
  private readonly logger = new Logger(PosterCodes.name);
  private readonly cache = new Map<string, Extract<PosterCodeArt, { kind: 'image' }>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
  ) {}

  get usesWechat(): boolean {
    return Boolean(this.config.wechat.appId && this.config.wechat.secret);
  }

  async art(posterId: string, origin: string): Promise<PosterCodeArt> {
    if (this.usesWechat) {
      const cached = this.cache.get(posterId);
      if (cached) return cached;
      const image = await this.wechat.wxaCodeUnlimited(posterId, POSTER_SCENE_PAGE);
      if (image) {
        const art = { kind: 'image' as const, ...image };
        if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
        this.cache.set(posterId, art);
        return art;
      }
      this.logger.warn('No mini-program code from WeChat: the poster carries a QR of the H5 link instead');
    }
    return { kind: 'qr', modules: qrModules(posterH5Link(origin, posterId)) };
  }
}
