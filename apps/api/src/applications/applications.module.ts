import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { User } from '../auth/entities/user.entity';
import { Employer } from '../employers/entities/employer.entity';
import { HiresModule } from '../hires/hires.module';
import { JobPosting } from '../job-postings/entities/job-posting.entity';
import { CandidateViews } from '../matching/candidate-views';
import { RegionsModule } from '../regions/regions.module';
import { Resident } from '../residents/entities/resident.entity';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ApplicationStep } from './entities/application-step.entity';
import { Application } from './entities/application.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationStep, Resident, JobPosting, Employer, User]), HiresModule, RegionsModule, AuditModule, NotificationsModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, CandidateViews],
})
export class ApplicationsModule {}
