import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index } from './table-helpers';

/**
 * Real accounts: the account's phone, enabled state, version and two-factor columns; sessions with
 * rotating refresh tokens; staff invitations; SMS login codes; scan-to-log-in tickets.
 */
export class Accounts1764500000000 implements MigrationInterface {
  name = 'Accounts1764500000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.addColumns('users', [
      new TableColumn(col.varchar('phone_cipher', 120, true)),
      new TableColumn(col.varchar('phone_index', 64, true)),
      new TableColumn({ ...col.int('auth_version'), default: 1 }),
      new TableColumn(col.datetime('disabled_at', true)),
      new TableColumn(col.varchar('disabled_reason', 200, true)),
      new TableColumn(col.datetime('last_login_at', true)),
      new TableColumn(col.varchar('mfa_secret_cipher', 200, true)),
      new TableColumn(col.datetime('mfa_enabled_at', true)),
      new TableColumn(col.int('mfa_last_step', true)),
      new TableColumn({ ...col.int('mfa_failures'), default: 0 }),
      new TableColumn(col.datetime('mfa_locked_until', true)),
    ]);
    await qr.createIndex('users', new TableIndex(index('uq_users_phone_index', ['phone_index'], true)));
    await qr.createIndex('users', new TableIndex(index('idx_users_role_region', ['role', 'region_code'])));

    await qr.createTable(
      new Table({
        name: 'auth_sessions',
        columns: [
          col.id(),
          col.varchar('user_id', 36),
          col.varchar('method', 16),
          col.datetime('mfa_at', true),
          col.datetime('created_at'),
          col.datetime('last_seen_at'),
          col.datetime('ended_at', true),
          col.varchar('ended_reason', 16, true),
          col.varchar('ip', 64, true),
        ],
        indices: [index('idx_auth_sessions_user', ['user_id'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'auth_refresh_tokens',
        columns: [
          { ...col.varchar('token_hash', 64), isPrimary: true },
          col.varchar('session_id', 36),
          col.datetime('created_at'),
          col.datetime('expires_at'),
          col.datetime('used_at', true),
        ],
        indices: [index('idx_auth_refresh_tokens_session', ['session_id'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'invitations',
        columns: [
          col.id(),
          col.varchar('code_hash', 64),
          col.varchar('role', 16),
          col.varchar('region_code', 12, true),
          col.varchar('name', 32),
          col.varchar('created_by', 36, true),
          col.datetime('created_at'),
          col.datetime('expires_at'),
          col.varchar('accepted_by', 36, true),
          col.datetime('accepted_at', true),
        ],
        indices: [index('uq_invitations_code_hash', ['code_hash'], true), index('idx_invitations_created_by', ['created_by'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'sms_login_codes',
        columns: [
          col.id(),
          col.varchar('phone_index', 64),
          col.varchar('code_hash', 64),
          { ...col.int('attempts'), default: 0 },
          col.datetime('created_at'),
          col.datetime('expires_at'),
          col.datetime('spent_at', true),
        ],
        indices: [index('idx_sms_login_codes_phone_created', ['phone_index', 'created_at'])],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'qr_login_tickets',
        columns: [
          { ...col.varchar('ticket_hash', 64), isPrimary: true },
          col.datetime('created_at'),
          col.datetime('expires_at'),
          col.varchar('approved_by', 36, true),
          col.datetime('approved_at', true),
          col.datetime('claimed_at', true),
          col.varchar('ip', 64, true),
        ],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['qr_login_tickets', 'sms_login_codes', 'invitations', 'auth_refresh_tokens', 'auth_sessions']) await qr.dropTable(t);
    await qr.dropIndex('users', 'idx_users_role_region');
    await qr.dropIndex('users', 'uq_users_phone_index');
    for (const c of ['mfa_locked_until', 'mfa_failures', 'mfa_last_step', 'mfa_enabled_at', 'mfa_secret_cipher', 'last_login_at', 'disabled_reason', 'disabled_at', 'auth_version', 'phone_index', 'phone_cipher']) {
      await qr.dropColumn('users', c);
    }
  }
}
