import { Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ResidentDetail, ResidentItem } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { CreateResidentDto } from './dto/resident.dto';
import { requestIp } from './residents.controller';
import { ResidentsService } from './residents.service';

/** 我的档案: a seeker's own record. */
@ApiTags('residents')
@ApiBearerAuth()
@Roles('seeker')
@Controller('me/profile')
export class MeProfileController {
  constructor(private readonly residents: ResidentsService) {}

  @Get()
  get(@CurrentUser() actor: AuthPrincipal): Promise<ResidentDetail> {
    return this.residents.ownProfile(actor);
  }

  @Put()
  put(@Body() dto: CreateResidentDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<ResidentItem> {
    return this.residents.putOwnProfile(dto, { actor, ip: requestIp(req) });
  }
}
