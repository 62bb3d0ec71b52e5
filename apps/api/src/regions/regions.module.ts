import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionCentresController } from './centres/region-centres.controller';
import { RegionCentresService } from './centres/region-centres.service';
import { Region } from './entities/region.entity';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Region])],
  controllers: [RegionsController, RegionCentresController],
  providers: [RegionsService, RegionCentresService],
  exports: [RegionsService],
})
export class RegionsModule {}
