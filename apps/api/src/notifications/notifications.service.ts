import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import {
  DELIVERY_STATUSES,
  NOTIFICATION_TYPES_BY_ROLE,
  TEMPLATE_KIND_LABELS,
  TEMPLATE_OF_TYPE,
  maskName,
  type DeliveryItem,
  type DeliveryStatus,
  type DeliverySummary,
  type NotificationItem,
  type NotificationSettings,
  type Page,
  type SubscriptionBalance,
  type SubscriptionTemplate,
} from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { fieldError } from '../common/errors/field-error';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { withTimeout } from '../queue/queue.util';
import { Resident } from '../residents/entities/resident.entity';
import type { DeliveryQueryDto, NotificationQueryDto, NotificationSettingsDto } from './dto/notification.dto';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationSetting } from './entities/notification-setting.entity';
import { Notification } from './entities/notification.entity';
import { WechatSubscription } from './entities/wechat-subscription.entity';
import { NotificationOutbox } from './notification-outbox';

/** Where admins open bull-board (only with Redis). */
export const QUEUE_BOARD_PATH = '/api/v1/admin/queues';

/** The inbox, the user's WeChat subscriptions and settings, and the admins' view of what went out. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>,
    @InjectRepository(WechatSubscription) private readonly subscriptions: Repository<WechatSubscription>,
    @InjectRepository(NotificationSetting) private readonly settings: Repository<NotificationSetting>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    private readonly dataSource: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: NotificationQueryDto, actor: AuthPrincipal): Promise<Page<NotificationItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :uid', { uid: actor.userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(n.created_at < :at OR (n.created_at = :at AND n.id < :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  async unreadCount(actor: AuthPrincipal): Promise<{ count: number }> {
    return { count: await this.notifications.countBy({ userId: actor.userId, readAt: IsNull() }) };
  }

  async markRead(id: string, actor: AuthPrincipal): Promise<NotificationItem> {
    const n = await this.notifications.findOneBy({ id, userId: actor.userId });
    if (!n) throw new NotFoundException('消息不存在');
    if (!n.readAt) {
      n.readAt = this.clock.now();
      await this.notifications.update({ id }, { readAt: n.readAt });
    }
    return toItem(n);
  }

  async markAllRead(actor: AuthPrincipal): Promise<{ count: number }> {
    await this.notifications.update({ userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.now() });
    return { count: 0 };
  }

  /** The templates worth asking this role to accept (those configured). */
  templates(actor: AuthPrincipal): SubscriptionTemplate[] {
    const kinds = [...new Set(NOTIFICATION_TYPES_BY_ROLE[actor.role].map((t) => TEMPLATE_OF_TYPE[t]))];
    return kinds.flatMap((kind) => {
      const templateId = this.config.wechat.templates[kind];
      return templateId ? [{ kind, templateId, title: TEMPLATE_KIND_LABELS[kind] }] : [];
    });
  }

  /** Each acceptance allows one more message of that template, as WeChat's one-time subscriptions do. */
  async accept(templateIds: string[], actor: AuthPrincipal): Promise<SubscriptionBalance[]> {
    const offered = new Map(this.templates(actor).map((t) => [t.templateId, t.kind]));
    const unknown = templateIds.find((id) => !offered.has(id));
    if (unknown !== undefined) {
      throw fieldError('templateIds', `不认识的消息模板：${unknown.slice(0, 64)}`);
    }
    const now = this.clock.now();
    for (const templateId of templateIds) {
      for (let tries = 0; ; tries++) {
        const raised = await this.dataSource
          .createQueryBuilder()
          .update(WechatSubscription)
          .set({ remaining: () => 'remaining + 1', updatedAt: now })
          .where('user_id = :u AND template_id = :t', { u: actor.userId, t: templateId })
          .execute();
        if (raised.affected) break;
        try {
          await this.subscriptions.insert({ userId: actor.userId, templateId, remaining: 1, updatedAt: now });
          break;
        } catch (e) {
          if (!isUniqueViolation(e) || tries > 0) throw e; // a concurrent first acceptance: add to it
        }
      }
    }
    return this.balances(actor);
  }

  async getSettings(actor: AuthPrincipal): Promise<NotificationSettings> {
    const s = await this.settings.findOneBy({ userId: actor.userId });
    return { mutedTypes: s?.mutedTypes ?? [], sms: s?.sms ?? false, smsAvailable: this.config.sms !== null, subscriptions: await this.balances(actor) };
  }

  async saveSettings(dto: NotificationSettingsDto, actor: AuthPrincipal): Promise<NotificationSettings> {
    const allowed = NOTIFICATION_TYPES_BY_ROLE[actor.role];
    const foreign = dto.mutedTypes.find((t) => !allowed.includes(t));
    if (foreign) throw fieldError('mutedTypes', `您不会收到这类消息：${foreign}`);
    if (dto.sms && !this.config.sms) throw fieldError('sms', '本服务还没有开通短信通知');
    if (dto.sms && !(await this.dataSource.getRepository(Resident).existsBy({ userId: actor.userId }))) {
      throw fieldError('sms', '短信发到求职信息里的手机号，请先填写求职信息');
    }
    await this.settings.save({ userId: actor.userId, mutedTypes: [...new Set(dto.mutedTypes)], sms: dto.sms, updatedAt: this.clock.now() });
    return this.getSettings(actor);
  }

  // ---- admins ----

  async summary(): Promise<DeliverySummary> {
    const rows = await this.deliveries.createQueryBuilder('d').select('d.status', 'status').addSelect('COUNT(*)', 'n').groupBy('d.status').getRawMany<{ status: DeliveryStatus; n: string | number }>();
    const byStatus = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
    for (const r of rows) byStatus[r.status] = Number(r.n);
    let queue: DeliverySummary['queue'] = null;
    try {
      const c = await withTimeout(this.queues.get(QUEUES.notifications).counts(), 1_000, 'queue did not answer');
      queue = { waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed };
    } catch {
      queue = null;
    }
    return { byStatus, queue, queueKind: this.queues.kind, boardPath: this.queues.kind === 'redis' ? QUEUE_BOARD_PATH : null };
  }

  async listDeliveries(query: DeliveryQueryDto): Promise<Page<DeliveryItem>> {
    const limit = clampLimit(query.limit);
    const qb = this.deliveries.createQueryBuilder('d');
    if (query.status) qb.andWhere('d.status = :st', { st: query.status });
    if (query.channel) qb.andWhere('d.channel = :ch', { ch: query.channel });
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(d.updated_at < :at OR (d.updated_at = :at AND d.id < :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('d.updated_at', 'DESC').addOrderBy('d.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.deliveryItems(page), nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt.toISOString(), last.id) : null };
  }

  /** A dead letter goes back to the queue under a new job id; the retry is audit-logged. */
  async retry(id: string, admin: AuthPrincipal): Promise<DeliveryItem> {
    const d = await this.deliveries.findOneBy({ id });
    if (!d) throw new NotFoundException('这条发送记录不存在');
    if (d.status !== 'failed') throw new ConflictException('只有发送失败的消息可以重试');
    const now = this.clock.now();
    const changed = await this.deliveries.update({ id, status: 'failed' }, { status: 'pending', attempts: 0, generation: d.generation + 1, queuedAt: null, notBefore: null, updatedAt: now });
    if (!changed.affected) throw new ConflictException('只有发送失败的消息可以重试');
    await this.audit.record({ action: 'notification.retry', actor: admin, targetType: 'notification_delivery', targetId: id, detail: { channel: d.channel, lastError: d.lastError } });
    this.outbox.kick();
    return (await this.deliveryItems([await this.deliveries.findOneByOrFail({ id })]))[0];
  }

  private async balances(actor: AuthPrincipal): Promise<SubscriptionBalance[]> {
    const templates = this.templates(actor);
    const rows = templates.length ? await this.subscriptions.findBy({ userId: actor.userId, templateId: In(templates.map((t) => t.templateId)) }) : [];
    const left = new Map(rows.map((r) => [r.templateId, r.remaining]));
    return templates.map((t) => ({ kind: t.kind, templateId: t.templateId, remaining: left.get(t.templateId) ?? 0 }));
  }

  private async deliveryItems(rows: NotificationDelivery[]): Promise<DeliveryItem[]> {
    if (rows.length === 0) return [];
    const ns = await this.notifications.find({ where: { id: In(rows.map((r) => r.notificationId)) }, select: { id: true, type: true, title: true, userId: true, residentId: true } });
    const byId = new Map(ns.map((n) => [n.id, n]));
    const userIds = [...new Set(ns.map((n) => n.userId).filter((u): u is string => !!u))];
    const residentIds = [...new Set(ns.filter((n) => !n.userId).map((n) => n.residentId).filter((r): r is string => !!r))];
    // A user's own 求职信息 has their real name; a WeChat login's account name is just 微信用户.
    const [users, ownRecords, residents] = await Promise.all([
      userIds.length ? this.dataSource.getRepository(User).find({ where: { id: In(userIds) }, select: { id: true, name: true } }) : [],
      userIds.length ? this.dataSource.getRepository(Resident).find({ where: { userId: In(userIds) }, select: { id: true, userId: true, name: true } }) : [],
      residentIds.length ? this.dataSource.getRepository(Resident).find({ where: { id: In(residentIds) }, select: { id: true, name: true } }) : [],
    ]);
    const names = new Map([...users, ...residents].map((x) => [x.id, x.name]));
    for (const r of ownRecords) names.set(r.userId as string, r.name);
    return rows.map((d) => {
      const n = byId.get(d.notificationId);
      const who = n ? (n.userId ?? n.residentId) : null;
      return {
        id: d.id,
        channel: d.channel,
        status: d.status,
        type: n?.type ?? 'application_update',
        title: n?.title ?? '',
        recipient: who ? maskName(names.get(who) ?? '') : '',
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: d.createdAt.toISOString(),
        updatedAt: d.updatedAt.toISOString(),
        sentAt: d.sentAt?.toISOString() ?? null,
      };
    });
  }
}

function toItem(n: Notification): NotificationItem {
  return { id: n.id, type: n.type, title: n.title, body: n.body, page: n.page, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() };
}
