import type { PublicStats } from '@zaogong/shared';
import { request, type RequestOptions } from './client';

type Opts = Pick<RequestOptions, 'toast'>;

/** What anyone may see without logging in (API.md "Public statistics"). */
export const publicApi = {
  /**
   * 山亭区就业服务: the district's progress for `year`, small groups already hidden (null). Sent without the
   * signed-in token: the answer is the same for everyone, and a stale session must not send a visitor to log in.
   */
  stats: (year: number, o?: Opts) => request<PublicStats>('/public/stats', { query: { year }, auth: false, ...o }),
};
