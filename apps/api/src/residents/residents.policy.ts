import type { ResidentStatus } from '@zaogong/shared';

// Who may see or change a resident is the access policy's (common/access/access.policy.ts).

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
