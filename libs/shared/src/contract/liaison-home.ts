import type { ApplicationStatus } from '../enums/application';

/**
 * 今日要办 (GET /liaison/today): an application of one of the liaison's people that has sat in an open
 * step (已投递, 已查看, 面试, 录用) this many days without any change is worth a phone call.
 */
export const LIAISON_STALE_APPLICATION_DAYS = 7;
/** 今日要办: someone 求职中 who has not applied anywhere in this many days is worth a call. */
export const LIAISON_QUIET_SEEKER_DAYS = 30;
/** 今日要办: items shown per group unless the caller asks for more (`limit`, at most LIAISON_TODAY_LIMIT_MAX). */
export const LIAISON_TODAY_LIMIT_DEFAULT = 3;
export const LIAISON_TODAY_LIMIT_MAX = 50;
/** The open steps of an application that a liaison follows up when nothing moves. */
export const LIAISON_FOLLOWED_STATUSES: readonly ApplicationStatus[] = ['applied', 'viewed', 'interview', 'offered'];

/** GET /liaison/villages?regionCode=: one row per 村居 of the area (per 镇街 for the whole district). */
export interface LiaisonArea {
  code: string;
  name: string;
  level: 'town' | 'village';
  /** Registered people whose status is 求职中. */
  seeking: number;
  /**
   * 今年已就业: distinct people with a verified hire whose first working day is in this calendar year and
   * has come (China date): the rule of GET /stats/employment, by the 村居 recorded when it was verified.
   */
  employedThisYear: number;
  /** 待确认上班: hires whose first day has come and that still wait for the person's side (本人或联络员). */
  toConfirm: number;
}

export interface LiaisonVillages {
  /** The area asked for (the caller's own unless they named one inside it). */
  regionCode: string;
  regionName: string;
  year: number;
  /** Today as a China date, YYYY-MM-DD. */
  today: string;
  items: LiaisonArea[];
}

/** A group of 今日要办: how many there are, and the first few. */
export interface LiaisonTodoGroup<T> {
  total: number;
  items: T[];
}

/** A hire to confirm: the first day has come, the person's side has not confirmed. */
export interface LiaisonHireTodo {
  hireId: string;
  residentId: string;
  residentName: string;
  villageName: string | null;
  employerName: string;
  postTitle: string | null;
  startDate: string;
}

/** An application in an open step with no change for LIAISON_STALE_APPLICATION_DAYS or more. */
export interface LiaisonApplicationTodo {
  applicationId: string;
  residentId: string;
  residentName: string;
  villageName: string | null;
  postId: string;
  postTitle: string;
  employerName: string;
  status: ApplicationStatus;
  /** When it last changed (ISO). */
  since: string;
  /** Whole days since then. */
  days: number;
}

/** Someone 求职中 who has not applied anywhere for LIAISON_QUIET_SEEKER_DAYS days (or ever). */
export interface LiaisonCallTodo {
  residentId: string;
  residentName: string;
  villageName: string | null;
  /** Their latest application (ISO), null when they never applied. */
  lastAppliedAt: string | null;
  registeredAt: string;
}

/** GET /liaison/today?regionCode=&limit=: what the liaison (or an admin, for an area they see) should do today. */
export interface LiaisonToday {
  regionCode: string;
  today: string;
  staleDays: number;
  quietDays: number;
  hiresToConfirm: LiaisonTodoGroup<LiaisonHireTodo>;
  staleApplications: LiaisonTodoGroup<LiaisonApplicationTodo>;
  toCall: LiaisonTodoGroup<LiaisonCallTodo>;
}
