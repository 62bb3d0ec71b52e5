import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from './config/app-config';
import { createApp } from './create-app';

/**
 * The HTTP API. It runs the queue processors too, unless RUN_PROCESSORS=false (a deployment with
 * separate `npm run start:worker` processes, as the compose file has). Without REDIS_URL the queue is
 * in-process, so the processors always run here.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const runProcessors = !config.redisUrl || config.runProcessors || process.argv.includes('--with-worker');
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
