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
