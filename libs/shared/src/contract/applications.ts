import type { ApplicationSource, ApplicationStatus, HireKind, HireSource } from '../enums/application';
import type { WageUnit } from '../enums/job-posting';
import type { KeyGroup } from '../enums/resident';

/** POST /applications: a seeker for themself (no residentId), a liaison for a resident of their area. */
export interface ApplicationInput {
  postId: string;
  residentId?: string;
  /** Applying at a 招聘活动's booth: the event is credited with the application and its hire. */
  eventId?: string;
}

/** POST /applications/invitations: an employer invites a matched candidate to apply. */
export interface InvitationInput {
  postId: string;
  residentId: string;
  note?: string;
}

/** PATCH /applications/:id. */
export interface ApplicationPatch {
  status: ApplicationStatus;
  note?: string;
  /** ISO 8601; required when the status becomes interview. */
  interviewAt?: string;
  interviewPlace?: string;
  /** When the status becomes hired: the first working day (YYYY-MM-DD, default today). */
  startDate?: string;
}

export interface ApplicationStep {
  status: ApplicationStatus;
  note: string | null;
  interviewAt: string | null;
  interviewPlace: string | null;
  by: { name: string | null; role: string | null };
  at: string;
}

/** The person as the application shows them: an employer sees the name and phone once the person applied. */
export interface ApplicantSummary {
  id: string;
  name: string;
  /** Masked unless the caller may contact the person (the employer of an application the person made or accepted). */
  phone: string;
  gender: 'male' | 'female' | null;
  age: number | null;
  villageName: string | null;
  townName: string | null;
  skills: string[];
  keyGroups: KeyGroup[];
}

export interface ApplicationItem {
  id: string;
  postId: string;
  post: { id: string; title: string; employerId: string; employerName: string; townName: string | null; status: string };
  resident: ApplicantSummary;
  status: ApplicationStatus;
  source: ApplicationSource;
  /** The 招聘活动 it was made at, if any. */
  eventId: string | null;
  interviewAt: string | null;
  interviewPlace: string | null;
  /** The hire made when the application reached 已入职. */
  hireId: string | null;
  /** That hire's first day (YYYY-MM-DD, China date): before it nobody says "已经上班了". */
  hireStartDate: string | null;
  steps: ApplicationStep[];
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationQuery {
  postId?: string;
  residentId?: string;
  status?: ApplicationStatus;
  cursor?: string;
  limit?: number;
}

/** POST /hires. */
export interface HireInput {
  residentId: string;
  employerId: string;
  postId?: string;
  /** YYYY-MM-DD, the first working day. */
  startDate: string;
  wage?: number;
  wageUnit?: WageUnit;
}

export interface HireItem {
  id: string;
  residentId: string;
  residentName: string;
  /**
   * The person's record has no 身份证号 yet (they applied with a name, phone and 村 only): the person's
   * side gives it with their confirmation (`POST /hires/:id/confirm { idNumber }`), or the liaison adds it.
   */
  idNumberMissing: boolean;
  /** 'flexible': 灵活就业, no employer (employerId null, employerName ''), counted once an admin verifies it. */
  kind: HireKind;
  employerId: string | null;
  employerName: string;
  postId: string | null;
  postTitle: string | null;
  /** 灵活就业: the evidence the liaison gave. */
  evidence: string | null;
  startDate: string;
  wage: number | null;
  wageUnit: WageUnit | null;
  source: HireSource;
  employerConfirmedAt: string | null;
  /** The resident themself or their liaison. */
  personConfirmedAt: string | null;
  /** Set when an admin verified it without both confirmations. */
  adminVerifiedReason: string | null;
  verified: boolean;
  verifiedAt: string | null;
  /**
   * Whether this hire can count as 新增就业 at all: false for a hire from a gig (零工) or shared-staff
   * (共享员工) post, with `notCountedReason` saying why. A verified hire that can count counts from its
   * first working day (`startDate`), once per person and year.
   */
  counts: boolean;
  notCountedReason: string | null;
  createdAt: string;
}

/** POST /hires/:id/confirm: `idNumber` only from the person's side, when their record has none yet. */
export interface HireConfirmInput {
  idNumber?: string;
}

/**
 * POST /hires/flexible (a liaison or admin, a resident of their area): the person is flexibly employed
 * (灵活就业), with evidence; no employer. Counts once an admin of the area verifies it (POST /hires/:id/verify).
 */
export interface FlexibleHireInput {
  residentId: string;
  /** YYYY-MM-DD (China date), today or earlier; today when left out. */
  startDate?: string;
  /** e.g. "近90天零工出勤42天". */
  evidence: string;
}

/** POST /hires/:id/revoke (an admin of the person's area): the verification was wrong; audit-logged. */
export interface HireRevokeInput {
  reason: string;
}

/** POST /hires/:id/verify (admin): verify without both confirmations, with a reason; audit-logged. */
export interface HireVerifyInput {
  reason: string;
}

export interface HireQuery {
  year?: number;
  residentId?: string;
  verified?: boolean;
  cursor?: string;
  limit?: number;
}
