import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsModule } from '../regions/regions.module';
import { Resident } from '../residents/entities/resident.entity';
import { LaborMapService } from './labor-map.service';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  imports: [TypeOrmModule.forFeature([Resident, JobPosting, Employer]), RegionsModule],
  controllers: [StatsController],
  providers: [StatsService, LaborMapService],
})
export class StatsModule {}
