import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/**
 * What changed: the ids of posts or residents whose stored record is new, edited or gone; of accounts
 * whose role, region, employer or enabled state changed; of login sessions that ended; of places (镇街,
 * 村居) whose centre point moved.
 */
export interface Change {
  kind: ChangeKind;
  ids: string[];
}

const CHANGE_KINDS = ['post', 'resident', 'account', 'session', 'region'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

type Listener = (change: Change) => void | Promise<void>;

/**
 * Tells every API process that records changed, so in-memory views (the matching index) follow the
 * database. Within a process listeners hear a change at once; with REDIS_URL set it also goes out on
 * a Redis channel and every other process hears it (pub/sub: a process that is down misses it, and
 * rebuilds its view from the database when it starts). Publishing never waits on Redis and never
 * fails a request: with Redis down the other processes catch up at their next start.
 */
@Injectable()
export class ChangeFeed implements OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly listeners: Listener[] = [];
  private readonly origin = randomUUID();
  private readonly channel: string;
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.channel = `${config.queuePrefix}:changes`;
    if (config.redisUrl) this.connect(config.redisUrl);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** After the change is committed. */
  publish(change: Change): void {
    if (change.ids.length === 0) return;
    void this.deliver(change);
    if (this.publisher?.status === 'ready') {
      this.publisher.publish(this.channel, JSON.stringify({ origin: this.origin, ...change })).catch((e: unknown) => this.logger.warn(`change not sent to other processes: ${String(e)}`));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const c of [this.subscriber, this.publisher]) if (c && c.status !== 'end') c.disconnect();
  }

  /**
   * Every listener hears the change at once, so a slow one (the matching index reads the rows again) holds up
   * no other: what a listener does before its first await is done before publish() returns (the public
   * cache drops its answers there, so the next request of this process already misses them).
   */
  private async deliver(change: Change): Promise<void> {
    await Promise.all(
      this.listeners.map(async (l) => {
        try {
          await l(change);
        } catch (e) {
          this.logger.error(`a listener failed on ${change.kind} ${change.ids.length}: ${String(e)}`);
        }
      }),
    );
  }

  private connect(url: string): void {
    const options = { disconnectTimeout: 200, maxRetriesPerRequest: 1, enableOfflineQueue: false } as const;
    this.publisher = new Redis(url, { ...options, connectionName: `${this.channel}:pub` });
    this.subscriber = new Redis(url, { disconnectTimeout: 200, connectionName: `${this.channel}:sub` });
    for (const c of [this.publisher, this.subscriber]) c.on('error', () => undefined); // the queue driver already logs Redis outages
    void this.subscriber.subscribe(this.channel).catch(() => undefined);
    this.subscriber.on('message', (_channel: string, raw: string) => {
      try {
        const msg = JSON.parse(raw) as Change & { origin: string };
        if (msg.origin !== this.origin && (CHANGE_KINDS as readonly string[]).includes(msg.kind) && Array.isArray(msg.ids)) void this.deliver({ kind: msg.kind, ids: msg.ids });
      } catch {
        // not one of ours
      }
    });
  }
}
