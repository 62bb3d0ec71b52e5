import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { index } from './table-helpers';

/**
 * Name search in the residents list (`q` = part of a name). `name LIKE '%…%'` cannot seek an index, so
 * these narrow indexes let MySQL/MariaDB test the names inside the index and read only the records
 * that match: within a 镇街 (town_code, name, created_at), district-wide (name, created_at). See
 * residents/resident-name-search.ts and bench/residents-list.bench.mjs.
 */
export class ResidentsNameSearch1764000000000 implements MigrationInterface {
  name = 'ResidentsNameSearch1764000000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const i of NAME_INDEXES) await qr.createIndex('residents', new TableIndex(i));
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const i of NAME_INDEXES) await qr.dropIndex('residents', i.name as string);
  }
}

const NAME_INDEXES = [index('idx_residents_town_name', ['town_code', 'name', 'created_at']), index('idx_residents_name', ['name', 'created_at'])];
