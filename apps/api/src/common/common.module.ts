import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from './clock';
import { PersonalDataCipher } from './crypto/personal-data-cipher';
import { ChineseText } from './text/chinese-text';
import { ChangeFeed } from './changes/change-feed';
import { AccessService } from './access/access.service';
import { PublicCache } from './public-cache/public-cache';

/** Cross-cutting providers every module may inject. */
@Global()
@Module({
  providers: [Clock, ChineseText, ChangeFeed, AccessService, PublicCache, { provide: PersonalDataCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new PersonalDataCipher(config.dataKey) }],
  exports: [Clock, PersonalDataCipher, ChineseText, ChangeFeed, AccessService, PublicCache],
})
export class CommonModule {}
