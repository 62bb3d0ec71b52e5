import type { AuthPrincipal } from '../auth-principal';
import { DENY_REASONS, accessScope, decideAccess, denialMessage, type AccessScope, type AccessTarget, type DenyReason } from './access.policy';
import { PERMISSIONS, type Permission } from './permissions';

const T1 = '370406103'; // 桑村镇
const V1 = '370406103201'; // 桑村镇户口村
const T2 = '370406104'; // 北庄镇
const V2 = '370406104201'; // 北庄镇毛宅村

const who = (role: AuthPrincipal['role'], regionCode: string | null = null, employerId: string | null = null, userId = 'u-staff'): AuthPrincipal => ({ userId, role, regionCode, employerId });

/** Every kind of caller, seen from a record of 桑村镇户口村 belonging to employer E1 and to the person u-own. */
const CALLERS = {
  district: who('admin'),
  officerIn: who('admin', T1),
  officerOut: who('admin', T2),
  liaisonVillage: who('liaison', V1),
  liaisonTown: who('liaison', T1),
  liaisonOut: who('liaison', V2),
  liaisonNone: who('liaison'),
  employerOwn: who('employer', null, 'E1', 'u-boss'),
  employerOther: who('employer', null, 'E2', 'u-rival'),
  employerNone: who('employer', null, null, 'u-new'),
  seekerOwn: who('seeker', null, null, 'u-own'),
  seekerOther: who('seeker', null, null, 'u-other'),
} satisfies Record<string, AuthPrincipal>;
type Caller = keyof typeof CALLERS;
const ALL_CALLERS = Object.keys(CALLERS) as Caller[];

/** The record acted on: its place, employer and person; shown to and applied to its employer. */
const TARGET: AccessTarget = { townCode: T1, villageCode: V1, employerId: 'E1', residentUserId: 'u-own', ownerUserId: 'u-own', shownAsCandidate: true, appliedToEmployer: true };

const AREA_STAFF: Caller[] = ['district', 'officerIn', 'liaisonVillage', 'liaisonTown'];
const AREA_ADMINS: Caller[] = ['district', 'officerIn'];
const LIAISONS_IN: Caller[] = ['liaisonVillage', 'liaisonTown'];

/** Who may, per permission, act on TARGET. Everyone not listed is refused. */
const ALLOWED: Record<Permission, Caller[]> = {
  'resident.create': AREA_STAFF,
  'resident.read': [...AREA_STAFF, 'seekerOwn'],
  'resident.update': AREA_STAFF,
  'resident.reveal': AREA_ADMINS,
  'resident.call': AREA_STAFF,
  'resident.erase': AREA_STAFF,
  'application.create': [...LIAISONS_IN, 'seekerOwn'],
  'application.invite': ['employerOwn'],
  'application.read': [...AREA_STAFF, 'employerOwn', 'seekerOwn'],
  'application.update': [...LIAISONS_IN, 'employerOwn', 'seekerOwn'],
  'application.call_employer': [...LIAISONS_IN, 'seekerOwn'],
  'gig.signup': [...LIAISONS_IN, 'seekerOwn'],
  // Any post for a liaison with an area: the roster lists only their own residents.
  'gig.roster': [...AREA_ADMINS, 'liaisonVillage', 'liaisonTown', 'liaisonOut', 'employerOwn'],
  'gig.site': ['employerOwn'],
  'gig.worker': [...LIAISONS_IN, 'seekerOwn'],
  'gig.pause_lift': AREA_STAFF,
  'household.manage': AREA_STAFF,
  'dispute.read': [...AREA_STAFF, 'employerOwn', 'seekerOwn'],
  'dispute.manage': AREA_ADMINS,
  'hire.record': [...AREA_STAFF, 'employerOwn'],
  'hire.confirm': [...LIAISONS_IN, 'employerOwn', 'seekerOwn'],
  'hire.verify': AREA_ADMINS,
  'hire.revoke': AREA_ADMINS,
  'hire.record_flexible': AREA_STAFF,
  'hire.read': [...AREA_STAFF, 'employerOwn', 'seekerOwn'],
  'ledger.export': AREA_STAFF,
  'ledger.reveal': AREA_ADMINS,
  'employer.read': [...AREA_ADMINS, 'employerOwn'],
  'employer.update': [...AREA_ADMINS, 'employerOwn'],
  'employer.verify': AREA_ADMINS,
  'employer.revoke': AREA_ADMINS,
  'employer.call': AREA_ADMINS,
  'employer.join_code': ['employerOwn'],
  'post.read': [...AREA_ADMINS, 'employerOwn'],
  'post.write': ['employerOwn'],
  'post.review': AREA_ADMINS,
  'post.close': [...AREA_ADMINS, 'employerOwn'],
  'post.report': ['liaisonVillage', 'liaisonTown', 'liaisonOut', 'liaisonNone', 'employerOther', 'employerNone', 'seekerOwn', 'seekerOther'],
  'report.read': AREA_ADMINS,
  'report.resolve': AREA_ADMINS,
  'candidates.read': ['district', 'officerIn', 'officerOut', 'liaisonVillage', 'liaisonTown', 'liaisonOut', 'employerOwn'],
  'saved_search.manage': ['seekerOwn'],
  'event.organise': AREA_ADMINS,
  // The organisers and the liaisons of the event's 镇街 help at the door.
  'event.staff': AREA_STAFF,
  'event.join': ['employerOwn'],
  'event.signup': [...LIAISONS_IN, 'seekerOwn'],
  'poster.make': ['district', 'officerIn', 'officerOut', 'liaisonVillage', 'liaisonTown', 'liaisonOut', 'employerOwn', 'seekerOwn', 'seekerOther'],
  'poster.stats': ['district', 'officerIn', 'officerOut', 'liaisonVillage', 'liaisonTown', 'liaisonOut', 'employerOwn'],
  'shared_staff.post': ['employerOwn'],
  'shared_staff.party': ['employerOwn'],
  'shared_staff.read': AREA_ADMINS,
  'shared_staff.consent': [...LIAISONS_IN, 'seekerOwn'],
  'policy.manage': ['district'],
  'policy.eligible': AREA_STAFF,
  'policy.outreach': AREA_STAFF,
  'stats.read': AREA_STAFF,
  'worklist.read': AREA_STAFF,
  'target.set': ['district'],
  'audit.read': ['district'],
  'notification.admin': ['district'],
  'region.centres': ['district'],
  // Staff accounts: on TARGET (no account role given) only the district admin; a liaison's, below.
  'staff.invite': ['district'],
  'user.manage': ['district'],
  'user.mfa_reset': ['district'],
};

describe('access policy: staff accounts', () => {
  const liaisonOf = (regionCode: string): AccessTarget => ({ regionCode, accountRole: 'liaison' });
  it.each([
    ['staff.invite', 'a liaison of 桑村镇', liaisonOf(V1), ['district', 'officerIn']],
    ['staff.invite', 'a 桑村镇 liaison for the whole 镇', liaisonOf(T1), ['district', 'officerIn']],
    ['staff.invite', 'a 桑村镇 officer', { regionCode: T1, accountRole: 'admin' }, ['district']],
    ['staff.invite', 'a district admin', { regionCode: null, accountRole: 'admin' }, ['district']],
    ['user.manage', 'a liaison of 桑村镇', liaisonOf(V1), ['district', 'officerIn']],
    ['user.manage', 'a liaison without a region', { regionCode: null, accountRole: 'liaison' }, ['district']],
    ['user.manage', 'a seeker', { regionCode: null, accountRole: 'seeker' }, ['district']],
  ] as const)('%s of %s: %j', (permission, _what, target, allowed) => {
    expect(ALL_CALLERS.filter((c) => decideAccess(CALLERS[c], permission, target as AccessTarget).allowed)).toEqual(allowed);
  });
});

describe('access policy: a district-wide 招聘活动 (no 镇街)', () => {
  const districtWide: AccessTarget = { townCode: null };
  it('only the district admin organises it; every liaison with an area may help at its door', () => {
    expect(ALL_CALLERS.filter((c) => decideAccess(CALLERS[c], 'event.organise', districtWide).allowed)).toEqual(['district']);
    expect(ALL_CALLERS.filter((c) => decideAccess(CALLERS[c], 'event.staff', districtWide).allowed)).toEqual(['district', 'liaisonVillage', 'liaisonTown', 'liaisonOut']);
  });
  it('an officer of another 镇街 is told the event is not theirs to run', () => {
    const refused = decideAccess(CALLERS.officerOut, 'event.organise', { townCode: T1 });
    expect(refused).toEqual({ allowed: false, reason: 'out_of_region' });
    expect(denialMessage('event.organise', 'out_of_region')).toBe('只能组织和管理本镇街的招聘活动');
  });
});

describe('access policy: a household’s (农户) gig, run by the liaison of its 村', () => {
  // A gig of household H of 桑村镇户口村, its work (and its worker) in 北庄镇.
  const household: AccessTarget = { employerId: 'H', townCode: T2, villageCode: V2, householdVillageCode: V1 };
  it('gig.site: the liaisons and admins of the household’s 村, never an employer or another area', () => {
    expect(ALL_CALLERS.filter((c) => decideAccess(CALLERS[c], 'gig.site', household).allowed)).toEqual(['district', 'officerIn', 'liaisonVillage', 'liaisonTown']);
  });
  it('gig.site on a firm’s gig: liaisons and admins are refused for their role, with words that say why', () => {
    const refused = decideAccess(CALLERS.liaisonVillage, 'gig.site', { ...household, householdVillageCode: null });
    expect(refused).toEqual({ allowed: false, reason: 'role' });
    expect(denialMessage('gig.site', 'role')).toMatch(/农户的零工由本村联络员代办/);
  });
  it('dispute.read: the household’s liaison as well as the worker’s', () => {
    expect(ALL_CALLERS.filter((c) => decideAccess(CALLERS[c], 'dispute.read', household).allowed)).toEqual(['district', 'officerOut', 'liaisonVillage', 'liaisonTown', 'liaisonOut']);
  });
});

describe('access policy: every permission × caller on a record of 桑村镇', () => {
  it('has a row for every permission, and every permission allows somebody (a permission without a rule allows nobody)', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...PERMISSIONS].sort());
    for (const p of PERMISSIONS) expect(ALL_CALLERS.filter((c) => decideAccess(CALLERS[c], p, TARGET).allowed)).not.toHaveLength(0);
  });

  const cases = PERMISSIONS.flatMap((p) => ALL_CALLERS.map((c) => [p, c, ALLOWED[p].includes(c)] as const));
  it.each(cases)('%s by %s → %p', (permission, caller, allowed) => {
    expect(decideAccess(CALLERS[caller], permission, TARGET).allowed).toBe(allowed);
  });

  it('refuses a permission it has no rule for', () => {
    expect(decideAccess(CALLERS.district, 'no.such.permission' as Permission, TARGET)).toEqual({ allowed: false, reason: 'role' });
  });
});

describe('access policy: the same record in 北庄镇 turns the answers around', () => {
  const there: AccessTarget = { ...TARGET, townCode: T2, villageCode: V2 };
  it.each([
    ['hire.verify', 'officerIn', false],
    ['hire.verify', 'officerOut', true],
    ['employer.verify', 'officerIn', false],
    ['employer.verify', 'officerOut', true],
    ['employer.revoke', 'officerIn', false],
    ['employer.revoke', 'officerOut', true],
    ['post.review', 'officerOut', true],
    ['report.resolve', 'officerIn', false],
    ['resident.read', 'liaisonOut', true],
    ['resident.read', 'liaisonTown', false],
    ['application.read', 'officerIn', false],
    ['hire.record', 'officerIn', false],
    ['hire.record', 'district', true],
    ['stats.read', 'officerOut', true],
  ] as const)('%s by %s → %p', (permission, caller, allowed) => {
    expect(decideAccess(CALLERS[caller], permission, there).allowed).toBe(allowed);
  });
});

describe('access policy: why a caller is refused', () => {
  it.each<[Permission, Caller, AccessTarget, DenyReason]>([
    ['hire.verify', 'officerOut', TARGET, 'out_of_region'],
    ['hire.verify', 'liaisonVillage', TARGET, 'role'],
    ['resident.read', 'liaisonNone', TARGET, 'no_region'],
    ['resident.read', 'liaisonOut', TARGET, 'out_of_region'],
    ['resident.read', 'seekerOther', TARGET, 'not_own'],
    ['resident.read', 'employerOwn', TARGET, 'role'],
    ['target.set', 'officerIn', TARGET, 'district_only'],
    ['target.set', 'liaisonTown', TARGET, 'role'],
    ['audit.read', 'officerIn', {}, 'district_only'],
    ['notification.admin', 'officerOut', {}, 'district_only'],
    ['employer.read', 'employerOther', TARGET, 'not_own'],
    ['employer.read', 'employerNone', TARGET, 'no_employer'],
    ['employer.update', 'officerOut', TARGET, 'out_of_region'],
    ['post.close', 'employerOther', TARGET, 'not_own'],
    ['post.report', 'employerOwn', TARGET, 'own_post'],
    ['post.report', 'district', TARGET, 'role'],
    ['application.invite', 'employerOther', TARGET, 'not_own'],
    ['application.invite', 'employerOwn', { ...TARGET, shownAsCandidate: false, appliedToEmployer: false }, 'not_shown'],
    ['hire.record', 'employerOwn', { ...TARGET, appliedToEmployer: false }, 'not_applied'],
    ['hire.record', 'employerOther', TARGET, 'not_member'],
    ['hire.confirm', 'district', TARGET, 'role'],
    ['candidates.read', 'liaisonNone', TARGET, 'no_region'],
    ['candidates.read', 'seekerOwn', TARGET, 'role'],
    ['stats.read', 'officerIn', { regionCode: '370406' }, 'out_of_region'],
    ['stats.read', 'liaisonNone', { regionCode: '370406' }, 'no_region'],
    ['ledger.reveal', 'liaisonTown', TARGET, 'role'],
    ['saved_search.manage', 'seekerOther', TARGET, 'not_own'],
    ['saved_search.manage', 'seekerOwn', { ...TARGET, ownerUserId: null }, 'not_own'],
    ['saved_search.manage', 'district', TARGET, 'role'],
    ['saved_search.manage', 'employerOwn', TARGET, 'role'],
    ['region.centres', 'officerIn', { regionCode: '370406' }, 'district_only'],
    ['region.centres', 'liaisonTown', { regionCode: '370406' }, 'role'],
  ])('%s by %s: %#', (permission, caller, target, reason) => {
    expect(decideAccess(CALLERS[caller], permission, target)).toEqual({ allowed: false, reason });
  });

  it('lets an employer invite a person who applied to it though never shown for this post, not one merely shown elsewhere', () => {
    expect(decideAccess(CALLERS.employerOwn, 'application.invite', { employerId: 'E1', shownAsCandidate: false, appliedToEmployer: true }).allowed).toBe(true);
    expect(decideAccess(CALLERS.employerOwn, 'application.invite', { employerId: 'E1', shownAsCandidate: true, appliedToEmployer: false }).allowed).toBe(true);
    expect(decideAccess(CALLERS.employerOwn, 'application.invite', { employerId: 'E1' }).allowed).toBe(false);
  });

  it('treats a target that names no place as the whole district: the district admin only', () => {
    expect(decideAccess(CALLERS.district, 'stats.read', {}).allowed).toBe(true);
    expect(decideAccess(CALLERS.officerIn, 'stats.read', {}).allowed).toBe(false);
    expect(decideAccess(CALLERS.officerIn, 'post.review', { townCode: null, villageCode: null }).allowed).toBe(false);
  });

  it('places a record by its 村居 before its 镇街, so a 村居 liaison acts on their 村居 only', () => {
    expect(decideAccess(CALLERS.liaisonVillage, 'resident.update', { villageCode: '370406103202', townCode: T1 }).allowed).toBe(false);
    expect(decideAccess(CALLERS.liaisonVillage, 'stats.read', { regionCode: T1 }).allowed).toBe(false);
    expect(decideAccess(CALLERS.liaisonTown, 'stats.read', { regionCode: T1 }).allowed).toBe(true);
  });

  it('takes an admin with the district code for the district admin', () => {
    expect(decideAccess(who('admin', '370406'), 'target.set').allowed).toBe(true);
  });

  it('answers in Chinese for every permission and reason', () => {
    for (const p of PERMISSIONS) for (const r of DENY_REASONS) expect(denialMessage(p, r)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('access scope: what a list shows each caller', () => {
  const region = (code: string): AccessScope => ({ kind: 'region', code });
  const none = (reason: DenyReason): AccessScope => ({ kind: 'none', reason });
  const ALL: AccessScope = { kind: 'all' };
  const own: AccessScope = { kind: 'employer', employerId: 'E1' };
  const me: AccessScope = { kind: 'user', userId: 'u-own' };

  it.each<[Permission, Caller, AccessScope]>([
    ['resident.read', 'district', ALL],
    ['resident.read', 'officerIn', region(T1)],
    ['resident.read', 'liaisonVillage', region(V1)],
    ['resident.read', 'liaisonNone', none('no_region')],
    ['resident.read', 'seekerOwn', me],
    ['resident.read', 'employerOwn', none('role')],
    ['application.read', 'district', ALL],
    ['application.read', 'officerOut', region(T2)],
    ['application.read', 'liaisonTown', region(T1)],
    ['application.read', 'employerOwn', own],
    ['application.read', 'employerNone', none('no_employer')],
    ['application.read', 'seekerOwn', me],
    ['hire.read', 'officerIn', region(T1)],
    ['hire.read', 'liaisonNone', none('no_region')],
    ['hire.read', 'employerOwn', own],
    ['employer.read', 'district', ALL],
    ['employer.read', 'officerIn', region(T1)],
    ['employer.read', 'liaisonTown', none('role')],
    ['employer.read', 'employerOwn', own],
    ['post.review', 'officerOut', region(T2)],
    ['post.review', 'liaisonTown', none('role')],
    ['report.read', 'district', ALL],
    ['report.read', 'officerIn', region(T1)],
    ['report.read', 'employerOwn', none('role')],
    ['ledger.export', 'district', ALL],
    ['ledger.export', 'officerIn', region(T1)],
    ['ledger.export', 'liaisonVillage', region(V1)],
    ['ledger.export', 'liaisonNone', none('no_region')],
    ['ledger.export', 'seekerOwn', none('role')],
    ['worklist.read', 'district', ALL],
    ['worklist.read', 'officerOut', region(T2)],
    ['worklist.read', 'liaisonTown', region(T1)],
    ['worklist.read', 'liaisonVillage', region(V1)],
    ['worklist.read', 'liaisonNone', none('no_region')],
    ['worklist.read', 'employerOwn', none('role')],
    ['worklist.read', 'seekerOwn', none('role')],
    ['candidates.read', 'employerOwn', ALL],
    ['candidates.read', 'employerNone', none('no_employer')],
    ['candidates.read', 'district', ALL],
    ['candidates.read', 'officerIn', region(T1)],
    ['candidates.read', 'liaisonVillage', region(V1)],
    ['candidates.read', 'seekerOwn', none('role')],
    ['household.manage', 'district', ALL],
    ['household.manage', 'officerIn', region(T1)],
    ['household.manage', 'liaisonVillage', region(V1)],
    ['household.manage', 'liaisonNone', none('no_region')],
    ['household.manage', 'employerOwn', none('role')],
    ['household.manage', 'seekerOwn', none('role')],
    ['target.set', 'district', none('role')],
    ['shared_staff.read', 'officerIn', region(T1)],
    ['shared_staff.read', 'liaisonTown', none('role')],
    ['policy.eligible', 'district', ALL],
    ['policy.eligible', 'officerOut', region(T2)],
    ['policy.eligible', 'liaisonVillage', region(V1)],
    ['policy.eligible', 'employerOwn', none('role')],
    ['poster.stats', 'district', ALL],
    ['poster.stats', 'officerIn', region(T1)],
    ['poster.stats', 'liaisonVillage', region(V1)],
    ['poster.stats', 'employerOwn', own],
    ['poster.stats', 'seekerOwn', none('role')],
    ['saved_search.manage', 'seekerOwn', me],
    ['saved_search.manage', 'liaisonTown', none('role')],
    ['saved_search.manage', 'employerOwn', none('role')],
  ])('%s for %s', (permission, caller, expected) => {
    expect(accessScope(CALLERS[caller], permission)).toEqual(expected);
  });
});
