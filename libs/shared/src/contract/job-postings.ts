import type { ComplianceFinding } from '../compliance/types';
import type { Benefit, PostSort, PostStatus, PostType, ReportReason, ReportStatus, WageUnit } from '../enums/job-posting';
import type { Page } from './common';
import type { EmployerKind } from './employers';

export interface JobPostingEmployer {
  id: string;
  name: string;
  verified: boolean;
  /** 'household': a 农户's day work, posted and run by the liaison of its 村 (零工驿站). */
  kind?: EmployerKind;
}

/** A post as the public list and detail show it. */
export interface JobPostingItem {
  id: string;
  title: string;
  occupationCode: string;
  occupationName: string | null;
  description: string;
  skills: string[];
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  type: PostType;
  headcount: number;
  townCode: string;
  townName: string | null;
  villageCode: string | null;
  villageName: string | null;
  /** Where the work is, e.g. "桑村镇工业园3号". */
  address: string | null;
  lat: number | null;
  lng: number | null;
  benefits: Benefit[];
  startDate: string | null;
  endDate: string | null;
  /** HH:mm (China time) work starts each day, or null (08:00). */
  workStartTime: string | null;
  status: PostStatus;
  publishedAt: string | null;
  /** Last 一键刷新 (or the publication); lists show "X天前更新" from it. */
  refreshedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  employer: JobPostingEmployer;
  /** Up to 3 photos (the workplace, the dormitory), in order; `url` is under the API base (GET /posts/:id/photos/:photoId). */
  photos: { id: string; url: string }[];
  /** Distance from the seeker's location in km, when the query gave one and the post has coordinates. */
  distanceKm?: number | null;
  /** Only for the post's employer and admins: what the compliance check found. */
  complianceFlags?: ComplianceFinding[];
  /** Only for the post's employer and admins: why a reviewer rejected it or closed it on reports. */
  reviewNote?: string | null;
  /** Only for the post's employer and admins: reports not yet reviewed. */
  openReports?: number;
  /** Only for the post's employer and admins: people who applied (invitations not yet accepted left out), and how many nobody has looked at. */
  applicants?: { total: number; fresh: number };
}

/** POST /posts and PATCH /posts/:id (the employer's form). */
export interface JobPostingInput {
  title: string;
  occupationCode: string;
  description: string;
  skills: string[];
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  type: PostType;
  headcount: number;
  townCode: string;
  villageCode?: string;
  address?: string;
  lat?: number;
  lng?: number;
  benefits?: Benefit[];
  /** YYYY-MM-DD; required for 零工 (the day), 季节工 and 共享员工 (the period). */
  startDate?: string;
  endDate?: string;
  /** HH:mm (China time) work starts each day; a 零工 day's sign-ups close then (08:00 when not given). */
  workStartTime?: string;
  /** Save as 草稿 without submitting for review. */
  draft?: boolean;
}

export type JobPostingPatch = Partial<JobPostingInput>;

/**
 * POST /households/:id/gigs (the household's liaison or an admin of its area): a 零工 for the household, the
 * employer's form without the type (always gig) and the place (the household's 村).
 */
export type HouseholdGigInput = Omit<JobPostingInput, 'type' | 'townCode' | 'villageCode' | 'benefits' | 'draft'>;

/** POST /posts/:id/review (admin). A rejection needs a reason the employer sees. */
export interface PostReviewRequest {
  approve: boolean;
  reason?: string;
  /**
   * With `approve`: the post's employer, not yet verified, is verified in the same step (one transaction,
   * audit-logged as a verification). Without it, approving a post of an unverified employer is a 409.
   */
  verifyEmployer?: boolean;
}

/** GET /admin/pending-counts (admin): what waits for the caller, in their area. */
export interface PendingCounts {
  /** Posts waiting for review (岗位审核). */
  posts: number;
  /** Employers waiting for verification (企业认证). */
  employers: number;
  /** Posts with open reports (举报处理). */
  reports: number;
  /** Verified employers (the 已认证 list). */
  verifiedEmployers: number;
}

/** GET /posts/mine (employer). */
export interface MyPostsQuery {
  status?: PostStatus;
  cursor?: string;
  limit?: number;
}

/** POST /posts/:id/reports (any logged-in user). */
export interface PostReportInput {
  reason: ReportReason;
  note?: string;
}

export interface PostReportItem {
  id: string;
  postId: string;
  postTitle: string;
  employerName: string;
  reason: ReportReason;
  note: string | null;
  status: ReportStatus;
  resolutionNote: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

/** POST /reports/:id/resolve (admin). Upheld closes the post; the employer sees the note. */
export interface ReportResolveRequest {
  upheld: boolean;
  note?: string;
}

/** GET /posts/compliance-settings: what the live check in the form needs. */
export interface ComplianceSettings {
  minimumWage: { monthly: number; hourly: number };
}

/**
 * GET /posts: a page of posts. On the first page of a keyword search that finds fewer than
 * SUGGEST_BELOW posts, `suggestions` (你是不是要找): queries near the keyword (a typo, pinyin, a
 * near word or occupation) that find more posts under the same filters, nearest first; possibly empty.
 */
export interface PostSearchPage extends Page<JobPostingItem> {
  suggestions?: string[];
}

/** POST /me/saved-searches (有了告诉我): a search whose new posts the seeker wants to hear of. */
export interface SavedSearchInput {
  q: string;
  townCode?: string;
  /** A leaf code, or a group code (6-05) for all its leaves, as GET /posts takes it. */
  occupationCode?: string;
  type?: PostType;
  /** 元/月 equivalent, as GET /posts takes it. */
  wageMin?: number;
}

/** GET /me/saved-searches. */
export interface SavedSearchItem {
  id: string;
  q: string;
  townCode: string | null;
  townName: string | null;
  occupationCode: string | null;
  occupationName: string | null;
  type: PostType | null;
  wageMin: number | null;
  createdAt: string;
}

export interface JobPostingQuery {
  q?: string;
  townCode?: string;
  occupationCode?: string;
  type?: PostType;
  /** In 元/月 equivalent (day and hour wages converted). */
  wageMin?: number;
  /** Comma-separated; a post must offer all of them. */
  benefits?: string;
  sort?: PostSort;
  lat?: number;
  lng?: number;
  cursor?: string;
  limit?: number;
}
