import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthIndicatorFunction, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthStatus } from '@zaogong/shared';
import { Public } from '../common/decorators/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { QUEUE_DRIVER, type QueueDriver } from '../queue';

const NAMES: Record<string, string> = { database: '数据库', redis: 'Redis' };

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  live(): HealthStatus {
    return { status: 'ok' };
  }

  /** Readiness: the database and, where configured, Redis answer; 503 names what does not. */
  @Get('ready')
  async ready(): Promise<HealthStatus> {
    const checks: HealthIndicatorFunction[] = [() => this.db.pingCheck('database', { timeout: 1500 })];
    if (this.config.redisUrl) {
      checks.push(async () => {
        const s = this.indicators.check('redis');
        try {
          await this.queues.ping();
          return s.up();
        } catch (e) {
          return s.down({ message: (e as Error).message });
        }
      });
    }
    try {
      const r = await this.health.check(checks);
      return { status: 'ok', details: r.details as HealthStatus['details'] };
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      const details = ((e.getResponse() as { details?: Record<string, { status: string }> }).details ?? {});
      const down = Object.entries(details).filter(([, v]) => v.status !== 'up').map(([k]) => k);
      throw new ServiceUnavailableException({
        statusCode: 503,
        message: `服务未就绪：${down.map((k) => NAMES[k] ?? k).join('、') || '依赖'}无响应`,
        errors: down.map((k) => ({ field: k, message: `${NAMES[k] ?? k}无响应` })),
      });
    }
  }
}
