import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { User } from '../auth/entities/user.entity';
import { Resident } from '../residents/entities/resident.entity';
import { HttpSmsProvider, SMS_PROVIDER } from './channels/sms-provider';
import { WechatMessages } from './channels/wechat-messages';
import { DeliveryProcessor } from './delivery.processor';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationSetting } from './entities/notification-setting.entity';
import { Notification } from './entities/notification.entity';
import { WechatSubscription } from './entities/wechat-subscription.entity';
import { NotificationEvents } from './notification-events';
import { NotificationOutbox } from './notification-outbox';
import { AdminNotificationsController, MyNotificationsController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Notifications: the outbox other modules write into (NotificationEvents, inside their transactions),
 * the delivery processor (WeChat subscribe messages, SMS), the inbox and settings routes.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationDelivery, WechatSubscription, NotificationSetting, User, Resident]), AuditModule],
  controllers: [NotificationsController, MyNotificationsController, AdminNotificationsController],
  providers: [NotificationOutbox, NotificationEvents, NotificationsService, DeliveryProcessor, WechatMessages, { provide: SMS_PROVIDER, useClass: HttpSmsProvider }],
  exports: [NotificationOutbox, NotificationEvents],
})
export class NotificationsModule {}
