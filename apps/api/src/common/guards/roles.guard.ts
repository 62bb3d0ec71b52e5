import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@zaogong/shared';
import type { AuthPrincipal } from '../auth-principal';
import { ROLES } from '../decorators/auth.decorators';

/** Global: a route marked @Roles(...) admits only those roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [ctx.getHandler(), ctx.getClass()]);
    if (!roles?.length) return true;
    const user = ctx.switchToHttp().getRequest<{ user?: AuthPrincipal }>().user;
    if (!user) throw new UnauthorizedException('请先登录');
    if (!roles.includes(user.role)) throw new ForbiddenException('您的身份无权执行此操作');
    return true;
  }
}
