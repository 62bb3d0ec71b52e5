import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, LessThan, MoreThan, Or, type EntityManager } from 'typeorm';
import { TEMPLATE_OF_TYPE, type DeliveryChannel, type NotificationType } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import { Clock } from '../common/clock';
import { isRetryableLockError } from '../common/sql/unique-violation';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { errorMessage, withTimeout } from '../queue/queue.util';
import { Resident } from '../residents/entities/resident.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationSetting } from './entities/notification-setting.entity';
import { Notification } from './entities/notification.entity';
import { WechatSubscription } from './entities/wechat-subscription.entity';
import { TEMPLATE_FIELDS, type MessageFields } from './wechat-templates';

/** A notification to write: to a user (their inbox), or to a resident without an account (SMS only). */
export interface NotificationDraft {
  userId: string | null;
  /** For SMS: the resident whose phone it goes to (a user's own 求职信息, or a resident without an account). */
  residentId?: string | null;
  type: NotificationType;
  title: string;
  body: string;
  page: string | null;
  /** What happened (e.g. `step:<id>`); with the recipient it makes the idempotency key. */
  event: string;
  fields: MessageFields;
  /** The text message, when this type is worth one. Nothing personal beyond what the reader needs. */
  sms?: string;
}

export interface DeliveryJob {
  deliveryId: string;
}

/** A delivery handed to the queue this long ago and still pending is handed again (a no-op while the job exists). */
export const REQUEUE_AFTER_MS = 60_000;
/** How long handing one job to the queue may take before the sweeper gives up on this round (Redis down). */
const ENQUEUE_TIMEOUT_MS = 2_000;
const SWEEP_BATCH = 500;
const INSERT_CHUNK = 200;
const MARK_CHUNK = 100;

/**
 * The transactional outbox. `write()` runs inside the caller's transaction and stores the inbox rows
 * and one delivery row per channel; after the commit `kick()` hands the new rows to the queue without
 * the request waiting for it. `sweep()` (every few seconds in the worker, and on each kick) hands over
 * whatever is pending and not queued, so a Redis outage or a restart loses nothing.
 */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger(NotificationOutbox.name);
  private sweeping?: Promise<number>;
  private again = false;

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Writes the notifications and their deliveries; returns how many deliveries were written. */
  async write(em: EntityManager, drafts: NotificationDraft[]): Promise<number> {
    if (drafts.length === 0) return 0;
    let written = 0;
    for (let i = 0; i < drafts.length; i += INSERT_CHUNK) written += await this.writeChunk(em, drafts.slice(i, i + INSERT_CHUNK));
    return written;
  }

  /** After a commit: hand the new deliveries to the queue, in the background. Never throws, never waits on Redis. */
  kick(): void {
    if (this.sweeping) {
      this.again = true;
      return;
    }
    void this.sweep();
  }

  /**
   * Hands pending deliveries that were never queued (or long ago) to the queue. Concurrent calls share
   * one run. Returns how many were handed over.
   */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepAll().finally(() => {
      this.sweeping = undefined;
      if (this.again) {
        this.again = false;
        void this.sweep();
      }
    });
    return this.sweeping;
  }

  private async sweepAll(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const handed = await this.sweepBatch();
        total += handed.handed;
        if (handed.found < SWEEP_BATCH || handed.handed === 0) return total;
      }
    } catch (e) {
      this.logger.warn(`Notifications not handed to the queue yet (they stay pending; the sweeper tries again): ${errorMessage(e)}`);
      return total;
    }
  }

  private async sweepBatch(): Promise<{ found: number; handed: number }> {
    const now = this.clock.now();
    const rows = await this.dataSource.getRepository(NotificationDelivery).find({
      where: [
        { status: 'pending', queuedAt: IsNull(), notBefore: Or(IsNull(), LessThan(now)) },
        { status: 'pending', queuedAt: LessThan(new Date(now.getTime() - REQUEUE_AFTER_MS)), notBefore: Or(IsNull(), LessThan(now)) },
      ],
      select: { id: true, generation: true },
      order: { createdAt: 'ASC' },
      take: SWEEP_BATCH,
    });
    if (rows.length === 0) return { found: 0, handed: 0 };
    const queue = this.queues.get<DeliveryJob>(QUEUES.notifications);
    const handed: string[] = [];
    // A few at a time; the first that times out (Redis down) ends this round.
    for (let i = 0; i < rows.length; i += 50) {
      const slice = rows.slice(i, i + 50);
      await withTimeout(
        Promise.all(slice.map((r) => queue.add({ deliveryId: r.id }, { jobId: jobIdOf(r), attempts: this.config.notify.attempts, backoffMs: this.config.notify.backoffMs }))),
        ENQUEUE_TIMEOUT_MS * 5,
        'the queue did not take the notifications in time',
      );
      handed.push(...slice.map((r) => r.id));
    }
    await this.markQueued(handed);
    return { found: rows.length, handed: handed.length };
  }

  /**
   * Records when rows were handed over, whatever state a worker has taken them to meanwhile. Small
   * batches, retried on a deadlock: on MariaDB this UPDATE can meet the gap locks of a large insert
   * (the digest) and be chosen as the deadlock's victim; the jobs are queued either way.
   */
  private async markQueued(ids: string[]): Promise<void> {
    const at = this.clock.now();
    for (let i = 0; i < ids.length; i += MARK_CHUNK) {
      const chunk = ids.slice(i, i + MARK_CHUNK);
      for (let tries = 1; ; tries++) {
        try {
          await this.dataSource.getRepository(NotificationDelivery).update({ id: In(chunk) }, { queuedAt: at });
          break;
        } catch (e) {
          if (!isRetryableLockError(e) || tries >= 3) {
            this.logger.warn(`${chunk.length} notifications were queued but their queued_at not recorded: ${errorMessage(e)}`);
            break;
          }
        }
      }
    }
  }

  private async writeChunk(em: EntityManager, drafts: NotificationDraft[]): Promise<number> {
    const now = this.clock.now();
    const keyOf = (d: NotificationDraft) => `${d.event}:${d.userId ?? `r:${d.residentId ?? '-'}`}`.slice(0, 191);
    const existing = new Set(
      (await em.getRepository(Notification).find({ where: { eventKey: In(drafts.map(keyOf)) }, select: { eventKey: true } })).map((n) => n.eventKey),
    );
    // A resident without an account of their own can only be reached by SMS.
    const fresh = drafts.filter((d) => !existing.has(keyOf(d)) && (d.userId || (d.sms && d.residentId && this.config.sms)));
    if (fresh.length === 0) return 0;
    const userIds = [...new Set(fresh.map((d) => d.userId).filter((u): u is string => u !== null))];
    const [users, settings, quotas] = userIds.length
      ? await Promise.all([
          em.getRepository(User).find({ where: { id: In(userIds) }, select: { id: true, wechatOpenid: true } }),
          em.getRepository(NotificationSetting).find({ where: { userId: In(userIds) } }),
          em.getRepository(WechatSubscription).find({ where: { userId: In(userIds), remaining: MoreThan(0) } }),
        ])
      : [[], [], []];
    const openid = new Map(users.map((u) => [u.id, u.wechatOpenid]));
    const setting = new Map(settings.map((s) => [s.userId, s]));
    const quota = new Set(quotas.map((q) => `${q.userId}|${q.templateId}`));
    // A user's SMS goes to the phone on their own 求职信息.
    const smsUsers = fresh.filter((d) => d.sms && d.userId && setting.get(d.userId)?.sms).map((d) => d.userId as string);
    const ownResident = new Map(
      smsUsers.length && this.config.sms
        ? (await em.getRepository(Resident).find({ where: { userId: In([...new Set(smsUsers)]) }, select: { id: true, userId: true } })).map((r) => [r.userId as string, r.id])
        : [],
    );
    const notifications: Notification[] = [];
    const deliveries: NotificationDelivery[] = [];
    const deliver = (n: Notification, channel: DeliveryChannel, templateId: string | null) =>
      deliveries.push(
        Object.assign(new NotificationDelivery(), {
          id: randomUUID(),
          notificationId: n.id,
          channel,
          status: 'pending' as const,
          idempotencyKey: `${n.eventKey}:${channel}`.slice(0, 191),
          templateId,
          attempts: 0,
          generation: 0,
          quotaTaken: false,
          notBefore: null,
          queuedAt: null,
          sentAt: null,
          lastError: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
    for (const d of fresh) {
      const s = d.userId ? setting.get(d.userId) : undefined;
      const muted = s?.mutedTypes.includes(d.type) ?? false;
      const smsResident = d.userId ? (s?.sms ? ownResident.get(d.userId) : undefined) : d.residentId;
      const n = Object.assign(new Notification(), {
        id: randomUUID(),
        userId: d.userId,
        residentId: smsResident ?? d.residentId ?? null,
        type: d.type,
        title: d.title.slice(0, 60),
        body: d.body.slice(0, 300),
        page: d.page,
        eventKey: keyOf(d),
        wechatData: JSON.stringify(TEMPLATE_FIELDS[TEMPLATE_OF_TYPE[d.type]](d.fields)),
        smsText: d.sms?.slice(0, 200) ?? null,
        readAt: null,
        createdAt: now,
      });
      notifications.push(n);
      if (muted) continue;
      const templateId = this.config.wechat.templates[TEMPLATE_OF_TYPE[d.type]];
      if (d.userId && openid.get(d.userId) && templateId && quota.has(`${d.userId}|${templateId}`)) deliver(n, 'wechat', templateId);
      if (d.sms && smsResident && this.config.sms) deliver(n, 'sms', null);
    }
    await em.getRepository(Notification).insert(notifications);
    if (deliveries.length) await em.getRepository(NotificationDelivery).insert(deliveries);
    return deliveries.length;
  }
}

/** The queue job of a delivery: a new id after an admin's retry (the failed job keeps the old one). */
export function jobIdOf(d: Pick<NotificationDelivery, 'id' | 'generation'>): string {
  return `d.${d.id}.${d.generation}`;
}
