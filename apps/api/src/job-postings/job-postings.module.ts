import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { PostPhotosController } from './post-photos.controller';
import { PostPhotosService } from './post-photos.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Application } from '../applications/entities/application.entity';
import { AuditModule } from '../audit/audit.module';
import { EmployersModule } from '../employers/employers.module';
import { Employer } from '../employers/entities/employer.entity';
import { Occupation } from '../occupations/entities/occupation.entity';
import { RegionsModule } from '../regions/regions.module';
import { JobPosting } from './entities/job-posting.entity';
import { PostReport } from './entities/post-report.entity';
import { JobPostingsController } from './job-postings.controller';
import { JobPostingsService } from './job-postings.service';
import { PendingCountsController } from './pending-counts.controller';
import { PendingCountsService } from './pending-counts.service';
import { PostReportsController } from './post-reports.controller';
import { PostReportsService } from './post-reports.service';
import { PostSearchIndex } from './post-search-index';
import { SavedSearch } from './entities/saved-search.entity';
import { SavedSearchesController } from './saved-searches.controller';
import { SavedSearchesService } from './saved-searches.service';
import { PostWorkflowService } from './post-workflow.service';
import { PublicPostItems } from './public-post-items';
import { PostExpiryProcessor } from './processors/post-expiry.processor';

@Module({
  imports: [TypeOrmModule.forFeature([JobPosting, PostReport, Occupation, Employer, Application, SavedSearch]), RegionsModule, EmployersModule, AuditModule, NotificationsModule],
  controllers: [JobPostingsController, PostReportsController, PendingCountsController, SavedSearchesController, PostPhotosController],
  providers: [PostPhotosService, JobPostingsService, PostWorkflowService, PostReportsService, PostSearchIndex, PostExpiryProcessor, PendingCountsService, SavedSearchesService, PublicPostItems],
  exports: [JobPostingsService, PostSearchIndex, PostWorkflowService, PublicPostItems],
})
export class JobPostingsModule {}
