import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { ResidentsModule } from '../residents/residents.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Application } from '../applications/entities/application.entity';
import { AuditModule } from '../audit/audit.module';
import { EmployersModule } from '../employers/employers.module';
import { Employer } from '../employers/entities/employer.entity';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { Occupation } from '../occupations/entities/occupation.entity';
import { Region } from '../regions/entities/region.entity';
import { Resident } from '../residents/entities/resident.entity';
import { EmploymentStatsService } from './employment-stats.service';
import { HireExportsController } from './exports/hire-exports.controller';
import { LedgerExportService } from './exports/ledger-export.service';
import { StatsExportService } from './exports/stats-export.service';
import { EmploymentTarget } from './entities/employment-target.entity';
import { Hire } from './entities/hire.entity';
import { NewEmployment } from './entities/new-employment.entity';
import { HiresController } from './hires.controller';
import { HiresService } from './hires.service';

@Module({
  imports: [TypeOrmModule.forFeature([Hire, NewEmployment, EmploymentTarget, Resident, Employer, JobPosting, Application, Region, Occupation]), EmployersModule, AuditModule, NotificationsModule, ResidentsModule],
  controllers: [HiresController, HireExportsController],
  providers: [HiresService, EmploymentStatsService, LedgerExportService, StatsExportService],
  exports: [HiresService, EmploymentStatsService],
})
export class HiresModule {}
