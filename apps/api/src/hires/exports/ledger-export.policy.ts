import { DISTRICT_CODE } from '@zaogong/shared';
import type { AuthPrincipal } from '../../common/auth-principal';

/**
 * The 村居-code prefix a caller's 实名制台账 is limited to: '' for the whole district (a district admin),
 * their 村居 or 镇街 code (a liaison, a 镇街 officer), or null when they may not export it at all
 * (seekers, employers, a liaison without an area).
 */
export function ledgerScopeOf(actor: AuthPrincipal): string | null {
  if (actor.role === 'admin') return actor.regionCode && actor.regionCode !== DISTRICT_CODE ? actor.regionCode : '';
  if (actor.role === 'liaison') return actor.regionCode && actor.regionCode !== DISTRICT_CODE ? actor.regionCode : null;
  return null;
}

/** Full 身份证号 in the ledger: an admin only (within their scope), and only with a stated reason. */
export function mayExportFullIdNumbers(actor: AuthPrincipal): boolean {
  return actor.role === 'admin';
}
