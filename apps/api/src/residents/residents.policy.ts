import type { ResidentStatus } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { mayAccessRegion } from '../common/region-scope.policy';

/**
 * Who may see or change one resident (see docs/business-logic/region-scope.md):
 * an admin within their scope, a liaison within their 村居/镇街, a seeker only the record linked to them.
 */
export function mayManageResident(user: AuthPrincipal, resident: { villageCode: string; userId: string | null }): boolean {
  if (user.role === 'admin' || user.role === 'liaison') return mayAccessRegion(user, resident.villageCode);
  if (user.role === 'seeker') return resident.userId === user.userId;
  return false;
}

/** Whether a change of status must be written to the history. */
export function isStatusChange(previous: ResidentStatus | null, next: ResidentStatus | undefined): next is ResidentStatus {
  return next !== undefined && next !== previous;
}

/**
 * Linking a seeker's own sign-up to a record: the same 身份证号 is the same person. A record already
 * linked to another account is never taken over.
 */
export function linkDecision(existing: { userId: string | null } | null, userId: string): 'create' | 'link' | 'update' | 'conflict' {
  if (!existing) return 'create';
  if (existing.userId === userId) return 'update';
  if (existing.userId === null) return 'link';
  return 'conflict';
}
