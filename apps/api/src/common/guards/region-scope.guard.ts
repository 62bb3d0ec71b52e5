import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthPrincipal } from '../auth-principal';
import { REGION_SCOPED, type RegionScopeSource } from '../decorators/auth.decorators';
import { mayAccessRegion } from '../region-scope.policy';

type Bag = Record<string, unknown> | undefined;

/**
 * Global: for a route marked @RegionScoped(...), every named region field present in the request
 * must lie within the caller's region (see region-scope.policy.ts). Runs after authentication.
 */
@Injectable()
export class RegionScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const sources = this.reflector.getAllAndOverride<RegionScopeSource[] | undefined>(REGION_SCOPED, [ctx.getHandler(), ctx.getClass()]);
    if (!sources?.length) return true;
    const req = ctx.switchToHttp().getRequest<{ user?: AuthPrincipal; query?: Bag; body?: Bag; params?: Bag }>();
    const user = req.user;
    if (!user) return true; // public route without a caller: nothing to scope
    for (const s of sources) {
      const value = req[s.in]?.[s.field];
      const codes = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
      for (const code of codes) {
        if (typeof code !== 'string' || !mayAccessRegion(user, code)) throw new ForbiddenException('该地区不在您的管辖范围内');
      }
    }
    return true;
  }
}
