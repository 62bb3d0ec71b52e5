import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index, timestamps } from './table-helpers';

/**
 * Applications with their steps, hires with both confirmations, the count of new employment (one row
 * per person and year: the table the statistics read), and the yearly targets.
 */
export class ApplicationsAndHires1764300000000 implements MigrationInterface {
  name = 'ApplicationsAndHires1764300000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'applications',
        columns: [
          col.id(),
          col.varchar('post_id', 36),
          col.varchar('resident_id', 36),
          col.varchar('employer_id', 36),
          col.varchar('status', 16),
          col.varchar('source', 16),
          col.varchar('created_by', 36),
          col.datetime('interview_at', true),
          col.varchar('interview_place', 120, true),
          col.varchar('hire_id', 36, true),
          ...timestamps(qr),
        ],
        indices: [
          index('uq_applications_post_resident', ['post_id', 'resident_id'], true),
          index('idx_applications_employer_updated', ['employer_id', 'updated_at']),
          index('idx_applications_resident_updated', ['resident_id', 'updated_at']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'application_steps',
        columns: [
          col.id(),
          col.varchar('application_id', 36),
          col.varchar('status', 16),
          col.varchar('note', 200, true),
          col.datetime('interview_at', true),
          col.varchar('interview_place', 120, true),
          col.varchar('by_user', 36, true),
          col.varchar('by_role', 16, true),
          col.datetime('at'),
        ],
        indices: [index('idx_application_steps_application', ['application_id', 'at'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'hires',
        columns: [
          col.id(),
          col.varchar('resident_id', 36),
          col.varchar('employer_id', 36),
          col.varchar('post_id', 36, true),
          col.varchar('application_id', 36, true),
          col.varchar('start_date', 10),
          col.int('start_year'),
          col.decimal('wage', 10, 2, true),
          col.varchar('wage_unit', 8, true),
          col.varchar('source', 16),
          col.datetime('employer_confirmed_at', true),
          col.varchar('employer_confirmed_by', 36, true),
          col.datetime('person_confirmed_at', true),
          col.varchar('person_confirmed_by', 36, true),
          col.varchar('admin_verified_by', 36, true),
          col.varchar('admin_verified_reason', 200, true),
          { name: 'verified', type: 'boolean', default: '0' },
          col.datetime('verified_at', true),
          col.varchar('created_by', 36),
          ...timestamps(qr),
        ],
        indices: [
          index('idx_hires_resident', ['resident_id', 'start_date']),
          index('idx_hires_year_verified', ['start_year', 'verified', 'resident_id']),
          index('idx_hires_employer', ['employer_id', 'created_at']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'new_employment',
        columns: [
          { ...col.int('year'), isPrimary: true },
          { ...col.varchar('resident_id', 36), isPrimary: true },
          col.varchar('hire_id', 36),
          col.varchar('start_date', 10),
          col.int('month'),
          col.varchar('town_code', 12),
          col.varchar('village_code', 12),
          col.text('key_groups'),
        ],
        indices: [
          index('idx_new_employment_year_town', ['year', 'town_code', 'village_code', 'month']),
          index('idx_new_employment_year_month', ['year', 'month']),
          index('idx_new_employment_year_village', ['year', 'village_code']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'employment_targets',
        columns: [{ ...col.int('year'), isPrimary: true }, { ...col.varchar('region_code', 12), isPrimary: true }, col.int('target')],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['employment_targets', 'new_employment', 'hires', 'application_steps', 'applications']) await qr.dropTable(t);
  }
}
