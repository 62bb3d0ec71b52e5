import { isWithinRegion } from '@zaogong/shared';
import type { AuthPrincipal } from './auth-principal';

/**
 * Whether the caller may act on records in `regionCode`. Pure; the region-scope guard and services
 * (for list filters) both apply it.
 * - admin without a region: the whole district; admin with a 镇街 (镇街 officer): that 镇街.
 * - liaison: their 村居 or 镇街 only; a liaison without a region sees nothing.
 * - seeker and employer: no region scope (their own records are checked by ownership instead).
 */
export function mayAccessRegion(user: AuthPrincipal, regionCode: string): boolean {
  switch (user.role) {
    case 'admin':
      return user.regionCode === null || isWithinRegion(regionCode, user.regionCode);
    case 'liaison':
      return user.regionCode !== null && isWithinRegion(regionCode, user.regionCode);
    default:
      return true;
  }
}

/** The region a list must be limited to for this caller, or null for no limit. */
export function regionFilterFor(user: AuthPrincipal): string | null {
  return user.role === 'admin' || user.role === 'liaison' ? user.regionCode : null;
}
