import { BadRequestException, ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { InvitableRole, InvitationCreated, LoginResponse } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import type { AuthPrincipal } from '../../common/auth-principal';
import { Clock } from '../../common/clock';
import { Region } from '../../regions/entities/region.entity';
import { AccessService } from '../../common/access/access.service';
import { invitationProblem } from '../accounts.policy';
import { AuthSession } from '../entities/auth-session.entity';
import { Invitation } from '../entities/invitation.entity';
import { User } from '../entities/user.entity';
import { SessionsService, sha256 } from '../sessions/sessions.service';

export const INVITATION_DAYS = 7;
/** No 0/O, 1/I: the code is read aloud over the phone and typed by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

/** "abcd-efgh " → "ABCDEFGH": how a typed code is compared. */
export function normaliseInvitationCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

const hashCode = (code: string) => sha256(`invitation:${normaliseInvitationCode(code)}`);

/**
 * Staff get their role by invitation: a one-time code, valid 7 days, that gives the account accepting it
 * the invited role and region. See docs/business-logic/login-and-roles.md.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly access: AccessService,
  ) {}

  async create(input: { role: InvitableRole; regionCode?: string | null; name: string }, inviter: AuthPrincipal | null, ip: string | null): Promise<InvitationCreated> {
    const regionCode = input.regionCode ?? null;
    const problem = invitationProblem(input.role, regionCode, inviter === null);
    if (problem) throw new BadRequestException({ statusCode: 400, message: problem, errors: [{ field: 'regionCode', message: problem }] });
    if (inviter) await this.access.require(inviter, 'staff.invite', { regionCode, accountRole: input.role });
    const region = regionCode ? await this.dataSource.getRepository(Region).findOneBy({ code: regionCode }) : null;
    if (regionCode && !region) throw new BadRequestException({ statusCode: 400, message: '地区代码不存在', errors: [{ field: 'regionCode', message: '地区代码不存在' }] });
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const now = this.clock.now();
    const row = Object.assign(new Invitation(), {
      id: randomUUID(),
      codeHash: hashCode(code),
      role: input.role,
      regionCode,
      name: input.name,
      createdBy: inviter?.userId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000),
      acceptedBy: null,
      acceptedAt: null,
    });
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(Invitation).insert(row);
      await this.audit.record({ action: 'invitation.create', actor: inviter, targetType: 'invitation', targetId: row.id, detail: { role: row.role, regionCode, via: inviter ? 'app' : 'cli' }, ip }, em);
    });
    return { code, expiresAt: row.expiresAt.toISOString(), role: row.role, regionCode, regionName: region?.name ?? null, name: row.name };
  }

  /** The caller takes the invitation's role and region; answers a new token pair that carries them. */
  async accept(codeInput: string, principal: AuthPrincipal, ip: string | null): Promise<LoginResponse> {
    const now = this.clock.now();
    const invitation = await this.dataSource.getRepository(Invitation).findOneBy({ codeHash: hashCode(codeInput) });
    if (!invitation) {
      await this.audit.record({ action: 'invitation.refused', actor: principal, targetType: 'invitation', targetId: null, detail: { reason: 'unknown_code' }, ip });
      throw new NotFoundException('邀请码不对，请核对后再输入');
    }
    if (invitation.acceptedAt) throw new ConflictException('这个邀请码已经用过了，每个邀请码只能用一次');
    if (invitation.expiresAt.getTime() <= now.getTime()) throw new GoneException('邀请码已过期（7天有效），请联系邀请人重新生成');
    const answer = await this.dataSource.transaction(async (em) => {
      const taken = await em.getRepository(Invitation).update({ id: invitation.id, acceptedAt: IsNull() }, { acceptedAt: now, acceptedBy: principal.userId });
      if (!taken.affected) throw new ConflictException('这个邀请码已经用过了，每个邀请码只能用一次');
      const users = em.getRepository(User);
      const before = await users.findOneByOrFail({ id: principal.userId });
      await users.update(
        { id: before.id },
        { role: invitation.role, regionCode: invitation.regionCode, employerId: null, name: invitation.name, authVersion: before.authVersion + 1 },
      );
      const user = await users.findOneByOrFail({ id: before.id });
      await this.audit.record(
        {
          action: 'user.role_change',
          actor: principal,
          targetType: 'user',
          targetId: user.id,
          detail: { from: before.role, fromRegion: before.regionCode, to: user.role, toRegion: user.regionCode, via: 'invitation', invitationId: invitation.id },
          ip,
        },
        em,
      );
      return this.tokensAfterChange(user, principal, em);
    });
    this.sessions.accountChanged(principal.userId);
    return answer;
  }

  /** The caller's session goes on with the new role (a development-login caller gets a new dev token). */
  private async tokensAfterChange(user: User, principal: AuthPrincipal, em: EntityManager): Promise<LoginResponse> {
    if (!principal.sessionId) return this.sessions.devToken(user);
    const session = await em.getRepository(AuthSession).findOneByOrFail({ id: principal.sessionId });
    return this.sessions.tokens(user, session, em);
  }
}
