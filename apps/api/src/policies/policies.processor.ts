import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ChangeFeed } from '../common/changes/change-feed';
import { PROCESS_OPTIONS, type ProcessOptions } from '../process-options';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { errorMessage } from '../queue/queue.util';
import type { PolicyJob } from './policies.service';
import { PolicyMatcher } from './policy-matcher.service';

/**
 * When people become eligible: a pass over a policy when it is published or edited, over people whose record
 * changed (an edit, a hire confirmed: the change feed), and every night at 02:00 over everything (birthdays,
 * graduation months, 90-day and 12-month windows moving on) and once when the worker starts.
 */
@Injectable()
export class PoliciesProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(PoliciesProcessor.name);

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    @Inject(PROCESS_OPTIONS) private readonly options: ProcessOptions,
    private readonly matcher: PolicyMatcher,
    private readonly changes: ChangeFeed,
  ) {}

  onApplicationBootstrap(): void {
    const queue = this.queues.get<PolicyJob>(QUEUES.policies);
    // Any API process hears its own changes; the job coalesces duplicates and the rows make it exactly-once.
    this.changes.subscribe((change) => {
      if (change.kind !== 'resident') return;
      queue.add({ task: 'people', ids: change.ids }).catch((e: unknown) => this.logger.warn(`Policy pass for changed records not queued: ${errorMessage(e)}`));
    });
    if (!this.options.runProcessors) return;
    queue.process(async (job) => {
      const d = job.data;
      const done = d.task === 'policy' ? await this.matcher.pass({ policyIds: [d.policyId] }) : d.task === 'people' ? await this.matcher.pass({ personIds: d.ids }) : await this.matcher.pass();
      if (done.newlyEligible || done.noLongerEligible || d.task === 'all') this.logger.log(`policy pass (${d.task}): ${done.policies} policies × ${done.subjects} people or firms, ${done.newlyEligible} newly eligible, ${done.noLongerEligible} no longer`);
    });
    // At start too: policies seeded or published while no worker ran are matched without waiting for the night.
    // Processes started together (API_PROCESSES > 1) share one pass: the job id is the minute.
    queue.add({ task: 'all' }, { jobId: `policy-startup:${Math.floor(Date.now() / 60_000)}` }).catch((e: unknown) => this.logger.warn(`Startup policy pass not queued: ${errorMessage(e)}`));
    queue.addRepeating('policy-nightly', { task: 'all' }, { dailyAt: '02:00' }).catch((e: unknown) => this.logger.warn(`Nightly policy pass not scheduled yet: ${errorMessage(e)}`));
  }
}
