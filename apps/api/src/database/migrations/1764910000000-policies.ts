import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index, timestamps } from './table-helpers';

/**
 * 政策找人: policies as data (who they are for as rules over the ledger), and one row per policy and person
 * (or firm) found eligible — written once, so each is told once — with what the liaison has done about it.
 * Residents get 毕业时间 (YYYY-MM), which the graduate policies need.
 */
export class Policies1764910000000 implements MigrationInterface {
  name = 'Policies1764910000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'policies',
        columns: [
          col.id(),
          col.varchar('title', 80),
          col.varchar('issuer', 80),
          col.varchar('doc_number', 60, true),
          col.text('summary'),
          col.text('benefit'),
          col.varchar('audience', 16),
          col.text('rules'),
          col.text('materials', true),
          col.text('how_to_apply'),
          col.varchar('contact_phone', 20, true),
          col.varchar('valid_from', 10),
          col.varchar('valid_to', 10, true),
          col.varchar('source_url', 500, true),
          col.varchar('status', 16),
          col.varchar('created_by', 36, true),
          ...timestamps(qr),
        ],
        indices: [index('idx_policies_status', ['status', 'valid_from'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'policy_matches',
        columns: [
          { ...col.varchar('policy_id', 36), isPrimary: true },
          { ...col.varchar('subject_id', 36), isPrimary: true },
          col.varchar('subject_kind', 16),
          col.varchar('town_code', 12),
          col.varchar('village_code', 12, true),
          { name: 'eligible', type: 'boolean', default: '1' },
          col.text('reasons'),
          col.datetime('first_eligible_at'),
          col.datetime('checked_at'),
          col.datetime('notified_at', true),
          { ...col.varchar('outreach', 16), default: "'not_contacted'" },
          col.varchar('outreach_note', 200, true),
          col.varchar('outreach_by', 36, true),
          col.datetime('outreach_at', true),
        ],
        indices: [index('idx_policy_matches_town', ['policy_id', 'town_code', 'village_code']), index('idx_policy_matches_subject', ['subject_id'])],
      }),
    );
    await qr.addColumn('residents', new TableColumn(col.varchar('graduation_date', 7, true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('residents', 'graduation_date');
    await qr.dropTable('policy_matches');
    await qr.dropTable('policies');
  }
}
