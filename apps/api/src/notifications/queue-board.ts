import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { ForbiddenException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountStateService } from '../auth/sessions/account-state.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { JwtAuthGuard } from '../common/guards/jwt-auth.guard';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { BullDriver, QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { QUEUE_BOARD_PATH } from './notifications.service';

/** The same board, read-only: a 镇街 officer may look at the queues but never pause, retry, clean or add. */
export const QUEUE_BOARD_VIEW_PATH = `${QUEUE_BOARD_PATH}-view`;

const COOKIE = 'zg_board';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

function cookieOf(req: FastifyRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** Only the district admin (an admin with no region) may change the queues. */
export const mayManageQueues = (p: AuthPrincipal): boolean => p.role === 'admin' && p.regionCode === null;

type Verdict = { principal: AuthPrincipal } | { status: 401 | 403; message: string };

/**
 * bull-board for admins, when the queues are on Redis: at /api/v1/admin/queues for the district admin,
 * and read-only at /api/v1/admin/queues-view for a 镇街 officer (who is sent there from the first).
 * A browser cannot send the bearer header to a page it opens, so the admin page opens it with
 * ?token=<access token>: the token is checked exactly as the API checks it (the same guard: account
 * state, session, second factor), moved into an HttpOnly cookie for the board's path only (Secure over
 * https and in production), and the address is cleaned of it.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const driver = app.get<QueueDriver>(QUEUE_DRIVER);
  if (!(driver instanceof BullDriver)) return;
  const config = app.get<AppConfig>(APP_CONFIG);
  // The API's own guard, so the board trusts a token exactly as every route does.
  const guard = new JwtAuthGuard(app.get(Reflector), app.get(JwtService), app.get(AccountStateService), config);

  const board = (basePath: string, readOnlyMode: boolean) => {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(basePath);
    createBullBoard({ queues: Object.values(QUEUES).map((name) => new BullAdapter(driver.bullQueue(name), { readOnlyMode })), serverAdapter });
    return serverAdapter;
  };

  /** Who the token belongs to, by the API's own guard; or why not. */
  const check = async (token: string | undefined): Promise<Verdict> => {
    const refused = { status: 401, message: '请以管理员身份登录后再打开队列看板' } as const;
    if (!token) return refused;
    const req: { headers: Record<string, string>; user?: AuthPrincipal } = { headers: { authorization: `Bearer ${token}` } };
    const ctx = { getHandler: () => check, getClass: () => mountQueueBoard, switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
    try {
      await guard.canActivate(ctx);
    } catch (e) {
      if (e instanceof ForbiddenException) return { status: 403, message: '管理员需要先完成两步验证' };
      return refused;
    }
    return req.user?.role === 'admin' ? { principal: req.user } : refused;
  };

  const mount = async (basePath: string, readOnly: boolean) => {
    const serverAdapter = board(basePath, readOnly);
    await app.register(async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        const url = new URL(req.url, 'http://x');
        const fromQuery = url.searchParams.get('token') ?? undefined;
        const header = req.headers.authorization?.replace(/^Bearer\s+/i, '');
        const verdict = await check(fromQuery ?? header ?? cookieOf(req));
        if (!('principal' in verdict)) return reply.code(verdict.status).send({ statusCode: verdict.status, message: verdict.message });
        const manager = mayManageQueues(verdict.principal);
        // An officer on the full board is sent to the read-only one (the page), or refused (its API).
        const target = !readOnly && !manager ? QUEUE_BOARD_VIEW_PATH : basePath;
        if (target !== basePath && !(SAFE_METHODS.has(req.method) && fromQuery !== undefined)) {
          return reply.code(403).send({ statusCode: 403, message: '只有区人社局管理员可以操作队列；镇街干部请打开只读看板' });
        }
        if (readOnly && !SAFE_METHODS.has(req.method)) return reply.code(403).send({ statusCode: 403, message: '只读看板不能操作队列' });
        if (fromQuery !== undefined) {
          url.searchParams.delete('token');
          const secure = config.production || req.protocol === 'https' ? '; Secure' : '';
          void reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(fromQuery)}; Path=${target}; HttpOnly; SameSite=Strict; Max-Age=3600${secure}`);
          return reply.redirect((target === basePath ? url.pathname : target) + url.search, 303);
        }
      });
      await scope.register(serverAdapter.registerPlugin(), { prefix: basePath });
    });
  };
  await mount(QUEUE_BOARD_PATH, false);
  await mount(QUEUE_BOARD_VIEW_PATH, true);
}
