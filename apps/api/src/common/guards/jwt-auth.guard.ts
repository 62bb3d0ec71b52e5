import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ROLES as ALL_ROLES } from '@zaogong/shared';
import type { AuthPrincipal, TokenPayload } from '../auth-principal';
import { IS_PUBLIC } from '../decorators/auth.decorators';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthPrincipal;
}

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  // Synchronous on purpose: HS256 verification is CPU work, and a sync guard spares every request a promise.
  canActivate(ctx: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<RequestLike>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) {
      if (isPublic) return true;
      throw new UnauthorizedException('请先登录');
    }
    const principal = this.verify(token);
    if (principal) req.user = principal;
    if (!principal && !isPublic) throw new UnauthorizedException('登录已失效，请重新登录');
    return true;
  }

  private verify(token: string): AuthPrincipal | null {
    try {
      const p = this.jwt.verify<TokenPayload>(token, { algorithms: ['HS256'] });
      if (typeof p.sub !== 'string' || !(ALL_ROLES as readonly string[]).includes(p.role)) return null;
      return { userId: p.sub, role: p.role, regionCode: p.rc ?? null, employerId: p.eid ?? null };
    } catch {
      return null;
    }
  }
}
