import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { redisUrl, requireRedisOrSkip } from '../../test/support/services';
import { MemoryDriver } from './drivers/memory.driver';
import { QUEUES } from './queue.constants';
import { QUEUE_DRIVER, QueueModule, assertHandlersRegistered } from './queue.module';
import type { QueueDriver } from './queue.types';

async function withContext(rootImports: Parameters<typeof Module>[0]['imports'], use: (driver: QueueDriver) => Promise<void>): Promise<QueueDriver> {
  @Module({ imports: rootImports })
  class RootModule {}
  const app = await NestFactory.createApplicationContext(RootModule, { logger: false });
  const driver = app.get<QueueDriver>(QUEUE_DRIVER);
  try {
    await use(driver);
  } finally {
    await app.close();
  }
  return driver;
}

describe('QueueModule', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('provides the memory driver without a Redis URL and closes it on shutdown', async () => {
    const driver = await withContext([QueueModule.forRoot({})], async (d) => {
      expect(d).toBeInstanceOf(MemoryDriver);
      await d.ping();
      const queue = d.get<{ id: number }>(QUEUES.notifications);
      let seen = 0;
      queue.process(async (job) => {
        seen = job.data.id;
      });
      await queue.add({ id: 42 });
      await queue.whenIdle(1000);
      expect(seen).toBe(42);
    });
    expect(() => driver.get(QUEUES.notifications)).toThrow(/closed/);
  });

  it('builds the driver from an async factory', async () => {
    await withContext(
      [QueueModule.forRootAsync({ useFactory: async () => ({ redisUrl: undefined }) })],
      async (d) => {
        expect(d.kind).toBe('memory');
      },
    );
  });

  it('provides the bull driver with a Redis URL', async () => {
    if (!(await requireRedisOrSkip())) {
      return;
    }
    const driver = await withContext([QueueModule.forRoot({ redisUrl: redisUrl(), prefix: `test-module-${process.pid}` })], async (d) => {
      expect(d.kind).toBe('redis');
      await d.ping();
    });
    await expect(driver.ping()).rejects.toThrow(/closed/);
  });

  it('assertHandlersRegistered names the queues without a handler', async () => {
    const driver = new MemoryDriver();
    try {
      driver.get(QUEUES.maintenance).process(async () => undefined);
      expect(() => assertHandlersRegistered(driver, [QUEUES.maintenance])).not.toThrow();
      expect(() => assertHandlersRegistered(driver, Object.values(QUEUES))).toThrow(
        'No handler registered for queue(s): notifications',
      );
    } finally {
      await driver.close();
    }
  });
});
