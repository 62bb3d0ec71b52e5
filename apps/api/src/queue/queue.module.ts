import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type FactoryProvider,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { JobDefaults } from './queue.constants';
import type { QueueDriver } from './queue.types';
import { BullDriver } from './drivers/bull.driver';
import { MemoryDriver } from './drivers/memory.driver';

/** Injection token of the `QueueDriver`: `@Inject(QUEUE_DRIVER) private readonly queues: QueueDriver`. */
export const QUEUE_DRIVER = 'QUEUE_DRIVER';

export interface QueueModuleOptions {
  /** Redis URL: bull on Redis when set, the in-process memory driver otherwise. */
  redisUrl?: string;
  /** Redis key prefix (bull driver only). */
  prefix?: string;
  /** Overrides the per-queue job defaults (e.g. a short backoff in e2e tests). */
  jobDefaults?: Partial<JobDefaults>;
}

export interface QueueModuleAsyncOptions {
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => QueueModuleOptions | Promise<QueueModuleOptions>;
}

export function createQueueDriver(options: QueueModuleOptions): QueueDriver {
  const logger = new Logger('QueueModule');
  if (options.redisUrl) {
    logger.log('Queues on Redis (bull)');
    return new BullDriver({ redisUrl: options.redisUrl, prefix: options.prefix, jobDefaults: options.jobDefaults });
  }
  logger.log('Queues in process (memory driver): jobs do not survive a restart and are not shared between processes');
  return new MemoryDriver({ jobDefaults: options.jobDefaults });
}

/**
 * Throws if one of `expectedQueueNames` has no handler in this process. Call it in the worker
 * process once every processor has registered (the HTTP process only enqueues).
 */
export function assertHandlersRegistered(driver: QueueDriver, expectedQueueNames: readonly string[]): void {
  const missing = expectedQueueNames.filter((name) => !driver.get(name).hasHandler);
  if (missing.length > 0) {
    throw new Error(`No handler registered for queue(s): ${missing.join(', ')}`);
  }
}

@Injectable()
export class QueueShutdown implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_DRIVER) private readonly driver: QueueDriver) {}

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}

@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueModuleOptions = {}): DynamicModule {
    return QueueModule.build([], { provide: QUEUE_DRIVER, useFactory: () => createQueueDriver(options) });
  }

  static forRootAsync(options: QueueModuleAsyncOptions): DynamicModule {
    return QueueModule.build(options.imports ?? [], {
      provide: QUEUE_DRIVER,
      inject: options.inject ?? [],
      useFactory: async (...args: unknown[]) => createQueueDriver(await options.useFactory(...(args as never[]))),
    });
  }

  private static build(imports: NonNullable<ModuleMetadata['imports']>, driver: FactoryProvider<QueueDriver>): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports,
      providers: [driver, QueueShutdown],
      exports: [QUEUE_DRIVER],
    };
  }
}
