import { DISTRICT_CODE, isWithinRegion, regionLevelOf } from '@zaogong/shared';
import type { AuthPrincipal } from './auth-principal';

/**
 * The region primitive of the access policy (access/access.policy.ts), pure:
 * - admin without a region (or with the district's code): the whole district; admin with a 镇街 (镇街
 *   officer): that 镇街;
 * - liaison: their 村居 or 镇街; a liaison without one (or with anything else) has no area at all;
 * - seeker and employer: no area (their own records are checked by ownership instead).
 */
export function areaOf(user: AuthPrincipal): string | null {
  if (user.role === 'admin') return user.regionCode === null || user.regionCode === DISTRICT_CODE ? DISTRICT_CODE : user.regionCode;
  if (user.role === 'liaison') {
    const level = regionLevelOf(user.regionCode);
    return level === 'town' || level === 'village' ? user.regionCode : null;
  }
  return null;
}

/**
 * Whether `code` lies in `area` (from areaOf). The district admin's area holds every code: whether a
 * code names a real region is the request validation's question (400/404), not the scope's.
 */
export function isInArea(area: string, code: string): boolean {
  return area === DISTRICT_CODE || isWithinRegion(code, area);
}

/**
 * Whether a liaison or admin may name `regionCode` (the region-scope guard applies it to request
 * fields). Seekers and employers have no region scope here: the access policy rules on their records.
 */
export function mayAccessRegion(user: AuthPrincipal, regionCode: string): boolean {
  if (user.role !== 'admin' && user.role !== 'liaison') return true;
  const area = areaOf(user);
  return area !== null && isInArea(area, regionCode);
}
