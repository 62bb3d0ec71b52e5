import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApplicationItem, Page, PhoneCallResponse } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { ApplicationsService } from './applications.service';
import { ApplicationQueryDto, CreateApplicationDto, CreateInvitationDto, UpdateApplicationDto } from './dto/application.dto';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('投递记录不存在') });

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** 一键投递 (seeker) or 代村民投递 (liaison). */
  @Post()
  @Roles('seeker', 'liaison')
  apply(@Body() dto: CreateApplicationDto, @CurrentUser() user: AuthPrincipal): Promise<ApplicationItem> {
    return this.applications.apply(dto, user);
  }

  /** 邀请报名: an employer invites a matched candidate. */
  @Post('invitations')
  @Roles('employer')
  invite(@Body() dto: CreateInvitationDto, @CurrentUser() user: AuthPrincipal): Promise<ApplicationItem> {
    return this.applications.invite(dto, user);
  }

  @Get()
  list(@Query() query: ApplicationQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<ApplicationItem>> {
    return this.applications.list(query, user);
  }

  @Get(':id')
  get(@Param('id', idPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<ApplicationItem> {
    return this.applications.get(id, user);
  }

  /** 打电话: the employer's contact phone for the person or their liaison, audit-logged. */
  @Post(':id/call')
  @Roles('seeker', 'liaison')
  @HttpCode(200)
  call(@Param('id', idPipe) id: string, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<PhoneCallResponse> {
    return this.applications.callEmployer(id, user, req.ip ?? null);
  }

  @Patch(':id')
  @Roles('employer', 'seeker', 'liaison')
  update(@Param('id', idPipe) id: string, @Body() dto: UpdateApplicationDto, @CurrentUser() user: AuthPrincipal): Promise<ApplicationItem> {
    return this.applications.update(id, dto, user);
  }
}
