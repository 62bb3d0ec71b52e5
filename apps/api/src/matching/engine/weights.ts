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
/** …only for people who can do the work: a trade fit at least this (a related occupation or half the skills). */
export const KEY_GROUP_MIN_TRADE = 0.5;

/** Occupation fit by how close the codes are. */
export const OCCUPATION_FIT = {
  sameLeaf: 1,
  /** The person's skills name the post's occupation (会电焊 for an 电焊工 post). */
  skillNamesLeaf: 0.9,
  /** Another leaf sharing a synonym (电焊工 and 氩弧焊工 share 焊工). */
  sharedSynonym: 0.7,
  sameGroup: 0.55,
  /** One's name or synonym contains the other's (打包发货 and 打包, 数控车工 and 车工). */
  relatedName: 0.5,
  sameMajorGroup: 0.2,
} as const;

/** A skill asked for that the person names only by a broader word (焊工 for 二保焊) counts this much. */
export const SKILL_BROADER_CREDIT = 0.7;
/** A skill concept met only at group level counts this much of a full match. */
export const SKILL_GROUP_CREDIT = 0.5;
/** A post that asks for no skill scores this on skills, unless the person names its occupation (then 1). */
export const NO_SKILLS_ASKED_FIT = 0.3;

/**
 * Distance, wage, schedule and freshness count in full for work of the person's trade and only this
 * share for work outside it: a near, well-paid post is no use to someone who cannot do it.
 */
export const OFF_TRADE_CONTEXT_SHARE = 0.3;

/** Estimated km when coordinates are missing on either side. */
export const ESTIMATED_KM = { sameVillage: 1, sameTown: 4, otherTown: 16 } as const;
/**
 * An estimated distance excludes a pair only beyond this multiple of the person's limit (a measured
 * one at the limit itself): 16 km to another 镇街 is an average, and a village on the boundary may be
 * 5 km from the next 镇街's works. So a 10 km limit excludes other 镇街, a 15 km one does not.
 */
export const ESTIMATE_EXCLUDE_FACTOR = 1.5;
/** Distance score falls to zero at the person's own limit, or at this many km when they gave none. */
export const DEFAULT_REACH_KM = 30;
/** A 镇街 the person said they want to work in counts as near as their own 镇街: they chose it. */
export const DESIRED_TOWN_KM = ESTIMATED_KM.sameTown;

/** A post whose best pay is below this share of the expectation is left out. */
export const WAGE_FLOOR_SHARE = 0.8;
/** Wage fit, all in 元/月 (日薪 × 21.75, 时薪 × 8 × 21.75). */
export const WAGE_FIT = {
  /** The person gave no expectation. */
  noExpectation: 0.7,
  /** The lowest pay offered meets the expectation… */
  meets: 0.9,
  /** …rising to 1 when it is this share above it (50 %: 3000 against 2000). */
  fullAbove: 0.5,
  /** Only the top of the range meets the expectation. */
  rangeMeets: 0.75,
  /** Even the top is below it: from this at the floor (WAGE_FLOOR_SHARE) … */
  atFloor: 0.2,
  /** … to this just under the expectation. */
  justBelow: 0.6,
} as const;
/**
 * Taken off the score of a post whose best pay is below the person's expectation (it is shown, if at
 * all, after the posts that pay what they asked, and never with a reason about pay).
 */
export const BELOW_EXPECTATION_PENALTY = 0.05;
/** Piece rates cannot be compared with an expectation: they score this on wage. */
export const PIECE_RATE_WAGE_FIT = 0.5;

/** A person who gave no availability scores this on schedule. */
export const UNKNOWN_SCHEDULE_FIT = 0.6;
/** A schedule that fits but is not the post's own (a 零工 taking a 兼职 post) scores this; the post's own 1. */
export const SECOND_SCHEDULE_FIT = 0.8;

/** Posts older than this many days get no freshness credit (it falls evenly from 1 when new). */
export const FRESHNESS_DAYS = 30;
/** A post published or refreshed within this many days says 新发布. */
export const NEW_POST_DAYS = 2;
