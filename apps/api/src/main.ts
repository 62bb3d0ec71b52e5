import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './create-app';

/**
 * The HTTP API. Without REDIS_URL the queue is in-process, so this process also runs the queue
 * processors; with Redis, run `npm run start:worker` beside it (or pass --with-worker).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Configuration error: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  const runProcessors = !config.redisUrl || process.argv.includes('--with-worker');
  const app = await createApp(config, { runProcessors });
  await app.listen({ port: config.port, host: '0.0.0.0' });
  const url = `http://localhost:${config.port}`;
  const log = new Logger('Main');
  log.log(`API ready at ${url}/api/v1 (docs: ${url}/api/docs)${config.h5Dir ? `; H5 app at ${url}/` : ''}`);
}

main().catch((e: unknown) => {
  console.error('API failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
