import type { ComplianceFinding } from '../compliance/types';
import type { Benefit, PostSort, PostStatus, PostType, ReportReason, ReportStatus, WageUnit } from '../enums/job-posting';

export interface JobPostingEmployer {
  id: string;
  name: string;
  verified: boolean;
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
  status: PostStatus;
  publishedAt: string | null;
  /** Last 一键刷新 (or the publication); lists show "X天前更新" from it. */
  refreshedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  employer: JobPostingEmployer;
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
  /** Save as 草稿 without submitting for review. */
  draft?: boolean;
}

export type JobPostingPatch = Partial<JobPostingInput>;

/** POST /posts/:id/review (admin). A rejection needs a reason the employer sees. */
export interface PostReviewRequest {
  approve: boolean;
  reason?: string;
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
