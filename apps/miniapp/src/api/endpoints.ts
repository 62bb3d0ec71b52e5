import type {
  ComplianceSettings,
  EmployerInput,
  EmployerItem,
  EmployerJoinCode,
  EmployerPatch,
  EmployerQuery,
  EmployerVerifyRequest,
  JobPostingInput,
  JobPostingPatch,
  MyPostsQuery,
  PostReportInput,
  PostReportItem,
  PostReviewRequest,
  ReportResolveRequest,
  AuthConfig,
  AuthUser,
  DevLoginRequest,
  JobPostingItem,
  JobPostingQuery,
  LaborMap,
  LoginResponse,
  OccupationItem,
  Page,
  RegionItem,
  RegionOverview,
  ResidentDetail,
  ResidentInput,
  ResidentItem,
  ResidentPatch,
  ResidentQuery,
  WechatLoginRequest,
} from '@zaogong/shared';
import { request, type RequestOptions } from './client';

/** Reference lists (regions, occupations) answer `{ items }` without a cursor. */
export type ItemList<T> = Pick<Page<T>, 'items'>;

type Opts = Pick<RequestOptions, 'toast'>;

export const api = {
  authConfig: (o?: Opts) => request<AuthConfig>('/auth/config', { ...o }),
  devLogin: (body: DevLoginRequest, o?: Opts) =>
    request<LoginResponse>('/auth/dev-login', { method: 'POST', body, ...o }),
  wechatLogin: (body: WechatLoginRequest, o?: Opts) =>
    request<LoginResponse>('/auth/wechat', { method: 'POST', body, ...o }),
  me: (o?: Opts) => request<AuthUser>('/me', { ...o }),

  listPosts: (query: JobPostingQuery, o?: Opts) =>
    request<Page<JobPostingItem>>('/posts', { query: { ...query }, ...o }),
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

  /** Admin: posts waiting for review (oldest first), employers waiting for verification, reports. */
  reviewQueue: (query: { cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<JobPostingItem>>('/posts/review-queue', { query: { ...query }, ...o }),
  reviewPost: (id: string, body: PostReviewRequest, o?: Opts) =>
    request<JobPostingItem>(`/posts/${encodeURIComponent(id)}/review`, { method: 'POST', body, ...o }),
  listEmployers: (query: EmployerQuery, o?: Opts) =>
    request<Page<EmployerItem>>('/employers', { query: { ...query }, ...o }),
  verifyEmployer: (id: string, body: EmployerVerifyRequest, o?: Opts) =>
    request<EmployerItem>(`/employers/${encodeURIComponent(id)}/verify`, { method: 'POST', body, ...o }),
  listReports: (query: { status?: string; cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<PostReportItem>>('/reports', { query: { ...query }, ...o }),
  /** Resolves every open report of the post at once: upheld closes the post, dismissed shows it again. */
  resolveReports: (postId: string, body: ReportResolveRequest, o?: Opts) =>
    request<JobPostingItem>(`/posts/${encodeURIComponent(postId)}/reports/resolve`, { method: 'POST', body, ...o }),

  /** `parent` = 370406 gives the 11 镇街; a 镇街 code gives its 村居. */
  listRegions: (parent: string, o?: Opts) => request<ItemList<RegionItem>>('/regions', { query: { parent }, ...o }),
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
  patchResident: (id: string, body: ResidentPatch, o?: Opts) =>
    request<ResidentItem>(`/residents/${encodeURIComponent(id)}`, { method: 'PATCH', body, ...o }),

  /** A seeker's own record: 404 until they have one. */
  myProfile: (o?: Opts) => request<ResidentDetail>('/me/profile', { ...o }),
  saveMyProfile: (body: ResidentInput, o?: Opts) =>
    request<ResidentItem>('/me/profile', { method: 'PUT', body, ...o }),

  /** 人力资源地图 (admin, liaison): one row per 镇街 of the district, or per 村居 of a 镇街. */
  laborMap: (regionCode?: string, o?: Opts) => request<LaborMap>('/stats/labor', { query: { regionCode }, ...o }),
};

/** Paths of the Excel files (fetched with the bearer token, see api/files.ts). */
export const FILE_PATHS = {
  importTemplate: '/residents/import/template.xlsx',
  export: '/residents/export.xlsx',
  import: '/residents/import',
} as const;
