import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PROCESS_OPTIONS, type ProcessOptions } from '../process-options';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { errorMessage } from '../queue/queue.util';
import { GigAttendanceService } from './gig-attendance.service';

/** Every evening at 18:00 (China time): yesterday's no-shows are recorded and tomorrow's people reminded. */
@Injectable()
export class GigSweepProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(GigSweepProcessor.name);

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    @Inject(PROCESS_OPTIONS) private readonly options: ProcessOptions,
    private readonly attendance: GigAttendanceService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.runProcessors) return;
    const queue = this.queues.get<Record<string, never>>(QUEUES.gigSweep);
    queue.process(async () => {
      const done = await this.attendance.sweep();
      this.logger.log(`gig sweep: ${done.noShows} no-shows recorded, ${done.reminded} reminded`);
    });
    queue.addRepeating('gig-sweep', {}, { dailyAt: '18:00' }).catch((e: unknown) => this.logger.warn(`Gig sweep not scheduled yet: ${errorMessage(e)}`));
  }
}
