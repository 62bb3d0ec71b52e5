import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { JobPostingItem } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { CreateHouseholdDto, HouseholdGigDto, HouseholdQueryDto } from './dto/household.dto';
import { HouseholdsService } from './households.service';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('农户不存在') });

/** 零工驿站: a liaison (or an admin of the area) registers a 农户 and posts its day work (农忙帮工). */
@ApiTags('households')
@ApiBearerAuth()
@Controller('households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Post()
  @Roles('liaison', 'admin')
  create(@Body() dto: CreateHouseholdDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }) {
    return this.households.create(dto, user, req.ip ?? null);
  }

  @Get()
  @Roles('liaison', 'admin')
  list(@Query() q: HouseholdQueryDto, @CurrentUser() user: AuthPrincipal) {
    return this.households.list(q, user);
  }

  @Post(':id/gigs')
  @Roles('liaison', 'admin')
  postGig(@Param('id', idPipe) id: string, @Body() dto: HouseholdGigDto, @CurrentUser() user: AuthPrincipal): Promise<JobPostingItem> {
    return this.households.postGig(id, dto, user);
  }
}
