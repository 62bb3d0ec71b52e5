import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadConfigOrExit } from './config/app-config';

/** Queue processors only, no HTTP: `npm run start:worker`. Needs REDIS_URL (the queue it shares with the API). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.redisUrl) {
    console.error('Configuration error: the worker needs REDIS_URL (without Redis the API runs the processors itself)');
    process.exit(2);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { runProcessors: true }), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  await app.init();
  new Logger('Worker').log('Worker started: processing queues');
}

main().catch((e: unknown) => {
  console.error('Worker failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
