import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LiaisonToday, LiaisonVillages } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, RegionScoped } from '../common/decorators/auth.decorators';
import { LiaisonAreaQueryDto, LiaisonTodayQueryDto } from './dto/liaison-home-query.dto';
import { LiaisonHomeService } from './liaison-home.service';

/**
 * The liaison home: their 村居 in numbers and 今日要办. A liaison or admin (worklist.read): their own area
 * unless they name a 镇街 or 村居 inside it; employers and seekers are refused by the access policy.
 */
@ApiTags('liaison')
@ApiBearerAuth()
@Controller('liaison')
export class LiaisonHomeController {
  constructor(private readonly home: LiaisonHomeService) {}

  /** One row per 村居 (per 镇街 for the district): 求职中, 今年已就业, 待确认上班. */
  @Get('villages')
  @RegionScoped({ in: 'query', field: 'regionCode' })
  villages(@Query() query: LiaisonAreaQueryDto, @CurrentUser() user: AuthPrincipal): Promise<LiaisonVillages> {
    return this.home.villages(query.regionCode, user);
  }

  /** 今日要办: hires to confirm, applications without news for a week, people quiet for a month. */
  @Get('today')
  @RegionScoped({ in: 'query', field: 'regionCode' })
  today(@Query() query: LiaisonTodayQueryDto, @CurrentUser() user: AuthPrincipal): Promise<LiaisonToday> {
    return this.home.today(query.regionCode, query.limit, user);
  }
}
