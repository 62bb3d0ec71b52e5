import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { JobPostingItem, Page } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { CurrentUser, Public } from '../common/decorators/auth.decorators';
import { JobPostingQueryDto } from './dto/job-posting-query.dto';
import { JobPostingsService } from './job-postings.service';

/** A malformed id cannot name a post: 404, like an unknown one. */
const idPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('岗位不存在或已下架') });

@ApiTags('posts')
@Controller('posts')
export class JobPostingsController {
  constructor(
    private readonly posts: JobPostingsService,
    private readonly clock: Clock,
  ) {}

  /** Published posts; no login needed (WeChat's review rules forbid forcing login before browsing). */
  @Public()
  @Get()
  list(@Query() query: JobPostingQueryDto): Promise<Page<JobPostingItem>> {
    return this.posts.listPublished(query, this.clock.now());
  }

  @Public()
  @Get(':id')
  get(@Param('id', idPipe) id: string, @CurrentUser() user?: AuthPrincipal): Promise<JobPostingItem> {
    return this.posts.get(id, user, this.clock.now());
  }
}
