import { Logger } from '@nestjs/common';
import cluster, { type Worker } from 'node:cluster';
import { createRootLogger, PinoNestLogger } from './common/logging/logger';
import { loadConfigOrExit, type AppConfig } from './config/app-config';

/** How long a stopping process may take to answer the requests it has and finish its running jobs. */
const DRAIN_TIMEOUT_MS = 30_000;
/** A process that dies sooner than this after starting counts toward a crash loop. */
const EARLY_DEATH_MS = 10_000;
/** Early deaths in a row after which the primary gives up instead of starting processes forever. */
const MAX_EARLY_DEATHS = 5;

/**
 * The HTTP API. It runs the queue processors too, unless RUN_PROCESSORS=false (a deployment with
 * separate `npm run start:worker` processes, as the compose file has). Without REDIS_URL the queue is
 * in-process, so the processors always run here.
 *
 * API_PROCESSES=N (or `auto`, one per core) runs N such processes with Node's cluster module, sharing
 * the port: the primary only starts, restarts and stops them. The first starts alone (it migrates the
 * database), the others once it has; all take connections once all are ready. SIGTERM or SIGINT stops each process gracefully: it takes no
 * new connections, answers the requests it has, lets running jobs finish, then exits.
 */
/** The rest of the "ready" line: where the API docs (off in production) and the H5 app are served. */
function docsAndApp(config: AppConfig): string {
  const url = `http://localhost:${config.port}`;
  return `${config.apiDocs ? ` (docs: ${url}/api/docs)` : ''}${config.h5Dir ? `; H5 app at ${url}/` : ''}`;
}

async function serve(config: AppConfig): Promise<void> {
  const runProcessors = !config.redisUrl || config.runProcessors || process.argv.includes('--with-worker');
  // Loaded here, not at the top: the cluster's primary never needs the application.
  const { createApp } = await import('./create-app.js');
  const app = await createApp(config, { runProcessors });
  if (cluster.isWorker) {
    // Everything but the port (the database migrated, the matching index built), then wait for the
    // primary's word: all processes take connections from the same moment, so no client is left
    // holding a kept-alive connection to the one process that was up first.
    await app.init();
    await new Promise<void>((listen) => {
      process.on('message', (m: unknown) => {
        if ((m as { zg?: string } | null)?.zg === 'listen') listen();
      });
      process.send?.({ zg: 'built' });
    });
  }
  await app.listen({ port: config.port, host: '0.0.0.0' });
  const log = new Logger('Main');
  const url = `http://localhost:${config.port}`;
  if (cluster.isWorker) log.log(`API process ${cluster.worker?.id ?? ''} (pid ${process.pid}) ready`);
  else log.log(`API ready at ${url}/api/v1${docsAndApp(config)}`);
}

function runPrimary(config: AppConfig): void {
  Logger.overrideLogger(new PinoNestLogger(createRootLogger(config.logLevel)));
  const log = new Logger('Cluster');
  const url = `http://localhost:${config.port}`;
  let stopping = false;
  let earlyDeaths = 0;
  let listening = 0;
  const started = new Map<number, number>();

  let built = 0;
  let released = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    worker.on('message', (m: unknown) => {
      if ((m as { zg?: string } | null)?.zg !== 'built') return;
      // A process that replaces a dead one listens at once; at the start all listen together.
      if (released) return void worker.send({ zg: 'listen' });
      built += 1;
      // The first has migrated the database: the others may start.
      if (built === 1) for (let i = 1; i < config.processes; i += 1) fork();
      if (built === config.processes) {
        released = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.send({ zg: 'listen' });
      }
    });
    return worker;
  };
  cluster.on('listening', () => {
    listening += 1;
    if (listening === config.processes) {
      log.log(`API ready at ${url}/api/v1 with ${config.processes} processes${docsAndApp(config)}`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        log.log('all API processes stopped');
        process.exit(0);
      }
      return;
    }
    earlyDeaths = lived < EARLY_DEATH_MS ? earlyDeaths + 1 : 0;
    if (earlyDeaths >= MAX_EARLY_DEATHS) {
      log.error(`API processes keep dying right after starting (${earlyDeaths} in a row); stopping`);
      process.exit(1);
    }
    log.warn(`API process ${worker.id} (pid ${worker.process.pid}) ended (${signal ?? `exit ${code}`}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} API processes (they finish their requests and jobs first)`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    setTimeout(() => {
      log.error(`API processes still running ${DRAIN_TIMEOUT_MS / 1000} s after ${signal}; killing them`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(1);
    }, DRAIN_TIMEOUT_MS + 5_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  // The first process migrates and seeds the database; the others start once it has (see fork).
  fork();
}

const config = loadConfigOrExit();
if (config.processes > 1 && cluster.isPrimary) {
  runPrimary(config);
} else {
  serve(config).catch((e: unknown) => {
    console.error('API failed to start:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
