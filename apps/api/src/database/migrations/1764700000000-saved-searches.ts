import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index } from './table-helpers';

/** 有了告诉我: seekers' saved searches, one row per search, unique per person and criteria. */
export class SavedSearches1764700000000 implements MigrationInterface {
  name = 'SavedSearches1764700000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'saved_searches',
        columns: [
          col.id(),
          col.varchar('user_id', 36),
          col.varchar('q', 30),
          col.varchar('town_code', 12, true),
          col.varchar('occupation_code', 16, true),
          col.varchar('type', 16, true),
          col.int('wage_min', true),
          col.varchar('search_key', 100),
          col.datetime('created_at'),
        ],
        indices: [index('uq_saved_searches_user_key', ['user_id', 'search_key'], true)],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('saved_searches');
  }
}
