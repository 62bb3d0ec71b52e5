import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LaborMap, RegionOverview } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { CurrentUser, RegionScoped, Roles } from '../common/decorators/auth.decorators';
import { OverviewQueryDto } from './dto/overview-query.dto';
import { LaborMapService } from './labor-map.service';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly laborMap: LaborMapService,
    private readonly clock: Clock,
  ) {}

  /** The landing numbers of a liaison or admin: their own area unless they name one inside it. */
  @Get('overview')
  @Roles('admin', 'liaison')
  @RegionScoped({ in: 'query', field: 'regionCode' })
  overview(@Query() query: OverviewQueryDto, @CurrentUser() user: AuthPrincipal): Promise<RegionOverview> {
    return this.stats.overview(query.regionCode, user, this.clock.now());
  }

  /**
   * 人力资源地图: residents by status and key group, one row per 镇街 of the district, per 村居 of a
   * 镇街, or the one 村居; the caller's own area unless they name one inside it.
   */
  @Get('labor')
  @Roles('admin', 'liaison')
  @RegionScoped({ in: 'query', field: 'regionCode' })
  labor(@Query() query: OverviewQueryDto, @CurrentUser() user: AuthPrincipal): Promise<LaborMap> {
    return this.laborMap.map(query.regionCode, user);
  }
}
