import { Injectable, UnauthorizedException } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import type { PersonalDataExport } from '@zaogong/shared';
import { ApplicationStep } from '../applications/entities/application-step.entity';
import { Application } from '../applications/entities/application.entity';
import { AuditService } from '../audit/audit.service';
import { AuditLog } from '../audit/entities/audit-log.entity';
import { User } from '../auth/entities/user.entity';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { Employer } from '../employers/entities/employer.entity';
import { Hire } from '../hires/entities/hire.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { NotificationSetting } from '../notifications/entities/notification-setting.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { WechatSubscription } from '../notifications/entities/wechat-subscription.entity';
import { SavedSearch } from '../job-postings/entities/saved-search.entity';
import { RegionsService } from '../regions/regions.service';
import { ResidentStatusChange } from '../residents/entities/resident-status-change.entity';
import { Resident } from '../residents/entities/resident.entity';
import { toResidentItem } from '../residents/resident.mapper';
import { DeletionRequest } from './entities/deletion-request.entity';

/** Rows read per query of the inbox. */
const BATCH = 1000;

/**
 * GET /me/data-export (个人信息保护法 第四十五条, the right to a copy): everything held about the caller,
 * their own 身份证号 and phone in full, as one JSON document. The export itself is audit-logged (what was
 * exported, never the values).
 */
@Injectable()
export class DataExportService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async export(actor: AuthPrincipal, ip: string | null): Promise<PersonalDataExport> {
    const now = this.clock.now();
    const user = await this.ds.getRepository(User).findOneBy({ id: actor.userId });
    if (!user) throw new UnauthorizedException('账号不存在，请重新登录');
    const resident = await this.ds.getRepository(Resident).findOneBy({ userId: user.id });
    const applications = resident ? await this.applications(resident.id) : [];
    const hires = resident ? await this.hires(resident.id) : [];
    const notifications = await this.notifications(user.id);
    const setting = await this.ds.getRepository(NotificationSetting).findOneBy({ userId: user.id });
    const subscriptions = await this.ds.getRepository(WechatSubscription).find({ where: { userId: user.id }, order: { templateId: 'ASC' } });
    const savedSearches = await this.ds.getRepository(SavedSearch).find({ where: { userId: user.id }, order: { createdAt: 'ASC' } });
    const deletionRequests = await this.ds.getRepository(DeletionRequest).find({ where: { userId: user.id }, order: { createdAt: 'ASC' } });
    const auditEntries = await this.auditEntries(user.id, resident?.id ?? null, { applications: applications.map((a) => a.id), hires: hires.map((h) => h.id) });
    const residentPart = resident ? await this.resident(resident, now) : null;

    const data: PersonalDataExport = {
      exportedAt: now.toISOString(),
      account: {
        id: user.id,
        role: user.role,
        name: user.name,
        phone: user.phoneCipher ? this.cipher.decrypt(user.phoneCipher) : null,
        wechatLinked: user.wechatOpenid !== null,
        regionCode: user.regionCode,
        employerId: user.employerId,
        createdAt: user.createdAt.toISOString(),
        lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      },
      resident: residentPart,
      applications,
      hires,
      notifications,
      notificationSettings: setting ? { mutedTypes: setting.mutedTypes, sms: setting.sms } : null,
      savedSearches: savedSearches.map((x) => ({ q: x.q, townCode: x.townCode, occupationCode: x.occupationCode, type: x.type, wageMin: x.wageMin, createdAt: x.createdAt.toISOString() })),
      consents: {
        resident: residentPart ? residentPart.consent : null,
        personalizedRecommendations: resident ? resident.personalizedRecommendations : null,
        wechatSubscriptions: subscriptions.map((s) => ({ templateId: s.templateId, remaining: s.remaining })),
      },
      deletionRequests: deletionRequests.map((d) => ({ id: d.id, status: d.status, reason: d.reason, requestedAt: d.createdAt.toISOString(), decidedAt: d.decidedAt?.toISOString() ?? null, decisionNote: d.decisionNote })),
      auditEntries,
    };
    await this.audit.record({
      action: 'privacy.export',
      actor,
      targetType: 'user',
      targetId: user.id,
      detail: { residentId: resident?.id ?? null, applications: applications.length, hires: hires.length, notifications: notifications.length, auditEntries: auditEntries.length },
      ip,
    });
    return data;
  }

  private async resident(r: Resident, now: Date): Promise<NonNullable<PersonalDataExport['resident']>> {
    const names = await this.regions.names([r.villageCode, r.townCode, ...r.desiredTownCodes]);
    const changes = await this.ds.getRepository(ResidentStatusChange).find({ where: { residentId: r.id }, order: { changedAt: 'ASC' } });
    const userIds = [...new Set([r.consentBy, ...changes.map((c) => c.changedBy)].filter((x): x is string => !!x))];
    const users = new Map((userIds.length ? await this.ds.getRepository(User).find({ where: { id: In(userIds) }, select: { id: true, name: true, role: true } }) : []).map((u) => [u.id, u]));
    const item = toResidentItem(r, this.cipher, names, new Map([...users].map(([id, u]) => [id, u.name])), now);
    return {
      ...item,
      idNumber: r.idNumberCipher === null ? null : this.cipher.decrypt(r.idNumberCipher),
      phone: this.cipher.decrypt(r.phoneCipher),
      personalizedRecommendations: r.personalizedRecommendations,
      history: changes.map((c) => {
        const by = c.changedBy ? users.get(c.changedBy) : undefined;
        return { status: c.status, previousStatus: c.previousStatus, note: c.note, changedBy: { id: c.changedBy, name: by?.name ?? null, role: by?.role ?? null }, changedAt: c.changedAt.toISOString() };
      }),
    };
  }

  private async applications(residentId: string): Promise<PersonalDataExport['applications']> {
    const apps = await this.ds.getRepository(Application).find({ where: { residentId }, order: { createdAt: 'ASC' } });
    if (!apps.length) return [];
    const posts = new Map((await this.ds.getRepository(JobPosting).find({ where: { id: In([...new Set(apps.map((a) => a.postId))]) }, select: { id: true, title: true } })).map((p) => [p.id, p.title]));
    const employers = await this.employerNames(apps.map((a) => a.employerId));
    const steps = await this.ds.getRepository(ApplicationStep).find({ where: { applicationId: In(apps.map((a) => a.id)) }, order: { at: 'ASC' } });
    return apps.map((a) => ({
      id: a.id,
      postId: a.postId,
      postTitle: posts.get(a.postId) ?? null,
      employerName: employers.get(a.employerId) ?? null,
      status: a.status,
      interviewAt: a.interviewAt?.toISOString() ?? null,
      interviewPlace: a.interviewPlace,
      createdAt: a.createdAt.toISOString(),
      steps: steps
        .filter((s) => s.applicationId === a.id)
        .map((s) => ({ status: s.status, note: s.note, interviewAt: s.interviewAt?.toISOString() ?? null, interviewPlace: s.interviewPlace, byRole: s.byRole, at: s.at.toISOString() })),
    }));
  }

  private async hires(residentId: string): Promise<PersonalDataExport['hires']> {
    const hires = await this.ds.getRepository(Hire).find({ where: { residentId }, order: { startDate: 'ASC' } });
    if (!hires.length) return [];
    const employers = await this.employerNames(hires.map((h) => h.employerId).filter((x): x is string => !!x));
    const postIds = [...new Set(hires.map((h) => h.postId).filter((x): x is string => !!x))];
    const posts = new Map((postIds.length ? await this.ds.getRepository(JobPosting).find({ where: { id: In(postIds) }, select: { id: true, title: true } }) : []).map((p) => [p.id, p.title]));
    return hires.map((h) => ({
      id: h.id,
      employerName: h.employerId ? (employers.get(h.employerId) ?? null) : null,
      postTitle: h.postId ? (posts.get(h.postId) ?? null) : null,
      startDate: h.startDate,
      wage: h.wage,
      wageUnit: h.wageUnit,
      source: h.source,
      verified: h.verified,
      verifiedAt: h.verifiedAt?.toISOString() ?? null,
      createdAt: h.createdAt.toISOString(),
    }));
  }

  private async notifications(userId: string): Promise<PersonalDataExport['notifications']> {
    const out: PersonalDataExport['notifications'] = [];
    const repo = this.ds.getRepository(Notification);
    for (let skip = 0; ; skip += BATCH) {
      const rows = await repo.find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' }, skip, take: BATCH });
      for (const n of rows) out.push({ id: n.id, type: n.type, title: n.title, body: n.body, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() });
      if (rows.length < BATCH) return out;
    }
  }

  /**
   * Entries about the person (their account, 求职信息, applications and hires) and those they made
   * themselves (their logins, say): queries the (target_type, target_id) and actor_id indexes answer,
   * merged in chain order.
   */
  private async auditEntries(userId: string, residentId: string | null, related: { applications: string[]; hires: string[] }): Promise<PersonalDataExport['auditEntries']> {
    const logs = this.ds.getRepository(AuditLog);
    const about = await logs
      .createQueryBuilder('a')
      .where(
        new Brackets((w) => {
          w.where("a.target_type = 'user' AND a.target_id = :uid", { uid: userId });
          if (residentId) w.orWhere("a.target_type = 'resident' AND a.target_id = :rid", { rid: residentId });
          if (related.applications.length) w.orWhere("a.target_type = 'application' AND a.target_id IN (:...apps)", { apps: related.applications });
          if (related.hires.length) w.orWhere("a.target_type = 'hire' AND a.target_id IN (:...hires)", { hires: related.hires });
        }),
      )
      .getMany();
    const own = await logs.find({ where: { actorId: userId } });
    const rows = [...new Map([...about, ...own].map((a) => [a.id, a])).values()].sort((a, b) => a.seq - b.seq);
    return rows.map((a) => ({ action: a.action, actorRole: a.actorRole, targetType: a.targetType, targetId: a.targetId, detail: a.detail, at: a.at.toISOString() }));
  }

  private async employerNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    return new Map((await this.ds.getRepository(Employer).find({ where: { id: In(unique) }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  }
}
