import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './table-helpers';

/**
 * 村居/镇街 centre points: regions.lat/lng are filled only by an admin's import (POST /regions/centres),
 * which also records where each point came from and when it was imported.
 */
export class RegionCentres1764810000000 implements MigrationInterface {
  name = 'RegionCentres1764810000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('regions', new TableColumn(col.varchar('centre_source', 100, true)));
    await qr.addColumn('regions', new TableColumn(col.datetime('centre_updated_at', true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('regions', 'centre_updated_at');
    await qr.dropColumn('regions', 'centre_source');
  }
}
