import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ComplianceSettings, JobPostingItem, Page, PostReportItem, PostSearchPage } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { CurrentUser, Public, Roles } from '../common/decorators/auth.decorators';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CreatePostDto, CreateReportDto, MyPostsQueryDto, ResolveReportsDto, ReviewPostDto, UpdatePostDto } from './dto/job-posting-input.dto';
import { JobPostingQueryDto } from './dto/job-posting-query.dto';
import { JobPostingsService } from './job-postings.service';
import { PostReportsService } from './post-reports.service';
import { PostWorkflowService } from './post-workflow.service';

/** A malformed id cannot name a post: 404, like an unknown one. */
const idPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('岗位不存在或已下架') });
const requestIp = (req: { ip?: string }) => req.ip ?? null;

@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts')
export class JobPostingsController {
  constructor(
    private readonly posts: JobPostingsService,
    private readonly workflow: PostWorkflowService,
    private readonly reports: PostReportsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Published posts; no login needed (WeChat's review rules forbid forcing login before browsing).
   * A keyword that finds fewer than 5 posts also gets `suggestions` (你是不是要找).
   */
  @Public()
  @Get()
  list(@Query() query: JobPostingQueryDto): Promise<PostSearchPage> {
    return this.posts.listPublished(query, this.clock.now());
  }

  /** What the employer's form needs to warn while typing (the minimum wage of the district). */
  @Public()
  @Get('compliance-settings')
  complianceSettings(): ComplianceSettings {
    return { minimumWage: this.config.minimumWage };
  }

  @Get('mine')
  @Roles('employer')
  mine(@Query() query: MyPostsQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<JobPostingItem>> {
    return this.workflow.mine(query, user);
  }

  @Get('review-queue')
  @Roles('admin')
  reviewQueue(@Query() query: PageQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<JobPostingItem>> {
    return this.workflow.reviewQueue(query, user);
  }

  @Public()
  @Get(':id')
  get(@Param('id', idPipe) id: string, @CurrentUser() user?: AuthPrincipal): Promise<JobPostingItem> {
    return this.posts.get(id, user, this.clock.now());
  }

  /** Checked at once: 201 with status pending_review, or rejected with the reasons, or draft. */
  @Post()
  @Roles('employer')
  create(@Body() dto: CreatePostDto, @CurrentUser() user: AuthPrincipal): Promise<JobPostingItem> {
    return this.workflow.create(dto, user);
  }

  @Patch(':id')
  @Roles('employer')
  update(@Param('id', idPipe) id: string, @Body() dto: UpdatePostDto, @CurrentUser() user: AuthPrincipal): Promise<JobPostingItem> {
    return this.workflow.update(id, dto, user);
  }

  @Post(':id/submit')
  @Roles('employer')
  @HttpCode(200)
  submit(@Param('id', idPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<JobPostingItem> {
    return this.workflow.submit(id, user);
  }

  @Post(':id/review')
  @Roles('admin')
  @HttpCode(200)
  review(@Param('id', idPipe) id: string, @Body() dto: ReviewPostDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<JobPostingItem> {
    return this.workflow.review(id, dto, user, requestIp(req));
  }

  @Post(':id/close')
  @Roles('employer', 'admin')
  @HttpCode(200)
  close(@Param('id', idPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<JobPostingItem> {
    return this.workflow.close(id, user);
  }

  @Post(':id/refresh')
  @Roles('employer')
  @HttpCode(200)
  refresh(@Param('id', idPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<JobPostingItem> {
    return this.workflow.refresh(id, user);
  }

  /** 举报: any logged-in user. */
  @Post(':id/reports')
  report(@Param('id', idPipe) id: string, @Body() dto: CreateReportDto, @CurrentUser() user: AuthPrincipal): Promise<PostReportItem> {
    return this.reports.report(id, dto, user);
  }

  @Post(':id/reports/resolve')
  @Roles('admin')
  @HttpCode(200)
  resolveReports(@Param('id', idPipe) id: string, @Body() dto: ResolveReportsDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<JobPostingItem> {
    return this.reports.resolve(id, dto, user, requestIp(req));
  }
}
