/** GET /stats/overview: what a liaison, 镇街 officer or district admin sees first for their area. */
export interface RegionOverview {
  regionCode: string;
  regionName: string;
  residents: { total: number; seeking: number };
  /** Published, unexpired posts in the area (a 村居's count is its 镇街's). */
  openPosts: number;
  /** Verified employers registered in the area (a 村居's count is its 镇街's). */
  verifiedEmployers: number;
}

/** GET /stats/employment?year=: new employment (城镇新增就业) counted as distinct people with a verified hire starting that year. */
export interface EmploymentStats {
  year: number;
  target: number;
  count: number;
  byTown: { code: string; name: string; count: number; target?: number }[];
  byMonth: { month: number; count: number }[];
  byKeyGroup: { group: string; count: number }[];
  /** 求人倍率 per occupation group: open headcount of published posts ÷ people looking for that work. */
  supplyDemand: { group: string; name: string; openHeadcount: number; seekers: number; ratio: number | null }[];
  /** 市场工资价位 per occupation group: posted pay in 元/月 equivalent (midpoint of each post's range). */
  wageLevels: { group: string; name: string; posts: number; p25: number; median: number; p75: number }[];
  /** Hires recorded this year still waiting for a confirmation. */
  pending: number;
}

/** PUT /stats/targets/:year (admin): the district target and its split over the 镇街. */
export interface EmploymentTargetsInput {
  district: number;
  towns?: Record<string, number>;
}

/**
 * GET /public/stats?year= (no login): the district's progress for anyone, e.g. a news link. Only aggregates;
 * any figure that counts 1 to 4 people is null (shown as "—"), so nobody can be picked out. Cached ≤ 5 minutes.
 */
export interface PublicStats {
  year: number;
  target: number;
  /** 新增就业 this year (the district's total). */
  count: number;
  byTown: { code: string; name: string; count: number | null; target?: number }[];
  byMonth: { month: number; count: number | null }[];
  /** Published posts open now and the people they ask for. */
  openPosts: number;
  openHeadcount: number;
  /** 求人倍率 per occupation group; `seekers` and `ratio` null where fewer than 5 people seek that work. */
  supplyDemand: { group: string; name: string; openHeadcount: number; seekers: number | null; ratio: number | null }[];
  /** 工资价位 per occupation group, only where at least 5 posts give pay. */
  wageLevels: { group: string; name: string; posts: number; p25: number; median: number; p75: number }[];
  gigs: { workerDays: number | null };
  events: { held: number; hires: number | null };
  /** When these figures were computed (they may be up to 5 minutes old). */
  generatedAt: string;
}
