import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeletionRequestItem } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { requestIp, residentIdPipe } from '../residents/residents.controller';
import { DeletionRequestsService } from './deletion-requests.service';
import { ResidentEraseDto } from './dto/privacy.dto';

/** POST /residents/:id/erase: the person asked at the village window; same effect as a completed request. */
@ApiTags('privacy')
@ApiBearerAuth()
@Roles('liaison', 'admin')
@Controller('residents')
export class ResidentErasureController {
  constructor(private readonly requests: DeletionRequestsService) {}

  @Post(':id/erase')
  @HttpCode(200)
  erase(@Param('id', residentIdPipe) id: string, @Body() dto: ResidentEraseDto, @CurrentUser() actor: AuthPrincipal, @Req() req: { ip?: string }): Promise<DeletionRequestItem> {
    return this.requests.eraseInPerson(id, dto.reason, actor, requestIp(req));
  }
}
