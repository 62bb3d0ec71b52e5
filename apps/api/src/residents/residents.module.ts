import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Occupation } from '../occupations/entities/occupation.entity';
import { Region } from '../regions/entities/region.entity';
import { MeProfileController } from './me-profile.controller';
import { ResidentReferences } from './resident-references';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Region, Occupation])],
  controllers: [MeProfileController, ResidentsController],
  providers: [ResidentsService, ResidentReferences],
  exports: [ResidentsService, ResidentReferences],
})
export class ResidentsModule {}
