import { Module } from '@nestjs/common';
import { HiresModule } from '../hires/hires.module';
import { PublicStatsController } from './public-stats.controller';
import { PublicStatsService } from './public-stats.service';

/** The public page of the district's progress (no login, aggregates only, cached). */
@Module({
  imports: [HiresModule],
  controllers: [PublicStatsController],
  providers: [PublicStatsService],
})
export class PublicStatsModule {}
