import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { validateMobile, type ResidentItem } from '@zaogong/shared';
import { User } from '../../auth/entities/user.entity';
import { WechatClient } from '../../auth/wechat.client';
import { AuditService } from '../../audit/audit.service';
import { ChangeFeed } from '../../common/changes/change-feed';
import { Clock } from '../../common/clock';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Resident } from '../entities/resident.entity';
import { ResidentReferences } from '../resident-references';
import { ResidentsService, type RequestContext } from '../residents.service';
import type { QuickProfileDto } from './quick-profile.dto';

/**
 * 先报名: a seeker's first record made from the apply sheet with a name, a phone and a 村, so the first
 * application is one short step. The 身份证号 (and the gender and birth date read from it) stays empty
 * until the person gives it (我的求职信息, or when they confirm a hire) or their liaison completes it.
 */
@Injectable()
export class QuickProfileService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly residents: ResidentsService,
    private readonly refs: ResidentReferences,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
    private readonly audit: AuditService,
  ) {}

  async create(dto: QuickProfileDto, ctx: RequestContext): Promise<ResidentItem> {
    const repo = this.ds.getRepository(Resident);
    const mine = await repo.findOne({ where: { userId: ctx.actor.userId }, select: { id: true } });
    if (mine) throw new ConflictException({ statusCode: 409, message: '您已经登记过求职信息了，可以直接报名', existingId: mine.id });
    await this.refs.check({ villageCode: dto.villageCode, desiredOccupations: dto.desiredOccupations ?? [] });
    const { phone, verified } = await this.phoneOf(dto, ctx);
    const now = this.clock.now();
    if (verified) {
      const linked = await this.linkByPhone(phone, ctx, now);
      if (linked) return linked;
    }
    const resident = Object.assign(new Resident(), {
      id: randomUUID(),
      name: dto.name,
      idNumberCipher: null,
      idNumberHash: null,
      gender: null,
      birthDate: null,
      phoneCipher: this.cipher.encrypt(phone),
      phoneHash: this.cipher.blindIndex('phone', phone),
      villageCode: dto.villageCode,
      townCode: dto.villageCode.slice(0, 9),
      education: null,
      graduationDate: null,
      skills: [],
      desiredOccupations: [...new Set(dto.desiredOccupations ?? [])],
      desiredTownCodes: [],
      maxCommuteKm: null,
      expectedWageMin: null,
      wageUnit: null,
      availability: [],
      keyGroups: [],
      status: 'seeking',
      personalizedRecommendations: true,
      consentMethod: 'self',
      consentAt: now,
      consentBy: ctx.actor.userId,
      registeredBy: ctx.actor.userId,
      userId: ctx.actor.userId,
      erasedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies Omit<Resident, never>);
    try {
      await this.residents.insertWithHistory(resident, ctx, 'resident.self_register_quick');
    } catch (e) {
      // Two taps at once: the second finds the first's record (uq_residents_user).
      if (e instanceof ConflictException) throw new ConflictException({ statusCode: 409, message: '您已经登记过求职信息了，可以直接报名' });
      throw e;
    }
    this.changes.publish({ kind: 'resident', ids: [resident.id] });
    return (await this.residents.items([resident], now))[0];
  }

  /**
   * The person's village registered them already (a record with no account) under the phone WeChat or an
   * SMS code has just proved is theirs: that record becomes theirs, not a second one. Only when exactly one
   * record has that phone; a typed phone proves nothing and never links.
   */
  private async linkByPhone(phone: string, ctx: RequestContext, now: Date): Promise<ResidentItem | null> {
    const repo = this.ds.getRepository(Resident);
    const found = await repo.find({ where: { phoneHash: this.cipher.blindIndex('phone', phone), userId: IsNull(), erasedAt: IsNull() }, take: 2 });
    if (found.length !== 1) return null;
    const record = found[0];
    await this.ds.transaction(async (em) => {
      await em.getRepository(Resident).update({ id: record.id }, { userId: ctx.actor.userId, updatedAt: now });
      await this.audit.record({ action: 'resident.link_self_by_phone', actor: ctx.actor, targetType: 'resident', targetId: record.id, ip: ctx.ip }, em);
    });
    Object.assign(record, { userId: ctx.actor.userId, updatedAt: now });
    this.changes.publish({ kind: 'resident', ids: [record.id] });
    return (await this.residents.items([record], now))[0];
  }

  /** A typed phone, else the one WeChat vouches for, else the account's own (verified at login); one is needed. */
  private async phoneOf(dto: QuickProfileDto, ctx: RequestContext): Promise<{ phone: string; verified: boolean }> {
    if (dto.phone) return { phone: mobile(dto.phone), verified: false };
    if (dto.phoneCode) return { phone: mobile(await this.wechat.phoneNumber(dto.phoneCode)), verified: true };
    const account = await this.ds.getRepository(User).findOne({ where: { id: ctx.actor.userId }, select: { id: true, phoneCipher: true } });
    if (account?.phoneCipher) return { phone: mobile(this.cipher.decrypt(account.phoneCipher)), verified: true };
    const message = '请填写手机号，企业要打电话联系您';
    throw new BadRequestException({ statusCode: 400, message, errors: [{ field: 'phone', message }] });
  }
}

function mobile(raw: string): string {
  const v = validateMobile(raw);
  if (!v.ok) throw new BadRequestException({ statusCode: 400, message: `手机号：${v.message}`, errors: [{ field: 'phone', message: v.message }] });
  return v.value;
}
