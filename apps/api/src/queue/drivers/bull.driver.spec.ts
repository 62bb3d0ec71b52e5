import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisUrl, requireRedisOrSkip } from '../../../test/support/services';
import { PermanentJobError } from '../queue.types';
import { sleep } from '../queue.util';
import { BullDriver } from './bull.driver';

interface Payload {
  n: number;
}

const url = redisUrl();
const prefix = `test-queue-${process.pid}-${Date.now()}`;

/** Deletes this file's keys, and only those. */
async function deleteOwnKeys(redis: Redis): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) {
      await redis.del(...keys);
    }
  } while (cursor !== '0');
}

describe('BullDriver when Redis is down', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('ping rejects quickly and close does not hang', async () => {
    const down = new BullDriver({ redisUrl: 'redis://127.0.0.1:1', prefix, pingTimeoutMs: 300 });
    const started = Date.now();
    await expect(down.ping()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1500);
    down.get('q');
    await down.close();
    await expect(down.ping()).rejects.toThrow(/closed/);
  });
});

describe('BullDriver on Redis', () => {
  let redisUp = false;
  let driver: BullDriver;
  let redis: Redis;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    redisUp = await requireRedisOrSkip(url);
    if (redisUp) {
      redis = new Redis(url);
      driver = new BullDriver({ redisUrl: url, prefix, jobDefaults: { backoffMs: 20 } });
    }
  });

  afterAll(async () => {
    if (!redisUp) {
      return;
    }
    await driver.close();
    await deleteOwnKeys(redis);
    await redis.quit();
  });

  it('answers ping', async () => {
    if (!redisUp) return;
    await driver.ping();
    expect(driver.kind).toBe('redis');
  });

  it('processes added jobs with the payload and attempt 1', async () => {
    if (!redisUp) return;
    const queue = driver.get<Payload>('basic');
    const seen: Array<{ id: string; n: number; attempt: number }> = [];
    queue.process(async (job) => {
      seen.push({ id: job.id, n: job.data.n, attempt: job.attempt });
    });
    const a = await queue.add({ n: 1 });
    const b = await queue.add({ n: 2 });
    await queue.whenIdle(5000);
    expect(seen.map((s) => s.n).sort()).toEqual([1, 2]);
    expect(seen.map((s) => s.id).sort()).toEqual([a, b].sort());
    expect(seen.every((s) => s.attempt === 1)).toBe(true);
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 2 });
    expect(() => queue.process(async () => undefined)).toThrow(/already has a handler/);
  });

  it('retries with backoff, then succeeds', async () => {
    if (!redisUp) return;
    const queue = driver.get<Payload>('retry');
    const attempts: number[] = [];
    const times: number[] = [];
    queue.process(async (job) => {
      attempts.push(job.attempt);
      times.push(Date.now());
      if (job.attempt < 3) {
        throw new Error('transient');
      }
    });
    await queue.add({ n: 1 }, { backoffMs: 50 });
    await queue.whenIdle(5000);
    expect(attempts).toEqual([1, 2, 3]);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(45); // 1 × 50
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(140); // 3 × 50
    expect(await queue.counts()).toMatchObject({ completed: 1, failed: 0, delayed: 0 });
  });

  it('discards a job that throws PermanentJobError, without retry', async () => {
    if (!redisUp) return;
    const queue = driver.get<Payload>('permanent');
    let calls = 0;
    queue.process(async () => {
      calls += 1;
      throw new PermanentJobError('row is gone');
    });
    await queue.add({ n: 1 }, { attempts: 5, backoffMs: 10 });
    await queue.whenIdle(5000);
    await sleep(100);
    expect(calls).toBe(1);
    expect(await queue.counts()).toMatchObject({ failed: 1, delayed: 0, waiting: 0, completed: 0 });
  });

  it('coalesces a pending jobId and runs a delayed job after its delay', async () => {
    if (!redisUp) return;
    const queue = driver.get<Payload>('coalesce');
    const seen: number[] = [];
    const addedAt = Date.now();
    expect(await queue.add({ n: 1 }, { jobId: 'event-7', delayMs: 150 })).toBe('event-7');
    expect(await queue.add({ n: 2 }, { jobId: 'event-7' })).toBe('event-7');
    expect(await queue.counts()).toMatchObject({ delayed: 1, waiting: 0 });
    let ranAt = 0;
    queue.process(async (job) => {
      seen.push(job.data.n);
      ranAt = Date.now();
    });
    await queue.whenIdle(5000);
    expect(seen).toEqual([1]);
    expect(ranAt - addedAt).toBeGreaterThanOrEqual(145);
  });

  it('registers a repeating job once, across calls and processes, and replaces a changed schedule', async () => {
    if (!redisUp) return;
    const queue = driver.get<Payload>('repeat');
    const repeatKey = `${prefix}:repeat:repeat`;
    await queue.addRepeating('nightly', { n: 1 }, { dailyAt: '03:00' });
    await queue.addRepeating('nightly', { n: 1 }, { dailyAt: '03:00' });
    const other = new BullDriver({ redisUrl: url, prefix }); // another process
    try {
      await other.get<Payload>('repeat').addRepeating('nightly', { n: 1 }, { dailyAt: '03:00' });
    } finally {
      await other.close();
    }
    expect(await redis.zrange(repeatKey, 0, -1)).toEqual(['__default__:nightly::Asia/Shanghai:0 3 * * *']);
    expect(await queue.counts()).toMatchObject({ delayed: 1 });
    // The next occurrence is at 03:00 Shanghai (19:00 UTC).
    const [, score] = await redis.zrange(repeatKey, 0, -1, 'WITHSCORES');
    expect(new Date(Number(score)).toISOString()).toMatch(/T19:00:00\.000Z$/);
    await queue.whenIdle(1000); // a future occurrence does not count

    await queue.addRepeating('nightly', { n: 1 }, { dailyAt: '04:30' });
    expect(await redis.zrange(repeatKey, 0, -1)).toEqual(['__default__:nightly::Asia/Shanghai:30 4 * * *']);
    expect(await queue.counts()).toMatchObject({ delayed: 1 });
  });

  it('runs a job repeating every N ms', async () => {
    if (!redisUp) return;
    const queue = driver.get<Payload>('every');
    const ids: string[] = [];
    queue.process(async (job) => {
      ids.push(job.id);
    });
    await queue.addRepeating('tick', { n: 1 }, { everyMs: 100 });
    await queue.addRepeating('tick', { n: 1 }, { everyMs: 100 });
    await sleep(450);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await redis.zcard(`${prefix}:every:repeat`)).toBe(1);
  });
});
