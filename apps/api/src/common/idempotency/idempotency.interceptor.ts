import { BadRequestException, ConflictException, HttpException, Injectable, Logger, StreamableFile, UnprocessableEntityException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { DataSource, LessThan } from 'typeorm';
import type { AuthPrincipal } from '../auth-principal';
import { Clock } from '../clock';
import { isUniqueViolation } from '../sql/unique-violation';
import { IdempotencyRecord } from './idempotency-record.entity';

/** How long a first answer is kept for retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/**
 * A request still marked running after this long died with its process (no write takes a minute): a
 * retry then runs it again rather than waiting a day for the record to expire. Whether the dead request
 * had committed is not known, so the write runs again; the routes a crowd retries find their own
 * duplicates (a second application is a 409, a step to the status an application has changes nothing).
 */
export const STALE_PENDING_MS = 60_000;
/** A larger answer is not kept (a retry runs again); writes answer far less. */
const MAX_STORED = 60_000;
const KEY = /^[A-Za-z0-9_\-:.]{8,100}$/;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Req {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  user?: AuthPrincipal;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Idempotent writes (issue 17; docs/business-logic/idempotency.md): a POST, PUT, PATCH or DELETE sent with an
 * `Idempotency-Key` header runs once. The key is the caller's (per account); the first answer — success or a 4xx —
 * is kept 24 hours in the database and a retry with the same key and the same body gets it again without running
 * anything; the same key with another body is a 422; a retry while the first is still running is a 409 (a first
 * that has been running over a minute died with its process: the retry runs). A 5xx is not kept, so a retry
 * after a failure runs again. Requests without the header behave as before.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private purgedAt = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly reflector: Reflector,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Req>();
    const header = req.headers['idempotency-key'];
    if (!WRITES.has(req.method) || header === undefined) return next.handle();
    // An upload's body is a stream, not JSON: those routes check their own duplicates.
    if (String(req.headers['content-type'] ?? '').startsWith('multipart/')) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key)) throw new BadRequestException({ statusCode: 400, message: 'Idempotency-Key 应为8到100位字母、数字或 - _ : .', errors: [{ field: 'Idempotency-Key', message: '格式不对' }] });
    const record = {
      id: sha256(`${req.user?.userId ?? ''}|${key}`),
      method: req.method,
      path: req.url.slice(0, 255),
      bodyHash: sha256(JSON.stringify(req.body ?? null)),
    };
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    return from(this.claim(record)).pipe(
      mergeMap((replay) => {
        if (replay) return from(this.replay(replay));
        return next.handle().pipe(
          mergeMap((body: unknown) => from(this.keep(record.id, status, body).then(() => body))),
          catchError((err: unknown) => from(this.keepError(record.id, err).then(() => Promise.reject(err)))),
        );
      }),
    );
  }

  /** Writes the pending record; or the record of an earlier request with this key (to replay, or refuse). */
  private async claim(r: Pick<IdempotencyRecord, 'id' | 'method' | 'path' | 'bodyHash'>): Promise<IdempotencyRecord | null> {
    const repo = this.ds.getRepository(IdempotencyRecord);
    const now = this.clock.now();
    for (let attempt = 0; attempt < 2; attempt++) {
      const found = await repo.findOneBy({ id: r.id });
      if (found && found.createdAt.getTime() < now.getTime() - IDEMPOTENCY_TTL_MS) {
        await repo.delete({ id: r.id, createdAt: LessThan(new Date(now.getTime() - IDEMPOTENCY_TTL_MS)) });
      } else if (found) {
        if (found.method !== r.method || found.path !== r.path || found.bodyHash !== r.bodyHash) {
          throw new UnprocessableEntityException({ statusCode: 422, message: '这个 Idempotency-Key 已经用在另一个请求上了，请换一个' });
        }
        if (found.state === 'pending') {
          if (found.createdAt.getTime() >= now.getTime() - STALE_PENDING_MS) throw new ConflictException('同一个请求正在处理，请稍后再看结果');
          // Its process died: one retry takes the record over (the condition lets only one win).
          const taken = await repo.update({ id: r.id, state: 'pending', createdAt: found.createdAt }, { createdAt: now });
          if (!taken.affected) throw new ConflictException('同一个请求正在处理，请稍后再看结果');
          return null;
        }
        return found;
      }
      try {
        await repo.insert({ ...r, state: 'pending', statusCode: null, response: null, createdAt: now });
        // Old records go at most once an hour per process, after a write, never in its way.
        if (now.getTime() - this.purgedAt > 3_600_000) {
          this.purgedAt = now.getTime();
          this.purge().catch((e: unknown) => this.logger.warn(`idempotency purge failed: ${String(e)}`));
        }
        return null;
      } catch (e) {
        // The same key in the same instant from another process: look again.
        if (!isUniqueViolation(e)) throw e;
      }
    }
    throw new ConflictException('同一个请求正在处理，请稍后再看结果');
  }

  private async replay(r: IdempotencyRecord): Promise<unknown> {
    const body: unknown = r.response === null ? null : JSON.parse(r.response);
    if ((r.statusCode ?? 200) >= 400) throw new HttpException(body as Record<string, unknown>, r.statusCode ?? 400);
    return body;
  }

  private async keep(id: string, statusCode: number, body: unknown): Promise<void> {
    const text = body === undefined ? 'null' : body instanceof StreamableFile || Buffer.isBuffer(body) ? null : JSON.stringify(body);
    if (text === null || text.length > MAX_STORED) {
      await this.ds.getRepository(IdempotencyRecord).delete({ id });
      return;
    }
    await this.ds.getRepository(IdempotencyRecord).update({ id }, { state: 'done', statusCode, response: text });
  }

  /** A refusal (4xx) is the first answer too; a failure (5xx) is not kept, so a retry runs again. */
  private async keepError(id: string, err: unknown): Promise<void> {
    try {
      if (err instanceof HttpException && err.getStatus() < 500) {
        const res = err.getResponse();
        const body = typeof res === 'string' ? { statusCode: err.getStatus(), message: res } : res;
        await this.ds.getRepository(IdempotencyRecord).update({ id }, { state: 'done', statusCode: err.getStatus(), response: JSON.stringify(body).slice(0, MAX_STORED) });
      } else {
        await this.ds.getRepository(IdempotencyRecord).delete({ id });
      }
    } catch (e) {
      this.logger.warn(`idempotency record not settled: ${String(e)}`);
    }
  }

  /** Drops records older than 24 hours. */
  async purge(): Promise<number> {
    const done = await this.ds.getRepository(IdempotencyRecord).delete({ createdAt: LessThan(new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS)) });
    return done.affected ?? 0;
  }
}
