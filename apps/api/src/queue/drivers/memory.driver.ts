import { Logger } from '@nestjs/common';
import { queueSettings, WHEN_IDLE_DEFAULT_TIMEOUT_MS, type JobDefaults, type QueueSettings } from '../queue.constants';
import {
  isPermanentJobError,
  type AppQueue,
  type EnqueueOptions,
  type JobHandler,
  type QueueCounts,
  type QueueDriver,
  type RepeatOptions,
} from '../queue.types';
import {
  assertRepeatKey,
  assertRepeatOptions,
  errorMessage,
  exponentialBackoffMs,
  nextDailyRun,
  nextEveryRun,
  sleep,
} from '../queue.util';

export interface MemoryDriverOptions {
  /** Overrides the per-queue job defaults (e.g. a short backoff in tests). */
  jobDefaults?: Partial<JobDefaults>;
  /** Clock, for repeating jobs and delays; defaults to Date.now. */
  now?: () => number;
}

type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

interface MemoryJob<T> {
  readonly id: string;
  readonly data: T;
  readonly attempts: number;
  readonly backoffMs: number;
  /** Set when the job is an occurrence of a repeating job. */
  readonly repeatKey?: string;
  state: JobState;
  attemptsMade: number;
  dueAt: number;
  timer?: NodeJS.Timeout;
}

interface RepeatEntry<T> {
  readonly spec: string;
  readonly repeat: RepeatOptions;
  readonly data: T;
  /** Id of the occurrence that will schedule the next one when it starts. */
  occurrenceId?: string;
}

const IDLE_POLL_MS = 10;

/** JSON round trip, as Redis would store the payload: catches payloads that do not serialise. */
function cloneData<T>(data: T): T {
  return data === undefined ? data : (JSON.parse(JSON.stringify(data)) as T);
}

/**
 * In-process queue with bull's semantics (retries with exponential backoff, delays, concurrency,
 * jobId coalescing while the old job is kept, discarded permanent failures, repeating jobs), for
 * tests and for running without Redis in a single process. Nothing survives a restart.
 */
export class MemoryQueue<T> implements AppQueue<T> {
  private readonly logger: Logger;
  private readonly jobs = new Map<string, MemoryJob<T>>();
  private readonly waiting: string[] = [];
  /** Finished jobs kept (their ids still coalesce duplicates), oldest first. */
  private readonly completedJobs: MemoryJob<T>[] = [];
  private readonly failedJobs: MemoryJob<T>[] = [];
  private readonly repeats = new Map<string, RepeatEntry<T>>();
  private readonly running = new Set<Promise<void>>();
  private handler?: JobHandler<T>;
  private concurrency = 1;
  private activeCount = 0;
  private nextId = 1;
  private closed = false;

  constructor(
    readonly name: string,
    private readonly settings: QueueSettings,
    private readonly now: () => number,
  ) {
    this.logger = new Logger(`Queue:${name}`);
  }

  get hasHandler(): boolean {
    return this.handler !== undefined;
  }

  async add(data: T, opts: EnqueueOptions = {}): Promise<string> {
    this.assertOpen();
    const id = opts.jobId ?? String(this.nextId++);
    if (this.jobs.has(id)) {
      this.logger.debug(`Job ${id} already exists; duplicate ignored`);
      return id;
    }
    const job: MemoryJob<T> = {
      id,
      data: cloneData(data),
      attempts: Math.max(1, opts.attempts ?? this.settings.job.attempts),
      backoffMs: opts.backoffMs ?? this.settings.job.backoffMs,
      state: 'waiting',
      attemptsMade: 0,
      dueAt: this.now(),
    };
    this.jobs.set(id, job);
    const delay = opts.delayMs ?? 0;
    if (delay > 0) {
      this.delay(job, delay);
    } else {
      this.enqueue(job);
    }
    return id;
  }

  async addRepeating(key: string, data: T, repeat: RepeatOptions): Promise<void> {
    this.assertOpen();
    assertRepeatKey(key);
    assertRepeatOptions(repeat);
    const spec = JSON.stringify(repeat);
    const existing = this.repeats.get(key);
    if (existing?.spec === spec) {
      return;
    }
    if (existing?.occurrenceId !== undefined) {
      this.dropPending(existing.occurrenceId);
    }
    this.repeats.set(key, { spec, repeat, data: cloneData(data) });
    this.scheduleOccurrence(key, this.now());
  }

  process(handler: JobHandler<T>, concurrency = this.settings.concurrency): void {
    this.assertOpen();
    if (this.handler) {
      throw new Error(`Queue "${this.name}" already has a handler`);
    }
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new Error(`Invalid concurrency ${concurrency} for queue "${this.name}"`);
    }
    this.handler = handler;
    this.concurrency = concurrency;
    this.pump();
  }

  async counts(): Promise<QueueCounts> {
    const counts: QueueCounts = { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 };
    for (const job of this.jobs.values()) {
      counts[job.state] += 1;
    }
    return counts;
  }

  async whenIdle(timeoutMs = WHEN_IDLE_DEFAULT_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.isIdle()) {
        return;
      }
      if (this.closed) {
        throw new Error(`Queue "${this.name}" was closed before it became idle`);
      }
      if (Date.now() >= deadline) {
        const c = await this.counts();
        throw new Error(
          `Queue "${this.name}" not idle after ${timeoutMs} ms ` +
            `(waiting ${c.waiting}, active ${c.active}, delayed ${c.delayed})`,
        );
      }
      await sleep(IDLE_POLL_MS);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.jobs.values()) {
      if (job.timer) {
        clearTimeout(job.timer);
        job.timer = undefined;
      }
    }
    // Let the handlers that are running finish, as bull does.
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new Error(`Queue "${this.name}" is closed`);
    }
  }

  private isIdle(): boolean {
    const now = this.now();
    for (const job of this.jobs.values()) {
      if (job.state === 'waiting' || job.state === 'active') {
        return false;
      }
      if (job.state === 'delayed') {
        const futureOccurrence = job.repeatKey !== undefined && job.attemptsMade === 0 && job.dueAt > now;
        if (!futureOccurrence) {
          return false;
        }
      }
    }
    return true;
  }

  private enqueue(job: MemoryJob<T>): void {
    job.state = 'waiting';
    job.timer = undefined;
    this.waiting.push(job.id);
    this.pump();
  }

  private delay(job: MemoryJob<T>, ms: number): void {
    job.state = 'delayed';
    job.dueAt = this.now() + ms;
    if (this.closed) {
      return;
    }
    job.timer = setTimeout(() => {
      if (job.state === 'delayed' && this.jobs.get(job.id) === job) {
        this.enqueue(job);
      }
    }, ms);
    job.timer.unref();
  }

  /** Removes a job that has not started yet. */
  private dropPending(id: string): void {
    const job = this.jobs.get(id);
    if (!job || (job.state !== 'waiting' && job.state !== 'delayed')) {
      return;
    }
    if (job.timer) {
      clearTimeout(job.timer);
    }
    this.jobs.delete(id);
  }

  private scheduleOccurrence(key: string, afterMs: number): void {
    const entry = this.repeats.get(key);
    if (!entry || this.closed) {
      return;
    }
    const next =
      'dailyAt' in entry.repeat
        ? nextDailyRun(new Date(afterMs), entry.repeat.dailyAt).getTime()
        : nextEveryRun(afterMs, entry.repeat.everyMs);
    const id = `repeat:${key}:${next}`;
    entry.occurrenceId = id;
    if (this.jobs.has(id)) {
      return;
    }
    const job: MemoryJob<T> = {
      id,
      data: entry.data,
      attempts: this.settings.job.attempts,
      backoffMs: this.settings.job.backoffMs,
      repeatKey: key,
      state: 'delayed',
      attemptsMade: 0,
      dueAt: next,
    };
    this.jobs.set(id, job);
    this.delay(job, Math.max(0, next - this.now()));
  }

  private pump(): void {
    const handler = this.handler;
    if (!handler || this.closed) {
      return;
    }
    while (this.activeCount < this.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift() as string;
      const job = this.jobs.get(id);
      if (job?.state === 'waiting') {
        this.start(job, handler);
      }
    }
  }

  private start(job: MemoryJob<T>, handler: JobHandler<T>): void {
    job.state = 'active';
    this.activeCount += 1;
    if (job.repeatKey !== undefined && this.repeats.get(job.repeatKey)?.occurrenceId === job.id) {
      // Like bull: the next occurrence is scheduled when this one starts.
      this.scheduleOccurrence(job.repeatKey, Math.max(this.now(), job.dueAt));
    }
    const run = (async () => {
      try {
        await handler({ id: job.id, data: job.data, attempt: job.attemptsMade + 1, attempts: job.attempts });
        job.attemptsMade += 1;
        this.finish(job, 'completed');
      } catch (err) {
        job.attemptsMade += 1;
        this.onFailure(job, err);
      }
    })();
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      this.activeCount -= 1;
      this.pump();
    });
  }

  private onFailure(job: MemoryJob<T>, err: unknown): void {
    const tries = `try ${job.attemptsMade}/${job.attempts}`;
    if (isPermanentJobError(err)) {
      this.logger.warn(`Job ${job.id} failed permanently on ${tries}, discarded: ${errorMessage(err)}`);
      this.finish(job, 'failed');
    } else if (job.attemptsMade < job.attempts) {
      const wait = exponentialBackoffMs(job.attemptsMade, job.backoffMs);
      this.logger.warn(`Job ${job.id} failed on ${tries}, retrying in ${wait} ms: ${errorMessage(err)}`);
      this.delay(job, wait);
    } else {
      this.logger.error(`Job ${job.id} failed on ${tries}, giving up: ${errorMessage(err)}`);
      this.finish(job, 'failed');
    }
  }

  private finish(job: MemoryJob<T>, state: 'completed' | 'failed'): void {
    job.state = state;
    const kept = state === 'completed' ? this.completedJobs : this.failedJobs;
    const limit = state === 'completed' ? this.settings.job.removeOnComplete : this.settings.job.removeOnFail;
    kept.push(job);
    while (kept.length > limit) {
      const old = kept.shift() as MemoryJob<T>;
      if (this.jobs.get(old.id) === old) {
        this.jobs.delete(old.id);
      }
    }
  }
}

export class MemoryDriver implements QueueDriver {
  readonly kind = 'memory' as const;
  private readonly queues = new Map<string, MemoryQueue<unknown>>();
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly options: MemoryDriverOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  get<T>(name: string): AppQueue<T> {
    if (this.closed) {
      throw new Error('Queue driver is closed');
    }
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new MemoryQueue<unknown>(name, queueSettings(name, this.options.jobDefaults), this.now);
      this.queues.set(name, queue);
    }
    return queue as AppQueue<T>;
  }

  async ping(): Promise<void> {
    // Nothing to reach.
  }

  queueNames(): string[] {
    return [...this.queues.keys()];
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
