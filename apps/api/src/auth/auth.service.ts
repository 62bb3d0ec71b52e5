import { BadRequestException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { regionLevelOf, type AuthUser, type LoginResponse } from '@zaogong/shared';
import type { TokenPayload } from '../common/auth-principal';
import { Employer } from '../employers/entities/employer.entity';
import { Region } from '../regions/entities/region.entity';
import type { DevLoginDto } from './dto/dev-login.dto';
import { User } from './entities/user.entity';
import { WechatClient } from './wechat.client';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Region) private readonly regions: Repository<Region>,
    @InjectRepository(Employer) private readonly employers: Repository<Employer>,
    private readonly jwt: JwtService,
    private readonly wechat: WechatClient,
  ) {}

  /** WeChat login: the person behind an openid; a first login makes a seeker account. */
  async loginWithWechat(code: string): Promise<LoginResponse> {
    const session = await this.wechat.code2session(code);
    let user = await this.users.findOneBy({ wechatOpenid: session.openid });
    if (!user) {
      user = this.users.create({
        id: randomUUID(),
        role: 'seeker',
        name: '微信用户',
        regionCode: null,
        employerId: null,
        wechatOpenid: session.openid,
        wechatUnionid: session.unionid,
        devKey: null,
      });
      await this.users.insert(user);
    }
    return this.issue(user);
  }

  /** Development login: one account per (role, name, region, employer), made on first use. */
  async devLogin(dto: DevLoginDto): Promise<LoginResponse> {
    const regionCode = await this.checkRegion(dto);
    const employerId = await this.checkEmployer(dto);
    const devKey = [dto.role, dto.name.trim(), regionCode ?? '', employerId ?? ''].join('|');
    let user = await this.users.findOneBy({ devKey });
    if (!user) {
      user = this.users.create({
        id: randomUUID(),
        role: dto.role,
        name: dto.name.trim(),
        regionCode,
        employerId,
        wechatOpenid: null,
        wechatUnionid: null,
        devKey,
      });
      await this.users.insert(user);
    }
    return this.issue(user);
  }

  async me(userId: string): Promise<AuthUser> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new UnauthorizedException('账号不存在，请重新登录');
    return this.toAuthUser(user);
  }

  private async checkRegion(dto: DevLoginDto): Promise<string | null> {
    const code = dto.regionCode ?? null;
    const bad = (message: string) => new BadRequestException({ statusCode: 400, message, errors: [{ field: 'regionCode', message }] });
    if (dto.role === 'liaison' && !code) throw bad('联络员需要选择所在的村居或镇街');
    if (!code) return null;
    if (dto.role === 'seeker' || dto.role === 'employer') throw bad('求职者和企业账号不设管辖地区');
    const level = regionLevelOf(code);
    if (dto.role === 'admin' && level !== 'town') throw bad('镇街干部的地区应为9位镇街代码');
    if (level !== 'town' && level !== 'village') throw bad('地区应为山亭区内的镇街或村居');
    if (!(await this.regions.existsBy({ code }))) throw bad('地区代码不存在');
    return code;
  }

  private async checkEmployer(dto: DevLoginDto): Promise<string | null> {
    if (!dto.employerId) return null;
    const bad = (message: string) => new BadRequestException({ statusCode: 400, message, errors: [{ field: 'employerId', message }] });
    if (dto.role !== 'employer') throw bad('只有企业账号可以关联企业');
    if (!(await this.employers.existsBy({ id: dto.employerId }))) throw bad('企业不存在');
    return dto.employerId;
  }

  private async issue(user: User): Promise<LoginResponse> {
    const payload: TokenPayload = { sub: user.id, role: user.role, rc: user.regionCode, eid: user.employerId };
    const token = await this.jwt.signAsync(payload);
    return { token, user: await this.toAuthUser(user) };
  }

  private async toAuthUser(user: User): Promise<AuthUser> {
    const region = user.regionCode ? await this.regions.findOneBy({ code: user.regionCode }) : null;
    return {
      id: user.id,
      role: user.role,
      name: user.name,
      regionCode: user.regionCode,
      regionName: region?.name ?? null,
      employerId: user.employerId,
    };
  }
}
