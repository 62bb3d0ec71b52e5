import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Employer } from '../employers/entities/employer.entity';
import { Region } from '../regions/entities/region.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { User } from './entities/user.entity';
import { WechatClient } from './wechat.client';

@Module({
  imports: [TypeOrmModule.forFeature([User, Region, Employer])],
  controllers: [AuthController],
  providers: [AuthService, WechatClient],
})
export class AuthModule {}
