import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { EventDetail, EventEmployerItem, EventItem, EventReport, EventSeriesSummary, EventSignupItem, EventVenueCode, Page } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Public, RegionScoped, Roles } from '../common/decorators/auth.decorators';
import { attachment } from '../residents/import/residents-spreadsheet.controller';
import { XLSX_MIME } from '../residents/import/upload-limits';
import { EventCancelDto, EventCheckInDto, EventInputDto, EventJoinDto, EventPatchDto, EventQueryDto, EventReviewDto, EventSignupDto, EventSignupListDto, EventSummaryQueryDto } from './dto/event.dto';
import { EventEmployersService } from './event-employers.service';
import { EventReportsService } from './event-reports.service';
import { EventSignupsService } from './event-signups.service';
import { EventsService } from './events.service';

const eventPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('活动不存在') });
const employerPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('这家企业没有报名本场活动') });
const signupPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('报名记录不存在') });
const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** 招聘活动 (docs/business-logic/events.md; the contract: API.md "招聘活动"). */
@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly employers: EventEmployersService,
    private readonly signups: EventSignupsService,
    private readonly reports: EventReportsService,
  ) {}

  @Post()
  @Roles('admin')
  create(@Body() dto: EventInputDto, @CurrentUser() user: AuthPrincipal): Promise<EventItem> {
    return this.events.create(dto, user);
  }

  @Public()
  @Get()
  list(@Query() q: EventQueryDto, @CurrentUser() user?: AuthPrincipal): Promise<Page<EventItem>> {
    return this.events.list(q, user);
  }

  /** The season: a year's events added up per series (a liaison or admin, their area). */
  @Get('summary')
  @Roles('admin', 'liaison')
  @RegionScoped({ in: 'query', field: 'townCode' })
  summary(@Query() q: EventSummaryQueryDto, @CurrentUser() user: AuthPrincipal): Promise<EventSeriesSummary> {
    return this.reports.summary(q.year ?? thisYear(), q.series, q.townCode, user);
  }

  @Get('summary.xlsx')
  @ApiProduces(XLSX_MIME)
  @Roles('admin', 'liaison')
  @RegionScoped({ in: 'query', field: 'townCode' })
  async summaryFile(@Query() q: EventSummaryQueryDto, @CurrentUser() user: AuthPrincipal): Promise<StreamableFile> {
    const year = q.year ?? thisYear();
    const out = await this.reports.summaryFile(year, q.series, q.townCode, user);
    return new StreamableFile(out.bytes, { type: XLSX_MIME, disposition: attachment(out.filename, `events-${year}.xlsx`) });
  }

  /** A seeker's own tickets; a liaison's villagers' tickets. */
  @Get('signups')
  @Roles('seeker', 'liaison', 'admin')
  mySignups(@Query() q: EventSignupListDto, @CurrentUser() user: AuthPrincipal): Promise<Page<EventSignupItem>> {
    return this.signups.mine(q, user);
  }

  @Delete('signups/:id')
  @Roles('seeker', 'liaison')
  cancelSignup(@Param('id', signupPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<EventSignupItem> {
    return this.signups.cancel(id, user);
  }

  @Public()
  @Get(':id')
  get(@Param('id', eventPipe) id: string, @CurrentUser() user?: AuthPrincipal): Promise<EventDetail> {
    return this.events.get(id, user);
  }

  @Patch(':id')
  @Roles('admin')
  patch(@Param('id', eventPipe) id: string, @Body() dto: EventPatchDto, @CurrentUser() user: AuthPrincipal): Promise<EventItem> {
    return this.events.patch(id, dto, user);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin')
  cancel(@Param('id', eventPipe) id: string, @Body() dto: EventCancelDto, @CurrentUser() user: AuthPrincipal): Promise<EventItem> {
    return this.events.cancel(id, dto, user);
  }

  @Post(':id/employers')
  @Roles('employer')
  join(@Param('id', eventPipe) id: string, @Body() dto: EventJoinDto, @CurrentUser() user: AuthPrincipal): Promise<EventEmployerItem> {
    return this.employers.join(id, dto, user);
  }

  @Post(':id/employers/:employerId/review')
  @HttpCode(200)
  @Roles('admin')
  review(@Param('id', eventPipe) id: string, @Param('employerId', employerPipe) employerId: string, @Body() dto: EventReviewDto, @CurrentUser() user: AuthPrincipal): Promise<EventEmployerItem> {
    return this.employers.review(id, employerId, dto, user);
  }

  @Post(':id/signups')
  @Roles('seeker', 'liaison')
  signUp(@Param('id', eventPipe) id: string, @Body() dto: EventSignupDto, @CurrentUser() user: AuthPrincipal): Promise<EventSignupItem> {
    return this.signups.signUp(id, dto, user);
  }

  /** The door list (organisers and the liaisons of the event's 镇街). */
  @Get(':id/signups')
  @Roles('admin', 'liaison')
  doorList(@Param('id', eventPipe) id: string, @Query() q: EventSignupListDto, @CurrentUser() user: AuthPrincipal): Promise<Page<EventSignupItem>> {
    return this.signups.doorList(id, q, user);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @Roles('admin', 'liaison', 'seeker')
  checkIn(@Param('id', eventPipe) id: string, @Body() dto: EventCheckInDto, @CurrentUser() user: AuthPrincipal): Promise<EventSignupItem> {
    return this.signups.checkIn(id, dto, user);
  }

  @Get(':id/venue-code')
  @Roles('admin')
  venueCode(@Param('id', eventPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<EventVenueCode> {
    return this.signups.venueCode(id, user);
  }

  @Get(':id/report')
  @Roles('admin')
  report(@Param('id', eventPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<EventReport> {
    return this.reports.report(id, user);
  }

  @Get(':id/report.xlsx')
  @ApiProduces(XLSX_MIME)
  @Roles('admin')
  async reportFile(@Param('id', eventPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<StreamableFile> {
    const out = await this.reports.reportFile(id, user);
    return new StreamableFile(out.bytes, { type: XLSX_MIME, disposition: attachment(out.filename, `event-report-${id}.xlsx`) });
  }
}
