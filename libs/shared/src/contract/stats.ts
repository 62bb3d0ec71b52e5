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
