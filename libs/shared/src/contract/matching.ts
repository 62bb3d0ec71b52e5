import type { JobPostingItem } from './job-postings';
import type { Availability, Gender, KeyGroup, ResidentStatus } from '../enums/resident';

/** GET /matching/residents/:id/posts: a post for this person, best first. */
export interface PostMatch {
  postId: string;
  /** In [0, 1]. */
  score: number;
  /** What a person reads under the post: "想做电焊工", "同镇（桑村镇）", "月薪5000元以上，高于期望4000元". */
  reasons: string[];
  post: JobPostingItem;
}

/** A candidate as an employer sees them: no 身份证号, no phone, the name masked (王**). */
export interface CandidateSummary {
  id: string;
  /** Masked for employers; the full name for the person's liaison and admins. */
  name: string;
  gender: Gender | null;
  age: number | null;
  villageName: string | null;
  townName: string | null;
  skills: string[];
  desiredOccupationNames: string[];
  availability: Availability[];
  /** Always empty for employers (sensitive; they never see key groups); the groups for liaisons and admins. */
  keyGroups: KeyGroup[];
  status: ResidentStatus;
}

/** GET /matching/posts/:id/candidates: a person for this post, best first. */
export interface CandidateMatch {
  residentId: string;
  score: number;
  /** For employers, never a key-group reason (…，优先推荐). */
  reasons: string[];
  resident: CandidateSummary;
}

export interface MatchList<T> {
  items: T[];
  /**
   * false when the person switched personalised recommendations off (个人信息保护法 第二十四条): the
   * items are then nearby posts, newest first, not ranked by their profile.
   */
  personalized: boolean;
}

/** PUT /me/preferences (seeker). */
export interface SeekerPreferences {
  /** Personalised recommendations (为你推荐) on or off; on by default. */
  personalizedRecommendations: boolean;
}
