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

/** PATCH /residents/:id: any field except the 身份证号 (the person) and the consent. */
export type ResidentPatch = Partial<Omit<ResidentInput, 'idNumber' | 'consent'>> & {
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
  /** Masked: 3704**********1234. */
  idNumber: string;
  /** Masked: 139****1234. */
  phone: string;
  gender: Gender;
  birthDate: string;
  age: number;
  villageCode: string;
  villageName: string | null;
  townCode: string;
  townName: string | null;
  education: EducationLevel | null;
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
  idNumber: string;
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
