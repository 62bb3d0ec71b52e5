import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegionsModule } from '../regions/regions.module';
import { SharedStaffController } from './shared-staff.controller';
import { SharedStaffService } from './shared-staff.service';

/** 共享员工: firms lend idle staff to firms short of hands, with the worker's consent; never 新增就业. */
@Module({
  imports: [NotificationsModule, RegionsModule],
  controllers: [SharedStaffController],
  providers: [SharedStaffService],
})
export class SharedStaffModule {}
