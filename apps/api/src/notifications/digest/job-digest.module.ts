import { Module } from '@nestjs/common';
import { MatchingModule } from '../../matching/matching.module';
import { NotificationsModule } from '../notifications.module';
import { JobDigestProcessor } from './job-digest.processor';
import { JobDigestService } from './job-digest.service';

/** The daily digest of new posts for seekers: matching and notifications together. */
@Module({
  imports: [MatchingModule, NotificationsModule],
  providers: [JobDigestService, JobDigestProcessor],
  exports: [JobDigestService],
})
export class JobDigestModule {}
