import { isWithinRegion, regionLevelOf, type InvitableRole } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';

/** Pure decisions about staff accounts: who may invite whom, and who may manage which account. */

export const isDistrictAdmin = (p: Pick<AuthPrincipal, 'role' | 'regionCode'>): boolean => p.role === 'admin' && p.regionCode === null;
export const isTownOfficer = (p: Pick<AuthPrincipal, 'role' | 'regionCode'>): boolean => p.role === 'admin' && p.regionCode !== null;

/**
 * Why this caller may not invite this role to this region, or null when they may.
 * - a district admin invites liaisons (村居 or 镇街), 镇街 officers (a 镇街) and district admins (no region);
 * - a 镇街 officer invites liaisons of their own 镇街 only;
 * - nobody else invites.
 */
export function invitationRefusal(
  inviter: Pick<AuthPrincipal, 'role' | 'regionCode'> | null,
  role: InvitableRole,
  regionCode: string | null,
): { status: 400 | 403; message: string } | null {
  const level = regionCode ? regionLevelOf(regionCode) : null;
  if (role === 'liaison' && level !== 'village' && level !== 'town') return { status: 400, message: '联络员需要选择所在的村居或镇街' };
  if (role === 'admin' && regionCode !== null && level !== 'town') return { status: 400, message: '镇街干部的地区应为镇街' };
  // null: `npm run admin:create` on the server, which makes district admins only.
  if (inviter === null) return role === 'admin' && regionCode === null ? null : { status: 400, message: '命令行只能创建区级管理员' };
  if (isDistrictAdmin(inviter)) return null;
  if (isTownOfficer(inviter)) {
    if (role !== 'liaison') return { status: 403, message: '镇街干部只能邀请本镇街的联络员' };
    return regionCode && isWithinRegion(regionCode, inviter.regionCode as string) ? null : { status: 403, message: '只能邀请本镇街的联络员' };
  }
  return { status: 403, message: '只有管理员可以邀请工作人员' };
}

export interface ManagedAccount {
  id: string;
  role: AuthPrincipal['role'];
  regionCode: string | null;
}

/**
 * Whether this admin may see and disable/enable this account: a district admin any account but their
 * own; a 镇街 officer the liaisons of their 镇街 only.
 */
export function mayManageAccount(admin: AuthPrincipal, target: ManagedAccount): boolean {
  if (admin.role !== 'admin' || admin.userId === target.id) return false;
  if (isDistrictAdmin(admin)) return true;
  return target.role === 'liaison' && target.regionCode !== null && isWithinRegion(target.regionCode, admin.regionCode as string);
}
