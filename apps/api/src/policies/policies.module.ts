import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { PoliciesController } from './policies.controller';
import { PoliciesProcessor } from './policies.processor';
import { PoliciesService } from './policies.service';
import { PolicyFacts } from './policy-facts';
import { PolicyMatcher } from './policy-matcher.service';
import { PolicyNotices } from './policy-notices';

/** 政策找人: policies as data, who qualifies, telling them once, the liaisons' outreach, the funnel. */
@Module({
  imports: [NotificationsModule, RegionsModule],
  controllers: [PoliciesController],
  providers: [PoliciesService, PolicyMatcher, PolicyFacts, PolicyNotices, PoliciesProcessor],
  exports: [PolicyMatcher],
})
export class PoliciesModule {}
