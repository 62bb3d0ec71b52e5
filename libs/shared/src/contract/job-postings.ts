import type { Benefit, PostStatus, PostType, WageUnit } from '../enums/job-posting';

export interface JobPostingEmployer {
  id: string;
  name: string;
  verified: boolean;
}

/** A post as the public list and detail show it. */
export interface JobPostingItem {
  id: string;
  title: string;
  occupationCode: string;
  occupationName: string | null;
  description: string;
  skills: string[];
  wageMin: number;
  wageMax: number;
  wageUnit: WageUnit;
  type: PostType;
  headcount: number;
  townCode: string;
  townName: string | null;
  villageCode: string | null;
  lat: number | null;
  lng: number | null;
  benefits: Benefit[];
  startDate: string | null;
  endDate: string | null;
  status: PostStatus;
  publishedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
  employer: JobPostingEmployer;
}

export interface JobPostingQuery {
  q?: string;
  townCode?: string;
  occupationCode?: string;
  type?: PostType;
  wageMin?: number;
  cursor?: string;
  limit?: number;
}
