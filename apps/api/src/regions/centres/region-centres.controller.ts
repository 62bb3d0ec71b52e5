import { Controller, Get, HttpCode, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { RegionCentresImportResult, RegionCentresSummary } from '@zaogong/shared';
import type { AuthPrincipal } from '../../common/auth-principal';
import { ClientIp, CurrentUser, Roles } from '../../common/decorators/auth.decorators';
import { attachment, readUpload, type UploadRequest } from '../../residents/import/residents-spreadsheet.controller';
import { XLSX_MIME } from '../../residents/import/upload-limits';
import { RegionCentresService } from './region-centres.service';

/** 村居中心点: the district admin's import of 镇街/村居 centre points (region.centres). */
@ApiTags('regions')
@ApiBearerAuth()
@Roles('admin')
@Controller('regions')
export class RegionCentresController {
  constructor(private readonly centres: RegionCentresService) {}

  /** How many 镇街 and 村居 have a centre point, and when one was last imported. */
  @Get('centres')
  summary(@CurrentUser() actor: AuthPrincipal): Promise<RegionCentresSummary> {
    return this.centres.summary(actor);
  }

  /** The template and export in one: every 镇街 and 村居 with its current point and source (blank when none). */
  @Get('centres.xlsx')
  @ApiProduces(XLSX_MIME)
  async template(@CurrentUser() actor: AuthPrincipal): Promise<StreamableFile> {
    const wb = await this.centres.template(actor);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    return new StreamableFile(bytes, { type: XLSX_MIME, disposition: attachment('村居中心点.xlsx', 'region-centres.xlsx') });
  }

  /**
   * Upload (multipart field `file`): an .xlsx, or a UTF-8 CSV, with 代码, 纬度, 经度, 来源. All or nothing:
   * 200 `{ updated, towns, villages }`, or 400 with `errors: [{ row, field, message }]` and nothing written.
   */
  @Post('centres')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  import(@Req() req: UploadRequest, @CurrentUser() actor: AuthPrincipal, @ClientIp() ip: string | null): Promise<RegionCentresImportResult> {
    return this.centres.import(() => readUpload(req), { actor, ip });
  }
}
