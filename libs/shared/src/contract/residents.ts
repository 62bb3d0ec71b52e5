import type {
  Availability,
  ConsentMethod,
  EducationLevel,
  Gender,
  KeyGroup,
  ResidentStatus,
} from '../enums/resident';
import type { WageUnit } from '../enums/job-posting';

export interface ConsentInput {
  method: ConsentMethod;
  /** ISO 8601 time the person agreed, e.g. "2026-11-20T09:00:00+08:00". */
  at: string;
}

/** POST /residents and PUT /me/profile. */
export interface ResidentInput {
  name: string;
  idNumber: string;
  phone: string;
  villageCode: string;
  education?: EducationLevel;
  /** 毕业时间 (YYYY-MM), for the graduate policies. */
  graduationDate?: string;
  skills: string[];
  /** Occupation leaf codes. */
  desiredOccupations: string[];
  desiredTownCodes?: string[];
  maxCommuteKm?: number;
  expectedWageMin?: number;
  wageUnit?: WageUnit;
  availability: Availability[];
  keyGroups?: KeyGroup[];
  consent: ConsentInput;
}

/**
 * PATCH /residents/:id: any field except the 身份证号 (the person) and the consent. A field left out keeps
 * its value; the expected wage and the commute distance are cleared only by sending them as null (the
 * form's 不限), which clears the wage unit with the wage.
 */
export type ResidentPatch = Partial<Omit<ResidentInput, 'idNumber' | 'consent' | 'maxCommuteKm' | 'expectedWageMin' | 'wageUnit'>> & {
  maxCommuteKm?: number | null;
  expectedWageMin?: number | null;
  wageUnit?: WageUnit;
  status?: ResidentStatus;
  /** Why the status changed (kept in the history), e.g. "在桑村塑编厂上班". */
  statusNote?: string;
};

export interface ResidentStatusChange {
  status: ResidentStatus;
  previousStatus: ResidentStatus | null;
  note: string | null;
  changedBy: { id: string | null; name: string | null; role: string | null };
  changedAt: string;
}

/** A resident as every response shows it: 身份证号 and phone masked. */
export interface ResidentItem {
  id: string;
  name: string;
  /** Masked: 3704**********1234. Null until given (a seeker who applied with a name, phone and 村 only). */
  idNumber: string | null;
  /** Masked: 139****1234. */
  phone: string;
  /** Gender, birth date and age are read from the 身份证号: null while there is none. */
  gender: Gender | null;
  birthDate: string | null;
  age: number | null;
  villageCode: string;
  villageName: string | null;
  townCode: string;
  townName: string | null;
  education: EducationLevel | null;
  graduationDate: string | null;
  skills: string[];
  desiredOccupations: string[];
  desiredTownCodes: string[];
  maxCommuteKm: number | null;
  expectedWageMin: number | null;
  wageUnit: WageUnit | null;
  availability: Availability[];
  keyGroups: KeyGroup[];
  status: ResidentStatus;
  /** `takenBy`: the name of the person who took the consent (the liaison, or the person themselves). */
  consent: { method: ConsentMethod; at: string; takenBy: string | null };
  /** True when the person has their own seeker account linked to this record. */
  selfRegistered: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ResidentDetail extends ResidentItem {
  history: ResidentStatusChange[];
}

export interface ResidentQuery {
  villageCode?: string;
  townCode?: string;
  status?: ResidentStatus;
  keyGroup?: KeyGroup;
  /** Name (part of it), or a full 身份证号 or phone number. */
  q?: string;
  cursor?: string;
  limit?: number;
}

/** POST /residents/:id/reveal (admin, with a reason): the full values, audit-logged. */
export interface RevealRequest {
  reason: string;
}
export interface RevealResponse {
  id: string;
  idNumber: string | null;
  phone: string;
}

/**
 * POST /residents/:id/call, POST /employers/:id/call (打电话): the full number for the call about to be
 * made; audit-logged (without the number). Screens keep showing the masked one.
 */
export interface PhoneCallResponse {
  phone: string;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: { id: string | null; name: string | null; role: string | null };
  targetType: string;
  targetId: string | null;
  /** What happened, never personal data. */
  detail: Record<string, unknown>;
  ip: string | null;
  at: string;
}

/** One row of the import report. */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}
export interface ImportReport {
  dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  failed: number;
  errors: ImportRowError[];
}

/** GET /stats/labor?regionCode=: 人力资源地图, one row per child area (镇街 of the district, 村居 of a 镇街). */
export interface LaborMapRow {
  code: string;
  name: string;
  total: number;
  byStatus: Record<ResidentStatus, number>;
  byKeyGroup: Record<KeyGroup, number>;
}
export interface LaborMap {
  regionCode: string;
  regionName: string;
  total: LaborMapRow;
  items: LaborMapRow[];
}

/** POST /residents/id-check (liaison, admin): is this 身份证号 registered already? Asked as soon as it is typed. */
export interface ResidentIdCheckRequest {
  idNumber: string;
}
/**
 * `valid`: the number passes the GB 11643 checks (else `message` says what is wrong). `exists`: a record
 * has it. `residentId` and `villageName` only when that record lies in the caller's own area; for
 * someone registered elsewhere only `exists` (and `servicePhone`, whom to ask), nothing about them.
 */
export interface ResidentIdCheck {
  valid: boolean;
  exists: boolean;
  message?: string;
  residentId?: string;
  villageName?: string | null;
  /** Registered outside the caller's area: ask the 人社局 on this number. */
  servicePhone?: string;
}

/**
 * POST /me/profile/quick (seeker): the record a first application needs — a name, a phone and a 村. The
 * phone is the account's own when it has one; else `phoneCode` (WeChat 手机号快速验证) or a typed `phone`.
 * The 身份证号 comes later (PUT /me/profile, a hire's confirmation, or the liaison's PATCH).
 */
export interface QuickProfileInput {
  name: string;
  phone?: string;
  phoneCode?: string;
  villageCode: string;
  /** The work applied for, kept as 想做的工作. */
  desiredOccupations?: string[];
}
