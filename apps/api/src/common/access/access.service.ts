import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { regionLevelOf } from '@zaogong/shared';
import { User } from '../../auth/entities/user.entity';
import type { AuthPrincipal } from '../auth-principal';
import { HIDEABLE_REASONS, accessScope, decideAccess, denialMessage, type AccessScope, type AccessTarget } from './access.policy';
import type { Permission } from './permissions';

export interface RequireOptions {
  /**
   * Answer 404 with this message when the record lies outside the caller's area or is someone
   * else's, so a caller cannot even learn that it exists (residents, applications, hires).
   */
  notFound?: string;
}

/** A list scope a query can apply (never `none`: that is a 403 before the query). */
export type ListScope = Exclude<AccessScope, { kind: 'none' }>;

/**
 * What services call before they act: the access policy (access.policy.ts) asked with the caller as
 * they are now. An employer's membership is read from the database, not the token, so registering or
 * joining an employer takes effect at once (as EmployersService.employerIdOf does).
 */
@Injectable()
export class AccessService {
  constructor(private readonly ds: DataSource) {}

  /** Throws 403 (or 404 with `notFound`, for a record the caller has no business with) unless allowed. */
  async require(user: AuthPrincipal, permission: Permission, target: AccessTarget = {}, options: RequireOptions = {}): Promise<void> {
    const decision = decideAccess(await this.current(user), permission, target);
    if (decision.allowed) return;
    if (options.notFound && HIDEABLE_REASONS.includes(decision.reason)) throw new NotFoundException(options.notFound);
    throw new ForbiddenException(denialMessage(permission, decision.reason));
  }

  async may(user: AuthPrincipal, permission: Permission, target: AccessTarget = {}): Promise<boolean> {
    return decideAccess(await this.current(user), permission, target).allowed;
  }

  /**
   * require() for one record and scope() for the same permission, reading the caller's employer once (a route
   * that checks a post and then lists within the caller's scope, as the candidates of a post do).
   */
  async requireWithScope(user: AuthPrincipal, permission: Permission, target: AccessTarget = {}, options: RequireOptions = {}): Promise<ListScope> {
    const current = await this.current(user);
    const decision = decideAccess(current, permission, target);
    if (!decision.allowed) {
      if (options.notFound && HIDEABLE_REASONS.includes(decision.reason)) throw new NotFoundException(options.notFound);
      throw new ForbiddenException(denialMessage(permission, decision.reason));
    }
    const scope = accessScope(current, permission);
    if (scope.kind === 'none') throw new ForbiddenException(denialMessage(permission, scope.reason));
    return scope;
  }

  /** The filter a list applies for this caller; 403 when they may list nothing. */
  async scope(user: AuthPrincipal, permission: Permission): Promise<ListScope> {
    const scope = accessScope(await this.current(user), permission);
    if (scope.kind === 'none') throw new ForbiddenException(denialMessage(permission, scope.reason));
    return scope;
  }

  private async current(user: AuthPrincipal): Promise<AuthPrincipal> {
    if (user.role !== 'employer') return user;
    const row = await this.ds.getRepository(User).findOne({ where: { id: user.userId }, select: { id: true, employerId: true } });
    return { ...user, employerId: row?.employerId ?? null };
  }
}

/**
 * A region scope as SQL over a table's 镇街 and 村居 columns: equality on the column of the scope's
 * level (so an index on it answers). A table without a 村居 column matches nothing for a 村居 scope.
 */
export function regionCondition(code: string, columns: { town: string; village?: string }, param = 'accessArea'): [string, Record<string, string>] {
  const level = regionLevelOf(code);
  if (level === 'town') return [`${columns.town} = :${param}`, { [param]: code }];
  if (level === 'village' && columns.village) return [`${columns.village} = :${param}`, { [param]: code }];
  return ['1 = 0', {}];
}
