import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, PostReportItem } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { ReportQueryDto } from './dto/job-posting-input.dto';
import { PostReportsService } from './post-reports.service';

/** The admin's queue of 举报. Reports are made and decided under /posts/:id/reports. */
@ApiTags('posts')
@ApiBearerAuth()
@Roles('admin')
@Controller('reports')
export class PostReportsController {
  constructor(private readonly reports: PostReportsService) {}

  @Get()
  list(@Query() query: ReportQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<PostReportItem>> {
    return this.reports.list(query, user);
  }
}
