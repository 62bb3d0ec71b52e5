import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './table-helpers';

/**
 * 灵活就业: a hire may be a person's flexible employment, recorded by their liaison with evidence and
 * no employer (hires.kind 'flexible', employer_id empty); it counts once an admin verifies it.
 */
export class FlexibleEmployment1764600000000 implements MigrationInterface {
  name = 'FlexibleEmployment1764600000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('hires', [new TableColumn({ ...col.varchar('kind', 16), default: "'job'" }), new TableColumn(col.varchar('evidence', 200, true))]);
    await qr.changeColumn('hires', 'employer_id', new TableColumn(col.varchar('employer_id', 36, true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query("DELETE FROM hires WHERE kind = 'flexible'");
    await qr.changeColumn('hires', 'employer_id', new TableColumn(col.varchar('employer_id', 36)));
    await qr.dropColumns('hires', ['evidence', 'kind']);
  }
}
