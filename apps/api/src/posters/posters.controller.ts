import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { PosterScanTarget, PosterStats } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Public, RegionScoped, Roles } from '../common/decorators/auth.decorators';
import { originOf } from '../common/http/request-origin';
import { PosterQueryDto, PosterStatsQueryDto } from './dto/poster.dto';
import type { PosterKind } from './poster-content';
import { PosterStatsService } from './poster-stats.service';
import { EVENT_GONE, POST_GONE } from './poster-subjects';
import { PostersService, type PosterFile } from './posters.service';

const postPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(POST_GONE) });
const eventPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(EVENT_GONE) });

type Request = { protocol?: string; headers: Record<string, string | string[] | undefined> };
type Reply = { header(name: string, value: string): unknown };

const MIME = { png: 'image/png', pdf: 'application/pdf' } as const;

function inline(file: PosterFile): string {
  return `inline; filename="${file.fallbackName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
}

/**
 * Printed posters for 村居 boards (anyone may print an open post's or event's poster, as they may share it; a
 * liaison's counts for their 村居's board) (API.md "招聘活动", docs/business-logic/posters.md): an A4 PNG or PDF of a post
 * or an event with its code; a scan of the code is counted per poster.
 */
@ApiTags('posters')
@ApiBearerAuth()
@Controller()
export class PostersController {
  constructor(
    private readonly posters: PostersService,
    private readonly stats: PosterStatsService,
  ) {}

  @Get('posts/:id/poster.png')
  @ApiProduces(MIME.png)
  @Public()
  @RegionScoped({ in: 'query', field: 'villageCode' })
  postPng(@Param('id', postPipe) id: string, @Query() q: PosterQueryDto, @CurrentUser() user: AuthPrincipal | undefined, @Req() req: Request, @Res({ passthrough: true }) reply: Reply): Promise<StreamableFile> {
    return this.send('post', id, q, user, req, reply, 'png');
  }

  @Get('posts/:id/poster.pdf')
  @ApiProduces(MIME.pdf)
  @Public()
  @RegionScoped({ in: 'query', field: 'villageCode' })
  postPdf(@Param('id', postPipe) id: string, @Query() q: PosterQueryDto, @CurrentUser() user: AuthPrincipal | undefined, @Req() req: Request, @Res({ passthrough: true }) reply: Reply): Promise<StreamableFile> {
    return this.send('post', id, q, user, req, reply, 'pdf');
  }

  @Get('events/:id/poster.png')
  @ApiProduces(MIME.png)
  @Public()
  @RegionScoped({ in: 'query', field: 'villageCode' })
  eventPng(@Param('id', eventPipe) id: string, @Query() q: PosterQueryDto, @CurrentUser() user: AuthPrincipal | undefined, @Req() req: Request, @Res({ passthrough: true }) reply: Reply): Promise<StreamableFile> {
    return this.send('event', id, q, user, req, reply, 'png');
  }

  @Get('events/:id/poster.pdf')
  @ApiProduces(MIME.pdf)
  @Public()
  @RegionScoped({ in: 'query', field: 'villageCode' })
  eventPdf(@Param('id', eventPipe) id: string, @Query() q: PosterQueryDto, @CurrentUser() user: AuthPrincipal | undefined, @Req() req: Request, @Res({ passthrough: true }) reply: Reply): Promise<StreamableFile> {
    return this.send('event', id, q, user, req, reply, 'pdf');
  }

  /** A scan of a poster's code (anyone, no login): counted, and where the mini-app goes next. */
  @Public()
  @Post('posters/:id/scan')
  @HttpCode(200)
  scan(@Param('id') id: string): Promise<PosterScanTarget> {
    return this.stats.scan(id);
  }

  /** Scans per poster (per 村居 board) of one post or one event. */
  @Get('stats/posters')
  @Roles('admin', 'liaison', 'employer')
  posterStats(@Query() q: PosterStatsQueryDto, @CurrentUser() user: AuthPrincipal): Promise<PosterStats> {
    return this.stats.stats(q, user);
  }

  private async send(kind: PosterKind, id: string, q: PosterQueryDto, user: AuthPrincipal | undefined, req: Request, reply: Reply, format: 'png' | 'pdf'): Promise<StreamableFile> {
    const file = await this.posters.make(kind, id, user, q.villageCode, originOf(req), format);
    // The poster carries a liaison's phone: kept out of shared caches. Its id lets the page show its scans.
    reply.header('cache-control', 'private, no-store');
    reply.header('x-poster-id', file.posterId);
    return new StreamableFile(file.bytes, { type: MIME[format], disposition: inline(file), length: file.bytes.length });
  }
}
