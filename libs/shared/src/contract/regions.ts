import type { RegionLevel } from '../enums/region-level';

export interface RegionItem {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /**
   * The 镇街's or 村居's centre point (村委会/镇政府驻地), null until an admin imports one
   * (POST /regions/centres); never invented. Posts without a map point are ranked by it.
   */
  lat: number | null;
  lng: number | null;
}

/** How many 镇街 or 村居 there are, and how many of them have a centre point. */
export interface RegionCentreCount {
  total: number;
  withCentre: number;
}

/** GET /regions/centres (the district admin): the import's state at a glance. */
export interface RegionCentresSummary {
  towns: RegionCentreCount;
  villages: RegionCentreCount;
  /** When a centre was last imported (ISO), null when never. */
  lastUpdatedAt: string | null;
}

/** One refused row of a centre-point upload: `row` is the row number Excel (or the CSV line) shows. */
export interface RegionCentreRowError {
  row: number;
  /** code | lat | lng | source */
  field: string;
  message: string;
}

/** POST /regions/centres: every row written (all or nothing). */
export interface RegionCentresImportResult {
  updated: number;
  towns: number;
  villages: number;
}

/** The 400 of a centre-point upload with bad rows: nothing was written; `errors` names each row. */
export interface RegionCentresImportRefusal {
  statusCode: 400;
  message: string;
  errors: RegionCentreRowError[];
}
