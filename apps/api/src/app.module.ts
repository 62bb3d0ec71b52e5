import { Module, type DynamicModule } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { JwtAuthGuard } from './common/guards/jwt-auth.guard';
import { RegionScopeGuard } from './common/guards/region-scope.guard';
import { RolesGuard } from './common/guards/roles.guard';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { openDatabase } from './database/database-bootstrap';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { EmployersModule } from './employers/employers.module';
import { JobPostingsModule } from './job-postings/job-postings.module';
import { MatchingModule } from './matching/matching.module';
import { ApplicationsModule } from './applications/applications.module';
import { HiresModule } from './hires/hires.module';
import { OccupationsModule } from './occupations/occupations.module';
import { PROCESS_OPTIONS, type ProcessOptions } from './process-options';
import { QueueModule } from './queue';
import { RegionsModule } from './regions/regions.module';
import { ResidentsModule } from './residents/residents.module';
import { AuditModule } from './audit/audit.module';
import { SiteModule } from './site/site.module';
import { StatsModule } from './stats/stats.module';
import { NotificationsModule } from './notifications/notifications.module';
import { JobDigestModule } from './notifications/digest/job-digest.module';
import { GigsModule } from './gigs/gigs.module';
import { EventsModule } from './events/events.module';
import { PublicStatsModule } from './public-stats/public-stats.module';
import { PoliciesModule } from './policies/policies.module';
import { SharedStaffModule } from './shared-staff/shared-staff.module';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { bindToWriteRoutes } from './common/idempotency/bind-to-write-routes';
import { HouseholdsModule } from './households/households.module';
import { PrivacyModule } from './privacy/privacy.module';
import { PostersModule } from './posters/posters.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, process: ProcessOptions): DynamicModule {
    const root: DynamicModule = {
      module: AppModule,
      imports: [
        CommonModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config.database),
          dataSourceFactory: async () => openDatabase(config),
        }),
        // A key object, not the string: jsonwebtoken otherwise tries (and fails) to parse the string as a public
        // key on every verify, which cost more than half a millisecond per signed-in request.
        JwtModule.register({ global: true, secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')), signOptions: { expiresIn: '7d', algorithm: 'HS256' } }),
        QueueModule.forRoot({ redisUrl: config.redisUrl ?? undefined, prefix: config.queuePrefix }),
        HealthModule,
        SiteModule,
        AuthModule,
        RegionsModule,
        OccupationsModule,
        EmployersModule,
        JobPostingsModule,
        MatchingModule,
        HiresModule,
        ApplicationsModule,
        StatsModule,
        AuditModule,
        ResidentsModule,
        NotificationsModule,
        JobDigestModule,
        PrivacyModule,
        GigsModule,
        EventsModule,
        PublicStatsModule,
        PoliciesModule,
        SharedStaffModule,
        HouseholdsModule,
        PostersModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PROCESS_OPTIONS, useValue: process },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_GUARD, useClass: RegionScopeGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
      exports: [APP_CONFIG, PROCESS_OPTIONS],
      global: true,
    };
    // Idempotency-Key on every write route (POST, PUT, PATCH, DELETE), and on those only: bound globally the
    // interceptor would put every read through Nest's interceptor pipeline as well.
    bindToWriteRoutes(root, IdempotencyInterceptor);
    return root;
  }
}
