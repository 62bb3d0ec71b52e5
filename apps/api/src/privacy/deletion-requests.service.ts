import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { DeletionRequestItem, DeletionRequestStatus, MyDeletionRequest, Page } from '@zaogong/shared';
import { AuditService } from '../audit/audit.service';
import { User } from '../auth/entities/user.entity';
import { AccessService, regionCondition } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { isUniqueViolation } from '../common/sql/unique-violation';
import { RegionsService } from '../regions/regions.service';
import { Resident } from '../residents/entities/resident.entity';
import { DeletionRequest } from './entities/deletion-request.entity';
import { ErasureService, type ErasureSummary } from './erasure.service';

const NOT_FOUND = '删除申请不存在或不在您的管辖范围内';
const RESIDENT_NOT_FOUND = '居民档案不存在或不在您的管辖范围内';

/**
 * 个人信息删除申请 (docs/business-logic/personal-data-rights.md): a person asks; a liaison or admin of
 * the area of their 求职信息 carries it out or declines it with a reason; staff may also erase at once
 * for a person who asked in person. Who may act is the access policy's `resident.erase`.
 */
@Injectable()
export class DeletionRequestsService {
  constructor(
    private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly erasure: ErasureService,
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** POST /me/deletion-request: at most one pending per person (409). */
  async request(actor: AuthPrincipal, reason: string | undefined, ip: string | null): Promise<MyDeletionRequest> {
    const resident = await this.ds.getRepository(Resident).findOne({ where: { userId: actor.userId }, select: { id: true } });
    const row = Object.assign(new DeletionRequest(), {
      id: randomUUID(),
      userId: actor.userId,
      residentId: resident?.id ?? null,
      source: 'self' as const,
      status: 'pending' as const,
      openKey: actor.userId,
      reason: reason ?? null,
      requestedBy: actor.userId,
      decidedBy: null,
      decisionNote: null,
      createdAt: this.clock.now(),
      decidedAt: null,
    });
    try {
      await this.ds.transaction(async (em) => {
        await em.getRepository(DeletionRequest).insert(row);
        await this.audit.record({ action: 'privacy.deletion_request', actor, targetType: 'user', targetId: actor.userId, detail: { requestId: row.id, residentId: row.residentId }, ip }, em);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictException('您已经提交过删除申请，正在等待处理');
      throw e;
    }
    return mine(row);
  }

  /** GET /me/deletion-request: the caller's latest request. */
  async latestOf(actor: AuthPrincipal): Promise<MyDeletionRequest> {
    const row = await this.ds.getRepository(DeletionRequest).findOne({ where: { userId: actor.userId }, order: { createdAt: 'DESC', id: 'DESC' } });
    if (!row) throw new NotFoundException('您还没有提交过删除申请');
    return mine(row);
  }

  /** GET /privacy/deletion-requests: newest first, within the caller's area (by the 村居 of the 求职信息). */
  async list(query: { status?: DeletionRequestStatus; cursor?: string; limit?: number }, actor: AuthPrincipal): Promise<Page<DeletionRequestItem>> {
    const scope = await this.access.scope(actor, 'resident.erase');
    const limit = clampLimit(query.limit);
    const qb = this.ds.getRepository(DeletionRequest).createQueryBuilder('d').leftJoin(Resident, 'r', 'r.id = d.resident_id');
    if (scope.kind === 'region') qb.andWhere(...regionCondition(scope.code, { town: 'r.town_code', village: 'r.village_code' }));
    else if (scope.kind !== 'all') qb.andWhere('1 = 0');
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.cursor) {
      const c = decodeDateCursor(query.cursor);
      qb.andWhere('(d.created_at < :at OR (d.created_at = :at AND d.id < :cid))', { at: c.at, cid: c.id });
    }
    const rows = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.items(page), nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
  }

  /** POST /privacy/deletion-requests/:id/complete: carries the erasure out. */
  async complete(id: string, note: string | undefined, actor: AuthPrincipal, ip: string | null): Promise<DeletionRequestItem> {
    const { request, resident } = await this.loadForDecision(id, actor);
    const summary = await this.ds.transaction(async (em) => {
      await this.claim(em, request.id, { status: 'completed', decisionNote: note ?? null, residentId: resident?.id ?? null, actor });
      return this.erasure.erase(em, { residentId: resident?.id ?? null, userId: request.userId }, { actor, ip, requestId: request.id, source: request.source });
    });
    this.erasure.afterCommit(summary);
    return this.item(request.id);
  }

  /** POST /privacy/deletion-requests/:id/decline: with the reason the person will read. */
  async decline(id: string, reason: string, actor: AuthPrincipal, ip: string | null): Promise<DeletionRequestItem> {
    const { request } = await this.loadForDecision(id, actor);
    await this.ds.transaction(async (em) => {
      await this.claim(em, request.id, { status: 'declined', decisionNote: reason, residentId: request.residentId, actor });
      await this.audit.record({ action: 'privacy.deletion_declined', actor, targetType: 'user', targetId: request.userId, detail: { requestId: request.id }, ip }, em);
    });
    return this.item(request.id);
  }

  /**
   * POST /residents/:id/erase: the person asked at the village window. A pending request of theirs is
   * completed by it; otherwise one is recorded as done in person.
   */
  async eraseInPerson(residentId: string, reason: string, actor: AuthPrincipal, ip: string | null): Promise<DeletionRequestItem> {
    const resident = await this.ds.getRepository(Resident).findOne({ where: { id: residentId }, select: { id: true, villageCode: true, userId: true, erasedAt: true } });
    if (!resident) throw new NotFoundException(RESIDENT_NOT_FOUND);
    await this.access.require(actor, 'resident.erase', { villageCode: resident.villageCode }, { notFound: RESIDENT_NOT_FOUND });
    if (resident.erasedAt) throw new ConflictException('该居民的个人信息已经删除过了');
    const now = this.clock.now();
    let requestId = '';
    let summary: ErasureSummary | undefined;
    await this.ds.transaction(async (em) => {
      const repo = em.getRepository(DeletionRequest);
      const pending = await repo.findOne({ where: [{ residentId: resident.id, status: 'pending' }, ...(resident.userId ? [{ userId: resident.userId, status: 'pending' as const }] : [])], select: { id: true } });
      if (pending) {
        requestId = pending.id;
        await this.claim(em, pending.id, { status: 'completed', decisionNote: reason, residentId: resident.id, actor });
      } else {
        requestId = randomUUID();
        await repo.insert({ id: requestId, userId: resident.userId, residentId: resident.id, source: 'in_person', status: 'completed', openKey: null, reason: null, requestedBy: actor.userId, decidedBy: actor.userId, decisionNote: reason, createdAt: now, decidedAt: now });
      }
      summary = await this.erasure.erase(em, { residentId: resident.id, userId: resident.userId }, { actor, ip, requestId, source: pending ? 'self' : 'in_person' });
    });
    if (summary) this.erasure.afterCommit(summary);
    return this.item(requestId);
  }

  /** The request, in the caller's scope (404 otherwise) and still pending (409 otherwise), and the 求职信息 to erase. */
  private async loadForDecision(id: string, actor: AuthPrincipal): Promise<{ request: DeletionRequest; resident: Pick<Resident, 'id' | 'villageCode'> | null }> {
    const request = await this.ds.getRepository(DeletionRequest).findOneBy({ id });
    if (!request) throw new NotFoundException(NOT_FOUND);
    // The record linked to the account now (the person may have registered after asking), else the one named then.
    const residents = this.ds.getRepository(Resident);
    const select = { id: true, villageCode: true } as const;
    const resident = (request.userId ? await residents.findOne({ where: { userId: request.userId }, select }) : null) ?? (request.residentId ? await residents.findOne({ where: { id: request.residentId }, select }) : null);
    await this.access.require(actor, 'resident.erase', { villageCode: resident?.villageCode ?? null }, { notFound: NOT_FOUND });
    if (request.status !== 'pending') throw new ConflictException('这个删除申请已经处理过了');
    return { request, resident };
  }

  /** Moves a pending request to its outcome; a request decided meanwhile by someone else is a 409. */
  private async claim(em: EntityManager, id: string, c: { status: 'completed' | 'declined'; decisionNote: string | null; residentId: string | null; actor: AuthPrincipal }): Promise<void> {
    const done = await em.getRepository(DeletionRequest).update(
      { id, status: 'pending' },
      // The person's own words go with the erasure; a declined request keeps them.
      { status: c.status, openKey: null, decidedBy: c.actor.userId, decisionNote: c.decisionNote, decidedAt: this.clock.now(), residentId: c.residentId, ...(c.status === 'completed' ? { reason: null } : {}) },
    );
    if (!done.affected) throw new ConflictException('这个删除申请已经处理过了');
  }

  private async item(id: string): Promise<DeletionRequestItem> {
    return (await this.items([await this.ds.getRepository(DeletionRequest).findOneByOrFail({ id })]))[0];
  }

  private async items(rows: DeletionRequest[]): Promise<DeletionRequestItem[]> {
    if (!rows.length) return [];
    const residentIds = [...new Set(rows.map((r) => r.residentId).filter((x): x is string => !!x))];
    const residents = new Map(
      (residentIds.length ? await this.ds.getRepository(Resident).find({ where: { id: In(residentIds) }, select: { id: true, name: true, villageCode: true, townCode: true } }) : []).map((r) => [r.id, r]),
    );
    const userIds = [...new Set(rows.flatMap((r) => [r.userId, r.decidedBy]).filter((x): x is string => !!x))];
    const users = new Map((userIds.length ? await this.ds.getRepository(User).find({ where: { id: In(userIds) }, select: { id: true, name: true, role: true } }) : []).map((u) => [u.id, u]));
    const places = await this.regions.names([...residents.values()].flatMap((r) => [r.villageCode, r.townCode]));
    return rows.map((row) => {
      const r = row.residentId ? residents.get(row.residentId) : undefined;
      const decider = row.decidedBy ? users.get(row.decidedBy) : undefined;
      return {
        ...mine(row),
        source: row.source,
        userId: row.userId,
        residentId: row.residentId,
        name: r?.name ?? (row.userId ? (users.get(row.userId)?.name ?? '') : ''),
        villageCode: r?.villageCode ?? null,
        villageName: r ? (places.get(r.villageCode) ?? null) : null,
        townName: r ? (places.get(r.townCode) ?? null) : null,
        decidedBy: row.decidedBy ? { id: row.decidedBy, name: decider?.name ?? null, role: decider?.role ?? null } : null,
      };
    });
  }
}

function mine(row: DeletionRequest): MyDeletionRequest {
  return { id: row.id, status: row.status, reason: row.reason, requestedAt: row.createdAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null, decisionNote: row.decisionNote };
}
