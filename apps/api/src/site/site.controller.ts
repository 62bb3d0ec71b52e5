import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SiteConfig } from '@zaogong/shared';
import { Public } from '../common/decorators/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** What every screen may show whoever is looking: the service's phone for questions and data requests. */
@ApiTags('site')
@Controller('public')
export class SiteController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get('config')
  site(): SiteConfig {
    return { servicePhone: this.config.servicePhone };
  }
}
