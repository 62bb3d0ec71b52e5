import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createRootLogger, PinoNestLogger } from './common/logging/logger';
import { loadConfigOrExit } from './config/app-config';

/** Queue processors only, no HTTP: `npm run start:worker`. Needs REDIS_URL (the queue it shares with the API). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.redisUrl) {
    console.error('Configuration error: the worker needs REDIS_URL (without Redis the API runs the processors itself)');
    process.exit(2);
  }
  const logger = new PinoNestLogger(createRootLogger(config.logLevel));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runProcessors: true, servesHttp: false }), { logger });
  app.enableShutdownHooks();
  await app.init();
  new Logger('Worker').log('Worker started: processing queues');
}

main().catch((e: unknown) => {
  console.error('Worker failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
