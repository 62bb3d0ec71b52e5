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

  /** The account's phone, masked (138****1234), or null. */
  maskedPhone(user: User): string | null {
    return user.phoneCipher ? maskPhone(this.cipher.decrypt(user.phoneCipher)) : null;
  }

  /** The blind index an account's phone is found by (用户管理's search by number). */
  phoneIndex(phone: string): string {
    return this.cipher.blindIndex('phone', phone);
  }

  /** code → name of the accounts' regions, one query. */
  regionNames(users: User[]): Promise<Map<string, string>> {
    return this.regions.names(users.map((u) => u.regionCode).filter((c): c is string => !!c));
  }

  async present(user: User, mfaVerified: boolean): Promise<AuthUser> {
    const regionName = user.regionCode ? ((await this.regions.names([user.regionCode])).get(user.regionCode) ?? null) : null;
    return {
      id: user.id,
      role: user.role,
      name: user.name,
      regionCode: user.regionCode,
      regionName,
      employerId: user.employerId,
      phoneMasked: this.maskedPhone(user),
      mfaEnabled: user.mfaEnabledAt !== null,
      mfaVerified,
    };
  }
}
