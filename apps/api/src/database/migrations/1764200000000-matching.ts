import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './table-helpers';

/** Matching: a seeker's switch for personalised recommendations, and employers' daily candidate views. */
export class Matching1764200000000 implements MigrationInterface {
  name = 'Matching1764200000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('residents', new TableColumn({ name: 'personalized_recommendations', type: 'boolean', default: '1' }));
    await qr.createTable(
      new Table({
        name: 'candidate_view_quotas',
        columns: [{ ...col.varchar('employer_id', 36), isPrimary: true }, { ...col.varchar('day', 10), isPrimary: true }, col.int('views')],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('candidate_view_quotas');
    await qr.dropColumn('residents', 'personalized_recommendations');
  }
}
