import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicStats } from '@zaogong/shared';
import { Public } from '../common/decorators/auth.decorators';
import { PublicStatsQueryDto } from './public-stats.dto';
import { PublicStatsService } from './public-stats.service';

/** 山亭区就业服务: the district's progress for anyone (API.md "Public statistics"). */
@ApiTags('public')
@Controller('public')
export class PublicStatsController {
  constructor(private readonly stats: PublicStatsService) {}

  @Public()
  @Get('stats')
  @Header('Cache-Control', 'public, max-age=300')
  get(@Query() q: PublicStatsQueryDto): Promise<PublicStats> {
    return this.stats.stats(q.year ?? this.stats.thisYear());
  }
}
