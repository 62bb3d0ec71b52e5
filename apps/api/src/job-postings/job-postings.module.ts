import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Occupation } from '../occupations/entities/occupation.entity';
import { OccupationsModule } from '../occupations/occupations.module';
import { RegionsModule } from '../regions/regions.module';
import { JobPosting } from './entities/job-posting.entity';
import { JobPostingsController } from './job-postings.controller';
import { JobPostingsService } from './job-postings.service';
import { PostExpiryProcessor } from './processors/post-expiry.processor';

@Module({
  imports: [TypeOrmModule.forFeature([JobPosting, Occupation]), OccupationsModule, RegionsModule],
  controllers: [JobPostingsController],
  providers: [JobPostingsService, PostExpiryProcessor],
  exports: [JobPostingsService],
})
export class JobPostingsModule {}
