import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SavedSearchItem } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser } from '../common/decorators/auth.decorators';
import { CreateSavedSearchDto } from './dto/saved-search.dto';
import { SavedSearchesService } from './saved-searches.service';

const searchId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('这条保存的搜索不存在') });

/** 有了告诉我: a seeker's saved searches (the access policy: seekers, their own only). */
@ApiTags('posts')
@ApiBearerAuth()
@Controller('me/saved-searches')
export class SavedSearchesController {
  constructor(private readonly searches: SavedSearchesService) {}

  @Get()
  list(@CurrentUser() user: AuthPrincipal): Promise<{ items: SavedSearchItem[] }> {
    return this.searches.list(user);
  }

  /** 201; 409 when the same search is already saved, or the person already keeps the most allowed. */
  @Post()
  create(@Body() dto: CreateSavedSearchDto, @CurrentUser() user: AuthPrincipal): Promise<SavedSearchItem> {
    return this.searches.create(dto, user);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', searchId) id: string, @CurrentUser() user: AuthPrincipal): Promise<void> {
    return this.searches.remove(id, user);
  }
}
