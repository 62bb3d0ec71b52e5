import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { Occupation } from '../occupations/entities/occupation.entity';
import { Region } from '../regions/entities/region.entity';
import { ResidentsExportService } from './import/residents-export.service';
import { ResidentsImportService } from './import/residents-import.service';
import { ResidentsSpreadsheetController } from './import/residents-spreadsheet.controller';
import { MeProfileController } from './me-profile.controller';
import { QuickProfileService } from './quick/quick-profile.service';
import { ResidentIdCheckService } from './resident-id-check.service';
import { ResidentReferences } from './resident-references';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';

@Module({
  imports: [TypeOrmModule.forFeature([Region, Occupation]), AuthModule],
  controllers: [MeProfileController, ResidentsSpreadsheetController, ResidentsController],
  providers: [ResidentsService, ResidentIdCheckService, ResidentReferences, ResidentsImportService, ResidentsExportService, QuickProfileService],
  exports: [ResidentsService, ResidentReferences],
})
export class ResidentsModule {}
