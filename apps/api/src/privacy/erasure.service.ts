import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { CLOSED_APPLICATION_STATUSES, type DeletionRequestSource } from '@zaogong/shared';
import { ApplicationStep } from '../applications/entities/application-step.entity';
import { Application } from '../applications/entities/application.entity';
import { AuditService } from '../audit/audit.service';
import { AuthSession } from '../auth/entities/auth-session.entity';
import { User } from '../auth/entities/user.entity';
import { AccountStateService } from '../auth/sessions/account-state.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { ChangeFeed } from '../common/changes/change-feed';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { Hire } from '../hires/entities/hire.entity';
import { NotificationDelivery } from '../notifications/entities/notification-delivery.entity';
import { NotificationSetting } from '../notifications/entities/notification-setting.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { WechatSubscription } from '../notifications/entities/wechat-subscription.entity';
import { SavedSearch } from '../job-postings/entities/saved-search.entity';
import { ResidentStatusChange } from '../residents/entities/resident-status-change.entity';
import { Resident } from '../residents/entities/resident.entity';
import { erasedAccountFields, erasedResidentFields } from './erasure.policy';

/** Ids per IN (…) list, and LIKE prefixes per query. */
const CHUNK = 200;

export interface ErasureTarget {
  /** The 求职信息 to erase, or null (an account without one). */
  residentId: string | null;
  /** The account to end, or null (a resident without an account). */
  userId: string | null;
}

export interface ErasureContext {
  actor: AuthPrincipal;
  ip: string | null;
  requestId: string;
  source: DeletionRequestSource;
}

/** What one erasure did: counts for the audit log, ids for the caches to forget after the commit. */
export interface ErasureSummary {
  residentId: string | null;
  userId: string | null;
  applicationsWithdrawn: number;
  hiresRemoved: number;
  hiresKept: number;
  notificationsRemoved: number;
  endedSessions: string[];
}

/**
 * Carries out an erasure (docs/business-logic/personal-data-rights.md) inside the caller's transaction:
 * the 求职信息 becomes a nameless stub (erasure.policy.ts says what stays and why), open applications
 * are withdrawn, unverified hires removed, verified ones kept as they are (they point at the stub, so
 * the counted employment of past years does not change), messages to and about the person deleted,
 * and the account ended (anonymised, disabled, its WeChat and phone released, its sessions ended).
 * Audit-logged with counts only.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly changes: ChangeFeed,
    private readonly accounts: AccountStateService,
    private readonly clock: Clock,
  ) {}

  async erase(em: EntityManager, target: ErasureTarget, ctx: ErasureContext): Promise<ErasureSummary> {
    const now = this.clock.now();
    const summary: ErasureSummary = { residentId: target.residentId, userId: target.userId, applicationsWithdrawn: 0, hiresRemoved: 0, hiresKept: 0, notificationsRemoved: 0, endedSessions: [] };
    const eventPrefixes: string[] = [];
    if (target.residentId) {
      const resident = await em.getRepository(Resident).findOne({ where: { id: target.residentId }, select: { id: true, birthDate: true, status: true, userId: true } });
      if (!resident) throw new ConflictException('居民档案不存在');
      // The conditional update is the guard: of two erasures at once, one changes the row and the other finds nothing to change.
      const erased = await em.getRepository(Resident).update({ id: resident.id, erasedAt: IsNull() }, erasedResidentFields(resident, this.cipher.encrypt(''), now));
      if (!erased.affected) throw new ConflictException('该居民的个人信息已经删除过了');
      summary.userId ??= resident.userId;
      const history = em.getRepository(ResidentStatusChange);
      await history.update({ residentId: resident.id }, { note: null });
      await history.insert({ id: randomUUID(), residentId: resident.id, status: 'not_seeking', previousStatus: resident.status, note: '本人申请删除个人信息', changedBy: ctx.actor.userId, changedAt: now });
      Object.assign(summary, await this.closeApplications(em, resident.id, ctx.actor, now, eventPrefixes));
    }
    summary.notificationsRemoved = await this.deleteNotifications(em, target.residentId, summary.userId, eventPrefixes);
    if (summary.userId) summary.endedSessions = await this.endAccount(em, summary.userId, now);
    await this.audit.record(
      {
        action: 'privacy.erase',
        actor: ctx.actor,
        targetType: target.residentId ? 'resident' : 'user',
        targetId: target.residentId ?? summary.userId,
        detail: {
          requestId: ctx.requestId,
          source: ctx.source,
          accountEnded: summary.userId !== null,
          applicationsWithdrawn: summary.applicationsWithdrawn,
          hiresRemoved: summary.hiresRemoved,
          hiresKept: summary.hiresKept,
          notificationsRemoved: summary.notificationsRemoved,
        },
        ip: ctx.ip,
      },
      em,
    );
    return summary;
  }

  /** After the commit: the matching index drops the person, and every API process forgets the account and its sessions. */
  afterCommit(summary: ErasureSummary): void {
    if (summary.residentId) this.changes.publish({ kind: 'resident', ids: [summary.residentId] });
    if (summary.userId) this.accounts.accountsChanged([summary.userId]);
    this.accounts.sessionsChanged(summary.endedSessions);
  }

  /**
   * Open applications are withdrawn (a step by whoever carried out the erasure); every step's note (free
   * text) is cleared; hires not yet verified are removed, verified ones stay. Collects the event keys of
   * messages about these steps and hires.
   */
  private async closeApplications(em: EntityManager, residentId: string, actor: AuthPrincipal, now: Date, eventPrefixes: string[]): Promise<Pick<ErasureSummary, 'applicationsWithdrawn' | 'hiresRemoved' | 'hiresKept'>> {
    const apps = await em.getRepository(Application).find({ where: { residentId }, select: { id: true, status: true } });
    const open = apps.filter((a) => !CLOSED_APPLICATION_STATUSES.includes(a.status));
    const steps = em.getRepository(ApplicationStep);
    for (const ids of chunks(apps.map((a) => a.id))) {
      for (const s of await steps.find({ where: { applicationId: In(ids) }, select: { id: true } })) eventPrefixes.push(`step:${s.id}:`);
      await steps.update({ applicationId: In(ids), note: Not(IsNull()) }, { note: null });
    }
    for (const ids of chunks(open.map((a) => a.id))) {
      await em.getRepository(Application).update({ id: In(ids) }, { status: 'withdrawn', updatedAt: now });
      await steps.insert(ids.map((applicationId) => ({ id: randomUUID(), applicationId, status: 'withdrawn' as const, note: null, interviewAt: null, interviewPlace: null, byUser: actor.userId, byRole: actor.role, at: now })));
    }
    const hires = await em.getRepository(Hire).find({ where: { residentId }, select: { id: true, verified: true } });
    for (const h of hires) eventPrefixes.push(`hire:${h.id}:`);
    const unverified = hires.filter((h) => !h.verified).map((h) => h.id);
    for (const ids of chunks(unverified)) {
      await em.getRepository(Application).update({ hireId: In(ids) }, { hireId: null });
      await em.getRepository(Hire).delete({ id: In(ids) });
    }
    return { applicationsWithdrawn: open.length, hiresRemoved: unverified.length, hiresKept: hires.length - unverified.length };
  }

  /**
   * The person's inbox, the text messages to their phone, and the messages to employers and liaisons
   * about their applications and hires (which name them), with the deliveries of all of these.
   */
  private async deleteNotifications(em: EntityManager, residentId: string | null, userId: string | null, eventPrefixes: string[]): Promise<number> {
    const repo = em.getRepository(Notification);
    const ids = new Set<string>();
    if (userId) for (const n of await repo.find({ where: { userId }, select: { id: true } })) ids.add(n.id);
    if (residentId) for (const n of await repo.find({ where: { residentId }, select: { id: true } })) ids.add(n.id);
    for (const prefixes of chunks(eventPrefixes)) {
      const qb = repo.createQueryBuilder('n').select('n.id', 'id');
      prefixes.forEach((p, i) => qb.orWhere(`n.event_key LIKE :p${i}`, { [`p${i}`]: `${p}%` }));
      for (const row of await qb.getRawMany<{ id: string }>()) ids.add(row.id);
    }
    for (const batch of chunks([...ids])) {
      await em.getRepository(NotificationDelivery).delete({ notificationId: In(batch) });
      await repo.delete({ id: In(batch) });
    }
    return ids.size;
  }

  /** Anonymises and disables the account, releases its WeChat and phone, ends its sessions; returns their ids. */
  private async endAccount(em: EntityManager, userId: string, now: Date): Promise<string[]> {
    await em
      .getRepository(User)
      .createQueryBuilder()
      .update()
      .set({ ...erasedAccountFields(now), authVersion: () => 'auth_version + 1' })
      .where('id = :id', { id: userId })
      .execute();
    await em.getRepository(NotificationSetting).delete({ userId });
    await em.getRepository(WechatSubscription).delete({ userId });
    await em.getRepository(SavedSearch).delete({ userId });
    const sessions = em.getRepository(AuthSession);
    const open = (await sessions.find({ where: { userId, endedAt: IsNull() }, select: { id: true } })).map((s) => s.id);
    if (open.length) await sessions.update({ userId, endedAt: IsNull() }, { endedAt: now, endedReason: 'erased' });
    return open;
  }
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
