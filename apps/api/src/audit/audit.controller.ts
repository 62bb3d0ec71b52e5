import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntry, AuditVerifyResult, Page } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  /** The audit log, newest first: district admins only (a 镇街 officer's scope does not cover it). */
  @Get()
  @Roles('admin')
  async list(@Query() query: AuditQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<AuditEntry>> {
    await this.access.require(user, 'audit.read');
    return this.audit.list(query);
  }

  /**
   * Walks the hash chain and names the first row that does not fit (edited, deleted, replaced):
   * district admins only.
   */
  @Get('verify')
  @Roles('admin')
  async verify(@CurrentUser() user: AuthPrincipal): Promise<AuditVerifyResult> {
    await this.access.require(user, 'audit.read');
    return this.audit.verify();
  }
}
