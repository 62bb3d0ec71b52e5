import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Occupation } from '../occupations/entities/occupation.entity';
import { Region } from '../regions/entities/region.entity';
import { ResidentsExportService } from './import/residents-export.service';
import { ResidentsImportService } from './import/residents-import.service';
import { ResidentsSpreadsheetController } from './import/residents-spreadsheet.controller';
import { MeProfileController } from './me-profile.controller';
import { ResidentReferences } from './resident-references';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Region, Occupation])],
  controllers: [MeProfileController, ResidentsSpreadsheetController, ResidentsController],
  providers: [ResidentsService, ResidentReferences, ResidentsImportService, ResidentsExportService],
  exports: [ResidentsService, ResidentReferences],
})
export class ResidentsModule {}
