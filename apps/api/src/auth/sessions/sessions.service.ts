import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { LoginResponse } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import type { AuthPrincipal, TokenPayload } from '../../common/auth-principal';
import { AuthSession } from '../entities/auth-session.entity';
import { RefreshToken } from '../entities/refresh-token.entity';
import { User } from '../entities/user.entity';
import { AccountStateService } from './account-state.service';
import { AuthUserPresenter } from './auth-user.presenter';
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_MS, isIdleExpired } from './session-rules';

export type LoginMethod = 'wechat' | 'sms' | 'qr';

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Login sessions: a session row per login, short access tokens naming it, and refresh tokens that
 * each work once (rotation); a used one presented again revokes every refresh token of the session. See
 * docs/business-logic/login-and-roles.md.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly state: AccountStateService,
    private readonly audit: AuditService,
    private readonly presenter: AuthUserPresenter,
  ) {}

  /** A new session for a user who has just proved who they are. */
  async start(user: User, method: LoginMethod, ip: string | null, em?: EntityManager): Promise<LoginResponse> {
    const now = new Date();
    const session = Object.assign(new AuthSession(), {
      id: randomUUID(),
      userId: user.id,
      method,
      mfaAt: null,
      createdAt: now,
      lastSeenAt: now,
      endedAt: null,
      endedReason: null,
      ip,
    });
    const run = async (m: EntityManager) => {
      await m.getRepository(AuthSession).insert(session);
      await m.getRepository(User).update({ id: user.id }, { lastLoginAt: now });
      await this.audit.record({ action: 'auth.login', actor: this.actorOf(user), targetType: 'user', targetId: user.id, detail: { method }, ip }, m);
      return this.tokens(user, session, m);
    };
    return em ? run(em) : this.dataSource.transaction(run);
  }

  /** Exchanges a refresh token for a new pair; the presented one stops working. */
  async refresh(refreshToken: string, ip: string | null): Promise<LoginResponse> {
    const invalid = () => new UnauthorizedException('登录已失效，请重新登录');
    const hash = sha256(refreshToken);
    const tokens = this.dataSource.getRepository(RefreshToken);
    const row = await tokens.findOneBy({ tokenHash: hash });
    if (!row) throw invalid();
    const session = await this.dataSource.getRepository(AuthSession).findOneBy({ id: row.sessionId });
    if (session?.endedReason === 'disabled') throw new UnauthorizedException('账号已停用，如有疑问请联系区人社局');
    if (!session || session.endedAt) throw invalid();
    const now = new Date();
    if (row.usedAt) return this.reused(session, ip);
    if (row.expiresAt.getTime() <= now.getTime()) throw invalid();
    const user = await this.dataSource.getRepository(User).findOneBy({ id: session.userId });
    if (!user || user.disabledAt) throw new UnauthorizedException('账号已停用，如有疑问请联系区人社局');
    if (isIdleExpired(user.role, session.lastSeenAt, now)) {
      await this.state.endSession(session.id, 'idle');
      throw new UnauthorizedException('长时间未操作，已自动退出，请重新登录');
    }
    return this.dataSource.transaction(async (em) => {
      // Only one request can turn this token into a new pair; a second, concurrent one is a reuse.
      const used = await em.getRepository(RefreshToken).update({ tokenHash: hash, usedAt: IsNull() }, { usedAt: now });
      if (!used.affected) throw new ReusedRefreshToken();
      await em.getRepository(AuthSession).update({ id: session.id }, { lastSeenAt: now });
      this.state.sessionsChanged([session.id]);
      return this.tokens(user, session, em);
    }).catch((e: unknown) => {
      if (e instanceof ReusedRefreshToken) return this.reused(session, ip);
      throw e;
    });
  }

  /** Ends the session of this refresh token (logout). Unknown tokens are ignored: logging out always works. */
  async logout(principal: AuthPrincipal, refreshToken: string | undefined, ip: string | null): Promise<void> {
    let sessionId = principal.sessionId ?? null;
    if (!sessionId && refreshToken) sessionId = (await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: sha256(refreshToken) }))?.sessionId ?? null;
    if (!sessionId) return;
    await this.state.endSession(sessionId, 'logout');
    await this.audit.record({ action: 'auth.logout', actor: principal, targetType: 'session', targetId: sessionId, ip });
  }

  /** Records that this session gave the second factor and issues tokens that say so. */
  async markSecondFactor(sessionId: string, user: User, em: EntityManager): Promise<LoginResponse> {
    const now = new Date();
    await em.getRepository(AuthSession).update({ id: sessionId }, { mfaAt: now, lastSeenAt: now });
    this.state.sessionsChanged([sessionId]);
    const session = await em.getRepository(AuthSession).findOneByOrFail({ id: sessionId });
    return this.tokens(user, session, em);
  }

  /**
   * Ends every open session of an account (disabled, two-factor reset, erased) inside the caller's
   * transaction; call accountChanged() after it commits.
   */
  async endAll(userId: string, reason: string, em: EntityManager): Promise<void> {
    await em.getRepository(AuthSession).update({ userId, endedAt: IsNull() }, { endedAt: new Date(), endedReason: reason });
  }

  /**
   * After a committed change of an account's role, region, employer, enabled state or sessions: every
   * API process re-reads the account, and its sessions, before the next request.
   */
  accountChanged(userId: string): void {
    this.state.accountsChanged([userId]);
  }

  /** A new access token and refresh token for an open session. */
  async tokens(user: User, session: AuthSession, em: EntityManager): Promise<LoginResponse> {
    const payload: TokenPayload = { sub: user.id, role: user.role, rc: user.regionCode, eid: user.employerId, sid: session.id, ver: user.authVersion, ...(session.mfaAt ? { mfa: true } : {}) };
    const token = await this.jwt.signAsync(payload, { expiresIn: ACCESS_TOKEN_TTL_SECONDS });
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    await em.getRepository(RefreshToken).insert({ tokenHash: sha256(refreshToken), sessionId: session.id, createdAt: now, expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS), usedAt: null });
    return { token, refreshToken, user: await this.presenter.present(user, session.mfaAt !== null) };
  }

  /** A development-login token: no session, no refresh, second factor waived. */
  async devToken(user: User): Promise<LoginResponse> {
    const payload: TokenPayload = { sub: user.id, role: user.role, rc: user.regionCode, eid: user.employerId, ver: user.authVersion, mfa: true, dev: true };
    const token = await this.jwt.signAsync(payload, { expiresIn: ACCESS_TOKEN_TTL_SECONDS });
    return { token, user: await this.presenter.present(user, true) };
  }

  /**
   * A used refresh token came back: someone holds a copy. Every refresh token of the session is revoked, so
   * neither holder can renew it; the access tokens already issued run out within 2 hours.
   */
  private async reused(session: AuthSession, ip: string | null): Promise<never> {
    await this.dataSource.getRepository(RefreshToken).update({ sessionId: session.id, usedAt: IsNull() }, { usedAt: new Date() });
    await this.audit.record({ action: 'auth.refresh_reuse', actor: null, targetType: 'session', targetId: session.id, detail: { userId: session.userId }, ip });
    throw new UnauthorizedException('登录凭证已被使用过，为了安全请重新登录');
  }

  private actorOf(user: User): AuthPrincipal {
    return { userId: user.id, role: user.role, regionCode: user.regionCode, employerId: user.employerId };
  }
}

class ReusedRefreshToken extends Error {}
