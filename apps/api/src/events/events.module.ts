import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { EventEmployersService } from './event-employers.service';
import { EventItems } from './event-items';
import { EventNotices } from './event-notices';
import { EventReportsService } from './event-reports.service';
import { EventSignupsService } from './event-signups.service';
import { EventSweepProcessor } from './event-sweep.processor';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';

/** 招聘活动: events, the employers at their booths, seekers' tickets and the door, the report. */
@Module({
  imports: [NotificationsModule, RegionsModule],
  controllers: [EventsController],
  providers: [EventsService, EventEmployersService, EventSignupsService, EventReportsService, EventItems, EventNotices, EventSweepProcessor],
})
export class EventsModule {}
