import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobPostingsModule } from '../job-postings/job-postings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { GigAttendanceService } from './gig-attendance.service';
import { GigNotices } from './gig-notices';
import { GigPayService } from './gig-pay.service';
import { GigSignupItems } from './gig-signup-items';
import { GigStatsController } from './gig-stats.controller';
import { GigStatsService } from './gig-stats.service';
import { GigSweepProcessor } from './gig-sweep.processor';
import { GigsController } from './gigs.controller';
import { GigsService } from './gigs.service';

/** 零工市场: finding day work, sign-ups and rosters, check-in, pay, 权益维护 cases, ratings. */
@Module({
  imports: [JobPostingsModule, NotificationsModule, AuditModule, RegionsModule],
  controllers: [GigsController, GigStatsController],
  providers: [GigsService, GigAttendanceService, GigPayService, GigSignupItems, GigNotices, GigSweepProcessor, GigStatsService],
  exports: [GigsService],
})
export class GigsModule {}
