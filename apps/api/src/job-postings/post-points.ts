import type { EntityManager } from 'typeorm';

/**
 * A post's point for "nearest first" (geo_lat, geo_lng): its own map point, else its 村居's centre, else its
 * 镇街's (centres are imported by an admin, never invented). Kept on the row so the 零工 list can search a
 * bounding box on an index instead of joining the regions for every post. Refreshed when a post is written
 * (`ids`) and, for every post without a point of its own, when centres are imported (`'unplaced'`).
 */
export async function refreshPostPoints(em: EntityManager, which: string[] | 'unplaced'): Promise<void> {
  if (Array.isArray(which) && which.length === 0) return;
  const centre = (col: 'lat' | 'lng') =>
    `COALESCE(${col}, (SELECT r.${col} FROM regions r WHERE r.code = job_postings.village_code), (SELECT r.${col} FROM regions r WHERE r.code = job_postings.town_code))`;
  const ids = which === 'unplaced' ? [] : which;
  const where = which === 'unplaced' ? 'lat IS NULL OR lng IS NULL' : `id IN (${ids.map(() => '?').join(', ')})`;
  await em.query(`UPDATE job_postings SET geo_lat = ${centre('lat')}, geo_lng = ${centre('lng')} WHERE ${where}`, ids);
}
