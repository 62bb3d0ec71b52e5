import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './table-helpers';

/**
 * Each post keeps its point for "nearest first" (its own, else its 村居's or 镇街's imported centre), with an
 * index the 零工 list searches a bounding box on: GET /gigs over 20,000 open gigs joined every post to the
 * regions and sorted them all (p95 ≈ 0.4 s); a box on an index reads only the posts near the caller.
 */
export class GigPoints1764820000000 implements MigrationInterface {
  name = 'GigPoints1764820000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('job_postings', [new TableColumn(col.decimal('geo_lat', 9, 6, true)), new TableColumn(col.decimal('geo_lng', 9, 6, true))]);
    await qr.createIndex('job_postings', new TableIndex({ name: 'idx_job_postings_point', columnNames: ['type', 'status', 'geo_lat', 'geo_lng'] }));
    const centre = (c: 'lat' | 'lng') =>
      `COALESCE(${c}, (SELECT r.${c} FROM regions r WHERE r.code = job_postings.village_code), (SELECT r.${c} FROM regions r WHERE r.code = job_postings.town_code))`;
    await qr.query(`UPDATE job_postings SET geo_lat = ${centre('lat')}, geo_lng = ${centre('lng')}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('job_postings', 'idx_job_postings_point');
    await qr.dropColumns('job_postings', ['geo_lng', 'geo_lat']);
  }
}
