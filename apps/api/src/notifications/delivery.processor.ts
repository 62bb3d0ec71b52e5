import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { PROCESS_OPTIONS, type ProcessOptions } from '../process-options';
import { QUEUE_DRIVER, QUEUES, type JobContext, type QueueDriver } from '../queue';
import { errorMessage } from '../queue/queue.util';
import { Resident } from '../residents/entities/resident.entity';
import type { DeliveryOutcome } from './channels/delivery-outcome';
import { SMS_PROVIDER, type SmsProvider } from './channels/sms-provider';
import { WechatMessages } from './channels/wechat-messages';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { Notification } from './entities/notification.entity';
import { WechatSubscription } from './entities/wechat-subscription.entity';
import { NotificationOutbox, jobIdOf, type DeliveryJob } from './notification-outbox';
import { quietUntil } from './wechat-templates';

/** How often the worker looks for deliveries that were never queued. */
export const SWEEP_EVERY_MS = 5_000;
/** A delivery with its notification and the recipient's account, read in one query. */
type LoadedDelivery = NotificationDelivery & { notification: Notification & { user: User | null } };

/** A delivery a worker took and never finished (the process died mid-send) is given up after this long. */
export const STUCK_AFTER_MS = 10 * 60_000;

/**
 * Sends one delivery per job. The row is claimed (pending → sending) before anything goes out, so a
 * job run twice, or queued twice, sends once. Outcomes: sent; skipped (no subscription left, refused);
 * failed at once (WeChat rejects the content); or a transient error, retried by the queue with
 * exponential backoff until the last try, after which the row is failed: a dead letter an admin sees.
 */
@Injectable()
export class DeliveryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryProcessor.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    @Inject(PROCESS_OPTIONS) private readonly options: ProcessOptions,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    private readonly wechat: WechatMessages,
    private readonly outbox: NotificationOutbox,
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.runProcessors) return;
    this.queues.get<DeliveryJob>(QUEUES.notifications).process((job) => this.handle(job));
    // A plain timer, not a repeating job: it must run while Redis is away.
    this.timer = setInterval(() => void this.housekeeping(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.housekeeping();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Queues what was never queued, and gives up on sends a dead worker left half-done. */
  async housekeeping(): Promise<void> {
    try {
      await this.failStuck();
      await this.outbox.sweep();
    } catch (e) {
      this.logger.warn(`Notification sweep failed: ${errorMessage(e)}`);
    }
  }

  async handle(job: JobContext<DeliveryJob>): Promise<void> {
    const now = this.clock.now();
    const claimed = await this.dataSource
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({ status: 'sending', attempts: () => 'attempts + 1', updatedAt: now })
      .where("id = :id AND status = 'pending'", { id: job.data.deliveryId })
      .execute();
    if (!claimed.affected) return; // sent, skipped, failed or being sent: nothing to do
    // One read for the row, its notification and the recipient's WeChat identity.
    const d = (await this.dataSource
      .getRepository(NotificationDelivery)
      .createQueryBuilder('d')
      .innerJoinAndMapOne('d.notification', Notification, 'n', 'n.id = d.notification_id')
      .leftJoinAndMapOne('n.user', User, 'u', 'u.id = n.user_id')
      .where('d.id = :id', { id: job.data.deliveryId })
      .getOneOrFail()) as LoadedDelivery;
    if (d.notification.type === 'job_digest') {
      const until = quietUntil(now);
      if (until) return this.postpone(d, until);
    }
    let outcome: DeliveryOutcome;
    try {
      outcome = d.channel === 'wechat' ? await this.sendWechat(d) : await this.sendSms(d);
    } catch (e) {
      const reason = errorMessage(e).slice(0, 200);
      const last = job.attempt >= job.attempts;
      await this.finish(d, last ? 'failed' : 'pending', reason);
      if (last) this.logger.error(`Delivery ${d.id} (${d.channel}) failed after ${job.attempt} tries: ${reason}`);
      throw e;
    }
    if (outcome.result === 'sent') {
      await this.dataSource.getRepository(NotificationDelivery).update({ id: d.id }, { status: 'sent', sentAt: this.clock.now(), lastError: null, quotaTaken: d.quotaTaken, updatedAt: this.clock.now() });
    } else {
      await this.finish(d, outcome.result, outcome.reason);
      const userId = d.notification.userId;
      if (outcome.result === 'skipped' && outcome.noQuota && d.templateId && userId) {
        await this.dataSource.getRepository(WechatSubscription).update({ userId, templateId: d.templateId }, { remaining: 0, updatedAt: this.clock.now() });
      }
    }
  }

  private async sendWechat(d: LoadedDelivery): Promise<DeliveryOutcome> {
    if (!this.wechat.enabled) return { result: 'skipped', reason: '未配置微信小程序 AppID' };
    const n = d.notification;
    const openid = n.user?.wechatOpenid;
    if (!openid || !n.userId || !d.templateId) return { result: 'skipped', reason: '用户没有微信身份' };
    if (!d.quotaTaken) {
      // One subscription per message, taken once however many tries it needs (the row records it with its outcome).
      const taken = await this.dataSource
        .createQueryBuilder()
        .update(WechatSubscription)
        .set({ remaining: () => 'remaining - 1', updatedAt: this.clock.now() })
        .where('user_id = :u AND template_id = :t AND remaining > 0', { u: n.userId, t: d.templateId })
        .execute();
      if (!taken.affected) return { result: 'skipped', reason: '用户没有剩余的订阅次数' };
      d.quotaTaken = true;
    }
    return this.wechat.send({
      touser: openid,
      template_id: d.templateId,
      page: (n.page ?? 'pages/index/index').replace(/^\//, ''),
      data: JSON.parse(n.wechatData ?? '{}') as Record<string, { value: string }>,
    });
  }

  private async sendSms(d: LoadedDelivery): Promise<DeliveryOutcome> {
    const n = d.notification;
    if (!this.sms.enabled) return { result: 'skipped', reason: '未配置短信服务' };
    if (!n.residentId || !n.smsText) return { result: 'skipped', reason: '没有可发送的手机号' };
    const resident = await this.dataSource.getRepository(Resident).findOne({ where: { id: n.residentId }, select: { id: true, phoneCipher: true } });
    if (!resident) return { result: 'skipped', reason: '居民档案已不存在' };
    await this.audit.record({ action: 'resident.phone_read', actor: null, targetType: 'resident', targetId: resident.id, detail: { purpose: 'sms', deliveryId: d.id } });
    return this.sms.send(this.cipher.decrypt(resident.phoneCipher), n.smsText);
  }

  /**
   * Any state but sent. A message that will never go out (failed) gives its WeChat subscription back;
   * one waiting for its next try keeps it.
   */
  private async finish(d: LoadedDelivery, status: 'pending' | 'skipped' | 'failed', reason: string): Promise<void> {
    const giveBack = status === 'failed' && d.quotaTaken && d.templateId && d.notification.userId;
    if (giveBack) {
      await this.dataSource
        .createQueryBuilder()
        .update(WechatSubscription)
        .set({ remaining: () => 'remaining + 1', updatedAt: this.clock.now() })
        .where('user_id = :u AND template_id = :t', { u: d.notification.userId, t: d.templateId })
        .execute();
    }
    await this.dataSource.getRepository(NotificationDelivery).update({ id: d.id }, { status, lastError: reason, quotaTaken: giveBack ? false : d.quotaTaken, updatedAt: this.clock.now() });
  }

  /** The digest waits out the night: back to pending, queued again for the morning. */
  private async postpone(d: NotificationDelivery, until: Date): Promise<void> {
    const repo = this.dataSource.getRepository(NotificationDelivery);
    await repo.update({ id: d.id }, { status: 'pending', notBefore: until, queuedAt: this.clock.now(), attempts: d.attempts - 1, generation: d.generation + 1, updatedAt: this.clock.now() });
    const delayMs = until.getTime() - this.clock.now().getTime();
    await this.queues.get<DeliveryJob>(QUEUES.notifications).add({ deliveryId: d.id }, { jobId: jobIdOf({ id: d.id, generation: d.generation + 1 }), delayMs });
  }

  /** Rows left in sending by a worker that died: whether they went out is unknown, so an admin decides. */
  private async failStuck(): Promise<void> {
    const repo = this.dataSource.getRepository(NotificationDelivery);
    const stuck = await repo.find({ where: { status: 'sending', updatedAt: LessThan(new Date(this.clock.now().getTime() - STUCK_AFTER_MS)) }, select: { id: true }, take: 500 });
    if (stuck.length === 0) return;
    await repo.update({ id: In(stuck.map((s) => s.id)), status: 'sending' }, { status: 'failed', lastError: '发送中断，结果不明（请确认后再重试）', updatedAt: this.clock.now() });
    this.logger.warn(`${stuck.length} notification deliveries were left half-sent by a stopped worker; marked failed`);
  }
}
