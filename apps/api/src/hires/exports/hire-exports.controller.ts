import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { chinaDateOf } from '@zaogong/shared';
import type { AuthPrincipal } from '../../common/auth-principal';
import { Clock } from '../../common/clock';
import { CurrentUser, Roles } from '../../common/decorators/auth.decorators';
import { requestIp } from '../../residents/residents.controller';
import { attachment } from '../../residents/import/residents-spreadsheet.controller';
import { XLSX_MIME } from '../../residents/import/upload-limits';
import { YearQueryDto } from '../dto/hire.dto';
import { LedgerQueryDto } from './hire-exports.dto';
import { LedgerExportService } from './ledger-export.service';
import { StatsExportService } from './stats-export.service';

@ApiTags('hires')
@ApiBearerAuth()
@Roles('admin', 'liaison')
@Controller()
export class HireExportsController {
  constructor(
    private readonly ledger: LedgerExportService,
    private readonly statsExport: StatsExportService,
    private readonly clock: Clock,
  ) {}

  /**
   * 新增就业实名制台账 of a year: the people the count counts, 身份证号 masked; full for an admin with
   * `reveal=true&reason=…`. Scoped to the caller's area; audit-logged.
   */
  @Get('hires/ledger.xlsx')
  @ApiProduces(XLSX_MIME)
  async ledgerFile(@Query() query: LedgerQueryDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<StreamableFile> {
    const year = query.year ?? this.thisYear();
    const out = await this.ledger.export({ year, revealReason: query.reveal === 'true' ? (query.reason ?? '') : null, actor, ip: requestIp(req) });
    return new StreamableFile(out.stream, { type: XLSX_MIME, disposition: attachment(out.filename, `employment-ledger-${year}.xlsx`) });
  }

  /** GET /stats/employment as a workbook: 总体, 分镇街, 分月份, 重点群体, 供需情况, 工资价位. */
  @Get('stats/employment.xlsx')
  @ApiProduces(XLSX_MIME)
  async statsFile(@Query() query: YearQueryDto, @CurrentUser() actor: AuthPrincipal): Promise<StreamableFile> {
    const year = query.year ?? this.thisYear();
    const out = await this.statsExport.export(year, actor);
    return new StreamableFile(out.bytes, { type: XLSX_MIME, disposition: attachment(out.filename, `employment-stats-${year}.xlsx`) });
  }

  private thisYear(): number {
    return Number(chinaDateOf(this.clock.now()).slice(0, 4));
  }
}
