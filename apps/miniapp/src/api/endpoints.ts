import type {
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
