import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PROCESS_OPTIONS, type ProcessOptions } from '../../process-options';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../../queue';
import { errorMessage } from '../../queue/queue.util';
import { JobDigestService } from './job-digest.service';

/** Runs the digest once a day at DIGEST_AT (09:00 by default; never in the quiet hours). */
@Injectable()
export class JobDigestProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobDigestProcessor.name);

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    @Inject(PROCESS_OPTIONS) private readonly options: ProcessOptions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly digest: JobDigestService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.runProcessors) return;
    const queue = this.queues.get<Record<string, never>>(QUEUES.digests);
    queue.process(async () => {
      await this.digest.run();
    });
    queue.addRepeating('job-digest', {}, { dailyAt: this.config.notify.digestAt }).catch((e: unknown) => this.logger.warn(`Daily digest not scheduled yet: ${errorMessage(e)}`));
  }
}
