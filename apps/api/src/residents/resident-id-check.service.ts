import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validateIdNumber, type ResidentIdCheck } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Resident } from './entities/resident.entity';
import { ResidentReferences } from './resident-references';

/**
 * POST /residents/id-check: while a liaison types a 身份证号 in 登记居民, whether that person is registered
 * already, so the duplicate shows before the consent is read aloud. Someone in the caller's own area comes
 * with their record's id and 村居; someone registered elsewhere only as "已登记" with the number to ask.
 * The number is looked up by its blind index and never written anywhere: no log, no audit entry.
 */
@Injectable()
export class ResidentIdCheckService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly access: AccessService,
    private readonly refs: ResidentReferences,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(idNumber: string, actor: AuthPrincipal): Promise<ResidentIdCheck> {
    // Staff with an area (the route admits liaisons and admins; one without a 村居 gets the policy's 403).
    await this.access.scope(actor, 'resident.read');
    const id = validateIdNumber(idNumber, this.clock.now());
    if (!id.ok) return { valid: false, exists: false, message: id.message };
    const found = await this.ds.getRepository(Resident).findOne({
      where: { idNumberHash: this.cipher.blindIndex('id_number', id.value) },
      select: { id: true, villageCode: true, userId: true, erasedAt: true },
    });
    if (!found || found.erasedAt) return { valid: true, exists: false };
    if (!(await this.access.may(actor, 'resident.read', { villageCode: found.villageCode, residentUserId: found.userId }))) {
      return { valid: true, exists: true, servicePhone: this.config.servicePhone };
    }
    const names = await this.refs.regionNames([found.villageCode]);
    return { valid: true, exists: true, residentId: found.id, villageName: names.get(found.villageCode) ?? null };
  }
}
