import { monthlyEquivalent, REPORTS_TO_HIDE, type Availability, type KeyGroup, type PostStatus, type PostType, type ResidentStatus, type WageUnit } from '@zaogong/shared';
import { ChineseText } from '../common/text/chinese-text';
import type { PostProfile, ResidentProfile } from './engine/types';
import type { SkillVocabulary } from './engine/vocabulary';

/** The resident fields matching reads (a Resident entity fits). */
export interface ResidentSource {
  id: string;
  villageCode: string;
  townCode: string;
  skills: string[];
  desiredOccupations: string[];
  desiredTownCodes: string[];
  maxCommuteKm: number | null;
  expectedWageMin: number | null;
  wageUnit: WageUnit | null;
  availability: Availability[];
  keyGroups: KeyGroup[];
  status: ResidentStatus;
}

/** The post fields matching reads (a JobPosting entity fits). */
export interface PostSource {
  id: string;
  occupationCode: string;
  skills: string[];
  townCode: string;
  villageCode: string | null;
  lat: number | null;
  lng: number | null;
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  type: PostType;
  status: PostStatus;
  openReports: number;
  refreshedAt: Date | null;
  publishedAt: Date | null;
  createdAt: Date;
  expiresAt: Date | null;
}

/**
 * Turns stored residents and posts into the engine's profiles: skills segmented (jieba, with the
 * district's words) and mapped to the taxonomy's concepts, wages put in 元/月.
 */
export class ProfileBuilder {
  constructor(
    private readonly text: ChineseText,
    private readonly vocabulary: SkillVocabulary,
  ) {}

  /** Each skill as the words it holds ("会开叉车" → 开叉车); a skill with no word left stays whole. */
  skillWords(skills: string[]): string[] {
    const out = new Set<string>();
    for (const s of skills) {
      const words = this.text.queryTerms(s);
      for (const w of words.length ? words : [ChineseText.normalise(s).trim()]) if (w) out.add(w);
    }
    return [...out];
  }

  resident(r: ResidentSource, location?: { lat: number; lng: number }): ResidentProfile {
    const skills = this.skillWords(r.skills);
    const expectedWage = r.expectedWageMin !== null ? { amount: r.expectedWageMin, unit: r.wageUnit ?? 'month' } : null;
    return {
      id: r.id,
      villageCode: r.villageCode,
      townCode: r.townCode,
      lat: location?.lat ?? null,
      lng: location?.lng ?? null,
      desiredOccupations: r.desiredOccupations,
      skills,
      skillConcepts: this.vocabulary.conceptsOf(skills),
      desiredTownCodes: r.desiredTownCodes,
      maxCommuteKm: r.maxCommuteKm,
      expectedWage,
      expectedMonthly: expectedWage ? monthlyEquivalent(expectedWage.amount, expectedWage.unit) : null,
      availability: r.availability,
      keyGroups: r.keyGroups,
      status: r.status,
    };
  }

  post(p: PostSource): PostProfile {
    const words = this.skillWords(p.skills);
    return {
      id: p.id,
      occupationCode: p.occupationCode,
      skillsWanted: words.map((word) => ({ word, concepts: [...this.vocabulary.conceptsOf([word])] })),
      townCode: p.townCode,
      villageCode: p.villageCode,
      lat: p.lat,
      lng: p.lng,
      wageMin: p.wageMin,
      wageMax: p.wageMax,
      wageUnit: p.wageUnit,
      monthlyMin: monthlyEquivalent(p.wageMin, p.wageUnit),
      monthlyMax: monthlyEquivalent(p.wageMax, p.wageUnit),
      type: p.type,
      open: p.status === 'published' && p.openReports < REPORTS_TO_HIDE,
      refreshedAt: (p.refreshedAt ?? p.publishedAt ?? p.createdAt).getTime(),
      expiresAt: p.expiresAt?.getTime() ?? null,
    };
  }
}
