import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DISTRICT_CODE, type RegionOverview } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { CurrentUser, RegionScoped, Roles } from '../common/decorators/auth.decorators';
import { OverviewQueryDto } from './dto/overview-query.dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly clock: Clock,
  ) {}

  /** The landing numbers of a liaison or admin: their own area unless they name one inside it. */
  @Get('overview')
  @Roles('admin', 'liaison')
  @RegionScoped({ in: 'query', field: 'regionCode' })
  overview(@Query() query: OverviewQueryDto, @CurrentUser() user: AuthPrincipal): Promise<RegionOverview> {
    return this.stats.overview(query.regionCode ?? user.regionCode ?? DISTRICT_CODE, this.clock.now());
  }
}
