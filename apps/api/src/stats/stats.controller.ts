import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DISTRICT_CODE, type LaborMap, type RegionOverview } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { CurrentUser, RegionScoped, Roles } from '../common/decorators/auth.decorators';
import { mayAccessRegion } from '../common/region-scope.policy';
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
    return this.stats.overview(query.regionCode ?? user.regionCode ?? DISTRICT_CODE, this.clock.now());
  }

  /**
   * 人力资源地图: residents by status and key group, one row per 镇街 of the district, per 村居 of a
   * 镇街, or the one 村居; the caller's own area unless they name one inside it.
   */
  @Get('labor')
  @Roles('admin', 'liaison')
  @RegionScoped({ in: 'query', field: 'regionCode' })
  labor(@Query() query: OverviewQueryDto, @CurrentUser() user: AuthPrincipal): Promise<LaborMap> {
    const code = query.regionCode ?? user.regionCode ?? DISTRICT_CODE;
    // The default too must lie within the scope (a liaison without a region sees nothing).
    if (!mayAccessRegion(user, code)) throw new ForbiddenException('该地区不在您的管辖范围内');
    return this.laborMap.map(code);
  }
}
