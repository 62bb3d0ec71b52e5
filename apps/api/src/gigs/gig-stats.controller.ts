import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { GigStats } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, RegionScoped, Roles } from '../common/decorators/auth.decorators';
import { attachment } from '../residents/import/residents-spreadsheet.controller';
import { XLSX_MIME } from '../residents/import/upload-limits';
import { GigStatsQueryDto } from './dto/gig.dto';
import { GigStatsService } from './gig-stats.service';

/** The 零工 report (API.md "零工", GET /stats/gigs): a liaison or admin, their area; never part of 新增就业. */
@ApiTags('stats')
@ApiBearerAuth()
@Roles('admin', 'liaison')
@Controller('stats')
export class GigStatsController {
  constructor(private readonly stats: GigStatsService) {}

  /** Worker-days, workers, employers, pay recorded, no-shows and cases of a year, by 镇街 (where the work was) and month. */
  @Get('gigs')
  @RegionScoped({ in: 'query', field: 'townCode' })
  gigs(@Query() q: GigStatsQueryDto, @CurrentUser() user: AuthPrincipal): Promise<GigStats> {
    return this.stats.stats(q.year ?? this.stats.thisYear(), q.townCode, user);
  }

  /** The same as a workbook: 总体, 分镇街, 分月份. */
  @Get('gigs.xlsx')
  @ApiProduces(XLSX_MIME)
  @RegionScoped({ in: 'query', field: 'townCode' })
  async gigsFile(@Query() q: GigStatsQueryDto, @CurrentUser() user: AuthPrincipal): Promise<StreamableFile> {
    const year = q.year ?? this.stats.thisYear();
    const out = await this.stats.export(year, q.townCode, user);
    return new StreamableFile(out.bytes, { type: XLSX_MIME, disposition: attachment(out.filename, `gig-stats-${year}.xlsx`) });
  }
}
