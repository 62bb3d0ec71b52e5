import { Injectable, InternalServerErrorException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { AuditEntry, AuditVerifyResult, Page } from '@zaogong/shared';
import { User } from '../auth/entities/user.entity';
import type { AuthPrincipal } from '../common/auth-principal';
import { clampLimit, decodeDateCursor, encodeCursor } from '../common/pagination/cursor';
import { GENESIS_HASH, checkLink, linkHash, storedDetail, type ChainLink } from './audit-chain';
import { AuditChainHead } from './entities/audit-chain-head.entity';
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

/** The head row's id: there is one. */
const HEAD = 1;
/** Rows read per query while verifying. */
const VERIFY_BATCH = 1000;
/** At most this many entries appended in one transaction (appendWithOthers). */
const APPEND_BATCH = 200;

interface WaitingEntry {
  row: AuditLog;
  resolve: () => void;
  reject: (e: unknown) => void;
  /** Its batch failed: it goes again alone. */
  alone?: boolean;
}

@Injectable()
export class AuditService {
  /** SQLite only: appends in this process one after another (see record). */
  private sqliteTail: Promise<unknown> = Promise.resolve();
  /** MySQL/MariaDB: entries outside a transaction waiting for the next group append, and whether one runs. */
  private readonly waiting: WaitingEntry[] = [];
  private draining = false;

  constructor(
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Writes one entry as the next link of the hash chain, inside the caller's transaction when given one.
   *
   * How the chain stays one line when several API processes write at once (MySQL/MariaDB): the append
   * reads the chain's head row with SELECT … FOR UPDATE, inserts seq + 1 pointing at the head's hash and
   * moves the head, all in the caller's transaction. The row lock is held until that transaction ends,
   * so a second writer waits and then reads the head as committed, and a writer whose transaction rolls
   * back takes its link with it (the head moves back too): no hole, no fork. Nothing is inserted that
   * can fail on a duplicate key, so the caller's transaction never carries a failed statement. (An
   * optimistic "read the last row, insert seq + 1, retry on a duplicate" does not work inside a caller's
   * REPEATABLE READ transaction: its snapshot keeps showing the same last row, gap locks from the
   * retries deadlock each other, and a row already pointing at a link that is later rolled back breaks
   * the chain.) The unique key on seq stays as the backstop. Callers should record near the end of
   * their transaction and do nothing after it on another connection, as every audited write then waits
   * for this lock. An entry given outside any transaction is appended with the others of this process that
   * wait meanwhile, in one transaction (appendWithOthers): the lock is taken once for all of them.
   *
   * SQLite has one writer and TypeORM gives the process one connection, so the append only has to be
   * kept whole within the process: a promise queue runs one append (read head, insert, move head) at a
   * time, and a rollback of the enclosing transaction undoes the row and the head together.
   */
  async record(entry: AuditRecord, em?: EntityManager): Promise<void> {
    const row = Object.assign(new AuditLog(), {
      id: randomUUID(),
      action: entry.action,
      actorId: entry.actor?.userId ?? null,
      actorRole: entry.actor?.role ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      detail: storedDetail(entry.detail),
      ip: entry.ip ?? null,
      at: new Date(),
    });
    const inTransaction = !!em?.queryRunner?.isTransactionActive;
    if (!this.isSqlite()) return inTransaction ? this.append(em!, [row]) : this.appendWithOthers(row);
    const manager = em ?? this.dataSource.manager;
    const turn = this.sqliteTail.then(() => (inTransaction ? this.append(manager, [row]) : manager.transaction((tx) => this.append(tx, [row]))));
    this.sqliteTail = turn.catch(() => undefined);
    return turn;
  }

  /**
   * MySQL/MariaDB, an entry outside any transaction (an employer shown candidates, a phone read): appended
   * together with the others this process is waiting to append, in one transaction — the head is locked once
   * and the rows go in one INSERT, so a crowd of such entries does not queue one by one on the head's lock (a
   * group commit). Resolves once the entry is committed. If a batch fails, its entries are tried one by one,
   * so one bad entry fails only its own caller.
   */
  private appendWithOthers(row: AuditLog): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, APPEND_BATCH);
        try {
          await this.dataSource.transaction((tx) => this.append(tx, batch.map((w) => w.row)));
          for (const w of batch) w.resolve();
        } catch (e) {
          if (batch.length === 1) batch[0].reject(e);
          else this.waiting.unshift(...batch.map((w) => ({ ...w, alone: true })));
          // Entries of a failed batch go again one at a time (ahead of the queue), so each gets its own outcome.
          while (this.waiting[0]?.alone) {
            const w = this.waiting.shift()!;
            await this.dataSource.transaction((tx) => this.append(tx, [w.row])).then(w.resolve, w.reject);
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** Inside a transaction: lock the head, link the rows to it one after another, move the head. */
  private async append(em: EntityManager, rows: AuditLog[]): Promise<void> {
    const heads = em.getRepository(AuditChainHead);
    const head = await heads.findOne({ where: { id: HEAD }, lock: this.isSqlite() ? undefined : { mode: 'pessimistic_write' } });
    if (!head) throw new InternalServerErrorException('审计日志链头缺失，请联系系统管理员');
    let previous: ChainLink = { seq: head.seq, hash: head.hash };
    for (const row of rows) {
      row.seq = previous.seq + 1;
      row.prevHash = previous.hash;
      row.hash = linkHash(row.prevHash, row);
      previous = { seq: row.seq, hash: row.hash };
    }
    // (A cast: TypeORM's insert type cannot see through the Record<string, unknown> of a JSON column.)
    await em.getRepository(AuditLog).insert(rows as Parameters<Repository<AuditLog>['insert']>[0]);
    await heads.update({ id: HEAD }, { seq: previous.seq, hash: previous.hash });
  }

  /**
   * Walks the chain from seq 1 in batches, recomputing each hash, up to the head as it stood when the
   * walk began (rows committed meanwhile are left for the next walk). Stops at the first broken link.
   */
  async verify(): Promise<AuditVerifyResult> {
    const head = await this.dataSource.getRepository(AuditChainHead).findOneBy({ id: HEAD });
    if (!head) throw new InternalServerErrorException('审计日志链头缺失，请联系系统管理员');
    let previous: ChainLink = { seq: 0, hash: GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const rows = await this.logs
        .createQueryBuilder('a')
        .where('a.seq > :after AND a.seq <= :top', { after: previous.seq, top: head.seq })
        .orderBy('a.seq', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      for (const row of rows) {
        checked++;
        const broken = checkLink(previous, row);
        if (broken) return { ok: false, checked, firstBroken: { id: row.id, seq: row.seq, at: row.at.toISOString(), ...broken }, head: headOf(head) };
        previous = { seq: row.seq, hash: row.hash };
      }
      if (rows.length < VERIFY_BATCH) break;
    }
    if (previous.seq !== head.seq || previous.hash !== head.hash) {
      const message = previous.seq < head.seq ? `最后 ${head.seq - previous.seq} 条记录缺失（被删除）` : '链头与最后一条记录不符';
      return { ok: false, checked, firstBroken: { id: null, seq: head.seq, at: null, reason: 'tail_missing', message }, head: headOf(head) };
    }
    return { ok: true, checked, firstBroken: null, head: headOf(head) };
  }

  private isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
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

function headOf(head: AuditChainHead): AuditVerifyResult['head'] {
  return head.seq > 0 ? { seq: head.seq, hash: head.hash } : null;
}
