export interface EnqueueOptions {
  /** Coalesces pending duplicates only: while a job with this id exists, adding it again is a no-op. */
  jobId?: string;
  delayMs?: number;
  /** Total tries, the first one included. */
  attempts?: number;
  /** Exponential backoff base in ms. */
  backoffMs?: number;
}

/** `dailyAt` is 'HH:mm' in Asia/Shanghai (UTC+8); `everyMs` fires at multiples of everyMs since the epoch. */
export type RepeatOptions = { dailyAt: string } | { everyMs: number };

export interface JobContext<T> {
  id: string;
  data: T;
  /** 1-based: 1 on the first try, 2 on the first retry… */
  attempt: number;
  /** Total tries this job has (the last one is `attempt === attempts`). */
  attempts: number;
}

export type JobHandler<T> = (job: JobContext<T>) => Promise<void>;

/**
 * Thrown by a handler for a failure that can never succeed (the row is gone, the input is invalid):
 * the job is recorded as failed and discarded, with no retry. Any other error is retried with backoff.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

export function isPermanentJobError(err: unknown): boolean {
  return err instanceof PermanentJobError || (err instanceof Error && err.name === 'PermanentJobError');
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface AppQueue<T = unknown> {
  readonly name: string;
  /** True once `process()` has been called on this queue in this process. */
  readonly hasHandler: boolean;
  /** Returns the job id (the given jobId, or a generated one). */
  add(data: T, opts?: EnqueueOptions): Promise<string>;
  /**
   * Registers a repeating job under `key` (letters, digits, '_', '-', '.').
   * Idempotent across restarts and processes; calling it again with a different schedule replaces it.
   */
  addRepeating(key: string, data: T, repeat: RepeatOptions): Promise<void>;
  /** At most one handler per queue: throws if called twice. */
  process(handler: JobHandler<T>, concurrency?: number): void;
  counts(): Promise<QueueCounts>;
  /**
   * For tests: resolves once nothing is waiting or active and no one-off delayed job or retry is
   * pending; future occurrences of repeating jobs do not count until they are due.
   * Rejects after `timeoutMs`.
   */
  whenIdle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface QueueDriver {
  readonly kind: 'redis' | 'memory';
  /** The same instance for the same name. */
  get<T>(name: string): AppQueue<T>;
  /** Throws when Redis does not answer (quickly); always resolves for the memory driver. */
  ping(): Promise<void>;
  /** Names of the queues obtained so far with `get()`. */
  queueNames(): string[];
  close(): Promise<void>;
}
