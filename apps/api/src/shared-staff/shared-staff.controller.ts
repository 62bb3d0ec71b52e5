import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, SharedAgreementItem, SharedOfferItem, SharedStaffStats } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { SharedAgreementDto, SharedConsentDto, SharedEndDto, SharedExtendDto, SharedOfferDto, SharedRequestDto, SharedStatsQueryDto, SharedWorkerDto } from './dto/shared-staff.dto';
import { SharedStaffService } from './shared-staff.service';

const agreementPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('协议不存在') });
const residentPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('居民档案不存在或不在您的管辖范围内') });
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** 共享员工 (docs/business-logic/shared-staff.md; the contract: API.md "共享员工"). */
@ApiTags('shared-staff')
@ApiBearerAuth()
@Controller()
export class SharedStaffController {
  constructor(private readonly shared: SharedStaffService) {}

  @Post('shared-staff/offers')
  @Roles('employer')
  offer(@Body() dto: SharedOfferDto, @CurrentUser() user: AuthPrincipal): Promise<SharedOfferItem> {
    return this.shared.postOffer(dto, user);
  }

  @Post('shared-staff/requests')
  @Roles('employer')
  request(@Body() dto: SharedRequestDto, @CurrentUser() user: AuthPrincipal): Promise<SharedOfferItem> {
    return this.shared.postRequest(dto, user);
  }

  @Get('shared-staff/offers')
  @Roles('employer', 'admin')
  offers(@CurrentUser() user: AuthPrincipal): Promise<Page<SharedOfferItem>> {
    return this.shared.list('offer', user);
  }

  @Get('shared-staff/requests')
  @Roles('employer', 'admin')
  requests(@CurrentUser() user: AuthPrincipal): Promise<Page<SharedOfferItem>> {
    return this.shared.list('request', user);
  }

  @Post('shared-staff/agreements')
  @Roles('employer')
  createAgreement(@Body() dto: SharedAgreementDto, @CurrentUser() user: AuthPrincipal): Promise<SharedAgreementItem> {
    return this.shared.createAgreement(dto, user);
  }

  @Get('shared-staff/agreements')
  @Roles('employer', 'admin', 'seeker', 'liaison')
  agreements(@CurrentUser() user: AuthPrincipal): Promise<Page<SharedAgreementItem>> {
    return this.shared.listAgreements(user);
  }

  @Get('shared-staff/agreements/:id')
  agreement(@Param('id', agreementPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<SharedAgreementItem> {
    return this.shared.get(id, user);
  }

  @Post('shared-staff/agreements/:id/sign')
  @HttpCode(200)
  @Roles('employer')
  sign(@Param('id', agreementPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<SharedAgreementItem> {
    return this.shared.sign(id, user);
  }

  @Post('shared-staff/agreements/:id/workers')
  @HttpCode(200)
  @Roles('employer')
  addWorker(@Param('id', agreementPipe) id: string, @Body() dto: SharedWorkerDto, @CurrentUser() user: AuthPrincipal): Promise<SharedAgreementItem> {
    return this.shared.addWorkerTo(id, dto, user);
  }

  @Post('shared-staff/agreements/:id/workers/:residentId/consent')
  @HttpCode(200)
  @Roles('seeker', 'liaison')
  consent(@Param('id', agreementPipe) id: string, @Param('residentId', residentPipe) residentId: string, @Body() dto: SharedConsentDto, @CurrentUser() user: AuthPrincipal): Promise<SharedAgreementItem> {
    return this.shared.consent(id, residentId, dto, user);
  }

  @Post('shared-staff/agreements/:id/extend')
  @HttpCode(200)
  @Roles('employer')
  extend(@Param('id', agreementPipe) id: string, @Body() dto: SharedExtendDto, @CurrentUser() user: AuthPrincipal): Promise<SharedAgreementItem> {
    return this.shared.extend(id, dto, user);
  }

  @Post('shared-staff/agreements/:id/end')
  @HttpCode(200)
  @Roles('employer')
  end(@Param('id', agreementPipe) id: string, @Body() dto: SharedEndDto, @CurrentUser() user: AuthPrincipal): Promise<SharedAgreementItem> {
    return this.shared.end(id, dto, user);
  }

  @Get('stats/shared-staff')
  @Roles('admin', 'liaison')
  stats(@Query() q: SharedStatsQueryDto, @CurrentUser() user: AuthPrincipal): Promise<SharedStaffStats> {
    return this.shared.stats(q.year ?? thisYear(), user);
  }
}
