import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, In, LessThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import { Clock } from '../common/clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
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

/**
 * A delivery a worker took and never finished (the process died mid-send) is settled after this long:
 * far more than one send may take (the gateways' own timeout is 5 s), and with the sweep every few
 * seconds every such row is settled within two minutes of the crash.
 */
export const STUCK_AFTER_MS = 90_000;

/** What an admin reads on a WeChat message a dead worker left: it may or may not have gone out. */
export const WECHAT_LOST_REASON = '发送中断，不知是否已送达：微信消息不能去重，没有重发，请确认后再决定是否重试';
/** What an SMS left by a dead worker carries while it is sent again. */
export const SMS_RESENT_REASON = '发送中断，已重新发送（短信网关按消息编号去重，不会收到两条）';
/** An SMS interrupted on every try is not sent again by itself. */
export const SMS_SPENT_REASON = '每次发送都中断，不再自动重发，请确认后再决定是否重试';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  /** Settles sends a dead worker left half-done, and queues what was never queued. */
  async housekeeping(): Promise<void> {
    try {
      await this.settleStuck();
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
    // The delivery's id is the gateway's de-duplication key: a send repeated after a crash is dropped there.
    return this.sms.send(this.cipher.decrypt(resident.phoneCipher), n.smsText, d.id);
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

  /**
   * Rows left in sending by a worker that died, whether they went out unknown. An SMS goes back to
   * pending under a new generation and is sent again: the gateway drops a second copy, because every
   * send carries the delivery's id as its de-duplication key (outId). WeChat has no such key, so a
   * WeChat message is never sent twice: it is marked failed with the reason, in the admins' list of
   * failed deliveries, where an admin who learns it never arrived retries it.
   */
  private async settleStuck(): Promise<void> {
    const repo = this.dataSource.getRepository(NotificationDelivery);
    const now = this.clock.now();
    const stuck = await repo.find({
      where: { status: 'sending', updatedAt: LessThan(new Date(now.getTime() - STUCK_AFTER_MS)) },
      select: { id: true, channel: true, attempts: true },
      take: 500,
    });
    if (stuck.length === 0) return;
    const sms = stuck.filter((d) => d.channel === 'sms' && d.attempts < this.config.notify.attempts).map((d) => d.id);
    const wechat = stuck.filter((d) => d.channel === 'wechat').map((d) => d.id);
    const spent = stuck.filter((d) => d.channel === 'sms' && !sms.includes(d.id)).map((d) => d.id); // interrupted on every try
    if (sms.length > 0) {
      await this.dataSource
        .createQueryBuilder()
        .update(NotificationDelivery)
        .set({ status: 'pending', generation: () => 'generation + 1', queuedAt: null, lastError: SMS_RESENT_REASON, updatedAt: now })
        .where({ id: In(sms), status: 'sending' })
        .execute();
    }
    for (const [ids, reason] of [[wechat, WECHAT_LOST_REASON], [spent, SMS_SPENT_REASON]] as const) {
      if (ids.length > 0) await repo.update({ id: In(ids), status: 'sending' }, { status: 'failed', lastError: reason, updatedAt: now });
    }
    this.logger.warn(`deliveries left half-sent by a stopped worker: ${sms.length} SMS sent again (the gateway de-duplicates), ${wechat.length + spent.length} marked failed for an admin`);
  }
}
