import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MyPolicyItem, Page, PolicyEligibleItem, PolicyItem, PolicyPreview, PolicyStatsItem } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Public, Roles } from '../common/decorators/auth.decorators';
import { EligibleQueryDto, OutreachDto, PolicyInputDto, PolicyPatchDto, PolicyQueryDto, PolicyRulesDto } from './dto/policy.dto';
import { PoliciesService } from './policies.service';

const policyPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('政策不存在') });
const subjectPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('这个人不在这项政策的名单里') });

/** 政策找人 (docs/business-logic/policies.md; the contract: API.md "政策找人"). */
@ApiTags('policies')
@ApiBearerAuth()
@Controller()
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Post('policies')
  @Roles('admin')
  create(@Body() dto: PolicyInputDto, @CurrentUser() user: AuthPrincipal): Promise<PolicyItem> {
    return this.policies.create(dto, user);
  }

  /** Who the rules would find now, before saving (the form as the admin types). */
  @Post('policies/preview')
  @Roles('admin')
  previewRules(@Body() dto: PolicyRulesDto, @CurrentUser() user: AuthPrincipal): Promise<PolicyPreview> {
    return this.policies.previewRules(dto.audience, dto.rules, user);
  }

  @Public()
  @Get('policies')
  list(@Query() q: PolicyQueryDto, @CurrentUser() user?: AuthPrincipal): Promise<Page<PolicyItem>> {
    return this.policies.list(q, user);
  }

  @Public()
  @Get('policies/:id')
  get(@Param('id', policyPipe) id: string, @CurrentUser() user?: AuthPrincipal): Promise<PolicyItem> {
    return this.policies.get(id, user);
  }

  @Patch('policies/:id')
  @Roles('admin')
  patch(@Param('id', policyPipe) id: string, @Body() dto: PolicyPatchDto, @CurrentUser() user: AuthPrincipal): Promise<PolicyItem> {
    return this.policies.patch(id, dto, user);
  }

  @Get('policies/:id/preview')
  @Roles('admin')
  preview(@Param('id', policyPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<PolicyPreview> {
    return this.policies.previewOf(id, user);
  }

  @Get('policies/:id/eligible')
  @Roles('liaison', 'admin')
  eligible(@Param('id', policyPipe) id: string, @Query() q: EligibleQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<PolicyEligibleItem>> {
    return this.policies.eligible(id, q, user);
  }

  @Put('policies/:id/outreach/:residentId')
  @Roles('liaison', 'admin')
  outreach(@Param('id', policyPipe) id: string, @Param('residentId', subjectPipe) residentId: string, @Body() dto: OutreachDto, @CurrentUser() user: AuthPrincipal): Promise<PolicyEligibleItem> {
    return this.policies.outreach(id, residentId, dto, user);
  }

  /** 可能适合您的政策: a seeker's (or a firm's) policies in force they may qualify for, with the reasons. */
  @Get('me/policies')
  @Roles('seeker', 'employer')
  mine(@CurrentUser() user: AuthPrincipal): Promise<{ items: MyPolicyItem[] }> {
    return this.policies.mine(user);
  }

  @Get('stats/policies')
  @Roles('admin', 'liaison')
  stats(@CurrentUser() user: AuthPrincipal): Promise<{ items: PolicyStatsItem[] }> {
    return this.policies.stats(user);
  }
}
