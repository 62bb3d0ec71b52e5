import { BadRequestException, ForbiddenException, HttpException, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, IsNull, MoreThanOrEqual } from 'typeorm';
import type { LoginResponse } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { HttpSmsProvider } from '../../notifications/channels/sms-provider';
import { newSeeker } from '../auth.service';
import { SmsLoginCode } from '../entities/sms-login-code.entity';
import { User } from '../entities/user.entity';
import { SessionsService, sha256 } from '../sessions/sessions.service';

export const SMS_CODE_TTL_MS = 5 * 60 * 1000;
export const SMS_CODE_INTERVAL_MS = 60 * 1000;
export const SMS_CODES_PER_DAY = 10;
export const SMS_CODE_MAX_TRIES = 5;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Midnight of the China calendar day that contains `now` (Asia/Shanghai has no daylight saving). */
export function startOfChinaDay(now: Date): Date {
  const day = 24 * 3600 * 1000;
  return new Date(Math.floor((now.getTime() + CHINA_OFFSET_MS) / day) * day - CHINA_OFFSET_MS);
}

const tooMany = (message: string, seconds: number) => new HttpException({ statusCode: 429, message, retryAfter: Math.max(1, Math.ceil(seconds)) }, 429);

/**
 * Login by a code sent to the phone, for a phone browser outside WeChat. At most one code a minute and
 * ten a day per phone; a code lives five minutes; five wrong tries void it. The number itself is kept
 * only encrypted on the account; codes are found by the phone's blind index.
 */
@Injectable()
export class SmsLoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sms: HttpSmsProvider,
    private readonly sessions: SessionsService,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return this.sms.enabled;
  }

  async send(phone: string, ip: string | null): Promise<{ expiresAt: string; resendAfter: number }> {
    if (!this.sms.enabled) throw new ServiceUnavailableException('短信登录暂未开通，请在微信里打开小程序登录');
    const now = new Date();
    const phoneIndex = this.cipher.blindIndex('phone', phone);
    const codes = this.dataSource.getRepository(SmsLoginCode);
    const last = await codes.findOne({ where: { phoneIndex }, order: { createdAt: 'DESC' } });
    if (last && now.getTime() - last.createdAt.getTime() < SMS_CODE_INTERVAL_MS) {
      throw tooMany('验证码已发送，请1分钟后再获取', (SMS_CODE_INTERVAL_MS - (now.getTime() - last.createdAt.getTime())) / 1000);
    }
    const today = await codes.countBy({ phoneIndex, createdAt: MoreThanOrEqual(startOfChinaDay(now)) });
    if (today >= SMS_CODES_PER_DAY) {
      throw tooMany('今天获取验证码的次数已用完，请明天再试', (startOfChinaDay(now).getTime() + 24 * 3600 * 1000 - now.getTime()) / 1000);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const row = Object.assign(new SmsLoginCode(), {
      id: randomUUID(),
      phoneIndex,
      codeHash: sha256(`${phoneIndex}:${code}`),
      attempts: 0,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MS),
      spentAt: null,
    });
    await codes.insert(row);
    let outcome;
    try {
      outcome = await this.sms.send(phone, `【枣工快递】您的登录验证码是${code}，5分钟内有效。如非本人操作，请忽略本短信。`);
    } catch {
      outcome = { result: 'failed' as const };
    }
    if (outcome.result !== 'sent') {
      await codes.update({ id: row.id }, { spentAt: now });
      throw new ServiceUnavailableException('短信没有发出去，请稍后再试');
    }
    await this.audit.record({ action: 'auth.sms_code_sent', actor: null, targetType: 'phone', targetId: null, ip });
    return { expiresAt: row.expiresAt.toISOString(), resendAfter: SMS_CODE_INTERVAL_MS / 1000 };
  }

  async login(phone: string, code: string, ip: string | null): Promise<LoginResponse> {
    const now = new Date();
    const phoneIndex = this.cipher.blindIndex('phone', phone);
    const codes = this.dataSource.getRepository(SmsLoginCode);
    const current = await codes.findOne({ where: { phoneIndex, spentAt: IsNull() }, order: { createdAt: 'DESC' } });
    const refuse = async (reason: string, message: string) => {
      await this.audit.record({ action: 'auth.login_failed', actor: null, targetType: 'phone', targetId: null, detail: { method: 'sms', reason }, ip });
      return new BadRequestException({ statusCode: 400, message, errors: [{ field: 'code', message }] });
    };
    if (!current || current.expiresAt.getTime() <= now.getTime()) throw await refuse('no_code', '验证码已失效，请重新获取');
    if (current.codeHash !== sha256(`${phoneIndex}:${code}`)) {
      const attempts = current.attempts + 1;
      const voided = attempts >= SMS_CODE_MAX_TRIES;
      await codes.update({ id: current.id }, { attempts, ...(voided ? { spentAt: now } : {}) });
      throw await refuse('wrong_code', voided ? '验证码错误次数太多，已作废，请重新获取' : `验证码不对，还可以再试${SMS_CODE_MAX_TRIES - attempts}次`);
    }
    return this.dataSource.transaction(async (em) => {
      const spent = await em.getRepository(SmsLoginCode).update({ id: current.id, spentAt: IsNull() }, { spentAt: now });
      if (!spent.affected) throw new BadRequestException({ statusCode: 400, message: '验证码已用过，请重新获取', errors: [{ field: 'code', message: '验证码已用过' }] });
      const users = em.getRepository(User);
      let user = await users.findOneBy({ phoneIndex });
      if (!user) {
        user = newSeeker({ name: '手机用户', phoneCipher: this.cipher.encrypt(phone), phoneIndex });
        await users.insert(user);
      }
      if (user.disabledAt) throw new ForbiddenException('账号已停用，如有疑问请联系区人社局');
      return this.sessions.start(user, 'sms', ip, em);
    });
  }
}
