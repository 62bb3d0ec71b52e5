import type { ApplicationSource, ApplicationStatus, HireSource } from '../enums/application';
import type { WageUnit } from '../enums/job-posting';
import type { KeyGroup } from '../enums/resident';

/** POST /applications: a seeker for themself (no residentId), a liaison for a resident of their area. */
export interface ApplicationInput {
  postId: string;
  residentId?: string;
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
  gender: 'male' | 'female';
  age: number;
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
  interviewAt: string | null;
  interviewPlace: string | null;
  /** The hire made when the application reached 已入职. */
  hireId: string | null;
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
  employerId: string;
  employerName: string;
  postId: string | null;
  postTitle: string | null;
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
  createdAt: string;
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
