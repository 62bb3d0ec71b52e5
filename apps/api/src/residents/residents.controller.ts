import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, PhoneCallResponse, ResidentDetail, ResidentIdCheck, ResidentItem, RevealResponse } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, RegionScoped, Roles } from '../common/decorators/auth.decorators';
import { CreateResidentDto, IdCheckDto, ResidentQueryDto, RevealDto, UpdateResidentDto } from './dto/resident.dto';
import { ResidentIdCheckService } from './resident-id-check.service';
import { ResidentsService } from './residents.service';

/** A malformed id cannot name a record: 404 like an unknown one. */
export const residentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('居民档案不存在或不在您的管辖范围内') });

export const requestIp = (req: { ip?: string }) => req.ip ?? null;

@ApiTags('residents')
@ApiBearerAuth()
@Roles('liaison', 'admin')
@Controller('residents')
export class ResidentsController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly idCheck: ResidentIdCheckService,
  ) {}

  @Post()
  @RegionScoped({ in: 'body', field: 'villageCode' })
  create(@Body() dto: CreateResidentDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<ResidentItem> {
    return this.residents.create(dto, { actor, ip: requestIp(req) });
  }

  /**
   * 登记居民: is this 身份证号 registered already? Asked as soon as 18 characters are typed. In the body,
   * so the number stays out of URLs and logs; answers 200 with `valid: false` for a mistyped one.
   */
  @Post('id-check')
  @HttpCode(200)
  checkIdNumber(@Body() dto: IdCheckDto, @CurrentUser() actor: AuthPrincipal): Promise<ResidentIdCheck> {
    return this.idCheck.check(dto.idNumber, actor);
  }

  @Get()
  @RegionScoped({ in: 'query', field: 'villageCode' }, { in: 'query', field: 'townCode' })
  list(@Query() query: ResidentQueryDto, @CurrentUser() actor: AuthPrincipal): Promise<Page<ResidentItem>> {
    return this.residents.list(query, actor);
  }

  @Get(':id')
  get(@Param('id', residentIdPipe) id: string, @CurrentUser() actor: AuthPrincipal): Promise<ResidentDetail> {
    return this.residents.get(id, actor);
  }

  @Patch(':id')
  @RegionScoped({ in: 'body', field: 'villageCode' })
  update(@Param('id', residentIdPipe) id: string, @Body() dto: UpdateResidentDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<ResidentItem> {
    return this.residents.update(id, dto, { actor, ip: requestIp(req) });
  }

  /** Full 身份证号 and phone of one record, for an admin, with a reason; audit-logged. */
  @Post(':id/reveal')
  @Roles('admin')
  @HttpCode(200)
  reveal(@Param('id', residentIdPipe) id: string, @Body() dto: RevealDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<RevealResponse> {
    return this.residents.reveal(id, dto.reason, { actor, ip: requestIp(req) });
  }

  /** 打电话: the full phone of a resident of the caller's area, for one call; no reason asked, audit-logged. */
  @Post(':id/call')
  @HttpCode(200)
  call(@Param('id', residentIdPipe) id: string, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<PhoneCallResponse> {
    return this.residents.call(id, { actor, ip: requestIp(req) });
  }
}
