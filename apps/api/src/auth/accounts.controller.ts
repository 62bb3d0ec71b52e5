import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AdminUserSummary, InvitationCreated, LoginResponse, MfaSetup, Page } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { AllowWithoutMfa, ClientIp, CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { AcceptInvitationDto, AdminUsersQueryDto, DisableUserDto, InvitationDto, TotpDto } from './dto/accounts.dto';
import { InvitationsService } from './invitations/invitations.service';
import { MfaService } from './mfa/mfa.service';
import { AdminUsersService } from './users/admin-users.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('账号不存在') });

/** Staff invitations, two-factor and 用户管理. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly mfa: MfaService,
    private readonly users: AdminUsersService,
  ) {}

  @Post('admin/invitations')
  @Roles('admin')
  create(@Body() dto: InvitationDto, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<InvitationCreated> {
    return this.invitations.create(dto, user, ip);
  }

  @Post('auth/invitations/accept')
  @AllowWithoutMfa()
  @HttpCode(200)
  accept(@Body() dto: AcceptInvitationDto, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<LoginResponse> {
    return this.invitations.accept(dto.code, user, ip);
  }

  @Post('me/mfa/setup')
  @AllowWithoutMfa()
  @HttpCode(200)
  mfaSetup(@CurrentUser() user: AuthPrincipal): Promise<MfaSetup> {
    return this.mfa.setup(user);
  }

  @Post('me/mfa/confirm')
  @AllowWithoutMfa()
  @HttpCode(200)
  mfaConfirm(@Body() dto: TotpDto, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<LoginResponse> {
    return this.mfa.confirm(user, dto.totp, ip);
  }

  @Post('auth/mfa')
  @AllowWithoutMfa()
  @HttpCode(200)
  mfaVerify(@Body() dto: TotpDto, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<LoginResponse> {
    return this.mfa.verify(user, dto.totp, ip);
  }

  @Get('admin/users')
  @Roles('admin')
  list(@Query() query: AdminUsersQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<AdminUserSummary>> {
    return this.users.list(query, user);
  }

  @Post('admin/users/:id/disable')
  @Roles('admin')
  @HttpCode(200)
  disable(@Param('id', uuid) id: string, @Body() dto: DisableUserDto, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<AdminUserSummary> {
    return this.users.disable(id, dto.reason, user, ip);
  }

  @Post('admin/users/:id/enable')
  @Roles('admin')
  @HttpCode(200)
  enable(@Param('id', uuid) id: string, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<AdminUserSummary> {
    return this.users.enable(id, user, ip);
  }

  @Post('admin/users/:id/mfa/reset')
  @Roles('admin')
  @HttpCode(204)
  resetMfa(@Param('id', uuid) id: string, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<void> {
    return this.mfa.reset(id, user, ip);
  }
}
