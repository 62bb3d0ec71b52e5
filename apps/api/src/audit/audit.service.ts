import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import type { AuditEntry, Page } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import type { AuthPrincipal } from '../common/auth-principal';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { AuditLog } from './entities/audit-log.entity';

export interface AuditRecord {
  action: string;
  actor: AuthPrincipal | null;
  targetType: string;
  targetId: string | null;
  /** What happened: ids, counts, field names, a stated reason. Never 身份证号 or phone values. */
  detail?: Record<string, unknown>;
  ip?: string | null;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** Writes one entry, inside the caller's transaction when given one. */
  async record(entry: AuditRecord, em?: EntityManager): Promise<void> {
    const row = Object.assign(new AuditLog(), {
      id: randomUUID(),
      action: entry.action,
      actorId: entry.actor?.userId ?? null,
      actorRole: entry.actor?.role ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      detail: entry.detail ?? {},
      ip: entry.ip ?? null,
      at: new Date(),
    });
    await (em ? em.getRepository(AuditLog) : this.logs).save(row);
  }

  async list(query: { action?: string; targetId?: string; cursor?: string; limit?: number }): Promise<Page<AuditEntry>> {
    const limit = clampLimit(query.limit);
    const qb = this.logs.createQueryBuilder('a');
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.targetId) qb.andWhere('a.target_id = :tid', { tid: query.targetId });
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(a.at < :at OR (a.at = :at AND a.id < :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const actorIds = [...new Set(page.map((r) => r.actorId).filter((x): x is string => !!x))];
    const actors = actorIds.length ? await this.users.createQueryBuilder('u').where('u.id IN (:...ids)', { ids: actorIds }).getMany() : [];
    const names = new Map(actors.map((u) => [u.id, u.name]));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        action: r.action,
        actor: { id: r.actorId, name: r.actorId ? (names.get(r.actorId) ?? null) : null, role: r.actorRole },
        targetType: r.targetType,
        targetId: r.targetId,
        detail: r.detail,
        ip: r.ip,
        at: r.at.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor(last.at.toISOString(), last.id) : null,
    };
  }
}
