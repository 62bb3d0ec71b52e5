import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PendingCounts } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { PendingCountsService } from './pending-counts.service';

@ApiTags('posts')
@ApiBearerAuth()
@Controller('admin')
export class PendingCountsController {
  constructor(private readonly counts: PendingCountsService) {}

  /** The numbers on the admin's 岗位审核, 企业认证 and 举报处理 (a 镇街 officer: their 镇街's). */
  @Get('pending-counts')
  @Roles('admin')
  get(@CurrentUser() user: AuthPrincipal): Promise<PendingCounts> {
    return this.counts.counts(user);
  }
}
