import { BadRequestException, ConflictException, ForbiddenException, HttpException, Injectable, NotFoundException } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import { DataSource } from 'typeorm';
import type { LoginResponse, MfaSetup } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import type { AuthPrincipal } from '../../common/auth-principal';
import { AccessService } from '../../common/access/access.service';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { User } from '../entities/user.entity';
import { SessionsService } from '../sessions/sessions.service';

/** Five wrong codes in a row lock two-factor for 15 minutes. */
export const MFA_MAX_FAILURES = 5;
export const MFA_LOCK_MS = 15 * 60 * 1000;
const ISSUER = '枣工快递';

/**
 * Two-factor for admins (等保 三级): TOTP per RFC 6238 (30 s, 6 digits, SHA-1) through otplib, the secret
 * encrypted with DATA_KEY. A code is accepted within one step either side and never twice (the last
 * accepted step is kept). See docs/business-logic/login-and-roles.md.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  /** A new secret to scan; replaces one not yet confirmed. */
  async setup(principal: AuthPrincipal): Promise<MfaSetup> {
    const user = await this.admin(principal);
    if (user.mfaEnabledAt) throw new ConflictException('两步验证已经开启；如需更换手机，请区级管理员为您重置');
    const secret = generateSecret();
    await this.users().update({ id: user.id }, { mfaSecretCipher: this.cipher.encrypt(secret), mfaFailures: 0, mfaLastStep: null });
    return { secret, otpauthUrl: generateURI({ issuer: ISSUER, label: user.name, secret }) };
  }

  /** The first code from the new secret: two-factor is on, and this session has given it. */
  async confirm(principal: AuthPrincipal, totp: string, ip: string | null): Promise<LoginResponse> {
    const user = await this.admin(principal);
    if (user.mfaEnabledAt) throw new ConflictException('两步验证已经开启');
    if (!user.mfaSecretCipher) throw new BadRequestException('请先点“开启两步验证”获取密钥');
    return this.check(user, principal, totp, ip, 'mfa.enable');
  }

  /** POST /auth/mfa: the second factor of this session. */
  async verify(principal: AuthPrincipal, totp: string, ip: string | null): Promise<LoginResponse> {
    const user = await this.admin(principal);
    if (!user.mfaEnabledAt || !user.mfaSecretCipher) throw new ConflictException({ statusCode: 409, message: '还没有开启两步验证，请先开启', mfaSetupRequired: true });
    return this.check(user, principal, totp, ip, 'mfa.verify');
  }

  /** A district admin clears another admin's two-factor (a lost phone); their sessions end. */
  async reset(targetId: string, principal: AuthPrincipal, ip: string | null): Promise<void> {
    await this.access.require(principal, 'user.mfa_reset');
    if (targetId === principal.userId) throw new ForbiddenException('不能重置自己的两步验证，请另一位区级管理员操作');
    const target = await this.users().findOneBy({ id: targetId });
    if (!target) throw new NotFoundException('账号不存在');
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(User).update(
        { id: target.id },
        { mfaSecretCipher: null, mfaEnabledAt: null, mfaLastStep: null, mfaFailures: 0, mfaLockedUntil: null, authVersion: target.authVersion + 1 },
      );
      await this.sessions.endAll(target.id, 'mfa_reset', em);
      await this.audit.record({ action: 'mfa.reset', actor: principal, targetType: 'user', targetId: target.id, ip }, em);
    });
    this.sessions.accountChanged(target.id);
  }

  private async check(user: User, principal: AuthPrincipal, totp: string, ip: string | null, action: string): Promise<LoginResponse> {
    const now = new Date();
    if (user.mfaLockedUntil && user.mfaLockedUntil.getTime() > now.getTime()) throw this.locked(user.mfaLockedUntil, now);
    const result = await verify({
      secret: this.cipher.decrypt(user.mfaSecretCipher as string),
      token: totp,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
      ...(user.mfaLastStep !== null ? { afterTimeStep: user.mfaLastStep } : {}),
    }).catch(() => ({ valid: false as const }));
    if (!result.valid || !('timeStep' in result)) return this.failed(user, principal, now, ip);
    const step = result.timeStep;
    return this.dataSource.transaction(async (em) => {
      // Setting up proves the secret was scanned; it does not spend the code, so an app that confirms and then
      // logs in with the code on screen is not refused. Every code given at login is spent.
      const spend = action === 'mfa.enable' ? { mfaEnabledAt: now } : { mfaLastStep: step };
      await em.getRepository(User).update({ id: user.id }, { ...spend, mfaFailures: 0, mfaLockedUntil: null });
      await this.audit.record({ action, actor: principal, targetType: 'user', targetId: user.id, ip }, em);
      const fresh = await em.getRepository(User).findOneByOrFail({ id: user.id });
      if (!principal.sessionId) return this.sessions.devToken(fresh);
      return this.sessions.markSecondFactor(principal.sessionId, fresh, em);
    });
  }

  private async failed(user: User, principal: AuthPrincipal, now: Date, ip: string | null): Promise<never> {
    const failures = user.mfaFailures + 1;
    const lock = failures >= MFA_MAX_FAILURES ? new Date(now.getTime() + MFA_LOCK_MS) : null;
    await this.users().update({ id: user.id }, { mfaFailures: lock ? 0 : failures, mfaLockedUntil: lock });
    await this.audit.record({ action: lock ? 'mfa.locked' : 'mfa.failed', actor: principal, targetType: 'user', targetId: user.id, detail: { failures }, ip });
    if (lock) throw this.locked(lock, now);
    const left = MFA_MAX_FAILURES - failures;
    throw new BadRequestException({ statusCode: 400, message: `验证码不对，请看身份验证器里最新的6位数字（还可以试${left}次）`, errors: [{ field: 'totp', message: '验证码不对' }] });
  }

  private locked(until: Date, now: Date): HttpException {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new HttpException({ statusCode: 429, message: `验证码错误次数太多，请${Math.ceil(seconds / 60)}分钟后再试`, retryAfter: seconds }, 429);
  }

  private async admin(principal: AuthPrincipal): Promise<User> {
    if (principal.role !== 'admin') throw new ForbiddenException('两步验证只用于管理员账号');
    const user = await this.users().findOneBy({ id: principal.userId });
    if (!user) throw new NotFoundException('账号不存在');
    return user;
  }

  private users() {
    return this.dataSource.getRepository(User);
  }
}
