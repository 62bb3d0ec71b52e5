import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { API_BASE_PATH } from '@zaogong/shared';
import { AppModule } from './app.module';
import { createRootLogger, PinoNestLogger } from './common/logging/logger';
import { createValidationPipe } from './common/pipes/validation.pipe';
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
  const adapter = new FastifyAdapter({
    bodyLimit: 12 * 1024 * 1024,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
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
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, process), adapter, { logger: new PinoNestLogger(logger) });
  app.setGlobalPrefix(API_BASE_PATH.replace(/^\//, ''));
  app.useGlobalPipes(createValidationPipe());
  // multipart/form-data for spreadsheet uploads (POST /residents/import): one file of at most 10 MB,
  // read by the route with req.file(); a larger one is refused while it streams in (413).
  await app.register(multipartPlugin, multipartOptions);
  app.enableShutdownHooks();
  // bull-board for admins (queues on Redis only).
  await mountQueueBoard(app);

  const doc = new DocumentBuilder()
    .setTitle('枣工快递 API')
    .setDescription('山亭区公共就业服务平台的接口。契约见 shared/API.md。')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });

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
