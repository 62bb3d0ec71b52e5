import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Application } from '../applications/entities/application.entity';
import { Employer } from '../employers/entities/employer.entity';
import { Hire } from '../hires/entities/hire.entity';
import { NewEmployment } from '../hires/entities/new-employment.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { RegionsModule } from '../regions/regions.module';
import { Resident } from '../residents/entities/resident.entity';
import { LaborMapService } from './labor-map.service';
import { LiaisonHomeController } from './liaison-home.controller';
import { LiaisonHomeService } from './liaison-home.service';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  imports: [TypeOrmModule.forFeature([Resident, JobPosting, Employer, Hire, NewEmployment, Application]), RegionsModule],
  controllers: [StatsController, LiaisonHomeController],
  providers: [StatsService, LaborMapService, LiaisonHomeService],
})
export class StatsModule {}
