import { Injectable } from '@nestjs/common';
import { maskPhone, type AuthUser } from '@zaogong/shared';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { RegionsService } from '../../regions/regions.service';
import type { User } from '../entities/user.entity';

/** How an account is shown to its owner (GET /me and every login answer). */
@Injectable()
export class AuthUserPresenter {
  constructor(
    private readonly regions: RegionsService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async present(user: User, mfaVerified: boolean): Promise<AuthUser> {
    const regionName = user.regionCode ? ((await this.regions.names([user.regionCode])).get(user.regionCode) ?? null) : null;
    return {
      id: user.id,
      role: user.role,
      name: user.name,
      regionCode: user.regionCode,
      regionName,
      employerId: user.employerId,
      phoneMasked: user.phoneCipher ? maskPhone(this.cipher.decrypt(user.phoneCipher)) : null,
      mfaEnabled: user.mfaEnabledAt !== null,
      mfaVerified,
    };
  }
}
