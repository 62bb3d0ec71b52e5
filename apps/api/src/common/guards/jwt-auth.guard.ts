import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AccountStateService } from '../../auth/sessions/account-state.service';
import { needsSecondFactor } from '../../auth/sessions/session-rules';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { AuthPrincipal, TokenPayload } from '../auth-principal';
import { ALLOW_WITHOUT_MFA, IS_PUBLIC } from '../decorators/auth.decorators';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthPrincipal;
}

/**
 * Global: every route needs a valid bearer token unless marked @Public(). The token says who and which
 * session; the account's current role, region, employer and enabled state, and the session's state,
 * come from AccountStateService (at most 60 s old). Admins act only after the second factor, except on
 * the routes that lead to it (@AllowWithoutMfa()); on public routes such a caller is anonymous.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly accounts: AccountStateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const req = ctx.switchToHttp().getRequest<RequestLike>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) {
      if (isPublic) return true;
      throw new UnauthorizedException('请先登录');
    }
    const payload = this.verify(token);
    if (!payload) {
      if (isPublic) return true;
      throw new UnauthorizedException('登录已失效，请重新登录');
    }
    let principal: AuthPrincipal;
    try {
      principal = this.config.accountCheck ? await this.accounts.principalFor(payload) : claimedPrincipal(payload);
    } catch (e) {
      if (isPublic) return true;
      throw e;
    }
    if (needsSecondFactor(principal.role, principal.mfa) && !this.reflector.getAllAndOverride<boolean>(ALLOW_WITHOUT_MFA, targets)) {
      if (isPublic) return true;
      throw new ForbiddenException({ statusCode: 403, message: '管理员需要先完成两步验证', mfaRequired: true });
    }
    req.user = principal;
    return true;
  }

  private verify(token: string): TokenPayload | null {
    try {
      const p = this.jwt.verify<TokenPayload & { exp?: number }>(token, { algorithms: ['HS256'] });
      if (typeof p.sub !== 'string' || typeof p.exp !== 'number' || typeof p.ver !== 'number') return null;
      // Development-login tokens work only while the development login is switched on.
      if (p.dev ? !this.config.devLogin : typeof p.sid !== 'string') return null;
      return p;
    } catch {
      return null;
    }
  }
}

/** What the token claimed at issue (AUTH_ACCOUNT_CHECK=false, benchmarks only). */
function claimedPrincipal(p: TokenPayload): AuthPrincipal {
  return { userId: p.sub, role: p.role, regionCode: p.rc ?? null, employerId: p.eid ?? null, mfa: p.mfa === true, sessionId: p.sid ?? null };
}
