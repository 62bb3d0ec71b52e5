import type { Availability, KeyGroup, PostType, ResidentStatus, WageUnit } from '@zaogong/shared';

/**
 * The matching engine's view of a person and of a post: plain data, already normalised (skills
 * mapped to concepts by the vocabulary), so scoring does no I/O and no text segmentation.
 * The engine never reads gender, age or ethnicity.
 */
export interface ResidentProfile {
  id: string;
  villageCode: string;
  townCode: string;
  /** Where the person is, when known (e.g. the seeker's phone location); else the 村居 stands in. */
  lat: number | null;
  lng: number | null;
  /** Occupation leaf codes the person wants. */
  desiredOccupations: string[];
  /** The person's skills as segmented words (电焊, 叉车 …), for reasons. */
  skills: string[];
  /** Concepts of the skills (see vocabulary.ts): words, occupation leaves and groups they name. */
  skillConcepts: ReadonlySet<string>;
  desiredTownCodes: string[];
  maxCommuteKm: number | null;
  /** The expectation as given, and in 元/月 for comparing across units (null: none or piece rate). */
  expectedWage: { amount: number; unit: WageUnit } | null;
  expectedMonthly: number | null;
  availability: Availability[];
  keyGroups: KeyGroup[];
  status: ResidentStatus;
}

export interface PostProfile {
  id: string;
  occupationCode: string;
  /** Each skill the post asks for (a segmented word) with its concepts. */
  skillsWanted: { word: string; concepts: readonly string[] }[];
  townCode: string;
  villageCode: string | null;
  lat: number | null;
  lng: number | null;
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  /** 元/月 equivalents; null for piece rates. */
  monthlyMin: number | null;
  monthlyMax: number | null;
  type: PostType;
  /** Open to applications: published, not expired, not hidden by reports (as of indexing). */
  open: boolean;
  /** Epoch ms of publication or the last refresh. */
  refreshedAt: number;
  /** Epoch ms after which it is no longer open; null for none. */
  expiresAt: number | null;
}

/** Names of places and occupations the reasons mention; supplied by the caller. */
export interface MatchNames {
  occupation(code: string): string | undefined;
  group(code: string): string | undefined;
  region(code: string): string | undefined;
}

export interface MatchResult {
  /** In [0, 1]. */
  score: number;
  reasons: string[];
  /**
   * When `reasons` name the person's key group (…，优先推荐): the reasons without it, for employers,
   * who never learn a person's key group (docs/business-logic/matching.md). Absent otherwise.
   */
  reasonsWithoutKeyGroup?: string[];
}

/** Why a pair was left out before scoring (for tests and the explanation page). */
export type HardFilterFailure = 'closed' | 'not_seeking' | 'schedule' | 'too_far' | 'wage_too_low';
