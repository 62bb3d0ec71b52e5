import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@zaogong/shared';
import type { AuthPrincipal } from '../auth-principal';

export const IS_PUBLIC = 'zaogong:isPublic';
export const ROLES = 'zaogong:roles';
export const REGION_SCOPED = 'zaogong:regionScoped';

/** Anyone may call this route; a valid token, when sent, is still read. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface RegionScopeSource {
  in: 'query' | 'body' | 'params';
  field: string;
}

/**
 * The region named by this request field must lie within the caller's scope (a liaison's 村居 or
 * 镇街, a 镇街 officer's 镇街). Callers without a region scope (district admins) pass.
 */
export const RegionScoped = (...sources: RegionScopeSource[]) => SetMetadata(REGION_SCOPED, sources);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthPrincipal | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: AuthPrincipal }>().user;
});
