import type { EventCheckInVia, EventEmployerStatus, EventKind, EventPhase, EventSeries, EventSignupStatus, EventStatus, LivePlatform } from '../enums/event';
import type { WageUnit } from '../enums/job-posting';

/**
 * 招聘活动 (recruitment events). Times are ISO 8601 instants; the mini-app shows them in China time.
 * docs/business-logic/events.md says the rules in words; API.md "招聘活动" is the contract.
 */

/** POST /events (PATCH /events/:id takes any of these). */
export interface EventInput {
  title: string;
  /** A series code (EVENT_SERIES) or its Chinese name ("春风行动"); default other. */
  series?: EventSeries | string;
  kind: EventKind;
  startsAt: string;
  endsAt: string;
  /** The 镇街 it is held for (an officer: their own); none = the whole district (the district admin's). */
  townCode?: string;
  /** A 村居 of that 镇街, for a 村居小型招聘会. */
  villageCode?: string;
  /** 现场: where (required for onsite). */
  address?: string;
  lat?: number;
  lng?: number;
  /** 直播: the link to the stream (required for livestream) and where it is watched. */
  liveUrl?: string;
  livePlatform?: LivePlatform;
  /** Places for seekers; beyond it sign-ups wait. None = no limit. */
  capacity?: number;
  description: string;
  /** The phone people call about the event (the 村居 or 镇街 window). */
  contactPhone?: string;
}

/** A post an employer brings to an event. */
export interface EventPostSummary {
  id: string;
  title: string;
  headcount: number;
  wageMin: number | null;
  wageMax: number | null;
  wageUnit: WageUnit | null;
  /** The post is still open for applications. */
  open: boolean;
}

export interface EventEmployerItem {
  employerId: string;
  employerName: string;
  status: EventEmployerStatus;
  /** 展位号, given when approved. */
  booth: string | null;
  /** Why it was turned down. */
  reason: string | null;
  posts: EventPostSummary[];
  requestedAt: string;
}

export interface EventSignupItem {
  id: string;
  eventId: string;
  eventTitle: string;
  residentId: string;
  /** The person's name: in full for themself, their liaison and the organiser's staff. */
  residentName: string;
  villageName: string | null;
  /** The short code on the ticket (8 characters) and the text of its QR. */
  ticketCode: string;
  ticketQrText: string;
  status: EventSignupStatus;
  /** Place in the waiting list (1 = next), when waitlisted. */
  waitlistPosition: number | null;
  checkedInAt: string | null;
  checkInVia: EventCheckInVia | null;
  /** A liaison signed the person up. */
  byLiaison: boolean;
  createdAt: string;
}

export interface EventItem {
  id: string;
  title: string;
  series: EventSeries;
  seriesLabel: string;
  kind: EventKind;
  status: EventStatus;
  /** upcoming / ongoing / ended by the clock, or cancelled. */
  phase: EventPhase;
  startsAt: string;
  endsAt: string;
  townCode: string | null;
  townName: string | null;
  villageCode: string | null;
  villageName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  liveUrl: string | null;
  livePlatform: LivePlatform | null;
  capacity: number | null;
  /** Seekers registered (with a ticket) and waiting. */
  registered: number;
  waitlisted: number;
  /** Employers approved and the posts they bring. */
  employerCount: number;
  postCount: number;
  description: string;
  contactPhone: string | null;
  cancelReason: string | null;
  organiserName: string | null;
  createdAt: string;
  /** The caller's own sign-up (a seeker), if any. */
  mySignup: EventSignupItem | null;
  /** The caller's employer's request (an employer), if any. */
  myEmployer: EventEmployerItem | null;
  /** The caller may edit it, review employers, check people in and read the report. */
  canManage: boolean;
}

/** GET /events/:id: with its employers (approved ones for everyone; all requests for the organiser). */
export interface EventDetail extends EventItem {
  employers: EventEmployerItem[];
}

export interface EventQuery {
  /** YYYY-MM-DD (China dates), inclusive. Default from today; no default end. */
  from?: string;
  to?: string;
  townCode?: string;
  series?: string;
  /** Include cancelled and ended events (the organiser's list). */
  all?: boolean | string;
  cursor?: string;
  limit?: number;
}

/** POST /events/:id/employers. */
export interface EventJoinInput {
  postIds: string[];
}

/** POST /events/:id/employers/:employerId/review. */
export interface EventReviewInput {
  approve: boolean;
  booth?: string;
  reason?: string;
}

/** POST /events/:id/signups: a seeker for themself; a liaison for a resident of their area. */
export interface EventSignupInput {
  residentId?: string;
}

/** POST /events/:id/check-in: staff scan a ticket, or the seeker scans the venue's code. */
export interface EventCheckInInput {
  ticketCode?: string;
  venueCode?: string;
}

/** GET /events/:id/venue-code (organiser's staff): the code printed at the door, for the seeker to scan. */
export interface EventVenueCode {
  code: string;
  qrText: string;
  /** The code works from 2 hours before the start until the end. */
  validFrom: string;
  validTo: string;
}

/** GET /events/:id/report: the 人社局's figures after a fair; hires grow as hires are confirmed. */
export interface EventReport {
  eventId: string;
  title: string;
  series: EventSeries;
  seriesLabel: string;
  startsAt: string;
  endsAt: string;
  place: string;
  /** 参会企业数: employers approved. */
  employers: number;
  /** 提供岗位数: the posts they brought. */
  posts: number;
  /** 招聘人数: the headcount of those posts. */
  headcount: number;
  /** Registered (with a ticket, not cancelled). */
  signups: number;
  /** 进场人数. */
  checkIns: number;
  /** 达成意向人数: people who applied at the event. */
  applications: number;
  /** 录用人数: hires from the event's applications that are confirmed (count toward 新增就业). */
  hires: number;
  /** Hires recorded from the event's applications and still waiting for confirmation. */
  hiresPending: number;
  /** Per employer: its booth, posts, applications and hires. */
  byEmployer: { employerId: string; employerName: string; booth: string | null; posts: number; headcount: number; applications: number; hires: number }[];
  generatedAt: string;
}

/** GET /events/summary?year=&series=: the season's events added up per series. */
export interface EventSeriesSummary {
  year: number;
  items: {
    series: EventSeries;
    label: string;
    events: number;
    employers: number;
    posts: number;
    headcount: number;
    signups: number;
    checkIns: number;
    applications: number;
    hires: number;
  }[];
}

/** A printed poster (one per post or event and 村居 board); scans of its code are counted. */
export interface PosterScanTarget {
  posterId: string;
  kind: 'post' | 'event';
  targetId: string;
  /** Where the mini-app opens. */
  page: string;
}

/** GET /stats/posters?postId=|eventId=: scans per poster, so the district sees which boards work. */
export interface PosterStats {
  total: number;
  items: { posterId: string; villageCode: string | null; villageName: string | null; createdByName: string | null; scans: number; lastScanAt: string | null; createdAt: string }[];
}
