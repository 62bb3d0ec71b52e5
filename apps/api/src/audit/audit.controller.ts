import { Controller, ForbiddenException, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, Page } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit log, newest first: district admins only (a 镇街 officer's scope does not cover it). */
  @Get()
  @Roles('admin')
  list(@Query() query: AuditQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<AuditEntry>> {
    if (user.regionCode) throw new ForbiddenException('审计日志仅区级管理员可查看');
    return this.audit.list(query);
  }
}
