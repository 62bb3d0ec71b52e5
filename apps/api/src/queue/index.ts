export { QUEUES, DEFAULT_JOB_OPTIONS, QUEUE_SETTINGS, QUEUE_TIME_ZONE, queueSettings } from './queue.constants';
export type { QueueName, JobDefaults, QueueSettings } from './queue.constants';
export { PermanentJobError, isPermanentJobError } from './queue.types';
export type {
  AppQueue,
  EnqueueOptions,
  JobContext,
  JobHandler,
  QueueCounts,
  QueueDriver,
  RepeatOptions,
} from './queue.types';
export { nextDailyRun } from './queue.util';
export {
  QUEUE_DRIVER,
  QueueModule,
  assertHandlersRegistered,
  createQueueDriver,
} from './queue.module';
export type { QueueModuleOptions, QueueModuleAsyncOptions } from './queue.module';
export { BullDriver } from './drivers/bull.driver';
export type { BullDriverOptions } from './drivers/bull.driver';
export { MemoryDriver } from './drivers/memory.driver';
export type { MemoryDriverOptions } from './drivers/memory.driver';
