import { BadRequestException, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { regionLevelOf, type AuthUser, type LoginResponse } from '@zaogong/shared';
import type { AuthPrincipal } from '../common/auth-principal';
import { PersonalDataCipher } from '../common/crypto/personal-data-cipher';
import { Employer } from '../employers/entities/employer.entity';
import { Region } from '../regions/entities/region.entity';
import type { DevLoginDto } from './dto/dev-login.dto';
import { User } from './entities/user.entity';
import { AuthUserPresenter } from './sessions/auth-user.presenter';
import { SessionsService } from './sessions/sessions.service';
import { WechatClient } from './wechat.client';

/** A new seeker account: what a first login of a person makes. */
export function newSeeker(fields: Partial<User>): User {
  return Object.assign(new User(), {
    id: randomUUID(),
    role: 'seeker' as const,
    name: '微信用户',
    regionCode: null,
    employerId: null,
    wechatOpenid: null,
    wechatUnionid: null,
    devKey: null,
    phoneCipher: null,
    phoneIndex: null,
    authVersion: 1,
    disabledAt: null,
    disabledReason: null,
    lastLoginAt: null,
    mfaSecretCipher: null,
    mfaEnabledAt: null,
    mfaLastStep: null,
    mfaFailures: 0,
    mfaLockedUntil: null,
    ...fields,
  });
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatClient,
    private readonly sessions: SessionsService,
    private readonly presenter: AuthUserPresenter,
    private readonly cipher: PersonalDataCipher,
  ) {}

  private get users(): Repository<User> {
    return this.dataSource.getRepository(User);
  }

  /**
   * WeChat login: the person behind an openid; a first login makes a seeker account. With a phoneCode
   * (手机号快速验证) the account's phone is filled; a first WeChat login whose phone already has an account
   * (made by SMS login in a browser) joins that account, since the person proved both.
   */
  async loginWithWechat(code: string, phoneCode: string | undefined, ip: string | null): Promise<LoginResponse> {
    const session = await this.wechat.code2session(code);
    const phone = phoneCode ? await this.wechat.phoneNumber(phoneCode) : null;
    const cipher = this.cipher;
    const phoneIndex = phone ? cipher.blindIndex('phone', phone) : null;
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(User);
      let user = await repo.findOneBy({ wechatOpenid: session.openid });
      const byPhone = phoneIndex ? await repo.findOneBy({ phoneIndex }) : null;
      if (!user && byPhone && !byPhone.wechatOpenid) {
        user = byPhone;
        await repo.update({ id: user.id }, { wechatOpenid: session.openid, wechatUnionid: session.unionid });
      } else if (!user) {
        user = newSeeker({ wechatOpenid: session.openid, wechatUnionid: session.unionid });
        if (phone && !byPhone) Object.assign(user, { phoneCipher: cipher.encrypt(phone), phoneIndex });
        await repo.insert(user);
      } else if (phone && !byPhone) {
        await repo.update({ id: user.id }, { phoneCipher: cipher.encrypt(phone), phoneIndex });
        Object.assign(user, { phoneCipher: cipher.encrypt(phone), phoneIndex });
      }
      if (user.disabledAt) throw new ForbiddenException('账号已停用，如有疑问请联系区人社局');
      return this.sessions.start(user, 'wechat', ip, em);
    });
  }

  /** Development login: one account per (role, name, region, employer), made on first use. */
  async devLogin(dto: DevLoginDto): Promise<LoginResponse> {
    const regionCode = await this.checkRegion(dto);
    const employerId = await this.checkEmployer(dto);
    const devKey = [dto.role, dto.name.trim(), regionCode ?? '', employerId ?? ''].join('|');
    let user = await this.users.findOneBy({ devKey });
    if (!user) {
      user = newSeeker({ role: dto.role, name: dto.name.trim(), regionCode, employerId, devKey });
      await this.users.insert(user);
    }
    if (user.disabledAt) throw new UnauthorizedException('账号已停用，如有疑问请联系区人社局');
    return this.sessions.devToken(user);
  }

  async me(principal: AuthPrincipal): Promise<AuthUser> {
    const user = await this.users.findOneBy({ id: principal.userId });
    if (!user) throw new UnauthorizedException('账号不存在，请重新登录');
    return this.presenter.present(user, principal.mfa === true);
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
    if (!(await this.dataSource.getRepository(Region).existsBy({ code }))) throw bad('地区代码不存在');
    return code;
  }

  private async checkEmployer(dto: DevLoginDto): Promise<string | null> {
    if (!dto.employerId) return null;
    const bad = (message: string) => new BadRequestException({ statusCode: 400, message, errors: [{ field: 'employerId', message }] });
    if (dto.role !== 'employer') throw bad('只有企业账号可以关联企业');
    if (!(await this.dataSource.getRepository(Employer).existsBy({ id: dto.employerId }))) throw bad('企业不存在');
    return dto.employerId;
  }
}
