import type { IndustryCode, VerificationState } from '../enums/employer';
import type { PostStatus } from '../enums/job-posting';

/** POST /employers (an employer user with no employer yet). */
export interface EmployerInput {
  name: string;
  /** 统一社会信用代码, 18 characters, check digit validated. */
  creditCode: string;
  /** GB/T 4754-2017 门类 letter A–T. */
  industryCode: IndustryCode;
  /** 山亭区 镇街 code (9 digits). */
  townCode: string;
  address: string;
  contactName: string;
  contactPhone: string;
  lat?: number;
  lng?: number;
}

/** PATCH /employers/:id: changing the name or the credit code sends the employer back to 待认证. */
export type EmployerPatch = Partial<EmployerInput>;

/** An employer as its members and admins see it; the contact phone is masked. */
export interface EmployerItem {
  id: string;
  name: string;
  /** 'household': a 农户 its liaison registered (POST /households); it has no credit code. */
  kind?: EmployerKind;
  /** null for a household (农户), which has none. */
  creditCode: string | null;
  /** A household's 村居. */
  villageCode?: string | null;
  industryCode: IndustryCode;
  industryName: string;
  townCode: string;
  townName: string | null;
  address: string;
  contactName: string;
  /** Masked: 139****2222. */
  contactPhone: string;
  verification: VerificationState;
  /** Why verification was refused (the employer sees it). */
  verificationReason: string | null;
  verifiedAt: string | null;
  /**
   * When an admin last revoked its verification (POST /employers/:id/revoke), until a new decision
   * (verify or refuse); the reason is `verificationReason`.
   */
  revokedAt?: string | null;
  lat: number | null;
  lng: number | null;
  createdAt: string;
}

/** POST /employers/:id/verify (admin). A refusal needs a reason. */
export interface EmployerVerifyRequest {
  approve: boolean;
  reason?: string;
}

/**
 * POST /employers/:id/revoke (admin): a verified employer is no longer verified, with a reason the employer
 * sees; its published posts go back to 待审核 until it is verified again (docs/business-logic/post-review.md).
 */
export interface EmployerRevokeRequest {
  reason: string;
}

/** GET /employers (admin). */
export interface EmployerQuery {
  verification?: VerificationState;
  /** Words of the name, or (part of) the 统一社会信用代码. */
  q?: string;
  cursor?: string;
  limit?: number;
}

/** POST /employers/:id/join-codes: a code a colleague enters to join this employer (valid 7 days). */
export interface EmployerJoinCode {
  code: string;
  expiresAt: string;
}

/** POST /employers/join (an employer user with no employer yet). */
export interface EmployerJoinRequest {
  code: string;
}

/** A firm (with its 统一社会信用代码 and member accounts), or a household (农户) a liaison posts day work for. */
export type EmployerKind = 'firm' | 'household';

/**
 * POST /households (a liaison or admin, for a 村居 of their area): a 农户 with no 统一社会信用代码 and no account,
 * verified at once as vouched for by the liaison (docs/business-logic/gigs.md, 零工驿站).
 */
export interface HouseholdInput {
  /** e.g. 王大爷家 */
  name: string;
  villageCode: string;
  contactName: string;
  contactPhone: string;
  /** Where the work is; the 村's name when not given. */
  address?: string;
}

/** A household as its liaison sees it (GET /households); the phone is masked. */
export interface HouseholdItem {
  id: string;
  name: string;
  villageCode: string;
  villageName: string | null;
  townCode: string;
  address: string;
  contactName: string;
  /** Masked: 139****2222. */
  contactPhone: string;
  createdAt: string;
  /** Its latest 零工 (newest first, up to 10), to open the roster or see why one waits. */
  gigs: HouseholdGigSummary[];
}

export interface HouseholdGigSummary {
  id: string;
  title: string;
  status: PostStatus;
  startDate: string | null;
  endDate: string | null;
  /** Why the review (or the automatic check) sent it back. */
  reviewNote: string | null;
}

/** GET /households: the caller's area, or one 村居 of it. */
export interface HouseholdQuery {
  villageCode?: string;
}
