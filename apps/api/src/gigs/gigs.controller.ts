import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DisputeItem, FreeWorker, GigDay, GigPage, GigRoster, GigSignupItem, GigSiteCode, Page, RepeatEmployer } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Public, Roles } from '../common/decorators/auth.decorators';
import { originOf } from '../common/http/request-origin';
import {
  DisputePatchDto,
  DisputeQueryDto,
  GigCheckInDto,
  GigDayPatchDto,
  GigDayQueryDto,
  GigDisputeDto,
  GigPayDto,
  GigQueryDto,
  GigRatingDto,
  GigSignupDto,
  GigSignupListDto,
  LiftPauseDto,
} from './dto/gig.dto';
import { GigAttendanceService } from './gig-attendance.service';
import { GigPayService } from './gig-pay.service';
import { GigsService } from './gigs.service';

const postPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('零工不存在') });
const signupPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('报名记录不存在') });
const disputePipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('这件事不存在或不归您管') });
const residentPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('居民档案不存在') });
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 零工市场 (docs/business-logic/gigs.md; the contract: API.md "零工"). */
@ApiTags('gigs')
@ApiBearerAuth()
@Controller()
export class GigsController {
  constructor(
    private readonly gigs: GigsService,
    private readonly attendance: GigAttendanceService,
    private readonly pay: GigPayService,
  ) {}

  @Public()
  @Get('gigs')
  list(@Query() q: GigQueryDto, @CurrentUser() user?: AuthPrincipal): Promise<GigPage> {
    return this.gigs.list(q, user);
  }

  /** 零工驿站: people of the caller's area looking for work with no 零工 that day. */
  @Get('gigs/free')
  @Roles('liaison', 'admin')
  free(@Query() q: GigDayQueryDto, @CurrentUser() user: AuthPrincipal): Promise<{ date: string; items: FreeWorker[] }> {
    return this.gigs.freeWorkers(q.date, user);
  }

  @Get('gigs/signups')
  @Roles('seeker', 'liaison', 'admin')
  signups(@Query() q: GigSignupListDto, @CurrentUser() user: AuthPrincipal): Promise<Page<GigSignupItem>> {
    return this.gigs.listSignups(q, user);
  }

  @Post('gigs/check-in')
  @HttpCode(200)
  @Roles('seeker', 'liaison')
  checkIn(@Body() dto: GigCheckInDto, @CurrentUser() user: AuthPrincipal): Promise<GigSignupItem> {
    return this.attendance.checkIn(dto, user);
  }

  @Post('gigs/check-out')
  @HttpCode(200)
  @Roles('seeker', 'liaison', 'employer')
  checkOut(@Body() dto: GigCheckInDto, @CurrentUser() user: AuthPrincipal): Promise<GigSignupItem> {
    return this.attendance.checkOut(dto, user);
  }

  @Post('gigs/:postId/signups')
  @Roles('seeker', 'liaison')
  signUp(@Param('postId', postPipe) postId: string, @Body() dto: GigSignupDto, @CurrentUser() user: AuthPrincipal): Promise<GigSignupItem> {
    return this.gigs.signUp(postId, dto, user);
  }

  @Delete('gigs/signups/:id')
  @Roles('seeker', 'liaison')
  cancel(@Param('id', signupPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<GigSignupItem> {
    return this.gigs.cancel(id, user);
  }

  @Get('gigs/:postId/roster')
  @Roles('employer', 'admin', 'liaison')
  roster(@Param('postId', postPipe) postId: string, @Query() q: GigDayQueryDto, @CurrentUser() user: AuthPrincipal): Promise<GigRoster> {
    return this.gigs.roster(postId, q.date, user);
  }

  @Patch('gigs/:postId/days/:date')
  @Roles('employer', 'liaison', 'admin')
  patchDay(@Param('postId', postPipe) postId: string, @Param('date') date: string, @Body() dto: GigDayPatchDto, @CurrentUser() user: AuthPrincipal): Promise<GigDay> {
    if (!DATE.test(date)) throw new NotFoundException('这天不存在');
    return this.gigs.patchDay(postId, date, dto, user);
  }

  @Get('gigs/:postId/site-code')
  @Roles('employer', 'liaison', 'admin')
  siteCode(@Param('postId', postPipe) postId: string, @Query() q: GigDayQueryDto, @CurrentUser() user: AuthPrincipal, @Req() req: { protocol?: string; headers: Record<string, string | string[] | undefined> }): Promise<GigSiteCode> {
    return this.attendance.siteCode(postId, q.date, user, originOf(req));
  }

  @Post('gigs/signups/:id/no-show')
  @HttpCode(200)
  @Roles('employer', 'liaison', 'admin')
  noShow(@Param('id', signupPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<GigSignupItem> {
    return this.attendance.markNoShow(id, user);
  }

  @Post('gigs/signups/:id/pay')
  @HttpCode(200)
  @Roles('employer', 'liaison', 'admin')
  recordPay(@Param('id', signupPipe) id: string, @Body() dto: GigPayDto, @CurrentUser() user: AuthPrincipal): Promise<GigSignupItem> {
    return this.pay.recordPay(id, dto, user);
  }

  @Post('gigs/signups/:id/pay/confirm')
  @HttpCode(200)
  @Roles('seeker', 'liaison')
  confirmPay(@Param('id', signupPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<GigSignupItem> {
    return this.pay.confirmPay(id, user);
  }

  @Post('gigs/signups/:id/dispute')
  @Roles('seeker', 'liaison')
  dispute(@Param('id', signupPipe) id: string, @Body() dto: GigDisputeDto, @CurrentUser() user: AuthPrincipal): Promise<DisputeItem> {
    return this.pay.dispute(id, dto, user);
  }

  @Post('gigs/signups/:id/rating')
  @Roles('seeker', 'liaison', 'employer')
  rate(@Param('id', signupPipe) id: string, @Body() dto: GigRatingDto, @CurrentUser() user: AuthPrincipal): Promise<GigSignupItem> {
    return this.pay.rate(id, dto, user);
  }

  @Post('gigs/pauses/:residentId/lift')
  @HttpCode(200)
  @Roles('liaison', 'admin')
  liftPause(@Param('residentId', residentPipe) residentId: string, @Body() dto: LiftPauseDto, @CurrentUser() user: AuthPrincipal): Promise<{ residentId: string; liftedAt: string }> {
    return this.attendance.liftPause(residentId, dto.note, user);
  }

  /** The district's list (an officer their 镇街's); the worker and the employer open their own cases by id. */
  @Get('disputes')
  @Roles('admin')
  listDisputes(@Query() q: DisputeQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<DisputeItem>> {
    return this.pay.list(q, user);
  }

  /** Employers with two or more cases in 180 days, for the admins to review. */
  @Get('disputes/employers')
  @Roles('admin')
  repeatEmployers(@CurrentUser() user: AuthPrincipal): Promise<{ items: RepeatEmployer[] }> {
    return this.pay.repeatEmployers(user);
  }

  @Get('disputes/:id')
  getDispute(@Param('id', disputePipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<DisputeItem> {
    return this.pay.get(id, user);
  }

  @Patch('disputes/:id')
  @Roles('admin')
  patchDispute(@Param('id', disputePipe) id: string, @Body() dto: DisputePatchDto, @CurrentUser() user: AuthPrincipal): Promise<DisputeItem> {
    return this.pay.patch(id, dto, user);
  }
}
