import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { PROCESS_OPTIONS, type ProcessOptions } from '../process-options';
import { Clock } from '../common/clock';
import { QUEUE_DRIVER, QUEUES, type QueueDriver } from '../queue';
import { errorMessage } from '../queue/queue.util';
import { EventSignup } from './entities/event-signup.entity';
import { RecruitmentEvent } from './entities/recruitment-event.entity';
import { EventNotices } from './event-notices';
import { EventsService, type EventJob } from './events.service';

/**
 * The events queue: a new event's one announcement, and every evening at 18:00 (China time) the reminders
 * for tomorrow's events (each ticket once) and any announcement the queue missed.
 */
@Injectable()
export class EventSweepProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventSweepProcessor.name);

  constructor(
    @Inject(QUEUE_DRIVER) private readonly queues: QueueDriver,
    @Inject(PROCESS_OPTIONS) private readonly options: ProcessOptions,
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly events: EventsService,
    private readonly notices: EventNotices,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.runProcessors) return;
    const queue = this.queues.get<EventJob>(QUEUES.events);
    queue.process(async (job) => {
      if (job.data.task === 'announce') {
        const told = await this.events.announce(job.data.eventId);
        this.logger.log(`event announced to ${told} people`);
        return;
      }
      const done = await this.sweep();
      this.logger.log(`event sweep: ${done.reminded} reminded, ${done.announced} events announced`);
    });
    queue.addRepeating('event-sweep', { task: 'sweep' }, { dailyAt: '18:00' }).catch((e: unknown) => this.logger.warn(`Event sweep not scheduled yet: ${errorMessage(e)}`));
  }

  /** Tomorrow's (China date) ticket holders reminded once; events never announced, announced. */
  async sweep(): Promise<{ reminded: number; announced: number }> {
    const now = this.clock.now();
    const tomorrow = new Date(`${new Date(now.getTime() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)}T00:00:00+08:00`);
    const dayAfter = new Date(tomorrow.getTime() + 86_400_000);
    const upcoming = await this.ds
      .getRepository(RecruitmentEvent)
      .createQueryBuilder('e')
      .where("e.status = 'scheduled' AND e.starts_at >= :from AND e.starts_at < :to", { from: tomorrow, to: dayAfter })
      .getMany();
    let reminded = 0;
    for (const e of upcoming) {
      const due = await this.ds.getRepository(EventSignup).find({ where: { eventId: e.id, status: 'registered', remindedAt: IsNull() }, select: { id: true } });
      for (const { id } of due) {
        const sent = await this.ds.transaction(async (em) => {
          const claim = await em.createQueryBuilder().update(EventSignup).set({ remindedAt: now }).where('id = :id AND reminded_at IS NULL', { id }).execute();
          if (!claim.affected) return false;
          await this.notices.dayBefore(em, await em.getRepository(EventSignup).findOneByOrFail({ id }), e);
          return true;
        });
        if (sent) reminded++;
      }
    }
    const unannounced = await this.ds.getRepository(RecruitmentEvent).find({ where: { status: 'scheduled', announcedAt: IsNull() }, select: { id: true, endsAt: true } });
    let announced = 0;
    for (const e of unannounced.filter((x) => x.endsAt > now)) {
      await this.events.announce(e.id);
      announced++;
    }
    return { reminded, announced };
  }
}
