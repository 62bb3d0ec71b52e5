import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { regionLevelOf } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import type { AuthPrincipal } from '../common/auth-principal';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { PosterPhone } from './poster-content';

/** The phones a poster prints (the 村居 window first). */
@Injectable()
export class PosterPhones {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A liaison prints their own number (they are the 村居 window the poster sends people to); an event adds its
   * own contact phone; with neither, the service hotline.
   */
  async forPrinter(actor: AuthPrincipal | undefined, eventPhone: string | null): Promise<PosterPhone[]> {
    const phones: PosterPhone[] = [];
    if (actor?.role === 'liaison') {
      const me = await this.ds.getRepository(User).findOne({ where: { id: actor.userId }, select: { id: true, name: true, phoneCipher: true } });
      if (me?.phoneCipher) {
        const who = regionLevelOf(actor.regionCode) === 'village' ? '本村联络员' : '联络员';
        phones.push({ label: `${who} ${me.name}`, number: this.cipher.decrypt(me.phoneCipher) });
      }
    }
    if (eventPhone && !phones.some((p) => p.number === eventPhone)) phones.push({ label: '活动咨询电话', number: eventPhone });
    if (!phones.length) phones.push({ label: '人社服务热线', number: this.config.servicePhone });
    return phones;
  }
}
