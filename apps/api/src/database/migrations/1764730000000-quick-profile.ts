import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, isMysqlFamily } from './table-helpers';

/**
 * 先报名，后补身份证号: a seeker's first application needs only a name, a phone and a 村, so a record
 * may exist without a 身份证号 (and so without the gender and birth date read from it) until the
 * person, their liaison or the hire asks for it. The unique index on id_number_hash allows many NULLs
 * on every driver.
 */
export class QuickProfile1764730000000 implements MigrationInterface {
  name = 'QuickProfile1764730000000';

  async up(qr: QueryRunner): Promise<void> {
    // MySQL/MariaDB: MODIFY keeps the unique index on id_number_hash (TypeORM's changeColumn drops it there).
    if (isMysqlFamily(qr)) {
      await qr.query('ALTER TABLE `residents` MODIFY `id_number_cipher` text NULL, MODIFY `id_number_hash` varchar(64) NULL, MODIFY `gender` varchar(8) NULL, MODIFY `birth_date` varchar(10) NULL');
      return;
    }
    await qr.changeColumn('residents', 'id_number_cipher', new TableColumn(col.text('id_number_cipher', true)));
    await qr.changeColumn('residents', 'id_number_hash', new TableColumn(col.varchar('id_number_hash', 64, true)));
    await qr.changeColumn('residents', 'gender', new TableColumn(col.varchar('gender', 8, true)));
    await qr.changeColumn('residents', 'birth_date', new TableColumn(col.varchar('birth_date', 10, true)));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DELETE FROM residents WHERE id_number_hash IS NULL');
    if (isMysqlFamily(qr)) {
      await qr.query('ALTER TABLE `residents` MODIFY `id_number_cipher` text NOT NULL, MODIFY `id_number_hash` varchar(64) NOT NULL, MODIFY `gender` varchar(8) NOT NULL, MODIFY `birth_date` varchar(10) NOT NULL');
      return;
    }
    await qr.changeColumn('residents', 'id_number_cipher', new TableColumn(col.text('id_number_cipher')));
    await qr.changeColumn('residents', 'id_number_hash', new TableColumn(col.varchar('id_number_hash', 64)));
    await qr.changeColumn('residents', 'gender', new TableColumn(col.varchar('gender', 8)));
    await qr.changeColumn('residents', 'birth_date', new TableColumn(col.varchar('birth_date', 10)));
  }
}
