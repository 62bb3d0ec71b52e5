import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col, index } from './table-helpers';

/**
 * Notifications: the inbox (one row per event and person), the outbox of deliveries per channel, the
 * users' WeChat subscriptions (one send per acceptance) and their notification settings.
 */
export class Notifications1764400000000 implements MigrationInterface {
  name = 'Notifications1764400000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.createTable(
      new Table({
        name: 'notifications',
        columns: [
          col.id(),
          col.varchar('user_id', 36, true),
          col.varchar('resident_id', 36, true),
          col.varchar('type', 24),
          col.varchar('title', 60),
          col.varchar('body', 300),
          col.varchar('page', 200, true),
          col.varchar('event_key', 191),
          col.text('wechat_data', true),
          col.varchar('sms_text', 200, true),
          col.datetime('read_at', true),
          col.datetime('created_at'),
        ],
        indices: [index('idx_notifications_user_created', ['user_id', 'created_at']), index('uq_notifications_event', ['event_key'], true)],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'notification_deliveries',
        columns: [
          col.id(),
          col.varchar('notification_id', 36),
          col.varchar('channel', 8),
          col.varchar('status', 8),
          col.varchar('idempotency_key', 191),
          col.varchar('template_id', 64, true),
          { ...col.int('attempts'), default: 0 },
          { ...col.int('generation'), default: 0 },
          { name: 'quota_taken', type: 'boolean', default: '0' },
          col.datetime('not_before', true),
          col.datetime('queued_at', true),
          col.datetime('sent_at', true),
          col.varchar('last_error', 200, true),
          col.datetime('created_at'),
          col.datetime('updated_at'),
        ],
        indices: [
          index('uq_deliveries_key', ['idempotency_key'], true),
          index('idx_deliveries_status_queued', ['status', 'queued_at']),
          index('idx_deliveries_status_updated', ['status', 'updated_at']),
          index('idx_deliveries_notification', ['notification_id']),
        ],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'wechat_subscriptions',
        columns: [{ ...col.varchar('user_id', 36), isPrimary: true }, { ...col.varchar('template_id', 64), isPrimary: true }, { ...col.int('remaining'), default: 0 }, col.datetime('updated_at')],
      }),
    );
    await qr.createTable(
      new Table({
        name: 'notification_settings',
        columns: [{ ...col.varchar('user_id', 36), isPrimary: true }, col.text('muted_types'), { name: 'sms', type: 'boolean', default: '0' }, col.datetime('updated_at')],
      }),
    );
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['notification_settings', 'wechat_subscriptions', 'notification_deliveries', 'notifications']) await qr.dropTable(t);
  }
}
