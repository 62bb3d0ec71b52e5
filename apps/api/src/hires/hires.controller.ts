import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { chinaDateOf, type EmploymentStats, type HireItem, type Page } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { YearParamPipe } from '../common/pipes/year.pipe';
import { ConfirmHireDto, CreateHireDto, FlexibleHireDto, HireQueryDto, RevokeHireDto, TargetsDto, VerifyHireDto, YearQueryDto } from './dto/hire.dto';
import { EmploymentStatsService } from './employment-stats.service';
import { HiresService } from './hires.service';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('录用记录不存在') });

@ApiTags('hires')
@ApiBearerAuth()
@Controller()
export class HiresController {
  constructor(
    private readonly hires: HiresService,
    private readonly stats: EmploymentStatsService,
    private readonly clock: Clock,
  ) {}

  @Post('hires')
  @Roles('employer', 'liaison', 'admin')
  create(@Body() dto: CreateHireDto, @CurrentUser() user: AuthPrincipal): Promise<HireItem> {
    return this.hires.create(dto, user);
  }

  /** 灵活就业: a liaison (or admin) of the person's area, with evidence; counts once an admin verifies it. */
  @Post('hires/flexible')
  @Roles('liaison', 'admin')
  createFlexible(@Body() dto: FlexibleHireDto, @CurrentUser() user: AuthPrincipal): Promise<HireItem> {
    return this.hires.createFlexible(dto, user);
  }

  @Get('hires')
  list(@Query() query: HireQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<HireItem>> {
    return this.hires.list(query, user);
  }

  /** The caller's side: the employer, or the person (or their liaison). */
  @Post('hires/:id/confirm')
  @HttpCode(200)
  confirm(@Param('id', idPipe) id: string, @Body() dto: ConfirmHireDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<HireItem> {
    return this.hires.confirm(id, dto, user, req.ip ?? null);
  }

  @Post('hires/:id/verify')
  @Roles('admin')
  @HttpCode(200)
  verify(@Param('id', idPipe) id: string, @Body() dto: VerifyHireDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<HireItem> {
    return this.hires.adminVerify(id, dto.reason, user, req.ip ?? null);
  }

  /** A wrongly verified hire: no longer verified, no longer counted; the reason is audit-logged. */
  @Post('hires/:id/revoke')
  @Roles('admin')
  @HttpCode(200)
  revoke(@Param('id', idPipe) id: string, @Body() dto: RevokeHireDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<HireItem> {
    return this.hires.revoke(id, dto.reason, user, req.ip ?? null);
  }

  /** 城镇新增就业: distinct people with a verified hire starting in the year, against the target. */
  @Get('stats/employment')
  @Roles('admin', 'liaison')
  employment(@Query() query: YearQueryDto, @CurrentUser() user: AuthPrincipal): Promise<EmploymentStats> {
    return this.stats.employment(query.year ?? Number(chinaDateOf(this.clock.now()).slice(0, 4)), user);
  }

  @Put('stats/targets/:year')
  @Roles('admin')
  async setTargets(@Param('year', new YearParamPipe()) year: number, @Body() dto: TargetsDto, @CurrentUser() user: AuthPrincipal): Promise<EmploymentStats> {
    await this.stats.setTargets(year, dto.district, dto.towns ?? {}, user);
    return this.stats.employment(year, user);
  }
}
