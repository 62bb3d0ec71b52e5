import { Body, Controller, Get, HttpCode, Inject, Injectable, NotFoundException, Param, Post, Req, UseGuards, type CanActivate } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthConfig, AuthUser, LoginResponse, QrTicket, QrTicketState } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { AllowWithoutMfa, ClientIp, CurrentUser, Public } from '../common/decorators/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { LogoutDto, QrTicketParamDto, RefreshDto, SmsLoginDto, SmsSendDto } from './dto/accounts.dto';
import { DevLoginDto } from './dto/dev-login.dto';
import { WechatLoginDto } from './dto/wechat-login.dto';
import { QrLoginService } from './qr/qr-login.service';
import { SessionsService } from './sessions/sessions.service';
import { originOf } from '../common/http/request-origin';
import { SmsLoginService } from './sms/sms-login.service';

/** The dev login exists only when AUTH_DEV_LOGIN=true; otherwise it is a 404 before any validation. */
@Injectable()
export class DevLoginEnabledGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (!this.config.devLogin) throw new NotFoundException('未找到该资源');
    return true;
  }
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly sms: SmsLoginService,
    private readonly qr: QrLoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the login screen may offer. */
  @Public()
  @Get('auth/config')
  authConfig(): AuthConfig {
    return { devLogin: this.config.devLogin, wechat: Boolean(this.config.wechat.appId), sms: this.sms.enabled };
  }

  @Public()
  @Post('auth/wechat')
  @HttpCode(200)
  wechat(@Body() dto: WechatLoginDto, @ClientIp() ip: string | null): Promise<LoginResponse> {
    return this.auth.loginWithWechat(dto.code, dto.phoneCode, ip);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto, @ClientIp() ip: string | null): Promise<LoginResponse> {
    return this.sessions.refresh(dto.refreshToken, ip);
  }

  @ApiBearerAuth()
  @AllowWithoutMfa()
  @Post('auth/logout')
  @HttpCode(204)
  logout(@Body() dto: LogoutDto, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<void> {
    return this.sessions.logout(user, dto.refreshToken, ip);
  }

  @Public()
  @Post('auth/sms/send')
  @HttpCode(200)
  smsSend(@Body() dto: SmsSendDto, @ClientIp() ip: string | null): Promise<{ expiresAt: string; resendAfter: number }> {
    return this.sms.send(dto.phone, ip);
  }

  @Public()
  @Post('auth/sms/login')
  @HttpCode(200)
  smsLogin(@Body() dto: SmsLoginDto, @ClientIp() ip: string | null): Promise<LoginResponse> {
    return this.sms.login(dto.phone, dto.code, ip);
  }

  @Public()
  @Post('auth/qr')
  @HttpCode(201)
  qrCreate(@Req() req: { protocol?: string; headers: Record<string, string | string[] | undefined> }, @ClientIp() ip: string | null): Promise<QrTicket> {
    return this.qr.create(originOf(req), ip);
  }

  @Public()
  @Get('auth/qr/:ticket')
  qrStatus(@Param() p: QrTicketParamDto, @ClientIp() ip: string | null): Promise<QrTicketState> {
    return this.qr.status(p.ticket, ip);
  }

  @ApiBearerAuth()
  @AllowWithoutMfa()
  @Post('auth/qr/:ticket/approve')
  @HttpCode(200)
  qrApprove(@Param() p: QrTicketParamDto, @CurrentUser() user: AuthPrincipal, @ClientIp() ip: string | null): Promise<{ status: 'approved' }> {
    return this.qr.approve(p.ticket, user, ip);
  }

  @Public()
  @Post('auth/dev-login')
  @UseGuards(DevLoginEnabledGuard)
  @HttpCode(200)
  devLogin(@Body() dto: DevLoginDto): Promise<LoginResponse> {
    return this.auth.devLogin(dto);
  }

  @ApiBearerAuth()
  @AllowWithoutMfa()
  @Get('me')
  me(@CurrentUser() user: AuthPrincipal): Promise<AuthUser> {
    return this.auth.me(user);
  }
}
