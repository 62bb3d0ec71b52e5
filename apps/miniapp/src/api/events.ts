import type {
  EventCheckInInput,
  EventDetail,
  EventEmployerItem,
  EventInput,
  EventItem,
  EventQuery,
  EventReport,
  EventReviewInput,
  EventSeries,
  EventSeriesSummary,
  EventSignupItem,
  EventVenueCode,
  Page,
} from '@zaogong/shared';
import { buildQuery, request, type RequestOptions } from './client';

type Opts = Pick<RequestOptions, 'toast'>;

const at = (id: string) => `/events/${encodeURIComponent(id)}`;

/** 招聘活动 (春风行动, 职等你来, 直播带岗): API.md "招聘活动". */
export const eventsApi = {
  /** Anyone, no login needed; upcoming first. `all` adds ended and cancelled ones (the organiser's list). */
  list: (query: EventQuery, o?: Opts) => request<Page<EventItem>>('/events', { query: { ...query, all: query.all ? 'true' : undefined }, ...o }),
  /** With its employers (approved ones for everyone; every request for the organiser) and the caller's own place. */
  get: (id: string, o?: Opts) => request<EventDetail>(at(id), { ...o }),
  /** Admins; a 镇街 officer for their own 镇街. */
  create: (body: EventInput, o?: Opts) => request<EventItem>('/events', { method: 'POST', body, ...o }),
  patch: (id: string, body: Partial<EventInput>, o?: Opts) => request<EventItem>(at(id), { method: 'PATCH', body, ...o }),
  cancel: (id: string, reason: string, o?: Opts) => request<EventItem>(`${at(id)}/cancel`, { method: 'POST', body: { reason }, ...o }),

  /** An employer brings its own published posts; the organiser reviews the request. */
  join: (id: string, postIds: string[], o?: Opts) =>
    request<EventEmployerItem>(`${at(id)}/employers`, { method: 'POST', body: { postIds }, ...o }),
  review: (id: string, employerId: string, body: EventReviewInput, o?: Opts) =>
    request<EventEmployerItem>(`${at(id)}/employers/${encodeURIComponent(employerId)}/review`, { method: 'POST', body, ...o }),

  /** A seeker for themself, a liaison for a resident of their area; 409 when already signed up. */
  signUp: (id: string, residentId: string | undefined, o?: Opts) =>
    request<EventSignupItem>(`${at(id)}/signups`, { method: 'POST', body: residentId ? { residentId } : {}, ...o }),
  /** A seeker's own tickets; a liaison's residents' (of one event with `eventId`). */
  mySignups: (query: { eventId?: string; cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<EventSignupItem>>('/events/signups', { query: { ...query }, ...o }),
  cancelSignup: (signupId: string, o?: Opts) =>
    request<EventSignupItem>(`/events/signups/${encodeURIComponent(signupId)}`, { method: 'DELETE', ...o }),
  /** The door list: the organiser and the liaisons of its 镇街. */
  doorList: (id: string, query: { cursor?: string; limit?: number }, o?: Opts) =>
    request<Page<EventSignupItem>>(`${at(id)}/signups`, { query: { ...query }, ...o }),
  /** Staff with a ticket's code, or the seeker with the venue's code. The same ticket twice is once (same checkedInAt). */
  checkIn: (id: string, body: EventCheckInInput, o?: Opts) =>
    request<EventSignupItem>(`${at(id)}/check-in`, { method: 'POST', body, ...o }),
  /** The code printed at the door (the organiser). */
  venueCode: (id: string, o?: Opts) => request<EventVenueCode>(`${at(id)}/venue-code`, { ...o }),

  report: (id: string, o?: Opts) => request<EventReport>(`${at(id)}/report`, { ...o }),
  summary: (year: number, series: EventSeries | undefined, o?: Opts) =>
    request<EventSeriesSummary>('/events/summary', { query: { year, series }, ...o }),
};

/** The workbooks (downloaded with the bearer token: api/files.ts downloadXlsx). */
export const EVENT_FILES = {
  report: (id: string) => `${at(id)}/report.xlsx`,
  summary: (year: number, series?: EventSeries) => `/events/summary.xlsx${buildQuery({ year, series })}`,
};
