import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OccupationItem } from '@zaogong/shared';
import { Public } from '../common/decorators/auth.decorators';
import { OccupationQueryDto } from './dto/occupation-query.dto';
import { OccupationsService } from './occupations.service';

@ApiTags('occupations')
@Public()
@Controller('occupations')
export class OccupationsController {
  constructor(private readonly occupations: OccupationsService) {}

  @Get()
  async search(@Query() query: OccupationQueryDto): Promise<{ items: OccupationItem[] }> {
    return { items: await this.occupations.search(query.q, query.group, query.limit ?? 50) };
  }

  @Get(':code')
  get(@Param('code') code: string): Promise<OccupationItem> {
    return this.occupations.get(code);
  }
}
