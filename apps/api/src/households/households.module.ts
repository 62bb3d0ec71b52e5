import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobPostingsModule } from '../job-postings/job-postings.module';
import { RegionsModule } from '../regions/regions.module';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';

/** 零工驿站: households (农户) registered by their liaison, and the day work posted for them. */
@Module({
  imports: [JobPostingsModule, RegionsModule, AuditModule],
  controllers: [HouseholdsController],
  providers: [HouseholdsService],
})
export class HouseholdsModule {}
