import { Logger } from '@nestjs/common';
import Bull from 'bull';
import { Redis, type RedisOptions } from 'ioredis';
import {
  QUEUE_TIME_ZONE,
  queueSettings,
  WHEN_IDLE_DEFAULT_TIMEOUT_MS,
  type JobDefaults,
  type QueueSettings,
} from '../queue.constants';
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
  dailyCron,
  errorMessage,
  sleep,
  withTimeout,
} from '../queue.util';

export interface BullDriverOptions {
  /** redis://[user:password@]host:port[/db] */
  redisUrl: string;
  /** Key prefix in Redis (default 'zaogong'); tests use a unique one. */
  prefix?: string;
  /** Overrides the per-queue job defaults. */
  jobDefaults?: Partial<JobDefaults>;
  /** How long `ping()` waits for Redis (default 1000 ms). */
  pingTimeoutMs?: number;
  /** How long `close()` waits for running handlers before disconnecting anyway (default 10 s). */
  closeTimeoutMs?: number;
}

type ClientType = 'client' | 'subscriber' | 'bclient';

const IDLE_POLL_MS = 50;

/** Disconnecting a client whose connection already ended would leave ioredis's 2 s timer running. */
function disconnect(client: Redis): void {
  if (client.status !== 'end') {
    client.disconnect();
  }
}

/** Logs each distinct connection error once until the connection is back, instead of on every retry. */
class ErrorLogThrottle {
  private last?: string;
  constructor(private readonly logger: Logger) {}
  error(context: string, err: unknown): void {
    const message = errorMessage(err);
    if (message !== this.last) {
      this.last = message;
      this.logger.error(`${context}: ${message}`);
    }
  }
  recovered(context: string): void {
    if (this.last !== undefined) {
      this.last = undefined;
      this.logger.log(`${context}: connection restored`);
    }
  }
}

export class BullQueue<T> implements AppQueue<T> {
  private readonly logger: Logger;
  private handler?: JobHandler<T>;

  constructor(
    readonly name: string,
    /** The bull queue itself, for bull-board. */
    readonly queue: Bull.Queue<T>,
    private readonly settings: QueueSettings,
    errors: ErrorLogThrottle,
    private readonly releaseConnections: () => void,
  ) {
    this.logger = new Logger(`Queue:${name}`);
    queue.on('error', (err: unknown) => errors.error(`Queue "${name}"`, err));
    queue.on('stalled', (job: Bull.Job<T>) => this.logger.warn(`Job ${String(job.id)} stalled; it will run again`));
  }

  get hasHandler(): boolean {
    return this.handler !== undefined;
  }

  async add(data: T, opts: EnqueueOptions = {}): Promise<string> {
    const jobOptions: Bull.JobOptions = {};
    if (opts.jobId !== undefined) {
      jobOptions.jobId = opts.jobId;
    }
    if (opts.delayMs !== undefined && opts.delayMs > 0) {
      jobOptions.delay = opts.delayMs;
    }
    if (opts.attempts !== undefined) {
      jobOptions.attempts = Math.max(1, opts.attempts);
    }
    if (opts.backoffMs !== undefined) {
      jobOptions.backoff = { type: 'exponential', delay: opts.backoffMs };
    }
    const job = await this.queue.add(data, jobOptions);
    return String(job.id);
  }

  async addRepeating(key: string, data: T, repeat: RepeatOptions): Promise<void> {
    assertRepeatKey(key);
    assertRepeatOptions(repeat);
    const cron = 'dailyAt' in repeat ? dailyCron(repeat.dailyAt) : undefined;
    const every = 'everyMs' in repeat ? repeat.everyMs : undefined;
    // Same key with another schedule (changed in code since the last deploy): replace it.
    for (const existing of await this.queue.getRepeatableJobs()) {
      if (existing.id !== key) {
        continue;
      }
      const same =
        cron !== undefined
          ? existing.cron === cron && existing.tz === QUEUE_TIME_ZONE
          : existing.cron === null && existing.every === every;
      if (!same) {
        await this.queue.removeRepeatableByKey(existing.key);
        this.logger.log(`Repeating job "${key}" rescheduled`);
      }
    }
    const repeatOptions: Bull.CronRepeatOptions | Bull.EveryRepeatOptions =
      cron !== undefined ? { cron, tz: QUEUE_TIME_ZONE } : { every: every as number };
    // The repeat key and each occurrence's id derive from jobId + schedule, so adding the same
    // repeating job again (another process, a restart) registers nothing new.
    await this.queue.add(data, { jobId: key, repeat: repeatOptions });
  }

  process(handler: JobHandler<T>, concurrency = this.settings.concurrency): void {
    if (this.handler) {
      throw new Error(`Queue "${this.name}" already has a handler`);
    }
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new Error(`Invalid concurrency ${concurrency} for queue "${this.name}"`);
    }
    this.handler = handler;
    // Resolves only when the queue closes.
    this.queue
      .process(concurrency, async (job: Bull.Job<T>) => {
        const attempt = job.attemptsMade + 1;
        const attempts = job.opts.attempts ?? 1;
        try {
          await handler({ id: String(job.id), data: job.data, attempt, attempts });
        } catch (err) {
          const tries = `try ${attempt}/${attempts}`;
          if (isPermanentJobError(err)) {
            void job.discard();
            this.logger.warn(`Job ${String(job.id)} failed permanently on ${tries}, discarded: ${errorMessage(err)}`);
          } else if (attempt < attempts) {
            this.logger.warn(`Job ${String(job.id)} failed on ${tries}, will retry: ${errorMessage(err)}`);
          } else {
            this.logger.error(`Job ${String(job.id)} failed on ${tries}, giving up: ${errorMessage(err)}`);
          }
          throw err;
        }
      })
      .catch((err: unknown) => this.logger.error(`Processing stopped: ${errorMessage(err)}`));
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts();
    return { waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed, completed: c.completed };
  }

  async whenIdle(timeoutMs = WHEN_IDLE_DEFAULT_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const c = await this.queue.getJobCounts();
      if (c.waiting === 0 && c.active === 0 && (c.delayed === 0 || (await this.onlyFutureOccurrencesDelayed()))) {
        return;
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `Queue "${this.name}" not idle after ${timeoutMs} ms ` +
            `(waiting ${c.waiting}, active ${c.active}, delayed ${c.delayed})`,
        );
      }
      await sleep(IDLE_POLL_MS);
    }
  }

  /** Waits for running handlers, then drops this queue's blocking connection (the shared ones stay). */
  async close(): Promise<void> {
    try {
      await this.queue.close();
    } finally {
      this.releaseConnections();
    }
  }

  /**
   * True when every delayed job is a future occurrence of a repeating job. The list and the counts
   * are read separately, so the counts are read again: a job promoted in between means "not idle".
   */
  private async onlyFutureOccurrencesDelayed(): Promise<boolean> {
    const now = Date.now();
    const delayed = await this.queue.getDelayed();
    const allFuture = delayed.every(
      (job) => job.opts.repeat !== undefined && job.attemptsMade === 0 && job.timestamp + (job.opts.delay ?? 0) > now,
    );
    if (!allFuture) {
      return false;
    }
    const c = await this.queue.getJobCounts();
    return c.waiting === 0 && c.active === 0 && c.delayed === delayed.length;
  }
}

/**
 * Bull on Redis. One shared connection for commands and one for subscriptions, plus one blocking
 * connection per queue (bull requires it); all are closed by `close()`.
 */
export class BullDriver implements QueueDriver {
  readonly kind = 'redis' as const;
  private readonly logger = new Logger('QueueDriver');
  private readonly errors = new ErrorLogThrottle(this.logger);
  private readonly client: Redis;
  private readonly subscriber: Redis;
  /** Blocking connections by queue name. */
  private readonly blockingClients = new Map<string, Redis[]>();
  private readonly queues = new Map<string, BullQueue<unknown>>();
  private readonly prefix: string;
  private closing?: Promise<void>;

  constructor(private readonly options: BullDriverOptions) {
    this.prefix = options.prefix ?? 'zaogong';
    if (!/^[A-Za-z0-9_.-]+$/.test(this.prefix)) {
      throw new Error(`Invalid queue prefix "${this.prefix}": use letters, digits, '_', '-' or '.'`);
    }
    this.client = this.connect('client');
    this.subscriber = this.connect('subscriber');
  }

  get<T>(name: string): AppQueue<T> {
    if (this.closing) {
      throw new Error('Queue driver is closed');
    }
    let queue = this.queues.get(name);
    if (!queue) {
      const settings = queueSettings(name, this.options.jobDefaults);
      const bull = new Bull<unknown>(name, {
        prefix: this.prefix,
        createClient: (type: ClientType) => this.clientFor(name, type),
        defaultJobOptions: {
          attempts: settings.job.attempts,
          backoff: { type: 'exponential', delay: settings.job.backoffMs },
          removeOnComplete: settings.job.removeOnComplete,
          removeOnFail: settings.job.removeOnFail,
        },
      });
      queue = new BullQueue<unknown>(name, bull, settings, this.errors, () => this.releaseBlockingClients(name));
      this.queues.set(name, queue);
    }
    return queue as AppQueue<T>;
  }

  async ping(): Promise<void> {
    if (this.closing || this.client.status === 'end') {
      throw new Error('Redis connection is closed');
    }
    const ms = this.options.pingTimeoutMs ?? 1_000;
    const reply = await withTimeout(this.client.ping(), ms, `Redis did not answer PING within ${ms} ms`);
    if (reply !== 'PONG') {
      throw new Error(`Unexpected PING reply from Redis: ${reply}`);
    }
  }

  queueNames(): string[] {
    return [...this.queues.keys()];
  }

  /** The bull queue of a name (created if needed), for bull-board. */
  bullQueue(name: string): Bull.Queue {
    this.get(name);
    return (this.queues.get(name) as BullQueue<unknown>).queue;
  }

  close(): Promise<void> {
    this.closing ??= this.doClose();
    return this.closing;
  }

  private async doClose(): Promise<void> {
    const ms = this.options.closeTimeoutMs ?? 10_000;
    const results = await Promise.allSettled(
      [...this.queues.values()].map((q) => withTimeout(q.close(), ms, `Queue "${q.name}" did not close within ${ms} ms`)),
    );
    for (const r of results) {
      if (r.status === 'rejected') {
        this.logger.warn(errorMessage(r.reason));
      }
    }
    for (const name of this.blockingClients.keys()) {
      this.releaseBlockingClients(name);
    }
    await Promise.all([this.quit(this.subscriber), this.quit(this.client)]);
  }

  private async quit(client: Redis): Promise<void> {
    if (client.status === 'ready') {
      try {
        await withTimeout(client.quit(), 500, 'QUIT timed out');
      } catch {
        // Fall through to disconnect.
      }
    }
    disconnect(client);
  }

  private clientFor(queueName: string, type: ClientType): Redis {
    switch (type) {
      case 'client':
        return this.client;
      case 'subscriber':
        return this.subscriber;
      case 'bclient': {
        const c = this.connect('bclient');
        this.blockingClients.set(queueName, [...(this.blockingClients.get(queueName) ?? []), c]);
        return c;
      }
    }
  }

  /** A blocking connection may be inside BRPOPLPUSH, where QUIT would wait: drop it. */
  private releaseBlockingClients(queueName: string): void {
    for (const c of this.blockingClients.get(queueName) ?? []) {
      disconnect(c);
    }
    this.blockingClients.delete(queueName);
  }

  private connect(type: ClientType): Redis {
    const options: RedisOptions = {
      connectionName: `${this.prefix}:${type}`,
      // ioredis keeps a timer this long after disconnect() when the socket was already gone
      // (Redis down): short, so processes and Jest exit promptly.
      disconnectTimeout: 200,
      // Bull refuses subscriber and blocking connections with retries per request or a ready check.
      ...(type === 'client' ? {} : { maxRetriesPerRequest: null, enableReadyCheck: false }),
    };
    const client = new Redis(this.options.redisUrl, options);
    const context = `Redis (${type})`;
    client.on('error', (err: unknown) => this.errors.error(context, err));
    client.on('ready', () => this.errors.recovered(context));
    return client;
  }
}
