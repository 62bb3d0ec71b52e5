import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RegionsModule } from '../regions/regions.module';
import { DataExportService } from './data-export.service';
import { DeletionRequestsController } from './deletion-requests.controller';
import { DeletionRequestsService } from './deletion-requests.service';
import { ErasureService } from './erasure.service';
import { MePrivacyController } from './me-privacy.controller';
import { ResidentErasureController } from './resident-erasure.controller';

/** Personal-data rights: the copy of one's own data, deletion requests and the erasure they lead to. */
@Module({
  imports: [AuthModule, RegionsModule],
  controllers: [MePrivacyController, DeletionRequestsController, ResidentErasureController],
  providers: [DataExportService, DeletionRequestsService, ErasureService],
})
export class PrivacyModule {}
