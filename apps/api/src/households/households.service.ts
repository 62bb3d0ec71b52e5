import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { maskPhone, type HouseholdItem, type JobPostingItem } from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { fieldError } from '../common/errors/field-error';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { PostWorkflowService } from '../job-postings/post-workflow.service';
import { RegionsService } from '../regions/regions.service';
import type { CreateHouseholdDto, HouseholdGigDto, HouseholdQueryDto } from './dto/household.dto';

const NOT_FOUND = '农户不存在';
/** Why the household is verified without an admin's check: the audit log and the employer card say it. */
export const HOUSEHOLD_VOUCHED = '联络员代为登记的农户';
/** A 农户 is 农、林、牧、渔业 (GB/T 4754 门类 A). */
const FARMING = 'A' as const;
/** How many of a household's gigs GET /households lists, newest first. */
const GIGS_SHOWN = 10;
const LIST_MAX = 200;

/**
 * 零工驿站 (docs/business-logic/gigs.md): a liaison registers a 农户 of their 村 — no 统一社会信用代码, no account —
 * as an employer of kind 'household', verified at once on the liaison's word (audit-logged), and posts its day
 * work through the same check and review as every post. The liaison then runs the gig's days (gig.site).
 */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly cipher: PersonalDataCipher,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly workflow: PostWorkflowService,
  ) {}

  async create(dto: CreateHouseholdDto, user: AuthPrincipal, ip: string | null): Promise<HouseholdItem> {
    await this.access.require(user, 'household.manage', { villageCode: dto.villageCode });
    const now = this.clock.now();
    const village = (await this.regions.names([dto.villageCode])).get(dto.villageCode) ?? null;
    const household = Object.assign(new Employer(), {
      id: randomUUID(),
      name: dto.name,
      kind: 'household' as const,
      creditCode: null,
      villageCode: dto.villageCode,
      industryCode: FARMING,
      townCode: dto.villageCode.slice(0, 9),
      address: dto.address ?? village ?? dto.villageCode,
      contactName: dto.contactName,
      contactPhoneCipher: this.cipher.encrypt(dto.contactPhone),
      // Vouched for by the liaison of its 村: there is no licence for an admin to check.
      verification: 'verified' as const,
      verificationReason: null,
      verifiedAt: now,
      revokedAt: null,
      createdBy: user.userId,
      lat: null,
      lng: null,
    });
    await this.ds.transaction(async (em) => {
      await em.getRepository(Employer).insert(household);
      await this.audit.record({ action: 'employer.verify', actor: user, targetType: 'employer', targetId: household.id, detail: { reason: HOUSEHOLD_VOUCHED, villageCode: dto.villageCode }, ip }, em);
    });
    const saved = await this.ds.getRepository(Employer).findOneByOrFail({ id: household.id });
    return (await this.toItems([saved]))[0];
  }

  /** The households of the caller's area (or one 村居 of it), newest first, each with its latest gigs. */
  async list(q: HouseholdQueryDto, user: AuthPrincipal): Promise<{ items: HouseholdItem[] }> {
    const scope = await this.access.scope(user, 'household.manage');
    if (q.villageCode) await this.access.require(user, 'household.manage', { villageCode: q.villageCode });
    const qb = this.ds.getRepository(Employer).createQueryBuilder('e').where("e.kind = 'household'");
    if (scope.kind === 'region') qb.andWhere(...regionCondition(scope.code, { town: 'e.town_code', village: 'e.village_code' }));
    if (q.villageCode) qb.andWhere('e.village_code = :village', { village: q.villageCode });
    const rows = await qb.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC').take(LIST_MAX).getMany();
    return { items: await this.toItems(rows) };
  }

  /** POST /households/:id/gigs: a 零工 of the household at its 村, submitted for review like every post. */
  async postGig(id: string, dto: HouseholdGigDto, user: AuthPrincipal): Promise<JobPostingItem> {
    const household = await this.ds.getRepository(Employer).findOneBy({ id, kind: 'household' });
    if (!household?.villageCode) throw new NotFoundException(NOT_FOUND);
    await this.access.require(user, 'household.manage', { villageCode: household.villageCode, employerId: id }, { notFound: NOT_FOUND });
    if (dto.wageUnit === 'month') throw fieldError('wageUnit', '零工请按天、按小时或按件计工钱');
    return this.workflow.createFor(id, { ...dto, type: 'gig', townCode: household.townCode, villageCode: household.villageCode, address: dto.address ?? household.address });
  }

  private async toItems(rows: Employer[]): Promise<HouseholdItem[]> {
    if (rows.length === 0) return [];
    const names = await this.regions.names(rows.map((e) => e.villageCode ?? e.townCode));
    const posts = await this.ds.getRepository(JobPosting).find({
      where: { employerId: In(rows.map((e) => e.id)), type: 'gig' },
      select: { id: true, employerId: true, title: true, status: true, startDate: true, endDate: true, reviewNote: true, createdAt: true },
      order: { createdAt: 'DESC' },
    });
    return rows.map((e) => ({
      id: e.id,
      name: e.name,
      villageCode: e.villageCode ?? '',
      villageName: names.get(e.villageCode ?? '') ?? null,
      townCode: e.townCode,
      address: e.address,
      contactName: e.contactName,
      contactPhone: maskPhone(this.cipher.decrypt(e.contactPhoneCipher)),
      createdAt: e.createdAt.toISOString(),
      gigs: posts
        .filter((p) => p.employerId === e.id)
        .slice(0, GIGS_SHOWN)
        .map((p) => ({ id: p.id, title: p.title, status: p.status, startDate: p.startDate, endDate: p.endDate, reviewNote: p.reviewNote })),
    }));
  }
}
