import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeletionRequestItem, Page } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { requestIp } from '../residents/residents.controller';
import { DeletionRequestsService } from './deletion-requests.service';
import { DeletionCompleteDto, DeletionDeclineDto, DeletionRequestQueryDto } from './dto/privacy.dto';

const requestIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('删除申请不存在或不在您的管辖范围内') });

/** Deletion requests as liaisons and admins handle them, within their area (access policy: resident.erase). */
@ApiTags('privacy')
@ApiBearerAuth()
@Roles('liaison', 'admin')
@Controller('privacy/deletion-requests')
export class DeletionRequestsController {
  constructor(private readonly requests: DeletionRequestsService) {}

  @Get()
  list(@Query() query: DeletionRequestQueryDto, @CurrentUser() actor: AuthPrincipal): Promise<Page<DeletionRequestItem>> {
    return this.requests.list(query, actor);
  }

  /** Carries the erasure out: personal fields erased, open applications withdrawn, the account ended. */
  @Post(':id/complete')
  @HttpCode(200)
  complete(@Param('id', requestIdPipe) id: string, @Body() dto: DeletionCompleteDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<DeletionRequestItem> {
    return this.requests.complete(id, dto.note, actor, requestIp(req));
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(@Param('id', requestIdPipe) id: string, @Body() dto: DeletionDeclineDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<DeletionRequestItem> {
    return this.requests.decline(id, dto.reason, actor, requestIp(req));
  }
}
