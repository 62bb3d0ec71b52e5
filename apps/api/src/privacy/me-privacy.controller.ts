import { Body, Controller, Get, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { chinaDateOf, type MyDeletionRequest } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { attachment } from '../residents/import/residents-spreadsheet.controller';
import { requestIp } from '../residents/residents.controller';
import { DataExportService } from './data-export.service';
import { DeletionRequestsService } from './deletion-requests.service';
import { DeletionRequestDto } from './dto/privacy.dto';

/** A person's rights over their own data (个人信息保护法 第四十五、四十七条): a copy, and erasure on request. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('me')
export class MePrivacyController {
  constructor(
    private readonly exporter: DataExportService,
    private readonly requests: DeletionRequestsService,
  ) {}

  /** Everything held about the caller, their own 身份证号 and phone in full, as a downloaded JSON file; audit-logged. */
  @Get('data-export')
  @ApiProduces('application/json')
  async dataExport(@CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<StreamableFile> {
    const data = await this.exporter.export(actor, requestIp(req));
    const day = chinaDateOf(new Date(data.exportedAt)).replaceAll('-', '');
    return new StreamableFile(Buffer.from(JSON.stringify(data, null, 2), 'utf8'), {
      type: 'application/json; charset=utf-8',
      disposition: attachment(`我的个人信息-${day}.json`, `my-data-${day}.json`),
    });
  }

  /** Asks for the caller's data to be erased; a liaison or admin of their area carries it out. */
  @Post('deletion-request')
  @Roles('seeker', 'employer')
  request(@Body() dto: DeletionRequestDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<MyDeletionRequest> {
    return this.requests.request(actor, dto.reason, requestIp(req));
  }

  @Get('deletion-request')
  @Roles('seeker', 'employer')
  latest(@CurrentUser() actor: AuthPrincipal): Promise<MyDeletionRequest> {
    return this.requests.latestOf(actor);
  }
}
