import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { JobPostingsModule } from '../job-postings/job-postings.module';
import { Occupation } from '../occupations/entities/occupation.entity';
import { Region } from '../regions/entities/region.entity';
import { Resident } from '../residents/entities/resident.entity';
import { CandidateViewQuota } from './entities/candidate-view-quota.entity';
import { CandidateViewQuotas } from './candidate-view-quotas';
import { MatchIndexService } from './match-index.service';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

@Module({
  imports: [TypeOrmModule.forFeature([JobPosting, Resident, Occupation, Region, CandidateViewQuota]), JobPostingsModule, AuditModule],
  controllers: [MatchingController],
  providers: [MatchIndexService, MatchingService, CandidateViewQuotas],
  exports: [MatchIndexService],
})
export class MatchingModule {}
