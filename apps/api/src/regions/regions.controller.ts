import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RegionItem } from '@zaogong/shared';
import { Public } from '../common/decorators/auth.decorators';
import { RegionQueryDto } from './dto/region-query.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Public()
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  async list(@Query() query: RegionQueryDto): Promise<{ items: RegionItem[] }> {
    return { items: await this.regions.children(query.parent) };
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<RegionItem> {
    return this.regions.get(code);
  }
}
