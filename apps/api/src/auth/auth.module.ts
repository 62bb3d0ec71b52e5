import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { HttpSmsProvider } from '../notifications/channels/sms-provider';
import { RegionsModule } from '../regions/regions.module';
import { AccountsController } from './accounts.controller';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthSession } from './entities/auth-session.entity';
import { User } from './entities/user.entity';
import { InvitationsService } from './invitations/invitations.service';
import { MfaService } from './mfa/mfa.service';
import { QrLoginService } from './qr/qr-login.service';
import { AccountStateService } from './sessions/account-state.service';
import { AuthUserPresenter } from './sessions/auth-user.presenter';
import { SessionsService } from './sessions/sessions.service';
import { SmsLoginService } from './sms/sms-login.service';
import { AdminUsersService } from './users/admin-users.service';
import { WechatClient } from './wechat.client';

@Module({
  imports: [TypeOrmModule.forFeature([User, AuthSession]), AuditModule, RegionsModule],
  controllers: [AuthController, AccountsController],
  providers: [
    AuthService,
    WechatClient,
    AccountStateService,
    SessionsService,
    AuthUserPresenter,
    InvitationsService,
    MfaService,
    SmsLoginService,
    QrLoginService,
    AdminUsersService,
    HttpSmsProvider,
  ],
  exports: [AccountStateService, SessionsService, InvitationsService, WechatClient],
})
export class AuthModule {}
