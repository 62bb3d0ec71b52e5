import { Body, Controller, Get, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ResidentDetail, ResidentItem } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { CreateResidentDto } from './dto/resident.dto';
import { QuickProfileDto } from './quick/quick-profile.dto';
import { QuickProfileService } from './quick/quick-profile.service';
import { requestIp } from './residents.controller';
import { ResidentsService } from './residents.service';

/** 我的档案: a seeker's own record. */
@ApiTags('residents')
@ApiBearerAuth()
@Roles('seeker')
@Controller('me/profile')
export class MeProfileController {
  constructor(
    private readonly residents: ResidentsService,
    private readonly quick: QuickProfileService,
  ) {}

  @Get()
  get(@CurrentUser() actor: AuthPrincipal): Promise<ResidentDetail> {
    return this.residents.ownProfile(actor);
  }

  /** 先报名: name, phone and 村 from the apply sheet; the 身份证号 comes later. 409 when there is a record already. */
  @Post('quick')
  createQuick(@Body() dto: QuickProfileDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<ResidentItem> {
    return this.quick.create(dto, { actor, ip: requestIp(req) });
  }

  @Put()
  put(@Body() dto: CreateResidentDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<ResidentItem> {
    return this.residents.putOwnProfile(dto, { actor, ip: requestIp(req) });
  }
}
