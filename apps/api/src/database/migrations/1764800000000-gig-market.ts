import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index, timestamps } from './table-helpers';

/**
 * 零工市场: the working days of gig posts (places and counts, locked on every sign-up), the sign-ups with
 * check-in, check-out and pay, 权益维护 cases and their steps, ratings both ways, and paused workers.
 * Posts get the time work starts (a day's sign-ups close then; free cancelling ends 12 hours before).
 */
export class GigMarket1764800000000 implements MigrationInterface {
  name = 'GigMarket1764800000000';

  async up(qr: QueryRunner): Promise<void> {
    const bool = (name: string) => ({ name, type: 'boolean', default: '0' });
    const coord = (name: string) => ({ ...col.decimal(name, 9, 6, true) });
    await qr.addColumn('job_postings', new TableColumn(col.varchar('work_start_time', 5, true)));
    await qr.createTable(
      new Table({
        name: 'gig_days',
        columns: [
          { ...col.varchar('post_id', 36), isPrimary: true },
          { ...col.varchar('work_date', 10), isPrimary: true },
          col.int('headcount'),
          { ...col.int('confirmed'), default: 0 },
          { ...col.int('waitlisted'), default: 0 },
          { ...col.int('next_seq'), default: 1 },
          bool('closed'),
          timestamps(qr)[1],
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'gig_signups',
        columns: [
          col.id(),
          col.varchar('post_id', 36),
          col.varchar('employer_id', 36),
          col.varchar('work_date', 10),
          col.varchar('resident_id', 36),
          col.varchar('status', 16),
          col.int('seq'),
          col.varchar('source', 8),
          col.varchar('signed_up_by', 36),
          col.datetime('cancelled_at', true),
          col.datetime('check_in_at', true),
          coord('check_in_lat'),
          coord('check_in_lng'),
          bool('check_in_far'),
          col.varchar('check_in_vouched_by', 36, true),
          col.varchar('check_in_note', 200, true),
          col.datetime('check_out_at', true),
          col.varchar('check_out_by', 36, true),
          col.decimal('pay_amount', 10, 2, true),
          col.varchar('pay_method', 8, true),
          col.datetime('paid_at', true),
          col.datetime('pay_recorded_at', true),
          col.datetime('pay_confirmed_at', true),
          col.varchar('dispute_id', 36, true),
          ...timestamps(qr),
        ],
        indices: [
          index('uq_gig_signups_person_day', ['post_id', 'work_date', 'resident_id'], true),
          index('idx_gig_signups_day', ['post_id', 'work_date', 'status', 'seq']),
          index('idx_gig_signups_resident', ['resident_id', 'work_date']),
          index('idx_gig_signups_employer', ['employer_id', 'work_date']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'gig_disputes',
        columns: [
          col.id(),
          col.varchar('signup_id', 36),
          col.varchar('post_id', 36),
          col.varchar('employer_id', 36),
          col.varchar('resident_id', 36),
          col.varchar('town_code', 12),
          col.varchar('status', 16),
          col.varchar('reason', 16),
          col.varchar('note', 500, true),
          col.text('evidence'),
          col.varchar('opened_by', 36),
          ...timestamps(qr),
        ],
        indices: [
          index('uq_gig_disputes_signup', ['signup_id'], true),
          index('idx_gig_disputes_town_status', ['town_code', 'status', 'created_at']),
          index('idx_gig_disputes_employer', ['employer_id', 'status', 'created_at']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'gig_dispute_steps',
        columns: [col.id(), col.varchar('dispute_id', 36), col.varchar('status', 16), col.varchar('note', 500, true), col.varchar('by_user', 36, true), col.datetime('at')],
        indices: [index('idx_gig_dispute_steps_dispute', ['dispute_id', 'at'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'gig_ratings',
        columns: [col.id(), col.varchar('signup_id', 36), col.varchar('side', 8), col.int('stars'), col.text('tags'), col.varchar('note', 200, true), col.varchar('by_user', 36), timestamps(qr)[0]],
        indices: [index('uq_gig_ratings_signup_side', ['signup_id', 'side'], true)],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'gig_pauses',
        columns: [
          { ...col.varchar('resident_id', 36), isPrimary: true },
          col.datetime('paused_until'),
          col.datetime('started_at'),
          col.datetime('lifted_at', true),
          col.varchar('lifted_by', 36, true),
          col.varchar('lift_note', 200, true),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['gig_pauses', 'gig_ratings', 'gig_dispute_steps', 'gig_disputes', 'gig_signups', 'gig_days']) await qr.dropTable(t);
    await qr.dropColumn('job_postings', 'work_start_time');
  }
}
