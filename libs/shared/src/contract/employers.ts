import type { IndustryCode, VerificationState } from '../enums/employer';

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
  creditCode: string;
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
