import { DISTRICT_CODE } from '@zaogong/shared';
import type { AuthPrincipal } from '../auth-principal';
import { areaOf, isInArea } from '../region-scope.policy';
import type { Permission } from './permissions';

/**
 * Who may do what, in one place (docs/business-logic/region-scope.md). Pure: the caller, a
 * permission and what the service knows of the target in, a decision out; for lists, the filter the
 * query must apply. A permission without a rule here is refused (`default:`).
 *
 * Scopes: the district admin (role admin, no region) everything; a 镇街 officer (role admin with a 镇街)
 * and a liaison (a 村居 or a 镇街) only records in their area; employers their own employer's records;
 * seekers their own record. District-only acts (targets, the audit log, notification deliveries)
 * are the district admin's alone.
 */

/** What a service knows of the record (or area) a caller acts on. Give what there is; absent is unknown. */
export interface AccessTarget {
  /** An area the request names (the district, a 镇街 or a 村居), for area-wide acts such as statistics. */
  regionCode?: string | null;
  /** The 镇街 of the record: an employer's, a post's. */
  townCode?: string | null;
  /** The 村居 of the record: a resident's, and so their applications' and hires' (for liaisons and admins). */
  villageCode?: string | null;
  /** The employer the record belongs to: an employer itself, a post's, an application's, a hire's. */
  employerId?: string | null;
  /** The account linked to the resident the record is about (null when the person has none). */
  residentUserId?: string | null;
  /** application.invite: the person was shown to this employer as a candidate for this post. */
  shownAsCandidate?: boolean;
  /** application.invite, hire.record: the person applied to this employer (or accepted its invitation). */
  appliedToEmployer?: boolean;
  /** A record of one account's own (a saved search): the account it belongs to. */
  ownerUserId?: string | null;
  /** gig.site: the post's employer is a household (农户), of this 村居; its liaison runs its gig days. */
  householdVillageCode?: string | null;
  /** staff.invite: the role the invitation gives; user.manage: the managed account's role. */
  accountRole?: AuthPrincipal['role'];
}

export const DENY_REASONS = ['role', 'district_only', 'no_region', 'no_employer', 'out_of_region', 'not_own', 'not_member', 'not_shown', 'not_applied', 'own_post'] as const;
export type DenyReason = (typeof DENY_REASONS)[number];

export type AccessDecision = { allowed: true } | { allowed: false; reason: DenyReason };

/** Reasons that concern one record the caller has no business with: a service may answer 404 for them, so nothing leaks. */
export const HIDEABLE_REASONS: readonly DenyReason[] = ['out_of_region', 'not_own'];

/** What a list may show the caller. `none` never reaches a query: the caller gets a 403. */
export type AccessScope =
  | { kind: 'all' }
  | { kind: 'region'; code: string }
  | { kind: 'employer'; employerId: string }
  | { kind: 'user'; userId: string }
  | { kind: 'none'; reason: DenyReason };

const ALLOW: AccessDecision = { allowed: true };
const deny = (reason: DenyReason): AccessDecision => ({ allowed: false, reason });
const isDistrictAdmin = (p: AuthPrincipal) => p.role === 'admin' && areaOf(p) === DISTRICT_CODE;

/** The record lies in the caller's area (a liaison's or admin's); the district when the target names no place. */
function inArea(p: AuthPrincipal, t: AccessTarget, roles: readonly ('admin' | 'liaison')[] = ['admin', 'liaison']): AccessDecision {
  if (p.role !== 'admin' && p.role !== 'liaison') return deny('role');
  if (!roles.includes(p.role)) return deny('role');
  const area = areaOf(p);
  if (area === null) return deny('no_region');
  const code = t.villageCode ?? t.townCode ?? t.regionCode ?? DISTRICT_CODE;
  return isInArea(area, code) ? ALLOW : deny('out_of_region');
}

/** The record belongs to the caller's employer. */
function ownEmployer(p: AuthPrincipal, t: AccessTarget): AccessDecision {
  if (p.role !== 'employer') return deny('role');
  if (!p.employerId) return deny('no_employer');
  return t.employerId === p.employerId ? ALLOW : deny('not_own');
}

/** The record is about the caller themself (a seeker's own resident record). */
function ownRecord(p: AuthPrincipal, t: AccessTarget): AccessDecision {
  if (p.role !== 'seeker') return deny('role');
  return t.residentUserId != null && t.residentUserId === p.userId ? ALLOW : deny('not_own');
}

function districtOnly(p: AuthPrincipal): AccessDecision {
  if (p.role !== 'admin') return deny('role');
  return isDistrictAdmin(p) ? ALLOW : deny('district_only');
}

/** By role: each role's rule, or refused for a role not named. */
function byRole(p: AuthPrincipal, rules: Partial<Record<AuthPrincipal['role'], () => AccessDecision>>): AccessDecision {
  return rules[p.role]?.() ?? deny('role');
}

/** The one decision: may this caller do this to this target? */
export function decideAccess(p: AuthPrincipal, permission: Permission, t: AccessTarget = {}): AccessDecision {
  switch (permission) {
    case 'resident.create':
    case 'resident.update':
      return inArea(p, t);
    case 'resident.read':
      return byRole(p, { seeker: () => ownRecord(p, t), liaison: () => inArea(p, t), admin: () => inArea(p, t) });
    case 'resident.reveal':
      return inArea(p, t, ['admin']);
    case 'resident.call':
      // Their own villagers' phones, one call at a time: the liaison's daily work, so no reason is asked.
      return inArea(p, t);
    case 'resident.erase':
      // No 村居 given (an account without 求职信息): the district's, so the district admin's alone.
      return inArea(p, t);

    case 'application.create':
      return byRole(p, { seeker: () => ownRecord(p, t), liaison: () => inArea(p, t) });
    case 'application.invite':
      return byRole(p, {
        employer: () => {
          const own = ownEmployer(p, t);
          if (!own.allowed) return own;
          return t.shownAsCandidate || t.appliedToEmployer ? ALLOW : deny('not_shown');
        },
      });
    case 'application.read':
    case 'hire.read':
      return byRole(p, { seeker: () => ownRecord(p, t), employer: () => ownEmployer(p, t), liaison: () => inArea(p, t), admin: () => inArea(p, t) });
    case 'application.update':
      return byRole(p, { seeker: () => ownRecord(p, t), employer: () => ownEmployer(p, t), liaison: () => inArea(p, t) });
    case 'application.call_employer':
      return byRole(p, { seeker: () => ownRecord(p, t), liaison: () => inArea(p, t) });

    case 'hire.record':
      return byRole(p, {
        employer: () => {
          if (!p.employerId) return deny('no_employer');
          if (t.employerId !== p.employerId) return deny('not_member');
          return t.appliedToEmployer ? ALLOW : deny('not_applied');
        },
        liaison: () => inArea(p, t),
        admin: () => inArea(p, t),
      });
    case 'hire.confirm':
      return byRole(p, { seeker: () => ownRecord(p, t), employer: () => ownEmployer(p, t), liaison: () => inArea(p, t) });
    case 'hire.record_flexible':
      return inArea(p, t);
    case 'hire.verify':
    case 'hire.revoke':
      return inArea(p, t, ['admin']);

    case 'ledger.export':
    case 'stats.read':
    case 'worklist.read':
      return inArea(p, t);
    case 'ledger.reveal':
      return inArea(p, t, ['admin']);

    case 'employer.read':
    case 'employer.update':
    case 'post.read':
    case 'post.close':
      return byRole(p, { employer: () => ownEmployer(p, t), admin: () => inArea(p, t) });
    case 'employer.join_code':
    case 'post.write':
      return ownEmployer(p, t);
    case 'employer.verify':
    case 'employer.revoke':
    case 'employer.call':
    case 'post.review':
    case 'report.read':
    case 'report.resolve':
      return inArea(p, t, ['admin']);
    case 'post.report':
      return byRole(p, {
        seeker: () => ALLOW,
        liaison: () => ALLOW,
        employer: () => (p.employerId && t.employerId === p.employerId ? deny('own_post') : ALLOW),
      });

    case 'gig.signup':
      return byRole(p, { seeker: () => ownRecord(p, t), liaison: () => inArea(p, t) });
    case 'gig.pause_lift':
      return inArea(p, t);
    case 'gig.roster':
      return byRole(p, {
        employer: () => ownEmployer(p, t),
        // Any post; only their own residents are listed (accessScope).
        liaison: () => (areaOf(p) ? ALLOW : deny('no_region')),
        admin: () => inArea(p, { townCode: t.townCode }),
      });
    case 'gig.site': {
      // A household (农户) has no account: the liaison (or admin) of its 村居 runs its days.
      const forHousehold = () => (t.householdVillageCode ? inArea(p, { villageCode: t.householdVillageCode }) : deny('role'));
      return byRole(p, { employer: () => ownEmployer(p, t), liaison: forHousehold, admin: forHousehold });
    }
    case 'household.manage':
      return inArea(p, t);
    case 'gig.worker':
      return byRole(p, { seeker: () => ownRecord(p, t), liaison: () => inArea(p, t) });
    case 'dispute.read':
      return byRole(p, {
        seeker: () => ownRecord(p, t),
        employer: () => ownEmployer(p, t),
        // Their resident's case; or one about a household (农户) of their 村, whose side they take.
        liaison: () => {
          const household = t.householdVillageCode ? inArea(p, { villageCode: t.householdVillageCode }) : null;
          return household?.allowed ? household : inArea(p, t);
        },
        admin: () => inArea(p, { townCode: t.townCode }),
      });
    case 'dispute.manage':
      return inArea(p, { townCode: t.townCode }, ['admin']);

    case 'event.organise':
      return inArea(p, { townCode: t.townCode }, ['admin']);
    case 'event.staff':
      return byRole(p, {
        admin: () => inArea(p, { townCode: t.townCode }),
        // The liaisons of the event's 镇街 help at its door; every liaison at a district-wide event.
        liaison: () => {
          const area = areaOf(p);
          if (area === null) return deny('no_region');
          return !t.townCode || isInArea(t.townCode, area) ? ALLOW : deny('out_of_region');
        },
      });
    case 'event.join':
      return ownEmployer(p, t);
    case 'event.signup':
      return byRole(p, { seeker: () => ownRecord(p, t), liaison: () => inArea(p, t) });
    case 'poster.make':
      // A seeker prints what anyone may (the route answers without a login too): a poster of no 村居 board.
      return byRole(p, { seeker: () => ALLOW, employer: () => ownEmployer(p, t), liaison: () => (areaOf(p) ? ALLOW : deny('no_region')), admin: () => ALLOW });
    case 'poster.stats':
      return byRole(p, { employer: () => ownEmployer(p, t), liaison: () => (areaOf(p) ? ALLOW : deny('no_region')), admin: () => ALLOW });

    case 'saved_search.manage':
      return byRole(p, { seeker: () => (t.ownerUserId != null && t.ownerUserId === p.userId ? ALLOW : deny('not_own')) });

    case 'candidates.read':
      return byRole(p, {
        employer: () => ownEmployer(p, t),
        // Any post; the people shown are limited to the caller's area (accessScope).
        liaison: () => (areaOf(p) ? ALLOW : deny('no_region')),
        admin: () => ALLOW,
      });

    case 'policy.eligible':
    case 'policy.outreach':
      return inArea(p, t);

    case 'shared_staff.post':
    case 'shared_staff.party':
      return ownEmployer(p, t);
    case 'shared_staff.read':
      return inArea(p, { townCode: t.townCode }, ['admin']);
    case 'shared_staff.consent':
      return byRole(p, { seeker: () => ownRecord(p, t), liaison: () => inArea(p, t) });

    case 'policy.manage':
    case 'target.set':
    case 'audit.read':
    case 'notification.admin':
    case 'user.mfa_reset':
    case 'region.centres':
      return districtOnly(p);

    case 'staff.invite':
    case 'user.manage':
      // The district admin: anyone. A 镇街 officer: liaisons of their 镇街 (invitation or account).
      if (p.role !== 'admin') return deny('role');
      if (isDistrictAdmin(p)) return ALLOW;
      if (t.accountRole !== 'liaison') return deny('district_only');
      return inArea(p, t, ['admin']);

    default:
      return deny('role');
  }
}

/** A liaison's or admin's area as a list filter. */
function areaScope(p: AuthPrincipal, roles: readonly ('admin' | 'liaison')[] = ['admin', 'liaison']): AccessScope {
  if ((p.role !== 'admin' && p.role !== 'liaison') || !roles.includes(p.role)) return { kind: 'none', reason: 'role' };
  const area = areaOf(p);
  if (area === null) return { kind: 'none', reason: 'no_region' };
  return area === DISTRICT_CODE ? { kind: 'all' } : { kind: 'region', code: area };
}

function employerScope(p: AuthPrincipal): AccessScope {
  return p.employerId ? { kind: 'employer', employerId: p.employerId } : { kind: 'none', reason: 'no_employer' };
}

/**
 * What a list may show this caller for this permission: the same rules as decideAccess, as a filter.
 * `region` filters by the records' 村居 (residents, applications, hires) or 镇街 (employers, posts).
 */
export function accessScope(p: AuthPrincipal, permission: Permission): AccessScope {
  switch (permission) {
    case 'resident.read':
      return p.role === 'seeker' ? { kind: 'user', userId: p.userId } : areaScope(p);
    case 'application.read':
    case 'hire.read':
      if (p.role === 'seeker') return { kind: 'user', userId: p.userId };
      if (p.role === 'employer') return employerScope(p);
      return areaScope(p);
    case 'employer.read':
      return p.role === 'employer' ? employerScope(p) : areaScope(p, ['admin']);
    case 'post.review':
    case 'report.read':
      return areaScope(p, ['admin']);
    case 'ledger.export':
    case 'resident.erase':
    case 'worklist.read':
    case 'household.manage':
      return areaScope(p);
    case 'user.manage':
      // Region: the liaisons of that 镇街 (the service keeps an officer's list to liaisons).
      return areaScope(p, ['admin']);
    case 'saved_search.manage':
      return p.role === 'seeker' ? { kind: 'user', userId: p.userId } : { kind: 'none', reason: 'role' };
    case 'dispute.read':
      // The list (GET /disputes) is the admins': by the 镇街 where the work was.
      return areaScope(p, ['admin']);
    case 'gig.roster':
      // A liaison: their own residents on the roster; an employer its own posts (decideAccess); an admin all of a post they may see.
      if (p.role === 'employer') return employerScope(p);
      return p.role === 'admin' ? { kind: 'all' } : areaScope(p, ['liaison']);
    case 'policy.eligible':
      return areaScope(p);
    case 'shared_staff.read':
      return areaScope(p, ['admin']);
    case 'poster.stats':
      // Scans per poster: staff the posters of their area (the poster's 村居); an employer those of its own posts (decideAccess).
      return p.role === 'employer' ? employerScope(p) : areaScope(p);
    case 'candidates.read':
      // The people shown for a post: an employer sees (masked) anyone who opted in; staff their area.
      return p.role === 'employer' ? (p.employerId ? { kind: 'all' } : { kind: 'none', reason: 'no_employer' }) : areaScope(p);
    default:
      return { kind: 'none', reason: 'role' };
  }
}

/** The area a caller's area-wide requests default to (statistics): theirs, or the district; null if none. */
export function homeRegionOf(p: AuthPrincipal): string | null {
  return areaOf(p);
}

const MESSAGES: Record<DenyReason, string> = {
  role: '您的身份无权执行此操作',
  district_only: '这项操作只有区级管理员可以执行',
  no_region: '您的账号还没有分配村居或镇街',
  no_employer: '请先登记企业信息，或输入同事给的加入码',
  out_of_region: '该地区不在您的管辖范围内',
  not_own: '只能查看和操作本人或本企业的记录',
  not_member: '只能以本企业的名义操作',
  not_shown: '只能邀请在这个岗位的“推荐人选”里看到过的人，或向本企业投递过的人',
  not_applied: '只能为向本企业投递过的人登记录用；其他情况请联系村居联络员登记',
  own_post: '不能举报自己企业的岗位',
};

/** Where one permission says it better than the general message. */
const PERMISSION_MESSAGES: Partial<Record<Permission, Partial<Record<DenyReason, string>>>> = {
  'application.create': { role: '只有求职者本人或村居联络员可以投递', not_own: '只能为自己投递' },
  'application.invite': { not_own: '只能邀请人报名本企业的岗位' },
  'hire.record': { role: '没有权限登记录用', not_member: '只能登记本企业的录用' },
  'hire.confirm': { role: '管理员请使用“核实”并写明理由', not_own: '只能确认本企业或本人的录用' },
  'hire.revoke': { role: '只有管理员可以撤销录用核实' },
  'hire.record_flexible': { role: '灵活就业由村居联络员或管理员登记' },
  'ledger.export': { role: '只有管理员、镇街干部和村居联络员可以导出新增就业台账和统计' },
  'worklist.read': { role: '只有村居联络员、镇街干部和管理员有“今日要办”' },
  'ledger.reveal': { role: '只有管理员可以导出完整身份证号' },
  'employer.read': { not_own: '只能查看和修改本企业的信息' },
  'employer.update': { not_own: '只能查看和修改本企业的信息' },
  'employer.join_code': { not_own: '只能为本企业生成加入码' },
  'employer.call': { role: '只有管理员可以查看企业联系人的完整电话' },
  'employer.revoke': { role: '只有管理员可以撤销企业认证' },
  'post.write': { not_own: '只能修改本企业的岗位' },
  'post.close': { not_own: '只能关闭本企业的岗位' },
  'post.report': { role: '管理员请直接处理岗位，不用举报' },
  'gig.site': { role: '只有发布零工的企业可以操作；农户的零工由本村联络员代办' },
  'event.organise': { role: '只有区人社局和镇街干部可以组织招聘活动', out_of_region: '只能组织和管理本镇街的招聘活动' },
  'event.staff': { role: '只有活动的组织者和本镇街的联络员可以验票入场', out_of_region: '只有活动的组织者和本镇街的联络员可以验票入场' },
  'event.join': { role: '只有企业可以报名参加招聘活动', not_own: '只能带本企业的岗位参加' },
  'event.signup': { role: '只有求职者本人或村居联络员可以报名', not_own: '只能为自己报名' },
  'poster.make': { role: '没有权限打印海报', not_own: '只能打印本企业岗位的海报' },
  'poster.stats': { role: '没有权限查看海报扫码统计', not_own: '只能查看本企业岗位的海报' },
  'policy.manage': { role: '政策由区人社局发布和修改', district_only: '政策由区人社局发布和修改' },
  'policy.eligible': { role: '只有村居联络员和管理员可以查看符合政策的名单' },
  'policy.outreach': { role: '只有村居联络员和管理员可以记录政策告知情况', out_of_region: '这个人不在您的管辖范围内' },
  'shared_staff.post': { role: '只有企业可以发布共享用工信息' },
  'shared_staff.party': { role: '只有企业可以签共享用工协议', not_own: '只有协议双方企业可以签署、延长或结束协议', no_employer: '请先登记企业信息' },
  'shared_staff.read': { role: '没有权限查看共享用工信息', out_of_region: '这份协议不在您的管辖范围内' },
  'shared_staff.consent': { role: '借出人员的同意由本人确认，或由村居联络员记录', not_own: '只能为自己确认' },
  'household.manage': { role: '农户由村居联络员或管理员代为登记和发布零工' },
  'candidates.read': { role: '没有权限查看推荐人选', not_own: '只能查看本企业岗位的推荐人选' },
  'saved_search.manage': { role: '“有了告诉我”要用求职者账号登录', not_own: '这条保存的搜索不存在' },
  'target.set': { district_only: '全区和各镇街的就业目标只有区级管理员可以设置' },
  'audit.read': { district_only: '审计日志仅区级管理员可查看' },
  'notification.admin': { district_only: '消息发送记录只有区级管理员可以查看和重发' },
  'staff.invite': { role: '只有管理员可以邀请工作人员', district_only: '镇街干部只能邀请本镇街的联络员', out_of_region: '只能邀请本镇街的联络员' },
  'user.mfa_reset': { district_only: '只有区级管理员可以重置两步验证' },
  'region.centres': { role: '只有区级管理员可以导入村居中心点', district_only: '村居中心点只有区级管理员可以导入' },
  'user.manage': { role: '只有管理员可以管理用户', district_only: '该账号不在您的管理范围内', out_of_region: '该账号不在您的管理范围内' },
};

/** The Chinese message a refused caller reads. */
export function denialMessage(permission: Permission, reason: DenyReason): string {
  return PERMISSION_MESSAGES[permission]?.[reason] ?? MESSAGES[reason];
}
