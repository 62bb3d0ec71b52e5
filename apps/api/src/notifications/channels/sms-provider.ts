import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { TransientDeliveryError, type DeliveryOutcome } from './delivery-outcome';

/** A text-message gateway. One is configured (HttpSmsProvider); a contracted provider's SDK would be another. */
export interface SmsProvider {
  readonly enabled: boolean;
  /**
   * `outId`, when given, is the message's de-duplication key: the gateway sends one message per
   * outId, however many times it is asked (a notification's delivery id; login codes send none).
   */
  send(phone: string, text: string, outId?: string): Promise<DeliveryOutcome>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

/**
 * SMS through one HTTP gateway: `POST SMS_API_URL` with `{ to, text, outId? }` and `Authorization:
 * Bearer SMS_API_KEY`; the gateway sends one message per `outId` (as Aliyun's OutId and most Chinese
 * gateways' own de-duplication keys do), so a send repeated after a crash never reaches the phone twice. 2xx = sent; 4xx = the gateway refuses this message (not retried); 5xx or no answer =
 * retried. The text carries only what the message needs; the number is never logged.
 */
@Injectable()
export class HttpSmsProvider implements SmsProvider {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.sms !== null;
  }

  async send(phone: string, text: string, outId?: string): Promise<DeliveryOutcome> {
    const sms = this.config.sms;
    if (!sms) return { result: 'skipped', reason: '未配置短信服务' };
    let res: Response;
    try {
      res = await fetch(sms.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sms.key}` },
        body: JSON.stringify(outId ? { to: phone, text, outId } : { to: phone, text }),
        signal: AbortSignal.timeout(5_000),
      });
    } catch (e) {
      throw new TransientDeliveryError(`短信网关连不上（${(e as Error).message}）`);
    }
    if (res.ok) return { result: 'sent' };
    if (res.status >= 400 && res.status < 500 && res.status !== 429) return { result: 'failed', reason: `短信网关拒绝（HTTP ${res.status}）` };
    throw new TransientDeliveryError(`短信网关出错（HTTP ${res.status}）`);
  }
}
