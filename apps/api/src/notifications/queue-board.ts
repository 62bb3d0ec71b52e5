import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BullDriver, QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { QUEUE_BOARD_PATH } from './notifications.service';

const COOKIE = 'zg_board';

function cookieOf(req: FastifyRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * bull-board at /api/v1/admin/queues, for admins, when the queues are on Redis. A browser cannot send
 * the bearer header to a page it opens, so the admin page opens it with ?token=<JWT>: the token is
 * checked (an admin's, not expired), moved into an HttpOnly cookie for this path only, and the address
 * is cleaned of it.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const driver = app.get<QueueDriver>(QUEUE_DRIVER);
  if (!(driver instanceof BullDriver)) return;
  const jwt = app.get(JwtService);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: Object.values(QUEUES).map((name) => new BullAdapter(driver.bullQueue(name))), serverAdapter });
  const isAdmin = (token: string | undefined): boolean => {
    if (!token) return false;
    try {
      return jwt.verify<{ role?: string }>(token, { algorithms: ['HS256'] }).role === 'admin';
    } catch {
      return false;
    }
  };
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const url = new URL(req.url, 'http://x');
      const fromQuery = url.searchParams.get('token') ?? undefined;
      if (fromQuery !== undefined) {
        if (!isAdmin(fromQuery)) return reply.code(401).send({ statusCode: 401, message: '请以管理员身份登录后再打开队列看板' });
        url.searchParams.delete('token');
        void reply.header('set-cookie', `${COOKIE}=${encodeURIComponent(fromQuery)}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=3600`);
        return reply.redirect(url.pathname + url.search, 303);
      }
      const header = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      if (!isAdmin(header ?? cookieOf(req))) return reply.code(401).send({ statusCode: 401, message: '请以管理员身份登录后再打开队列看板' });
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
