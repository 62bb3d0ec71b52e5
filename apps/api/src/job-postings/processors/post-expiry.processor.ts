import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { PROCESS_OPTIONS, type ProcessOptions } from '../../process-options';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../../queue';
import { JobPostingsService } from '../job-postings.service';

export const POST_EXPIRY_EVERY_MS = 60 * 60 * 1000;

/**
 * The expiry sweep: every hour, published posts past their end become 已过期. Lists already hide
 * them by time; the sweep makes the state true for employers, reviewers and statistics.
 * Thin: the payload carries nothing, the service does the work.
 */
@Injectable()
export class PostExpiryProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(PostExpiryProcessor.name);

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    @Inject(PROCESS_OPTIONS) private readonly options: ProcessOptions,
    private readonly posts: JobPostingsService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runProcessors) return;
    const queue = this.queues.get<Record<string, never>>(QUEUES.maintenance);
    queue.process(async () => {
      const expired = await this.posts.expireDue(this.clock.now());
      if (expired > 0) this.logger.log(`Expired ${expired} job postings`);
    });
    await queue.addRepeating('post-expiry', {}, { everyMs: POST_EXPIRY_EVERY_MS });
    await queue.add({});
  }
}
