import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, isMysqlFamily } from './table-helpers';

/**
 * 零工驿站: a liaison posts day work (农忙帮工) for a household of their 村. A household (农户) is an employer of
 * kind 'household', with no 统一社会信用代码 (NULL; firms still have one) and its 村居. The unique index on
 * credit_code allows many NULLs on SQLite, MariaDB and MySQL.
 */
export class Households1764830000000 implements MigrationInterface {
  name = 'Households1764830000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('employers', [
      new TableColumn({ name: 'kind', type: 'varchar', length: '16', isNullable: false, default: "'firm'" }),
      new TableColumn(col.varchar('village_code', 12, true)),
    ]);
    await qr.createIndex('employers', new TableIndex({ name: 'idx_employers_village', columnNames: ['village_code'] }));
    // MySQL/MariaDB: MODIFY keeps the unique index on credit_code (TypeORM's changeColumn drops it there).
    if (isMysqlFamily(qr)) {
      await qr.query('ALTER TABLE `employers` MODIFY `credit_code` varchar(18) NULL');
      return;
    }
    await qr.changeColumn('employers', 'credit_code', new TableColumn(col.varchar('credit_code', 18, true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query("DELETE FROM employers WHERE kind = 'household'");
    if (isMysqlFamily(qr)) await qr.query('ALTER TABLE `employers` MODIFY `credit_code` varchar(18) NOT NULL');
    else await qr.changeColumn('employers', 'credit_code', new TableColumn(col.varchar('credit_code', 18)));
    await qr.dropIndex('employers', 'idx_employers_village');
    await qr.dropColumns('employers', ['village_code', 'kind']);
  }
}
