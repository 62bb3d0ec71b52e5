import type {
  ApplicationInput,
  HouseholdGigInput,
  HouseholdInput,
  HouseholdItem,
  ApplicationItem,
  ApplicationPatch,
  ApplicationQuery,
  EmploymentStats,
  EmploymentTargetsInput,
  HireConfirmInput,
  HireInput,
  HireItem,
  HireQuery,
  InvitationInput,
  CandidateMatch,
  MatchList,
  PostMatch,
  SeekerPreferences,
  ComplianceSettings,
  EmployerInput,
  EmployerItem,
  EmployerJoinCode,
  EmployerPatch,
  EmployerQuery,
  EmployerRevokeRequest,
  EmployerVerifyRequest,
  JobPostingInput,
  JobPostingPatch,
  MyPostsQuery,
  PostReportInput,
  PostReportItem,
  PendingCounts,
  PostReviewRequest,
  ReportResolveRequest,
  AuthConfig,
  AuthUser,
  DevLoginRequest,
  JobPostingItem,
  JobPostingQuery,
  PostSearchPage,
  SavedSearchInput,
  SavedSearchItem,
  LaborMap,
  LoginResponse,
  OccupationItem,
  Page,
  RegionItem,
  RegionCentresSummary,
  RegionOverview,
  QuickProfileInput,
  FreeWorker,
  RepeatEmployer,
  ResidentDetail,
  ResidentIdCheck,
  ResidentInput,
  ResidentItem,
  ResidentPatch,
  ResidentQuery,
  WechatLoginRequest,
  DeliveryItem,
  DeliveryQuery,
  DeliverySummary,
  NotificationItem,
  NotificationQuery,
  NotificationSettings,
  NotificationSettingsInput,
  SubscriptionAcceptance,
  SubscriptionBalance,
  SubscriptionTemplate,
  UnreadCount,
  AdminUserSummary,
  InvitationCreated,
  InvitationRequest,
  MfaSetup,
  QrTicket,
  QrTicketState,
  Role,
  DeletionRequestItem,
  DeletionRequestQuery,
  MyDeletionRequest,
  PhoneCallResponse,
  SiteConfig,
  LiaisonToday,
  LiaisonVillages,
  DisputeItem,
  GigCheckInInput,
  GigDisputeInput,
  GigPage,
  GigQuery,
  GigRatingInput,
  GigSignupInput,
  GigSignupItem,
} from '@zaogong/shared';
import type {
  DisputeItem as GigDisputeItem,
  DisputePatch as GigDisputePatch,
  DisputeStatus as GigDisputeStatus,
  GigDay as GigDayItem,
  GigDayPatch as GigDayChange,
  GigPayInput as GigPayBody,
  GigRatingInput as GigRatingBody,
  GigRoster as GigDayRoster,
  GigSignupItem as GigSignupRow,
  GigSiteCode as GigSiteCodeItem,
} from '@zaogong/shared';
import type { PosterScanTarget, PosterStats } from '@zaogong/shared';
import { request, type RequestOptions } from './client';

/** Reference lists (regions, occupations) answer `{ items }` without a cursor. */
export type ItemList<T> = Pick<Page<T>, 'items'>;

type Opts = Pick<RequestOptions, 'toast' | 'idempotencyKey'>;

/** GET /admin/users filters (a 镇街 officer sees their own 镇街 only, whatever is asked). */
export interface AdminUserQuery {
  role?: Role;
  regionCode?: string;
  /** A name or a phone number. */
  q?: string;
  cursor?: string;
  limit?: number;
}

export const api = {
  authConfig: (o?: Opts) => request<AuthConfig>('/auth/config', { auth: false, ...o }),
  siteConfig: (o?: Opts) => request<SiteConfig>('/public/config', { auth: false, ...o }),
  devLogin: (body: DevLoginRequest, o?: Opts) =>
    request<LoginResponse>('/auth/dev-login', { method: 'POST', body, auth: false, ...o }),
  wechatLogin: (body: WechatLoginRequest, o?: Opts) =>
    request<LoginResponse>('/auth/wechat', { method: 'POST', body, auth: false, ...o }),
  me: (o?: Opts) => request<AuthUser>('/me', { ...o }),
  /** SMS code login (a phone browser outside WeChat): at most one code a minute per phone. */
  smsSend: (phone: string, o?: Opts) =>
    request<{ expiresAt: string; resendAfter: number }>('/auth/sms/send', { method: 'POST', body: { phone }, auth: false, ...o }),
  smsLogin: (phone: string, code: string, o?: Opts) =>
    request<LoginResponse>('/auth/sms/login', { method: 'POST', body: { phone, code }, auth: false, ...o }),
  /** Ends the session on the server (its refresh token stops working). */
  logout: (refreshToken: string, o?: Opts) =>
    request<unknown>('/auth/logout', { method: 'POST', body: { refreshToken }, endSessionOn401: false, ...o }),
  /** 扫码登录, the PC side: a ticket and the text of its QR code; then polled until approved or expired. */
  createQrTicket: (o?: Opts) => request<QrTicket>('/auth/qr', { method: 'POST', auth: false, ...o }),
  qrTicketState: (ticket: string, o?: Opts) =>
    request<QrTicketState>(`/auth/qr/${encodeURIComponent(ticket)}`, { auth: false, ...o }),
  /** 扫码登录, the phone side: the signed-in person lets the PC log in as them. */
  approveQrTicket: (ticket: string, o?: Opts) =>
    request<{ status: 'approved' }>(`/auth/qr/${encodeURIComponent(ticket)}/approve`, { method: 'POST', ...o }),
  /** 输入邀请码: the caller takes the invitation's role and region; a new session comes back. */
  acceptInvitation: (code: string, o?: Opts) =>
    request<LoginResponse>('/auth/invitations/accept', { method: 'POST', body: { code }, ...o }),
  /** Two-factor for admins: set up (a secret and its otpauth:// link), confirm with a first code, then a code per session. */
  mfaSetup: (o?: Opts) => request<MfaSetup>('/me/mfa/setup', { method: 'POST', ...o }),
  mfaConfirm: (totp: string, o?: Opts) =>
    request<LoginResponse>('/me/mfa/confirm', { method: 'POST', body: { totp }, ...o }),
  mfaVerify: (totp: string, o?: Opts) => request<LoginResponse>('/auth/mfa', { method: 'POST', body: { totp }, ...o }),

  /** Admin: 邀请联络员/干部 (a 镇街 officer: liaisons of their own 镇街 only). */
  createInvitation: (body: InvitationRequest, o?: Opts) =>
    request<InvitationCreated>('/admin/invitations', { method: 'POST', body, ...o }),
  /** Admin: 用户管理. */
  listUsers: (query: AdminUserQuery, o?: Opts) =>
    request<Page<AdminUserSummary>>('/admin/users', { query: { ...query }, ...o }),
  disableUser: (id: string, reason: string, o?: Opts) =>
    request<AdminUserSummary | null>(`/admin/users/${encodeURIComponent(id)}/disable`, { method: 'POST', body: { reason }, ...o }),
  enableUser: (id: string, o?: Opts) =>
    request<AdminUserSummary | null>(`/admin/users/${encodeURIComponent(id)}/enable`, { method: 'POST', ...o }),
  /** District admin: another admin's two-factor starts again (they set it up at their next login). */
  resetUserMfa: (id: string, o?: Opts) =>
    request<AdminUserSummary | null>(`/admin/users/${encodeURIComponent(id)}/mfa/reset`, { method: 'POST', ...o }),

  /** A keyword finding fewer than 5 posts also gets `suggestions` (你是不是要找) on its first page. */
  listPosts: (query: JobPostingQuery, o?: Opts) =>
    request<PostSearchPage>('/posts', { query: { ...query }, ...o }),
  /** 有了告诉我 (seekers): searches whose new posts the person hears of. */
  savedSearches: (o?: Opts) => request<{ items: SavedSearchItem[] }>('/me/saved-searches', { ...o }),
  saveSearch: (body: SavedSearchInput, o?: Opts) => request<SavedSearchItem>('/me/saved-searches', { method: 'POST', body, ...o }),
  deleteSavedSearch: (id: string, o?: Opts) => request<void>(`/me/saved-searches/${encodeURIComponent(id)}`, { method: 'DELETE', ...o }),
  getPost: (id: string, o?: Opts) => request<JobPostingItem>(`/posts/${encodeURIComponent(id)}`, { ...o }),
  complianceSettings: (o?: Opts) => request<ComplianceSettings>('/posts/compliance-settings', { ...o }),
  reportPost: (id: string, body: PostReportInput, o?: Opts) =>
    request<PostReportItem>(`/posts/${encodeURIComponent(id)}/reports`, { method: 'POST', body, ...o }),

  /** 企业 (employer users): register, or join a colleague's employer with a code. */
  createEmployer: (body: EmployerInput, o?: Opts) =>
    request<EmployerItem>('/employers', { method: 'POST', body, ...o }),
  /** The caller's employer; 404 until they have registered or joined one. */
  myEmployer: (o?: Opts) => request<EmployerItem>('/employers/mine', { ...o }),
  patchEmployer: (id: string, body: EmployerPatch, o?: Opts) =>
    request<EmployerItem>(`/employers/${encodeURIComponent(id)}`, { method: 'PATCH', body, ...o }),
  createJoinCode: (id: string, o?: Opts) =>
    request<EmployerJoinCode>(`/employers/${encodeURIComponent(id)}/join-codes`, { method: 'POST', ...o }),
  joinEmployer: (code: string, o?: Opts) =>
    request<EmployerItem>('/employers/join', { method: 'POST', body: { code }, ...o }),

  /** The employer's own posts in any state, with compliance flags, review notes and open reports. */
  myPosts: (query: MyPostsQuery, o?: Opts) => request<Page<JobPostingItem>>('/posts/mine', { query: { ...query }, ...o }),
  /** Without `draft: true` the post is checked and submitted for review (or rejected with reasons). */
  createPost: (body: JobPostingInput, o?: Opts) => request<JobPostingItem>('/posts', { method: 'POST', body, ...o }),
  patchPost: (id: string, body: JobPostingPatch, o?: Opts) =>
    request<JobPostingItem>(`/posts/${encodeURIComponent(id)}`, { method: 'PATCH', body, ...o }),
  submitPost: (id: string, o?: Opts) =>
    request<JobPostingItem>(`/posts/${encodeURIComponent(id)}/submit`, { method: 'POST', ...o }),
  closePost: (id: string, o?: Opts) =>
    request<JobPostingItem>(`/posts/${encodeURIComponent(id)}/close`, { method: 'POST', ...o }),
  /** 一键刷新: a published (or expired) post is shown as new again for another 30 days. */
  refreshPost: (id: string, o?: Opts) =>
    request<JobPostingItem>(`/posts/${encodeURIComponent(id)}/refresh`, { method: 'POST', ...o }),

  /**
   * 为你推荐 / 为村民找工作: posts for a resident (the seeker themself, their liaison, an admin). With
   * the seeker's location the distance is measured from there.
   */
  matchPosts: (residentId: string, query: { limit?: number; lat?: number; lng?: number }, o?: Opts) =>
    request<MatchList<PostMatch>>(`/matching/residents/${encodeURIComponent(residentId)}/posts`, { query: { ...query }, ...o }),
  /** 推荐人选: people for a post (its employer: masked, capped per day; a liaison: their own residents). */
  matchCandidates: (postId: string, query: { limit?: number }, o?: Opts) =>
    request<MatchList<CandidateMatch>>(`/matching/posts/${encodeURIComponent(postId)}/candidates`, { query: { ...query }, ...o }),
  /** The seeker's switch for personalised recommendations (个人信息保护法 第二十四条). */
  myPreferences: (o?: Opts) => request<SeekerPreferences>('/me/preferences', { ...o }),
  savePreferences: (body: SeekerPreferences, o?: Opts) =>
    request<SeekerPreferences>('/me/preferences', { method: 'PUT', body, ...o }),

  /** 一键投递 (seeker: no residentId) or 代村民投递 (liaison). 409 on a second application (body.existingId). */
  apply: (body: ApplicationInput, o?: Opts) => request<ApplicationItem>('/applications', { method: 'POST', body, ...o }),
  /** 打电话 about an application: the employer's contact phone, for the applicant or their liaison (audit-logged). */
  callAboutApplication: (id: string, o?: Opts) =>
    request<PhoneCallResponse>(`/applications/${encodeURIComponent(id)}/call`, { method: 'POST', ...o }),
  /** 邀请报名 (employer, from 推荐人选); the person accepts by patching the status to applied. */
  invite: (body: InvitationInput, o?: Opts) => request<ApplicationItem>('/applications/invitations', { method: 'POST', body, ...o }),
  /** Each side sees only its own: the employer its posts', a seeker theirs, a liaison their area's. */
  listApplications: (query: ApplicationQuery, o?: Opts) =>
    request<Page<ApplicationItem>>('/applications', { query: { ...query }, ...o }),
  getApplication: (id: string, o?: Opts) => request<ApplicationItem>(`/applications/${encodeURIComponent(id)}`, { ...o }),
  /** The employer moves it forward; the applicant or their liaison withdraws (or accepts an invitation). */
  patchApplication: (id: string, body: ApplicationPatch, o?: Opts) =>
    request<ApplicationItem>(`/applications/${encodeURIComponent(id)}`, { method: 'PATCH', body, ...o }),

  /** 零工 (day labour): open gigs with work on a day, nearest first; the circle widens when nothing is near (`radiusKm`). */
  listGigs: (query: GigQuery, o?: Opts) => request<GigPage>('/gigs', { query: { ...query }, ...o }),
  /** A place on a day (a seeker for themself, a liaison with `residentId`): confirmed, or waitlisted when full; 409s say why not. */
  gigSignUp: (postId: string, body: GigSignupInput, o?: Opts) =>
    request<GigSignupItem>(`/gigs/${encodeURIComponent(postId)}/signups`, { method: 'POST', body, ...o }),
  /** A seeker's own days; a liaison's residents' (one, or all of their area), optionally on one date. */
  gigSignups: (query: { date?: string; residentId?: string; cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<GigSignupItem>>('/gigs/signups', { query: { ...query }, ...o }),
  /** Free until 12 h before the start; later it is recorded as a late cancel. */
  cancelGigSignup: (id: string, o?: Opts) => request<GigSignupItem>(`/gigs/signups/${encodeURIComponent(id)}`, { method: 'DELETE', ...o }),
  /** 上工: the worker with the 现场码 (and their location, if allowed), or a liaison vouching (`signupId`, `note`). Twice is once. */
  gigCheckIn: (body: GigCheckInInput, o?: Opts) => request<GigSignupItem>('/gigs/check-in', { method: 'POST', body, ...o }),
  gigCheckOut: (body: GigCheckInInput, o?: Opts) => request<GigSignupItem>('/gigs/check-out', { method: 'POST', body, ...o }),
  confirmGigPay: (id: string, o?: Opts) => request<GigSignupItem>(`/gigs/signups/${encodeURIComponent(id)}/pay/confirm`, { method: 'POST', ...o }),
  /** 工钱有问题: opens a 权益维护 case for the district with the day's evidence. */
  disputeGigPay: (id: string, body: GigDisputeInput, o?: Opts) =>
    request<DisputeItem>(`/gigs/signups/${encodeURIComponent(id)}/dispute`, { method: 'POST', body, ...o }),
  rateGig: (id: string, body: GigRatingInput, o?: Opts) =>
    request<GigSignupItem>(`/gigs/signups/${encodeURIComponent(id)}/rating`, { method: 'POST', body, ...o }),
  /** A liaison lets a person paused for no-shows sign up again, with what they heard. */
  /** 零工驿站: people of the caller's area looking for work with no 零工 on `date`. */
  /** 零工驿站: the households (农户) of the liaison's area, each with its latest gigs. */
  households: (villageCode: string | undefined, o?: Opts) => request<ItemList<HouseholdItem>>('/households', { query: { villageCode }, ...o }),
  createHousehold: (body: HouseholdInput, o?: Opts) => request<HouseholdItem>('/households', { method: 'POST', body, ...o }),
  /** A 零工 for the household, submitted for review like every post. */
  createHouseholdGig: (id: string, body: HouseholdGigInput, o?: Opts) =>
    request<JobPostingItem>(`/households/${encodeURIComponent(id)}/gigs`, { method: 'POST', body, ...o }),
  freeWorkers: (date: string, o?: Opts) => request<{ date: string; items: FreeWorker[] }>('/gigs/free', { query: { date }, ...o }),
  /** Employers with two or more 权益维护 cases in 180 days (admins). */
  repeatEmployers: (o?: Opts) => request<{ items: RepeatEmployer[] }>('/disputes/employers', { ...o }),
  liftGigPause: (residentId: string, note: string, o?: Opts) =>
    request<{ residentId: string; liftedAt: string }>(`/gigs/pauses/${encodeURIComponent(residentId)}/lift`, { method: 'POST', body: { note }, ...o }),
  /** One 权益维护 case (the worker, their liaison, the employer, the admins of its 镇街). */
  getDispute: (id: string, o?: Opts) => request<DisputeItem>(`/disputes/${encodeURIComponent(id)}`, { ...o }),

  /** 就业登记: the employer (for someone who applied to it), the person's liaison, or an admin. */
  createHire: (body: HireInput, o?: Opts) => request<HireItem>('/hires', { method: 'POST', body, ...o }),
  listHires: (query: HireQuery, o?: Opts) => request<Page<HireItem>>('/hires', { query: { ...query }, ...o }),
  /**
   * The caller's side: the employer, or the person / their liaison. Verified once both have confirmed.
   * The person's side gives the 身份证号 here when the record has none yet (`hire.idNumberMissing`).
   */
  confirmHire: (id: string, body: HireConfirmInput = {}, o?: Opts) =>
    request<HireItem>(`/hires/${encodeURIComponent(id)}/confirm`, { method: 'POST', body, ...o }),
  /** Admin: verify without both confirmations, with a reason (audit-logged). */
  verifyHire: (id: string, reason: string, o?: Opts) =>
    request<HireItem>(`/hires/${encodeURIComponent(id)}/verify`, { method: 'POST', body: { reason }, ...o }),
  /** 城镇新增就业 against the target, by 镇街, month and key group, with supply and demand and wage levels. */
  employmentStats: (year: number, o?: Opts) => request<EmploymentStats>('/stats/employment', { query: { year }, ...o }),
  setTargets: (year: number, body: EmploymentTargetsInput, o?: Opts) =>
    request<EmploymentStats>(`/stats/targets/${year}`, { method: 'PUT', body, ...o }),

  /** Admin: posts waiting for review (oldest first), employers waiting for verification, reports. */
  reviewQueue: (query: { cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<JobPostingItem>>('/posts/review-queue', { query: { ...query }, ...o }),
  reviewPost: (id: string, body: PostReviewRequest, o?: Opts) =>
    request<JobPostingItem>(`/posts/${encodeURIComponent(id)}/review`, { method: 'POST', body, ...o }),
  listEmployers: (query: EmployerQuery, o?: Opts) =>
    request<Page<EmployerItem>>('/employers', { query: { ...query }, ...o }),
  verifyEmployer: (id: string, body: EmployerVerifyRequest, o?: Opts) =>
    request<EmployerItem>(`/employers/${encodeURIComponent(id)}/verify`, { method: 'POST', body, ...o }),
  /** One employer (its members; an admin of the 镇街 it is registered in). */
  getEmployer: (id: string, o?: Opts) => request<EmployerItem>(`/employers/${encodeURIComponent(id)}`, { ...o }),
  /** 撤销认证 with a reason the employer reads; its published posts go back to 待审核. */
  revokeEmployer: (id: string, body: EmployerRevokeRequest, o?: Opts) =>
    request<EmployerItem>(`/employers/${encodeURIComponent(id)}/revoke`, { method: 'POST', body, ...o }),
  /** The numbers on 岗位审核, 企业认证 and 举报处理 (a 镇街 officer: their 镇街's). */
  pendingCounts: (o?: Opts) => request<PendingCounts>('/admin/pending-counts', { ...o }),
  /** 打电话: the contact person's full phone for one call (admin of the employer's 镇街; audit-logged). */
  callEmployer: (id: string, o?: Opts) =>
    request<PhoneCallResponse>(`/employers/${encodeURIComponent(id)}/call`, { method: 'POST', ...o }),
  listReports: (query: { status?: string; cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<PostReportItem>>('/reports', { query: { ...query }, ...o }),
  /** Resolves every open report of the post at once: upheld closes the post, dismissed shows it again. */
  resolveReports: (postId: string, body: ReportResolveRequest, o?: Opts) =>
    request<JobPostingItem>(`/posts/${encodeURIComponent(postId)}/reports/resolve`, { method: 'POST', body, ...o }),

  /** `parent` = 370406 gives the 11 镇街; a 镇街 code gives its 村居. */
  listRegions: (parent: string, o?: Opts) => request<ItemList<RegionItem>>('/regions', { query: { parent }, ...o }),
  /** 村居中心点 (the district admin): how many 镇街 and 村居 have a centre point. Upload and template: api/files.ts. */
  regionCentres: (o?: Opts) => request<RegionCentresSummary>('/regions/centres', { ...o }),
  searchOccupations: (q: string, o?: Opts) =>
    request<ItemList<OccupationItem>>('/occupations', { query: { q }, ...o }),

  /** Liaisons and admins only. Without `regionCode`: the caller's own area (a district admin's is 370406). */
  regionOverview: (regionCode?: string, o?: Opts) =>
    request<RegionOverview>('/stats/overview', { query: { regionCode }, ...o }),
  getOccupation: (code: string, o?: Opts) =>
    request<OccupationItem>(`/occupations/${encodeURIComponent(code)}`, { ...o }),

  /** 实名制台账 (liaison in their area, admin). Answers carry 身份证号 and phone masked. */
  createResident: (body: ResidentInput, o?: Opts) =>
    request<ResidentItem>('/residents', { method: 'POST', body, ...o }),
  listResidents: (query: ResidentQuery, o?: Opts) =>
    request<Page<ResidentItem>>('/residents', { query: { ...query }, ...o }),
  getResident: (id: string, o?: Opts) => request<ResidentDetail>(`/residents/${encodeURIComponent(id)}`, { ...o }),
  /** 打电话: the full phone of a resident of the caller's area for one call (no reason; audit-logged). */
  callResident: (id: string, o?: Opts) =>
    request<PhoneCallResponse>(`/residents/${encodeURIComponent(id)}/call`, { method: 'POST', ...o }),
  patchResident: (id: string, body: ResidentPatch, o?: Opts) =>
    request<ResidentItem>(`/residents/${encodeURIComponent(id)}`, { method: 'PATCH', body, ...o }),
  /** 登记居民: is this 身份证号 registered already? (In the body: the number never goes in a URL.) */
  checkIdNumber: (idNumber: string, o?: Opts) =>
    request<ResidentIdCheck>('/residents/id-check', { method: 'POST', body: { idNumber }, ...o }),

  /** The liaison home: each 村居 of the caller's area in numbers, and 今日要办 (`limit` items per group). */
  liaisonVillages: (regionCode?: string, o?: Opts) =>
    request<LiaisonVillages>('/liaison/villages', { query: { regionCode }, ...o }),
  liaisonToday: (query: { regionCode?: string; limit?: number }, o?: Opts) =>
    request<LiaisonToday>('/liaison/today', { query: { ...query }, ...o }),

  /** A seeker's own record: 404 until they have one. */
  myProfile: (o?: Opts) => request<ResidentDetail>('/me/profile', { ...o }),
  /** 先报名: name, phone and 村 from the apply sheet make the seeker's record; 409 when there is one. */
  quickProfile: (body: QuickProfileInput, o?: Opts) => request<ResidentItem>('/me/profile/quick', { method: 'POST', body, ...o }),
  saveMyProfile: (body: ResidentInput, o?: Opts) =>
    request<ResidentItem>('/me/profile', { method: 'PUT', body, ...o }),

  /** 人力资源地图 (admin, liaison): one row per 镇街 of the district, or per 村居 of a 镇街. */
  laborMap: (regionCode?: string, o?: Opts) => request<LaborMap>('/stats/labor', { query: { regionCode }, ...o }),

  /** 消息: the caller's inbox, newest first. */
  listNotifications: (query: NotificationQuery, o?: Opts) =>
    request<Page<NotificationItem>>('/notifications', { query: { ...query }, ...o }),
  unreadCount: (o?: Opts) => request<UnreadCount>('/notifications/unread-count', { ...o }),
  markRead: (id: string, o?: Opts) =>
    request<NotificationItem>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', ...o }),
  markAllRead: (o?: Opts) => request<UnreadCount>('/notifications/read-all', { method: 'POST', ...o }),
  /** The WeChat subscribe-message templates this user may be asked to accept (wx.requestSubscribeMessage). */
  subscriptionTemplates: (o?: Opts) => request<ItemList<SubscriptionTemplate>>('/me/subscriptions/templates', { ...o }),
  /** The user accepted these templates: each acceptance allows one message. */
  acceptSubscriptions: (body: SubscriptionAcceptance, o?: Opts) =>
    request<ItemList<SubscriptionBalance>>('/me/subscriptions', { method: 'POST', body, ...o }),
  notificationSettings: (o?: Opts) => request<NotificationSettings>('/me/notification-settings', { ...o }),
  saveNotificationSettings: (body: NotificationSettingsInput, o?: Opts) =>
    request<NotificationSettings>('/me/notification-settings', { method: 'PUT', body, ...o }),
  /**
   * 个人信息 (个人信息保护法): the person asks for their data to be erased (seekers, employers; 409 while
   * one is pending) and sees their latest request (404 before the first). The copy of their data is a
   * file: FILE_PATHS.myData, see api/files.ts.
   */
  requestDeletion: (reason: string | undefined, o?: Opts) =>
    request<MyDeletionRequest>('/me/deletion-request', { method: 'POST', body: reason ? { reason } : {}, ...o }),
  myDeletionRequest: (o?: Opts) => request<MyDeletionRequest>('/me/deletion-request', { ...o }),
  /** 注销申请 of the caller's area (liaisons, admins), newest first; handled ones answer 409. */
  listDeletionRequests: (query: DeletionRequestQuery, o?: Opts) =>
    request<Page<DeletionRequestItem>>('/privacy/deletion-requests', { query: { ...query }, ...o }),
  completeDeletion: (id: string, note: string | undefined, o?: Opts) =>
    request<DeletionRequestItem>(`/privacy/deletion-requests/${encodeURIComponent(id)}/complete`, {
      method: 'POST',
      body: note ? { note } : {},
      ...o,
    }),
  /** The reason (4–200 characters) is shown to the person. */
  declineDeletion: (id: string, reason: string, o?: Opts) =>
    request<DeletionRequestItem>(`/privacy/deletion-requests/${encodeURIComponent(id)}/decline`, { method: 'POST', body: { reason }, ...o }),
  /** The person asked at the village window: erased at once (liaisons, admins of their area). */
  eraseResident: (id: string, reason: string, o?: Opts) =>
    request<DeletionRequestItem>(`/residents/${encodeURIComponent(id)}/erase`, { method: 'POST', body: { reason }, ...o }),

  /** Admin: outgoing messages by status (失败 = dead letters), and retrying one. */
  deliverySummary: (o?: Opts) => request<DeliverySummary>('/admin/notifications/summary', { ...o }),
  listDeliveries: (query: DeliveryQuery, o?: Opts) =>
    request<Page<DeliveryItem>>('/admin/notifications/deliveries', { query: { ...query }, ...o }),
  retryDelivery: (id: string, o?: Opts) =>
    request<DeliveryItem>(`/admin/notifications/deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST', ...o }),

  // ---- 零工: the employer's day (roster, 现场码, pay, ratings) and the admin's 权益维护 cases ----
  /** The day's people in sign-up order; the post's employer sees full phones and each person's 出勤. */
  gigRoster: (postId: string, date: string, o?: Opts) =>
    request<GigDayRoster>(`/gigs/${encodeURIComponent(postId)}/roster`, { query: { date }, ...o }),
  /** 停止报名 / 恢复报名 (`closed`) or the day's places (`headcount`, never below those taken). */
  patchGigDay: (postId: string, date: string, body: GigDayChange, o?: Opts) =>
    request<GigDayItem>(`/gigs/${encodeURIComponent(postId)}/days/${encodeURIComponent(date)}`, { method: 'PATCH', body, ...o }),
  /** The 现场码 of this minute (only on the working day itself; good for this minute and the next). */
  gigSiteCode: (postId: string, date: string, o?: Opts) =>
    request<GigSiteCodeItem>(`/gigs/${encodeURIComponent(postId)}/site-code`, { query: { date }, ...o }),
  /** 记为没来 (once the day's work has started). */
  markGigNoShow: (signupId: string, o?: Opts) =>
    request<GigSignupRow>(`/gigs/signups/${encodeURIComponent(signupId)}/no-show`, { method: 'POST', ...o }),
  /** The employer confirms someone's 收工 (twice is once). */
  checkOutGigWorker: (signupId: string, o?: Opts) =>
    request<GigSignupRow>('/gigs/check-out', { method: 'POST', body: { signupId }, ...o }),
  /** 登记工钱: 409 with `needsConfirmation` when far above the agreed rate (send again with confirmUnusual). */
  recordGigPay: (signupId: string, body: GigPayBody, o?: Opts) =>
    request<GigSignupRow>(`/gigs/signups/${encodeURIComponent(signupId)}/pay`, { method: 'POST', body, ...o }),
  /** 评价 after a day worked, once per side (the employer's side here). */
  rateGigWorker: (signupId: string, body: GigRatingBody, o?: Opts) =>
    request<GigSignupRow>(`/gigs/signups/${encodeURIComponent(signupId)}/rating`, { method: 'POST', body, ...o }),
  /** 权益维护 cases (admin: the district's; a 镇街 officer: their 镇街's), newest first. */
  disputeCases: (query: { status?: GigDisputeStatus; cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<GigDisputeItem>>('/disputes', { query: { ...query }, ...o }),
  /** 调解中 / 已解决 / 转劳动监察, with what was done (the worker is told). */
  moveDisputeCase: (id: string, body: GigDisputePatch, o?: Opts) =>
    request<GigDisputeItem>(`/disputes/${encodeURIComponent(id)}`, { method: 'PATCH', body, ...o }),
};

/** Paths of the Excel files (fetched with the bearer token, see api/files.ts). */
export const FILE_PATHS = {
  importTemplate: '/residents/import/template.xlsx',
  export: '/residents/export.xlsx',
  import: '/residents/import',
  /** GET /me/data-export: everything held about the caller, as a JSON attachment. */
  myData: '/me/data-export',
  /** 村居中心点: GET the template (every 镇街 and 村居 with its point), POST the filled file (xlsx or CSV). */
  regionCentresTemplate: '/regions/centres.xlsx',
  regionCentres: '/regions/centres',
} as const;

// ---- 海报: printed posters of posts and events for 村居 boards, and the scans of their codes ----
export type PosterKind = 'post' | 'event';

/** GET /posts/:id/poster.png|pdf and /events/:id/poster.png|pdf (fetched as bytes, see api/posters.ts). */
export function posterPath(kind: PosterKind, id: string, format: 'png' | 'pdf'): string {
  return `/${kind === 'post' ? 'posts' : 'events'}/${encodeURIComponent(id)}/poster.${format}`;
}

export const posterApi = {
  /** A poster's code was scanned (anyone, no login): counted once; where to go next. */
  scan: (posterId: string, o?: Opts) =>
    request<PosterScanTarget>(`/posters/${encodeURIComponent(posterId)}/scan`, { method: 'POST', auth: false, ...o }),
  /** Scans per 村居 board of one post or one event (staff: their area's boards; an employer: its own post's). */
  stats: (query: { postId: string } | { eventId: string }, o?: Opts) => request<PosterStats>('/stats/posters', { query: { ...query }, ...o }),
};
