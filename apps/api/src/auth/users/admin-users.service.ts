import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { isValidMobile, type AdminUserSummary, type Page, type Role } from '@zaogong/shared';
import { AuditService } from '../../audit/audit.service';
import type { AuthPrincipal } from '../../common/auth-principal';
import { AccessService } from '../../common/access/access.service';
import { clampLimit, decodeDateCursor, encodeCursor } from '../../common/pagination/cursor';
import { escapeLike } from '../../common/sql/escape-like';
import { User } from '../entities/user.entity';
import { AuthUserPresenter } from '../sessions/auth-user.presenter';
import { SessionsService } from '../sessions/sessions.service';

export interface AdminUserQuery {
  role?: Role;
  regionCode?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

/**
 * 用户管理: a district admin sees and manages every account; a 镇街 officer the liaisons of their 镇街.
 * Disabling ends the account's sessions at once (here) and everywhere within 60 s (other processes).
 */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly presenter: AuthUserPresenter,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(query: AdminUserQuery, admin: AuthPrincipal): Promise<Page<AdminUserSummary>> {
    const limit = clampLimit(query.limit);
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    await this.scope(qb, admin);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.regionCode) qb.andWhere("u.region_code LIKE :rc ESCAPE '!'", { rc: `${escapeLike(query.regionCode)}%` });
    // A whole mobile number finds the account by its blind index; anything else is part of a name.
    if (query.q && isValidMobile(query.q)) qb.andWhere('u.phone_index = :pi', { pi: this.presenter.phoneIndex(query.q) });
    else if (query.q) qb.andWhere("u.name LIKE :q ESCAPE '!'", { q: `%${escapeLike(query.q)}%` });
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(u.created_at < :at OR (u.created_at = :at AND u.id < :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('u.created_at', 'DESC').addOrderBy('u.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const names = await this.presenter.regionNames(page);
    const last = page[page.length - 1];
    return {
      items: page.map((u) => this.summary(u, names)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
    };
  }

  async disable(id: string, reason: string, admin: AuthPrincipal, ip: string | null): Promise<AdminUserSummary> {
    const user = await this.managed(id, admin);
    if (user.disabledAt) throw new ConflictException('该账号已经停用');
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(User).update({ id }, { disabledAt: new Date(), disabledReason: reason, authVersion: user.authVersion + 1 });
      await this.sessions.endAll(id, 'disabled', em);
      await this.audit.record({ action: 'user.disable', actor: admin, targetType: 'user', targetId: id, detail: { reason, role: user.role }, ip }, em);
    });
    this.sessions.accountChanged(id);
    return this.reload(id);
  }

  async enable(id: string, admin: AuthPrincipal, ip: string | null): Promise<AdminUserSummary> {
    const user = await this.managed(id, admin);
    if (!user.disabledAt) throw new ConflictException('该账号没有停用');
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(User).update({ id }, { disabledAt: null, disabledReason: null, authVersion: user.authVersion + 1 });
      await this.audit.record({ action: 'user.enable', actor: admin, targetType: 'user', targetId: id, ip }, em);
    });
    this.sessions.accountChanged(id);
    return this.reload(id);
  }

  /** The accounts an admin may list: all for the district admin; their 镇街's liaisons for an officer. */
  private async scope(qb: SelectQueryBuilder<User>, admin: AuthPrincipal): Promise<void> {
    const scope = await this.access.scope(admin, 'user.manage');
    if (scope.kind === 'all') return;
    if (scope.kind !== 'region') throw new ForbiddenException('只有管理员可以管理用户');
    qb.andWhere("u.role = 'liaison'").andWhere("u.region_code LIKE :scope ESCAPE '!'", { scope: `${escapeLike(scope.code)}%` });
  }

  private async managed(id: string, admin: AuthPrincipal): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundException('账号不存在');
    if (user.id === admin.userId) throw new ForbiddenException('不能停用或启用自己的账号');
    await this.access.require(admin, 'user.manage', { regionCode: user.regionCode, accountRole: user.role });
    return user;
  }

  private async reload(id: string): Promise<AdminUserSummary> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id });
    return this.summary(user, await this.presenter.regionNames([user]));
  }

  private summary(u: User, regionNames: Map<string, string>): AdminUserSummary {
    return {
      id: u.id,
      name: u.name,
      role: u.role,
      regionCode: u.regionCode,
      regionName: u.regionCode ? (regionNames.get(u.regionCode) ?? null) : null,
      employerId: u.employerId,
      phoneMasked: this.presenter.maskedPhone(u),
      disabled: u.disabledAt !== null,
      disabledReason: u.disabledReason,
      mfaEnabled: u.mfaEnabledAt !== null,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
    };
  }
}
