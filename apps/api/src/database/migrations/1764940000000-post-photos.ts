import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index, timestamps } from './table-helpers';

/** Photos of posts (at most 3 each); the bytes live in the photo store (PHOTO_DIR), not the database. */
export class PostPhotos1764940000000 implements MigrationInterface {
  name = 'PostPhotos1764940000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'post_photos',
        columns: [col.id(), col.varchar('post_id', 36), col.varchar('mime', 16), col.int('bytes'), col.varchar('created_by', 36), timestamps(qr)[0]],
        indices: [index('idx_post_photos_post', ['post_id', 'created_at'])],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropTable('post_photos');
  }
}
