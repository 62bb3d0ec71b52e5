import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { API_BASE_PATH } from '@zaogong/shared';
import { AppModule } from './app.module';
import { clientErrorHandler, frameworkErrors } from './common/http/framework-errors';
import { depthCheckedJsonParser, JSON_BODY_LIMIT } from './common/http/json-body';
import { registerRateLimits } from './common/http/rate-limit';
import { ERROR_SECURITY_HEADERS, registerSecurityHeaders, securityHeaders } from './common/http/security-headers';
import { createRootLogger, PinoNestLogger } from './common/logging/logger';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { PublicCache } from './common/public-cache/public-cache';
import { registerPublicCache } from './common/public-cache/register-public-cache';
import { serverWithLiveProbe } from './health/live-probe';
import { mountQueueBoard } from './notifications/queue-board';
import { multipartOptions, multipartPlugin } from './residents/import/multipart.plugin';
import type { AppConfig } from './config/app-config';
import type { ProcessOptions } from './process-options';

/** Builds the HTTP application (not yet listening): used by main.ts and by the e2e tests. */
export async function createApp(config: AppConfig, process: ProcessOptions): Promise<NestFastifyApplication> {
  // One pino logger for Nest and the request lines below (fastify gets none, so it makes no child
  // logger per request). Request ids come from a proxy's x-request-id when it looks sane, else a
  // UUID; every request's line carries it, and so does the x-request-id header.
  const logger = createRootLogger(config.logLevel, process.logStream);
  // Bodies: JSON (and text, forms) at most 1 MB and 32 levels deep; the Excel upload is multipart,
  // which this limit does not cover (see multipartOptions). Errors fastify answers before Nest sees
  // the request are Chinese too. See docs/business-logic/hostile-input.md.
  const adapter = new FastifyAdapter({
    // The HTTP server answers a direct liveness probe itself (see live-probe.ts), the rest goes to fastify.
    serverFactory: serverWithLiveProbe(ERROR_SECURITY_HEADERS),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    frameworkErrors,
    clientErrorHandler,
  });
  const server = adapter.getInstance();
  server.addHook('onRequest', (req, reply, done) => {
    if (!/^[\w-]{1,64}$/.test(req.id)) req.id = randomUUID();
    void reply.header('x-request-id', req.id);
    done();
  });
  // One line per request: method, path without the query string (it may hold search words), status
  // and time. Probes of the health routes are not logged.
  server.addHook('onResponse', (req, reply, done) => {
    const path = req.url.split('?')[0];
    if (!path.startsWith(`${API_BASE_PATH}/health`)) {
      logger.info({ req: { id: req.id, method: req.method, path }, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
    }
    done();
  });
  // Graceful stop (SIGTERM → app.close()): the server takes no new connections and answers the
  // requests it has; those answers say `Connection: close`, so no kept-alive connection holds the
  // stop open for Fastify's keep-alive timeout (72 s). Running jobs finish in the queue's own close.
  let stopping = false;
  server.addHook('preClose', (done) => {
    stopping = true;
    done();
  });
  server.addHook('onSend', (_req, reply, payload, done) => {
    if (stopping) void reply.header('connection', 'close');
    done(null, payload);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, process), adapter, { logger: new PinoNestLogger(logger) });
  app.useBodyParser('application/json', { bodyLimit: JSON_BODY_LIMIT }, depthCheckedJsonParser(server));
  // Headers and request limits hook every route, so they are registered before Nest adds its routes; the
  // public cache after the headers, so that its answers carry them too.
  registerSecurityHeaders(server, securityHeaders(config.h5Dir));
  await registerRateLimits(server, config);
  registerPublicCache(server, app.get(PublicCache));
  app.setGlobalPrefix(API_BASE_PATH.replace(/^\//, ''));
  app.useGlobalPipes(createValidationPipe());
  // multipart/form-data for spreadsheet uploads (POST /residents/import): one file of at most 10 MB,
  // read by the route with req.file(); a larger one is refused while it streams in (413).
  await app.register(multipartPlugin, multipartOptions);
  app.enableShutdownHooks();
  // bull-board for admins (queues on Redis only).
  await mountQueueBoard(app);

  // API docs: not in production unless API_DOCS=true (they list every route and field).
  if (config.apiDocs) {
    const doc = new DocumentBuilder()
      .setTitle('枣工快递 API')
      .setDescription('山亭区公共就业服务平台的接口。契约见 shared/API.md。')
      .setVersion('1')
      .addBearerAuth()
      .build();
    SwaggerModule.setup('api/docs', app, SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  }

  if (config.h5Dir) {
    // The H5 build on the same origin as /api/v1. wildcard:false registers each file, so unknown
    // paths still reach Nest's JSON 404.
    await app.register((await import('@fastify/static')).default, {
      root: config.h5Dir,
      prefix: '/',
      wildcard: false,
      index: false,
    });
    const index = (_req: unknown, reply: { sendFile(file: string): unknown; header(k: string, v: string): unknown }) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    };
    app.getHttpAdapter().getInstance().get('/', index);
  }
  return app;
}
