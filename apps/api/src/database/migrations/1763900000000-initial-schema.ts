import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index, timestamps } from './table-helpers';

/** Reference data, users, employers, job postings and residents: the tables the foundation stands on. */
export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'regions',
        columns: [
          { name: 'code', type: 'varchar', length: '12', isPrimary: true },
          col.varchar('name', 64),
          col.varchar('level', 16),
          col.varchar('parent_code', 12, true),
          col.decimal('lat', 9, 6, true),
          col.decimal('lng', 9, 6, true),
        ],
        indices: [index('idx_regions_parent', ['parent_code'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'occupations',
        columns: [
          { name: 'code', type: 'varchar', length: '16', isPrimary: true },
          col.varchar('name', 64),
          col.varchar('level', 8),
          col.varchar('parent_code', 16, true),
          col.varchar('major_group', 2),
          col.text('synonyms'),
          col.varchar('keywords', 500),
        ],
        indices: [index('idx_occupations_parent', ['parent_code'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'users',
        columns: [
          col.id(),
          col.varchar('role', 16),
          col.varchar('name', 64),
          col.varchar('region_code', 12, true),
          col.varchar('employer_id', 36, true),
          col.varchar('wechat_openid', 64, true),
          col.varchar('wechat_unionid', 64, true),
          col.varchar('dev_key', 191, true),
          ...timestamps(qr),
        ],
        indices: [index('uq_users_wechat_openid', ['wechat_openid'], true), index('uq_users_dev_key', ['dev_key'], true)],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'employers',
        columns: [
          col.id(),
          col.varchar('name', 128),
          col.varchar('credit_code', 18),
          col.varchar('industry_code', 1),
          col.varchar('town_code', 12),
          col.varchar('address', 255),
          col.varchar('contact_name', 64),
          col.text('contact_phone_cipher'),
          col.varchar('verification', 16),
          col.datetime('verified_at', true),
          col.decimal('lat', 9, 6, true),
          col.decimal('lng', 9, 6, true),
          ...timestamps(qr),
        ],
        indices: [index('uq_employers_credit_code', ['credit_code'], true), index('idx_employers_town', ['town_code'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'job_postings',
        columns: [
          col.id(),
          col.varchar('employer_id', 36),
          col.varchar('title', 100),
          col.varchar('occupation_code', 16),
          col.text('description'),
          col.text('skills'),
          col.decimal('wage_min', 10, 2),
          col.decimal('wage_max', 10, 2),
          col.varchar('wage_unit', 8),
          col.decimal('monthly_wage_min', 10, 2, true),
          col.varchar('type', 16),
          col.int('headcount'),
          col.varchar('town_code', 12),
          col.varchar('village_code', 12, true),
          col.decimal('lat', 9, 6, true),
          col.decimal('lng', 9, 6, true),
          col.text('benefits'),
          col.varchar('start_date', 10, true),
          col.varchar('end_date', 10, true),
          col.varchar('status', 16),
          col.text('compliance_flags'),
          col.datetime('published_at', true),
          col.datetime('expires_at', true),
          ...timestamps(qr),
        ],
        indices: [
          index('idx_job_postings_status_published', ['status', 'published_at']),
          index('idx_job_postings_status_expires', ['status', 'expires_at']),
          index('idx_job_postings_employer', ['employer_id']),
          index('idx_job_postings_town', ['town_code']),
          index('idx_job_postings_occupation', ['occupation_code']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'residents',
        columns: [
          col.id(),
          col.varchar('name', 64),
          col.text('id_number_cipher'),
          col.varchar('id_number_hash', 64),
          col.text('phone_cipher'),
          col.varchar('phone_hash', 64),
          col.varchar('gender', 8),
          col.varchar('birth_date', 10),
          col.varchar('village_code', 12),
          col.varchar('town_code', 12),
          col.varchar('education', 16, true),
          col.text('skills'),
          col.text('desired_occupations'),
          col.text('desired_town_codes'),
          col.int('max_commute_km', true),
          col.decimal('expected_wage_min', 10, 2, true),
          col.varchar('wage_unit', 8, true),
          col.text('availability'),
          col.text('key_groups'),
          col.varchar('status', 16),
          col.varchar('consent_method', 16),
          col.datetime('consent_at'),
          col.varchar('consent_by', 36, true),
          col.varchar('registered_by', 36, true),
          col.varchar('user_id', 36, true),
          ...timestamps(qr),
        ],
        indices: [
          index('uq_residents_id_number_hash', ['id_number_hash'], true),
          index('idx_residents_phone_hash', ['phone_hash']),
          index('idx_residents_village', ['village_code']),
          index('idx_residents_town_status', ['town_code', 'status']),
          index('uq_residents_user', ['user_id'], true),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['residents', 'job_postings', 'employers', 'users', 'occupations', 'regions']) await qr.dropTable(t);
  }
}
