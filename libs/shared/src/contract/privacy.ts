import type { ApplicationStatus, HireSource } from '../enums/application';
import type { PostType, WageUnit } from '../enums/job-posting';
import type { NotificationType } from '../enums/notification';
import type { Role } from '../enums/roles';
import type { ResidentItem, ResidentStatusChange } from './residents';

/** Why GET /audit/verify stopped at a row. */
export const AUDIT_BREAK_REASONS = ['seq_gap', 'prev_hash_mismatch', 'hash_mismatch', 'tail_missing'] as const;
export type AuditBreakReason = (typeof AUDIT_BREAK_REASONS)[number];

/** GET /audit/verify (district admins): the hash chain of the audit log, walked from the first row. */
export interface AuditVerifyResult {
  ok: boolean;
  /** Rows checked (up to and including the first broken one). */
  checked: number;
  /**
   * The first row that does not fit the chain. `tail_missing`: the newest rows are gone (id and at are
   * null; seq is the last one the chain recorded).
   */
  firstBroken: { id: string | null; seq: number; at: string | null; reason: AuditBreakReason; message: string } | null;
  /** The chain's newest link, to write down and compare later; null on an empty log. */
  head: { seq: number; hash: string } | null;
}

/** The name an erased 求职信息 and account show from then on. */
export const ERASED_PERSON_NAME = '已注销';

/** 个人信息删除申请 (PIPL 第四十七条). */
export const DELETION_REQUEST_STATUSES = ['pending', 'completed', 'declined'] as const;
export type DeletionRequestStatus = (typeof DELETION_REQUEST_STATUSES)[number];
export const DELETION_REQUEST_STATUS_LABELS: Record<DeletionRequestStatus, string> = { pending: '待处理', completed: '已删除', declined: '未同意' };

/** self: the person asked in the app; in_person: at the village window, carried out by staff at once. */
export const DELETION_REQUEST_SOURCES = ['self', 'in_person'] as const;
export type DeletionRequestSource = (typeof DELETION_REQUEST_SOURCES)[number];

/** POST /me/deletion-request */
export interface DeletionRequestInput {
  reason?: string;
}

/** POST /privacy/deletion-requests/:id/complete */
export interface DeletionCompleteInput {
  note?: string;
}

/** POST /privacy/deletion-requests/:id/decline */
export interface DeletionDeclineInput {
  reason: string;
}

/** POST /residents/:id/erase: the person asked in person; same effect as a completed request. */
export interface ResidentEraseInput {
  reason: string;
}

/** GET /me/deletion-request: the person's own latest request. */
export interface MyDeletionRequest {
  id: string;
  status: DeletionRequestStatus;
  reason: string | null;
  requestedAt: string;
  decidedAt: string | null;
  /** Why it was declined (or the staff's note on completion). */
  decisionNote: string | null;
}

/** GET /privacy/deletion-requests items (liaisons: their 村居/镇街; 镇街 officers: their 镇街; district admins: all). */
export interface DeletionRequestItem extends MyDeletionRequest {
  source: DeletionRequestSource;
  userId: string | null;
  residentId: string | null;
  /** The person's name on their 求职信息 (已注销 once carried out), or the account's name. */
  name: string;
  villageCode: string | null;
  villageName: string | null;
  townName: string | null;
  decidedBy: { id: string; name: string | null; role: string | null } | null;
}

export interface DeletionRequestQuery {
  status?: DeletionRequestStatus;
  cursor?: string;
  limit?: number;
}

/** GET /me/data-export: everything held about the caller, their own data in full (a downloaded JSON file). */
export interface PersonalDataExport {
  exportedAt: string;
  account: {
    id: string;
    role: Role;
    name: string;
    phone: string | null;
    wechatLinked: boolean;
    regionCode: string | null;
    employerId: string | null;
    createdAt: string;
    lastLoginAt: string | null;
  };
  /** 求职信息 with the 身份证号 and phone in full, its status history and consent; null without one. */
  resident: (Omit<ResidentItem, 'idNumber' | 'phone'> & { idNumber: string | null; phone: string; personalizedRecommendations: boolean; history: ResidentStatusChange[] }) | null;
  applications: Array<{
    id: string;
    postId: string;
    postTitle: string | null;
    employerName: string | null;
    status: ApplicationStatus;
    interviewAt: string | null;
    interviewPlace: string | null;
    createdAt: string;
    steps: Array<{ status: ApplicationStatus; note: string | null; interviewAt: string | null; interviewPlace: string | null; byRole: string | null; at: string }>;
  }>;
  hires: Array<{ id: string; employerName: string | null; postTitle: string | null; startDate: string; wage: number | null; wageUnit: WageUnit | null; source: HireSource; verified: boolean; verifiedAt: string | null; createdAt: string }>;
  notifications: Array<{ id: string; type: NotificationType; title: string; body: string; readAt: string | null; createdAt: string }>;
  notificationSettings: { mutedTypes: NotificationType[]; sms: boolean } | null;
  /** 有了告诉我: the searches the person saved. */
  savedSearches: Array<{ q: string; townCode: string | null; occupationCode: string | null; type: PostType | null; wageMin: number | null; createdAt: string }>;
  /** 同意记录: the consent on the 求职信息, the 个性化推荐 choice, the WeChat message subscriptions accepted. */
  consents: {
    resident: { method: string; at: string; takenBy: string | null } | null;
    personalizedRecommendations: boolean | null;
    wechatSubscriptions: Array<{ templateId: string; remaining: number }>;
  };
  deletionRequests: MyDeletionRequest[];
  /** Audit entries about the person (their account, 求职信息, applications, hires) or made by them. */
  auditEntries: Array<{ action: string; actorRole: string | null; targetType: string; targetId: string | null; detail: Record<string, unknown>; at: string }>;
}
