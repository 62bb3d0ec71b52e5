import { Body, Controller, Get, HttpCode, Inject, Injectable, NotFoundException, Post, UseGuards, type CanActivate } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthConfig, AuthUser, LoginResponse } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Public } from '../common/decorators/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { DevLoginDto } from './dto/dev-login.dto';
import { WechatLoginDto } from './dto/wechat-login.dto';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What the login screen may offer. */
  @Public()
  @Get('auth/config')
  authConfig(): AuthConfig {
    return { devLogin: this.config.devLogin, wechat: Boolean(this.config.wechat.appId) };
  }

  @Public()
  @Post('auth/wechat')
  @HttpCode(200)
  wechat(@Body() dto: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.loginWithWechat(dto.code);
  }

  @Public()
  @Post('auth/dev-login')
  @UseGuards(DevLoginEnabledGuard)
  @HttpCode(200)
  devLogin(@Body() dto: DevLoginDto): Promise<LoginResponse> {
    return this.auth.devLogin(dto);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthPrincipal): Promise<AuthUser> {
    return this.auth.me(user.userId);
  }
}
