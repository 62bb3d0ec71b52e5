import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EmployerItem, EmployerJoinCode, Page, PhoneCallResponse } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { CreateEmployerDto, EmployerQueryDto, JoinEmployerDto, RevokeEmployerDto, UpdateEmployerDto, VerifyEmployerDto } from './dto/employer.dto';
import { EmployersService } from './employers.service';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('企业不存在') });
const requestIp = (req: { ip?: string }) => req.ip ?? null;

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  /** A logged-in person registers their employer and becomes its first member (role employer). */
  @Post()
  @Roles('employer', 'seeker')
  create(@Body() dto: CreateEmployerDto, @CurrentUser() user: AuthPrincipal): Promise<EmployerItem> {
    return this.employers.create(dto, user);
  }

  @Get()
  @Roles('admin')
  list(@Query() query: EmployerQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<EmployerItem>> {
    return this.employers.list(query, user);
  }

  @Get('mine')
  @Roles('employer')
  mine(@CurrentUser() user: AuthPrincipal): Promise<EmployerItem> {
    return this.employers.mine(user);
  }

  @Post('join')
  @Roles('employer', 'seeker')
  @HttpCode(200)
  join(@Body() dto: JoinEmployerDto, @CurrentUser() user: AuthPrincipal): Promise<EmployerItem> {
    return this.employers.join(dto.code, user);
  }

  @Get(':id')
  @Roles('employer', 'admin')
  get(@Param('id', idPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<EmployerItem> {
    return this.employers.get(id, user);
  }

  @Patch(':id')
  @Roles('employer', 'admin')
  update(@Param('id', idPipe) id: string, @Body() dto: UpdateEmployerDto, @CurrentUser() user: AuthPrincipal): Promise<EmployerItem> {
    return this.employers.update(id, dto, user);
  }

  @Post(':id/verify')
  @Roles('admin')
  @HttpCode(200)
  verify(@Param('id', idPipe) id: string, @Body() dto: VerifyEmployerDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<EmployerItem> {
    return this.employers.verify(id, dto, user, requestIp(req));
  }

  /** 撤销认证 (admin of the employer's 镇街): with a reason the employer reads; its published posts go back to 待审核. 409 when not verified. */
  @Post(':id/revoke')
  @Roles('admin')
  @HttpCode(200)
  revoke(@Param('id', idPipe) id: string, @Body() dto: RevokeEmployerDto, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<EmployerItem> {
    return this.employers.revoke(id, dto, user, requestIp(req));
  }

  /** 打电话 to the contact person (企业认证): the full phone for one call, for an admin of the employer's 镇街; audit-logged. */
  @Post(':id/call')
  @Roles('admin')
  @HttpCode(200)
  call(@Param('id', idPipe) id: string, @CurrentUser() user: AuthPrincipal, @Req() req: { ip?: string }): Promise<PhoneCallResponse> {
    return this.employers.call(id, user, requestIp(req));
  }

  @Post(':id/join-codes')
  @Roles('employer')
  createJoinCode(@Param('id', idPipe) id: string, @CurrentUser() user: AuthPrincipal): Promise<EmployerJoinCode> {
    return this.employers.createJoinCode(id, user);
  }
}
