import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from './table-helpers';

/**
 * 撤销企业认证: when an admin last revoked an employer's verification (the reason is kept in
 * verification_reason, as for a refusal), so the review screens can say so until a new decision.
 */
export class EmployerRevocation1764720000000 implements MigrationInterface {
  name = 'EmployerRevocation1764720000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumn('employers', new TableColumn(col.datetime('revoked_at', true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropColumn('employers', 'revoked_at');
  }
}
