import type { DisputeReason, DisputeStatus, GigPayMethod, GigSignupStatus } from '../enums/gig';
import type { Page } from './common';
import type { JobPostingItem } from './job-postings';

/**
 * 零工市场 (day labour). A gig is a post with `type: "gig"`; each of its working days has its own roster
 * of sign-ups. Dates are China dates (YYYY-MM-DD). docs/business-logic/gigs.md says the rules in words.
 */

/** GET /gigs: one open gig post with its working days ahead and the places left on each. */
export interface GigItem {
  post: JobPostingItem;
  /** From the caller's point (lat/lng), when both have coordinates; else null. */
  distanceKm: number | null;
  /** How the list placed it when there was no distance: same 村居, same 镇街, or elsewhere. */
  nearness: 'distance' | 'village' | 'town' | 'elsewhere';
  /** The post's working days within the asked window. */
  dates: GigDay[];
  /** Places left on the first of those days. */
  spotsLeft: number;
  /** The employer has a 权益维护 case open for more than 7 days. */
  employerWarning: string | null;
}

export interface GigDay {
  date: string;
  headcount: number;
  confirmed: number;
  spotsLeft: number;
  waitlisted: number;
  /** The employer closed sign-ups for that day. */
  closed: boolean;
}

export interface GigPage extends Page<GigItem> {
  /** The radius the list used (it widens when nothing is within the asked one), or null without a point. */
  radiusKm: number | null;
}

export interface GigQuery {
  lat?: number;
  lng?: number;
  radiusKm?: number;
  /** One day; without it, today and the next 2 days. */
  date?: string;
  townCode?: string;
  /** Without coordinates: the caller's 村居 (a seeker's own is used when logged in). */
  villageCode?: string;
  cursor?: string;
  limit?: number;
}

/** POST /gigs/:postId/signups. */
export interface GigSignupInput {
  date: string;
  /** A liaison signs up a resident of their area; a seeker signs up themself (no residentId). */
  residentId?: string;
}

export interface GigSignupItem {
  id: string;
  postId: string;
  postTitle: string;
  employerName: string;
  address: string | null;
  date: string;
  /** When work starts that day (HH:mm, China time; the post's, or 08:00 when it says none). */
  workStartTime: string;
  status: GigSignupStatus;
  /** Place in the waiting list (1 = next), when waitlisted. */
  waitPosition: number | null;
  resident: { id: string; name: string; phone: string; villageName: string | null };
  /** Who signed up: the person, or their liaison for them. */
  source: 'self' | 'liaison';
  checkInAt: string | null;
  /** Checked in more than 1 km from the site (flagged, not refused). */
  checkInFar: boolean;
  /** A liaison vouched for the person on site instead of the code. */
  checkInVouchedBy: string | null;
  checkOutAt: string | null;
  /** The agreed rate: the post's pay and its unit. */
  agreedWage: { min: number; max: number; unit: string };
  pay: GigPay | null;
  disputeId: string | null;
  /** Ratings given on this day, by side. */
  rated: { byEmployer: boolean; byWorker: boolean };
  /** Only for the post's employer, once the person signed up to it: their 出勤 record. */
  attendance?: GigAttendance;
  createdAt: string;
}

export interface GigPay {
  amount: number;
  method: GigPayMethod;
  paidAt: string;
  recordedAt: string;
  confirmedAt: string | null;
}

export interface GigAttendance {
  daysWorked: number;
  noShows: number;
}

export interface GigRoster {
  postId: string;
  date: string;
  day: GigDay;
  items: GigSignupItem[];
}

/** PATCH /gigs/:postId/days/:date (the employer): close sign-ups, or add places. */
export interface GigDayPatch {
  closed?: boolean;
  headcount?: number;
}

/** GET /gigs/:postId/site-code: the 现场码 for check-in, valid for the minute it was made and the next. */
export interface GigSiteCode {
  code: string;
  qrText: string;
  expiresAt: string;
}

export interface GigCheckInInput {
  /** The 6-digit 现场码 (the worker scans or types it)… */
  code?: string;
  /** …or a liaison vouches for a resident on site. */
  signupId?: string;
  note?: string;
  lat?: number;
  lng?: number;
}

export interface GigPayInput {
  amount: number;
  method: GigPayMethod;
  paidAt: string;
  /** Needed when the amount is far above the agreed rate (a slip of the finger is asked about). */
  confirmUnusual?: boolean;
}

export interface GigDisputeInput {
  reason: DisputeReason;
  note?: string;
}

export interface GigRatingInput {
  stars: number;
  tags?: string[];
  note?: string;
}

/** A 权益维护 case about one day's pay, with the evidence as it stood when it was opened. */
export interface DisputeItem {
  id: string;
  status: DisputeStatus;
  reason: DisputeReason;
  note: string | null;
  signupId: string;
  postId: string;
  postTitle: string;
  employerId: string;
  employerName: string;
  townCode: string;
  townName: string | null;
  worker: { id: string; name: string; phone: string };
  evidence: {
    date: string;
    signedUpAt: string;
    checkInAt: string | null;
    checkOutAt: string | null;
    agreedWage: { min: number; max: number; unit: string };
    pay: GigPay | null;
  };
  steps: { status: DisputeStatus; note: string | null; by: string | null; at: string }[];
  openedAt: string;
  updatedAt: string;
}

export interface DisputePatch {
  status: Exclude<DisputeStatus, 'open'>;
  note: string;
}

/** GET /gigs/free?date= (a liaison or admin): people of the area looking for work with no 零工 that day. */
export interface FreeWorker {
  id: string;
  name: string;
  /** Masked; 打电话 reveals it (POST /residents/:id/call). */
  phone: string;
  villageName: string | null;
  /** They said they take day work (availability includes gig). */
  wantsGigs: boolean;
  /** Days worked through the app, and no-shows. */
  daysWorked: number;
  noShows: number;
}

/** GET /disputes/employers (admins): employers with two or more cases in the last 180 days, to review. */
export interface RepeatEmployer {
  employerId: string;
  employerName: string;
  cases: number;
  /** Still open or in mediation. */
  open: number;
  lastAt: string;
}

export interface GigStats {
  year: number;
  townCode: string | null;
  workerDays: number;
  workers: number;
  employers: number;
  paidTotal: number;
  noShows: number;
  disputes: { open: number; resolved: number };
  byTown: { code: string; name: string; workerDays: number; workers: number; paidTotal: number }[];
  byMonth: { month: number; workerDays: number; paidTotal: number }[];
}
