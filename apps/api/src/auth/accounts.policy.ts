import { regionLevelOf, type InvitableRole } from '@zaogong/shared';

/**
 * Pure rules of staff accounts that are not access decisions (those are the access policy's:
 * `staff.invite`, `user.manage` in common/access).
 */

/**
 * What is wrong with an invitation's role and region, or null: a liaison has a 村居 or a 镇街; a 镇街 officer a
 * 镇街; a district admin none. `fromServer`: `npm run admin:create`, which makes district admins only.
 */
export function invitationProblem(role: InvitableRole, regionCode: string | null, fromServer = false): string | null {
  const level = regionCode ? regionLevelOf(regionCode) : null;
  if (role === 'liaison' && level !== 'village' && level !== 'town') return '联络员需要选择所在的村居或镇街';
  if (role === 'admin' && regionCode !== null && level !== 'town') return '镇街干部的地区应为镇街';
  if (fromServer && (role !== 'admin' || regionCode !== null)) return '命令行只能创建区级管理员';
  return null;
}
