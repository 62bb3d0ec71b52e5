import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { col, index, timestamps } from './table-helpers';

/**
 * 共享员工: firms' offers of idle staff and requests for hands, agreements between a lender and a borrower signed
 * by both, and the lent workers with their consent. Nothing here is a hire: placements never count as 新增就业.
 */
export class SharedStaff1764920000000 implements MigrationInterface {
  name = 'SharedStaff1764920000000';

  async up(qr: QueryRunner): Promise<void> {
    const side = (name: string, extra: TableColumnOptions[] = []) =>
      new Table({
        name,
        columns: [
          col.id(),
          col.varchar('employer_id', 36),
          col.varchar('occupation_code', 16),
          col.int('headcount'),
          col.varchar('from_date', 10),
          col.varchar('to_date', 10),
          col.varchar('town_code', 12),
          ...extra,
          col.varchar('note', 200, true),
          col.varchar('status', 16),
          col.varchar('created_by', 36),
          ...timestamps(qr),
        ],
        indices: [index(`idx_${name}_open`, ['status', 'occupation_code']), index(`idx_${name}_employer`, ['employer_id'])],
      });
    await qr.createTable(side('shared_staff_offers'));
    await qr.createTable(side('shared_staff_requests', [col.decimal('wage', 10, 2), col.varchar('wage_unit', 8)]));
    await qr.createTable(
      new Table({
        name: 'shared_staff_agreements',
        columns: [
          col.id(),
          col.varchar('offer_id', 36, true),
          col.varchar('request_id', 36, true),
          col.varchar('lender_id', 36),
          col.varchar('borrower_id', 36),
          col.varchar('from_date', 10),
          col.varchar('to_date', 10),
          col.text('work'),
          col.text('pay'),
          col.varchar('injury_cover', 16),
          col.varchar('occupation_code', 16, true),
          col.varchar('town_code', 12),
          col.varchar('status', 16),
          col.datetime('lender_signed_at', true),
          col.varchar('lender_signed_by', 36, true),
          col.datetime('borrower_signed_at', true),
          col.varchar('borrower_signed_by', 36, true),
          col.datetime('activated_at', true),
          col.datetime('ended_at', true),
          col.varchar('end_reason', 200, true),
          col.varchar('created_by', 36),
          ...timestamps(qr),
        ],
        indices: [index('idx_shared_agreements_lender', ['lender_id']), index('idx_shared_agreements_borrower', ['borrower_id']), index('idx_shared_agreements_status', ['status', 'from_date'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'shared_staff_workers',
        columns: [
          { ...col.varchar('agreement_id', 36), isPrimary: true },
          { ...col.varchar('resident_id', 36), isPrimary: true },
          col.varchar('added_by', 36),
          col.datetime('consent_at', true),
          col.varchar('consent_method', 16, true),
          col.varchar('consent_by', 36, true),
          col.datetime('created_at'),
        ],
        indices: [index('idx_shared_workers_resident', ['resident_id'])],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['shared_staff_workers', 'shared_staff_agreements', 'shared_staff_requests', 'shared_staff_offers']) await qr.dropTable(t);
  }
}
