import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { index } from './table-helpers';

/**
 * An employer's applicant list of one post (GET /applications?postId=, newest change first) reads the post's
 * applications in index order and stops after a page, instead of walking all of the employer's applications
 * or sorting all of the post's (issue 17).
 */
export class ApplicationsPostIndex1764950000000 implements MigrationInterface {
  name = 'ApplicationsPostIndex1764950000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createIndex('applications', new TableIndex(index('idx_applications_post_updated', ['post_id', 'updated_at', 'id'])));
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.dropIndex('applications', 'idx_applications_post_updated');
  }
}
