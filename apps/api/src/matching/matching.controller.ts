import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CandidateMatch, MatchList, PostMatch, SeekerPreferences } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { MatchQueryDto, PreferencesDto } from './dto/matching.dto';
import { MatchingService } from './matching.service';

const residentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('居民档案不存在或不在您的管辖范围内') });
const postIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('岗位不存在') });

@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  /** 为你推荐 / 为村民找工作. */
  @Get('matching/residents/:id/posts')
  @Roles('seeker', 'liaison', 'admin')
  posts(@Param('id', residentIdPipe) id: string, @Query() query: MatchQueryDto, @CurrentUser() user: AuthPrincipal): Promise<MatchList<PostMatch>> {
    return this.matching.postsFor(id, user, query);
  }

  /** 推荐人选. */
  @Get('matching/posts/:id/candidates')
  @Roles('employer', 'liaison', 'admin')
  candidates(@Param('id', postIdPipe) id: string, @Query() query: MatchQueryDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<MatchList<CandidateMatch>> {
    return this.matching.candidatesFor(id, user, query, req.ip ?? null);
  }

  @Get('me/preferences')
  @Roles('seeker')
  preferences(@CurrentUser() user: AuthPrincipal): Promise<SeekerPreferences> {
    return this.matching.preferences(user);
  }

  @Put('me/preferences')
  @Roles('seeker')
  setPreferences(@Body() dto: PreferencesDto, @CurrentUser() user: AuthPrincipal): Promise<SeekerPreferences> {
    return this.matching.setPreferences(user, dto);
  }
}
