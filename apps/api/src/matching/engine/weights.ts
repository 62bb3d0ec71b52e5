/**
 * Every weight and threshold of the matcher, in one place. docs/business-logic/matching.md explains
 * each in words; change both together.
 */
export const MATCH_WEIGHTS = {
  /** The work itself: the occupation the person wants or can do against the post's. */
  occupation: 0.34,
  /** Skills the post asks for that the person has. */
  skills: 0.18,
  /** How near the work is. */
  distance: 0.2,
  /** Pay against the person's expectation. */
  wage: 0.16,
  /** Full-time, part-time, gig or seasonal, as the person is available. */
  schedule: 0.06,
  /** Newer posts first among equals. */
  freshness: 0.06,
} as const;

/** Added to a candidate's score (then capped at 1) for the key groups employment plans put first. */
export const KEY_GROUP_BONUS = 0.05;

/** Occupation fit by how close the codes are. */
export const OCCUPATION_FIT = {
  sameLeaf: 1,
  /** The person's skills name the post's occupation (会电焊 for an 电焊工 post). */
  skillNamesLeaf: 0.9,
  /** Another leaf sharing a synonym (电焊工 and 氩弧焊工 share 焊工). */
  sharedSynonym: 0.7,
  sameGroup: 0.55,
  sameMajorGroup: 0.2,
} as const;

/** A skill concept met only at group level counts this much of a full match. */
export const SKILL_GROUP_CREDIT = 0.5;

/** Estimated km when coordinates are missing on either side. */
export const ESTIMATED_KM = { sameVillage: 1, sameTown: 6, otherTown: 16 } as const;
/** Distance score falls to zero at the person's own limit, or at this many km when they gave none. */
export const DEFAULT_REACH_KM = 30;
/** A 镇街 the person said they would go to counts as this many km at most. */
export const DESIRED_TOWN_KM = 8;

/** A post whose best pay is below this share of the expectation is left out. */
export const WAGE_FLOOR_SHARE = 0.8;
/** Posts older than this many days get no freshness credit. */
export const FRESHNESS_DAYS = 30;
/** Piece rates cannot be compared with an expectation: they score this on wage. */
export const PIECE_RATE_WAGE_FIT = 0.5;
/** A person who gave no availability scores this on schedule. */
export const UNKNOWN_SCHEDULE_FIT = 0.6;
