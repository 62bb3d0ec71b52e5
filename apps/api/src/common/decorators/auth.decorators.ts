import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@zaogong/shared';
import type { AuthPrincipal } from '../auth-principal';

export const IS_PUBLIC = 'zaogong:isPublic';
export const ROLES = 'zaogong:roles';
export const REGION_SCOPED = 'zaogong:regionScoped';
export const ALLOW_WITHOUT_MFA = 'zaogong:allowWithoutMfa';

/** Anyone may call this route; a valid token, when sent, is still read. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * An admin whose session has not given the second factor may call this route (the routes that lead to
 * it: who am I, set it up, give it, log out).
 */
export const AllowWithoutMfa = () => SetMetadata(ALLOW_WITHOUT_MFA, true);

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

/** The caller's address as fastify reads it (behind a proxy: X-Forwarded-For, since trustProxy is on). */
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string | null => {
  return ctx.switchToHttp().getRequest<{ ip?: string }>().ip ?? null;
});
