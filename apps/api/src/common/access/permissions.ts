/**
 * Every act the access policy (access.policy.ts) rules on, one per thing a caller does to a kind of
 * record. A service asks the policy for one of these before it acts; a permission with no rule in
 * the policy is refused. The role × route × region table (test/access-matrix.e2e-spec.ts) reads this
 * list, so a permission without rows there fails that test. docs/business-logic/region-scope.md
 * says the same in words a clerk reads.
 */
export const PERMISSIONS = [
  /** POST /residents, each row of POST /residents/import: a liaison or admin, for a 村居 in their area. */
  'resident.create',
  /** GET /residents(/:id), the 台账 export, GET /matching/residents/:id/posts: their area; a seeker their own. */
  'resident.read',
  /** PATCH /residents/:id: a liaison or admin, in their area (the old and the new 村居). */
  'resident.update',
  /** POST /residents/:id/reveal (full 身份证号 and phone): an admin, in their area. */
  'resident.reveal',
  /**
   * POST /residents/:id/call (打电话: the full phone for one call, no reason asked): a liaison or admin,
   * for a resident of their area; audit-logged without the number.
   */
  'resident.call',
  /**
   * Erasing a person's data at their request (个人信息保护法 第四十七条): GET /privacy/deletion-requests,
   * complete or decline one, POST /residents/:id/erase. A liaison or admin, for a person whose 求职信息 lies
   * in their area; a person without 求职信息 (an account only) is the district admin's.
   */
  'resident.erase',
  /** POST /applications: a seeker for themself, a liaison for a resident of their area. */
  'application.create',
  /** POST /applications/invitations: an employer, for its own post, a person shown to it for that post or who applied to it. */
  'application.invite',
  /** GET /applications(/:id): the person (or their liaison, or an admin of the area), the post's employer. */
  'application.read',
  /** PATCH /applications/:id: the employer moves it on; the person or their liaison accepts or withdraws. */
  'application.update',
  /**
   * POST /applications/:id/call (打电话 to the employer's contact about an application): the person themself
   * or their liaison, while it is open or after the hire; audit-logged without the number.
   */
  'application.call_employer',
  /** POST /hires: the employer (for someone who applied to it), a liaison or admin (a resident of their area). */
  'hire.record',
  /** POST /hires/:id/confirm: the employer's side, or the person's (themself or their liaison). */
  'hire.confirm',
  /** POST /hires/:id/verify: an admin, for a resident of their area. */
  'hire.verify',
  /** POST /hires/flexible (灵活就业, with evidence, no employer): a liaison or admin, a resident of their area. */
  'hire.record_flexible',
  /** POST /hires/:id/revoke (a wrongly verified hire no longer counts): an admin, for a resident of their area. */
  'hire.revoke',
  /** GET /hires: the person's own, the employer's own, an area's. */
  'hire.read',
  /** GET /hires/ledger.xlsx, GET /stats/employment.xlsx: a liaison or admin, their area. */
  'ledger.export',
  /** The ledger with full 身份证号: an admin, their area. */
  'ledger.reveal',
  /** GET /employers(/:id): its members; an admin, employers registered in their area. */
  'employer.read',
  /** PATCH /employers/:id: its members; an admin, in their area (the old and the new 镇街). */
  'employer.update',
  /** POST /employers/:id/verify (企业认证): an admin, employers registered in their area. */
  'employer.verify',
  /**
   * POST /employers/:id/revoke (撤销企业认证, with a reason; its published posts go back to 待审核): an admin,
   * employers registered in their area.
   */
  'employer.revoke',
  /** POST /employers/:id/call (打电话 to the contact person, full phone for one call): an admin, employers registered in their area. */
  'employer.call',
  /** POST /employers/:id/join-codes: its members. */
  'employer.join_code',
  /** A post in any state, with its review notes and flags (GET /posts/:id): its employer; an admin of its area. */
  'post.read',
  /** PATCH /posts/:id, submit, refresh: its employer. */
  'post.write',
  /** POST /posts/:id/review, GET /posts/review-queue: an admin, posts in their area. */
  'post.review',
  /** POST /posts/:id/close: its employer; an admin, posts in their area. */
  'post.close',
  /** POST /posts/:id/reports (举报): anyone logged in but the post's own employer and admins. */
  'post.report',
  /** GET /reports: an admin, reports of posts in their area. */
  'report.read',
  /** POST /posts/:id/reports/resolve: an admin, posts in their area. */
  'report.resolve',
  /** /me/saved-searches (有了告诉我: save, list, delete): a seeker, their own searches only. */
  'saved_search.manage',
  /** POST /gigs/:postId/signups, DELETE /gigs/signups/:id: a seeker for themself, a liaison for a resident of their area. */
  'gig.signup',
  /**
   * GET /gigs/:postId/roster: the post's employer; an admin of the post's 镇街; a liaison (only their own
   * residents are listed).
   */
  'gig.roster',
  /**
   * The employer's side of a day: GET /gigs/:postId/site-code, PATCH /gigs/:postId/days/:date, checking people
   * out, marking a no-show, recording pay (POST /gigs/signups/:id/pay), rating the worker. Its own posts only;
   * a household's (农户, no account) gig: a liaison or admin of the household's 村居 runs the day for it.
   */
  'gig.site',
  /**
   * The worker's side of a day: POST /gigs/check-in and check-out with the 现场码 (the person themself), a
   * liaison vouching for a resident of their area on site; confirming pay, disputing it, rating the employer.
   */
  'gig.worker',
  /**
   * 零工驿站: POST /households (register a 农户 with no credit code or account), GET /households, POST
   * /households/:id/gigs (post its day work, reviewed like every post): a liaison or admin, a 村居 of their area.
   */
  'household.manage',
  /** POST /gigs/pauses/:residentId/lift (a worker paused for no-shows asked their liaison): a liaison or admin, their area. */
  'gig.pause_lift',
  /**
   * GET /disputes/:id (a 权益维护 case): an admin of the 镇街 where the work was; the worker (or their liaison)
   * their own; the employer the cases about it. The list GET /disputes is the admins' only.
   */
  'dispute.read',
  /** PATCH /disputes/:id (mediate, resolve, refer to 劳动监察): an admin of the 镇街 where the work was. */
  'dispute.manage',
  /** GET /matching/posts/:id/candidates: the post's employer (masked); a liaison or admin, only the people of their area. */
  'candidates.read',
  /** GET /stats/overview, /stats/labor, /stats/employment, /stats/gigs(.xlsx): a liaison or admin, their area. */
  'stats.read',
  /**
   * GET /liaison/villages and GET /liaison/today (the liaison home: 村居 in numbers, 今日要办): a liaison or
   * admin, their area or a 镇街 or 村居 inside it.
   */
  'worklist.read',
  /** PUT /stats/targets/:year: the district admin only. */
  'target.set',
  /** GET /audit: the district admin only. */
  'audit.read',
  /** /admin/notifications (deliveries, dead letters, retry): the district admin only. */
  'notification.admin',
  /**
   * POST /admin/invitations: the district admin invites liaisons, 镇街 officers and district admins; a 镇街
   * officer invites liaisons of their own 镇街 only.
   */
  'staff.invite',
  /**
   * GET /admin/users, disable, enable (用户管理): the district admin every account; a 镇街 officer the liaisons of
   * their 镇街. Resetting another admin's two-factor is the district admin's alone (auth/mfa).
   */
  'user.manage',
  /** POST /admin/users/:id/mfa/reset (another admin lost their phone): the district admin only. */
  'user.mfa_reset',
  /**
   * POST /regions/centres (import 镇街/村居 centre points), GET /regions/centres(.xlsx): the district admin
   * only; the points rank 零工 nearest first for the whole district.
   */
  'region.centres',
  /**
   * 招聘活动 as its organiser: POST /events, PATCH, cancel, review employers (booths), GET /events/:id/report(.xlsx),
   * the venue's code. An admin whose area holds the event's 镇街: a 镇街 officer their own 镇街's events, the
   * district admin every event (a district-wide event, with no 镇街, is the district admin's alone).
   */
  'event.organise',
  /**
   * At the door of an event: POST /events/:id/check-in with a ticket, GET /events/:id/signups. The organisers
   * (event.organise) and the liaisons of the event's 镇街 (every liaison for a district-wide event).
   */
  'event.staff',
  /** POST /events/:id/employers (take part, with its own posts only): an employer. */
  'event.join',
  /** POST /events/:id/signups, DELETE /events/signups/:id: a seeker for themself, a liaison for a resident of their area. */
  'event.signup',
  /**
   * GET /posts/:id/poster.png, GET /events/:id/poster.png (a poster for a 村居 board): a liaison or admin for any
   * open post or event; an employer for its own posts; a seeker (and anyone not logged in) a poster of no board.
   */
  'poster.make',
  /**
   * GET /stats/posters (scans per poster): an admin, posters of their area (by the poster's 村居; the district
   * admin all); a liaison, their area's posters; an employer, posters of its own posts.
   */
  'poster.stats',
  /**
   * 政策找人 as its author: POST /policies, PATCH /policies/:id, the preview of who qualifies, the list with drafts:
   * the district admin only (policies are the district's).
   */
  'policy.manage',
  /** GET /policies/:id/eligible (who qualifies): a liaison their villagers, an admin their area (people and firms). */
  'policy.eligible',
  /** PUT /policies/:id/outreach/:residentId (未联系 → 已告知 → 办理中 → 已享受 / 不需要): a liaison or admin, their area. */
  'policy.outreach',
  /** POST /shared-staff/offers and /requests (共享员工): an employer, for its own firm. */
  'shared_staff.post',
  /**
   * GET /shared-staff/offers|requests|agreements beyond one's own: an admin, those of their area (an agreement by the
   * 镇街 where the work is). Employers see their own; a lent worker and their liaison the agreements they are on.
   */
  'shared_staff.read',
  /** Signing, extending, ending an agreement, adding lent workers: the lending or borrowing firm; never a third firm. */
  'shared_staff.party',
  /** A lent worker's consent: the person themself, or their liaison recording a signature or words (their area). */
  'shared_staff.consent',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
