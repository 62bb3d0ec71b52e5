import type {
  AuthConfig,
  AuthUser,
  DevLoginRequest,
  JobPostingItem,
  JobPostingQuery,
  LoginResponse,
  OccupationItem,
  Page,
  RegionItem,
  RegionOverview,
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
};
