import { Logger } from '@nestjs/common';
import { PermanentJobError, type JobContext } from '../queue.types';
import { sleep } from '../queue.util';
import { MemoryDriver } from './memory.driver';

interface Payload {
  n: number;
}

describe('MemoryDriver', () => {
  let driver: MemoryDriver;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    driver = new MemoryDriver({ jobDefaults: { backoffMs: 10 } });
  });

  afterEach(async () => {
    await driver.close();
  });

  it('processes added jobs in order with the payload and attempt 1', async () => {
    const queue = driver.get<Payload>('q');
    const seen: JobContext<Payload>[] = [];
    const ids = [await queue.add({ n: 1 }), await queue.add({ n: 2 }), await queue.add({ n: 3 })];
    queue.process(async (job) => {
      seen.push(job);
    });
    await queue.whenIdle(1000);

    expect(seen.map((j) => j.data.n)).toEqual([1, 2, 3]);
    expect(seen.map((j) => j.id)).toEqual(ids);
    expect(seen.every((j) => j.attempt === 1)).toBe(true);
    expect(await queue.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 3 });
  });

  it('stores a JSON copy of the payload, as Redis would', async () => {
    const queue = driver.get<{ at: unknown }>('q');
    const payload = { at: new Date('2026-01-01T00:00:00Z') };
    let received: unknown;
    queue.process(async (job) => {
      received = job.data.at;
    });
    await queue.add(payload);
    await queue.whenIdle(1000);
    expect(received).toBe('2026-01-01T00:00:00.000Z');
  });

  it('retries with exponential backoff, then succeeds', async () => {
    const queue = driver.get<Payload>('q');
    const attempts: number[] = [];
    const times: number[] = [];
    queue.process(async (job) => {
      attempts.push(job.attempt);
      times.push(Date.now());
      if (job.attempt < 3) {
        throw new Error('transient');
      }
    });
    await queue.add({ n: 1 }, { backoffMs: 20 });
    await queue.whenIdle(2000);

    expect(attempts).toEqual([1, 2, 3]);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(19); // 1 × 20
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(59); // 3 × 20
    expect(await queue.counts()).toMatchObject({ completed: 1, failed: 0, delayed: 0 });
  });

  it('fails for good after the last attempt', async () => {
    const queue = driver.get<Payload>('q');
    let calls = 0;
    queue.process(async () => {
      calls += 1;
      throw new Error('still down');
    });
    await queue.add({ n: 1 }, { attempts: 3, backoffMs: 1 });
    await queue.whenIdle(2000);
    expect(calls).toBe(3);
    expect(await queue.counts()).toMatchObject({ completed: 0, failed: 1 });
  });

  it('discards a job that throws PermanentJobError, without retry', async () => {
    const queue = driver.get<Payload>('q');
    let calls = 0;
    queue.process(async () => {
      calls += 1;
      throw new PermanentJobError('row is gone');
    });
    await queue.add({ n: 1 }, { attempts: 5, backoffMs: 1 });
    await queue.whenIdle(1000);
    await sleep(20);
    expect(calls).toBe(1);
    expect(await queue.counts()).toMatchObject({ failed: 1, delayed: 0, waiting: 0 });
  });

  it('coalesces a jobId while the job exists, like bull (it is not idempotency)', async () => {
    const queue = driver.get<Payload>('q');
    const seen: number[] = [];
    expect(await queue.add({ n: 1 }, { jobId: 'event-7' })).toBe('event-7');
    expect(await queue.add({ n: 2 }, { jobId: 'event-7' })).toBe('event-7');
    expect(await queue.counts()).toMatchObject({ waiting: 1 });

    queue.process(async (job) => {
      seen.push(job.data.n);
    });
    await queue.whenIdle(1000);
    // Still kept as completed (removeOnComplete), so the id is still taken.
    await queue.add({ n: 3 }, { jobId: 'event-7' });
    await queue.whenIdle(1000);
    expect(seen).toEqual([1]);
  });

  it('accepts a reused jobId again once the finished job is no longer kept', async () => {
    const local = new MemoryDriver({ jobDefaults: { removeOnComplete: 0 } });
    try {
      const queue = local.get<Payload>('q');
      const seen: number[] = [];
      queue.process(async (job) => {
        seen.push(job.data.n);
      });
      await queue.add({ n: 1 }, { jobId: 'x' });
      await queue.whenIdle(1000);
      await queue.add({ n: 2 }, { jobId: 'x' });
      await queue.whenIdle(1000);
      expect(seen).toEqual([1, 2]);
      expect(await queue.counts()).toMatchObject({ completed: 0 });
    } finally {
      await local.close();
    }
  });

  it('runs a delayed job only after its delay', async () => {
    const queue = driver.get<Payload>('q');
    let ranAt = 0;
    queue.process(async () => {
      ranAt = Date.now();
    });
    const addedAt = Date.now();
    await queue.add({ n: 1 }, { delayMs: 60 });
    expect(await queue.counts()).toMatchObject({ delayed: 1, waiting: 0 });
    await sleep(20);
    expect(ranAt).toBe(0);
    await queue.whenIdle(1000);
    expect(ranAt - addedAt).toBeGreaterThanOrEqual(59);
  });

  it('never runs more handlers at once than the concurrency', async () => {
    const queue = driver.get<Payload>('q');
    let running = 0;
    let peak = 0;
    queue.process(async () => {
      running += 1;
      peak = Math.max(peak, running);
      await sleep(15);
      running -= 1;
    }, 2);
    for (let n = 0; n < 7; n++) {
      await queue.add({ n });
    }
    await sleep(5);
    expect(await queue.counts()).toMatchObject({ active: 2, waiting: 5 });
    await queue.whenIdle(2000);
    expect(peak).toBe(2);
    expect(await queue.counts()).toMatchObject({ completed: 7 });
  });

  it('allows one handler per queue', () => {
    const queue = driver.get<Payload>('q');
    queue.process(async () => undefined);
    expect(queue.hasHandler).toBe(true);
    expect(() => queue.process(async () => undefined)).toThrow(/already has a handler/);
  });

  it('returns the same queue for the same name', () => {
    expect(driver.get('a')).toBe(driver.get('a'));
    expect(driver.queueNames()).toEqual(['a']);
  });

  it('repeats a job every N ms, registered once however often addRepeating is called', async () => {
    const queue = driver.get<Payload>('q');
    await queue.addRepeating('tick', { n: 1 }, { everyMs: 25 });
    await queue.addRepeating('tick', { n: 1 }, { everyMs: 25 });
    expect(await queue.counts()).toMatchObject({ delayed: 1 });

    const ids: string[] = [];
    queue.process(async (job) => {
      ids.push(job.id);
    });
    await sleep(140);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.startsWith('repeat:tick:'))).toBe(true);
    // Exactly one next occurrence pending.
    expect(await queue.counts()).toMatchObject({ delayed: 1, waiting: 0 });
  });

  it('replaces a repeating job whose schedule changed', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z'); // 08:00 in Shanghai
    const local = new MemoryDriver({ now: () => now });
    try {
      const queue = local.get<Payload>('q');
      await queue.addRepeating('nightly', { n: 1 }, { dailyAt: '03:00' });
      await queue.addRepeating('nightly', { n: 1 }, { dailyAt: '04:00' });
      expect(await queue.counts()).toMatchObject({ delayed: 1 });
      // A future occurrence does not keep the queue busy.
      await queue.whenIdle(100);
    } finally {
      await local.close();
    }
  });

  it('rejects invalid repeating keys and schedules', async () => {
    const queue = driver.get<Payload>('q');
    await expect(queue.addRepeating('a:b', { n: 1 }, { everyMs: 10 })).rejects.toThrow(/Invalid repeating job key/);
    await expect(queue.addRepeating('k', { n: 1 }, { dailyAt: '3:00' })).rejects.toThrow(/Invalid time of day/);
    await expect(queue.addRepeating('k', { n: 1 }, { everyMs: 0 })).rejects.toThrow(/Invalid everyMs/);
  });

  it('whenIdle rejects when jobs are left waiting (no handler)', async () => {
    const queue = driver.get<Payload>('q');
    await queue.add({ n: 1 });
    await expect(queue.whenIdle(30)).rejects.toThrow(/not idle after 30 ms \(waiting 1, active 0, delayed 0\)/);
  });

  it('close waits for running handlers, stops timers and refuses new work', async () => {
    const queue = driver.get<Payload>('q');
    let finished = 0;
    let calls = 0;
    queue.process(async (job) => {
      calls += 1;
      if (job.data.n === 1) {
        await sleep(30);
        finished += 1;
        return;
      }
      throw new Error('retry later');
    }, 2);
    await queue.add({ n: 1 });
    await queue.add({ n: 2 }, { backoffMs: 20 });
    await queue.add({ n: 3 }, { delayMs: 20 });
    await queue.addRepeating('tick', { n: 4 }, { everyMs: 20 });
    await sleep(5);

    await driver.close();
    expect(finished).toBe(1);
    const callsAtClose = calls;
    await sleep(80);
    expect(calls).toBe(callsAtClose); // no retry, delayed or repeating job ran after close
    await expect(queue.add({ n: 5 })).rejects.toThrow(/closed/);
    expect(() => driver.get('other')).toThrow(/closed/);
  });
});
