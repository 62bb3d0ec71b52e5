import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index } from './table-helpers';

/**
 * Employers and posts: verification notes, join codes for colleagues, the post review and refresh
 * fields, the keyword index of posts (segmented terms, since MariaDB has no Chinese full-text parser)
 * and seekers' reports.
 */
export class EmployersAndPosts1764100000000 implements MigrationInterface {
  name = 'EmployersAndPosts1764100000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('employers', [new TableColumn(col.varchar('verification_reason', 200, true)), new TableColumn(col.varchar('created_by', 36, true))]);
    await qr.createTable(
      new Table({
        name: 'employer_join_codes',
        columns: [
          { ...col.varchar('code', 8), isPrimary: true },
          col.varchar('employer_id', 36),
          col.varchar('created_by', 36),
          col.datetime('expires_at'),
          col.datetime('created_at'),
        ],
        indices: [index('idx_employer_join_codes_employer', ['employer_id'])],
      }),
    );
    await qr.addColumns('job_postings', [
      col.varchar('address', 120, true),
      col.datetime('refreshed_at', true),
      col.datetime('submitted_at', true),
      col.varchar('review_note', 200, true),
      col.varchar('reviewed_by', 36, true),
      col.datetime('reviewed_at', true),
      { name: 'open_reports', type: 'integer', default: 0 },
    ].map((c) => new TableColumn(c)));
    await qr.query('UPDATE job_postings SET refreshed_at = published_at');
    for (const i of POST_INDEXES) await qr.createIndex('job_postings', new TableIndex(i));
    await qr.createTable(
      new Table({
        name: 'post_search_terms',
        columns: [
          { ...col.varchar('term', 32), isPrimary: true },
          { ...col.varchar('post_id', 36), isPrimary: true },
        ],
        indices: [index('idx_post_search_terms_post', ['post_id'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'post_reports',
        columns: [
          col.id(),
          col.varchar('post_id', 36),
          col.varchar('reporter_id', 36),
          col.varchar('reason', 16),
          col.varchar('note', 200, true),
          col.varchar('status', 16),
          col.varchar('resolution_note', 200, true),
          col.varchar('resolved_by', 36, true),
          col.datetime('resolved_at', true),
          col.datetime('created_at'),
        ],
        indices: [index('idx_post_reports_post_status', ['post_id', 'status']), index('idx_post_reports_status_created', ['status', 'created_at'])],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('post_reports');
    await qr.dropTable('post_search_terms');
    for (const i of POST_INDEXES) await qr.dropIndex('job_postings', i.name as string);
    for (const c of ['open_reports', 'reviewed_at', 'reviewed_by', 'review_note', 'submitted_at', 'refreshed_at', 'address']) await qr.dropColumn('job_postings', c);
    await qr.dropTable('employer_join_codes');
    await qr.dropColumn('employers', 'created_by');
    await qr.dropColumn('employers', 'verification_reason');
  }
}

/** The public list is ordered by refresh time; an employer's list and the review queue by state. */
const POST_INDEXES = [
  index('idx_job_postings_status_refreshed', ['status', 'refreshed_at', 'id']),
  index('idx_job_postings_employer_status', ['employer_id', 'status', 'updated_at']),
  index('idx_job_postings_status_submitted', ['status', 'submitted_at']),
];
