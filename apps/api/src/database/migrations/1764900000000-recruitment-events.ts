import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index, timestamps } from './table-helpers';

/**
 * 招聘活动: events (现场, 线上, 直播) with their counters (locked on every sign-up), the employers taking part
 * and the posts they bring, seekers' sign-ups with tickets and check-ins, printed posters and their scans;
 * applications made at an event carry it.
 */
export class RecruitmentEvents1764900000000 implements MigrationInterface {
  name = 'RecruitmentEvents1764900000000';

  async up(qr: QueryRunner): Promise<void> {
    const coord = (name: string) => col.decimal(name, 9, 6, true);
    await qr.createTable(
      new Table({
        name: 'events',
        columns: [
          col.id(),
          col.varchar('title', 60),
          col.varchar('series', 24),
          col.varchar('kind', 16),
          col.varchar('status', 16),
          col.datetime('starts_at'),
          col.datetime('ends_at'),
          col.varchar('town_code', 12, true),
          col.varchar('village_code', 12, true),
          col.varchar('address', 120, true),
          coord('lat'),
          coord('lng'),
          col.varchar('live_url', 500, true),
          col.varchar('live_platform', 16, true),
          col.int('capacity', true),
          col.text('description'),
          col.varchar('contact_phone', 20, true),
          col.varchar('cancel_reason', 200, true),
          { ...col.int('registered'), default: 0 },
          { ...col.int('waitlisted'), default: 0 },
          { ...col.int('next_seq'), default: 1 },
          col.varchar('created_by', 36),
          col.datetime('announced_at', true),
          ...timestamps(qr),
        ],
        indices: [index('idx_events_starts', ['starts_at']), index('idx_events_town_starts', ['town_code', 'starts_at'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'event_employers',
        columns: [
          col.id(),
          col.varchar('event_id', 36),
          col.varchar('employer_id', 36),
          col.varchar('status', 16),
          col.varchar('booth', 20, true),
          col.varchar('reason', 200, true),
          col.varchar('requested_by', 36),
          col.varchar('reviewed_by', 36, true),
          col.datetime('reviewed_at', true),
          ...timestamps(qr),
        ],
        indices: [index('uq_event_employers', ['event_id', 'employer_id'], true), index('idx_event_employers_employer', ['employer_id'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'event_posts',
        columns: [{ ...col.varchar('event_id', 36), isPrimary: true }, { ...col.varchar('post_id', 36), isPrimary: true }, col.varchar('employer_id', 36)],
        indices: [index('idx_event_posts_post', ['post_id']), index('idx_event_posts_employer', ['event_id', 'employer_id'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'event_signups',
        columns: [
          col.id(),
          col.varchar('event_id', 36),
          col.varchar('resident_id', 36),
          col.varchar('ticket_code', 8),
          col.varchar('status', 16),
          col.int('seq'),
          col.varchar('source', 8),
          col.varchar('signed_up_by', 36),
          col.datetime('cancelled_at', true),
          col.datetime('checked_in_at', true),
          col.varchar('checked_in_by', 36, true),
          col.varchar('check_in_via', 8, true),
          col.datetime('reminded_at', true),
          ...timestamps(qr),
        ],
        indices: [
          index('uq_event_signups_person', ['event_id', 'resident_id'], true),
          index('uq_event_signups_ticket', ['ticket_code'], true),
          index('idx_event_signups_event', ['event_id', 'status', 'seq']),
          index('idx_event_signups_resident', ['resident_id']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'posters',
        columns: [
          col.varchar('id', 12),
          col.varchar('kind', 8),
          col.varchar('target_id', 36),
          col.varchar('village_code', 12, true),
          col.varchar('created_by', 36, true),
          { ...col.int('scans'), default: 0 },
          col.datetime('last_scan_at', true),
          ...timestamps(qr),
        ].map((c) => (c.name === 'id' ? { ...c, isPrimary: true } : c)),
        indices: [index('idx_posters_target', ['kind', 'target_id', 'village_code'])],
      }),
    );
    await qr.addColumn('applications', new TableColumn(col.varchar('event_id', 36, true)));
    await qr.createIndex('applications', new TableIndex({ name: 'idx_applications_event', columnNames: ['event_id'] }));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('applications', 'idx_applications_event');
    await qr.dropColumn('applications', 'event_id');
    for (const t of ['posters', 'event_signups', 'event_posts', 'event_employers', 'events']) await qr.dropTable(t);
  }
}
