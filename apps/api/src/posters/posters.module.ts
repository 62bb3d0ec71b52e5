import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RegionsModule } from '../regions/regions.module';
import { PosterCodes } from './poster-codes';
import { PosterPhones } from './poster-phones';
import { PosterRenderer } from './poster-renderer';
import { PosterStatsService } from './poster-stats.service';
import { PosterSubjects } from './poster-subjects';
import { PostersController } from './posters.controller';
import { PostersService } from './posters.service';

/** Printed posters of posts and events for 村居 boards, their codes and the scans counted per board. */
@Module({
  imports: [AuthModule, RegionsModule],
  controllers: [PostersController],
  providers: [PostersService, PosterStatsService, PosterSubjects, PosterPhones, PosterCodes, PosterRenderer],
})
export class PostersModule {}
