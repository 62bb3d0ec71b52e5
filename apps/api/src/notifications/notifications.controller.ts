import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DeliveryItem, DeliverySummary, NotificationItem, NotificationSettings, Page, SubscriptionBalance, SubscriptionTemplate } from '@zaogong/shared';
import { AccessService } from '../common/access/access.service';
import type { AuthPrincipal } from '../common/auth-principal';
import { CurrentUser, Roles } from '../common/decorators/auth.decorators';
import { DeliveryQueryDto, NotificationQueryDto, NotificationSettingsDto, SubscriptionAcceptanceDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

const notificationId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('消息不存在') });
const deliveryId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('这条发送记录不存在') });

/** 消息: everyone's own inbox. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@Query() query: NotificationQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<NotificationItem>> {
    return this.notifications.list(query, user);
  }

  @Get('unread-count')
  unreadCount(@CurrentUser() user: AuthPrincipal): Promise<{ count: number }> {
    return this.notifications.unreadCount(user);
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: AuthPrincipal): Promise<{ count: number }> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id', notificationId) id: string, @CurrentUser() user: AuthPrincipal): Promise<NotificationItem> {
    return this.notifications.markRead(id, user);
  }
}

/** The user's WeChat subscriptions and notification settings. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me')
export class MyNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The subscribe-message templates the mini-app asks this user to accept (wx.requestSubscribeMessage). */
  @Get('subscriptions/templates')
  templates(@CurrentUser() user: AuthPrincipal): { items: SubscriptionTemplate[] } {
    return { items: this.notifications.templates(user) };
  }

  /** The user accepted these templates: each acceptance allows one message. */
  @Post('subscriptions')
  @HttpCode(200)
  async accept(@Body() dto: SubscriptionAcceptanceDto, @CurrentUser() user: AuthPrincipal): Promise<{ items: SubscriptionBalance[] }> {
    return { items: await this.notifications.accept(dto.templateIds, user) };
  }

  @Get('notification-settings')
  settings(@CurrentUser() user: AuthPrincipal): Promise<NotificationSettings> {
    return this.notifications.getSettings(user);
  }

  @Put('notification-settings')
  saveSettings(@Body() dto: NotificationSettingsDto, @CurrentUser() user: AuthPrincipal): Promise<NotificationSettings> {
    return this.notifications.saveSettings(dto, user);
  }
}

/** Admins: what went out, the dead letters, and their retry. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/notifications')
export class AdminNotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly access: AccessService,
  ) {}

  /** Deliveries go to people of every 镇街: the district admin's (notification.admin). */
  @Get('summary')
  async summary(@CurrentUser() user: AuthPrincipal): Promise<DeliverySummary> {
    await this.access.require(user, 'notification.admin');
    return this.notifications.summary();
  }

  @Get('deliveries')
  async deliveries(@Query() query: DeliveryQueryDto, @CurrentUser() user: AuthPrincipal): Promise<Page<DeliveryItem>> {
    await this.access.require(user, 'notification.admin');
    return this.notifications.listDeliveries(query);
  }

  @Post('deliveries/:id/retry')
  @HttpCode(200)
  async retry(@Param('id', deliveryId) id: string, @CurrentUser() user: AuthPrincipal): Promise<DeliveryItem> {
    await this.access.require(user, 'notification.admin');
    return this.notifications.retry(id, user);
  }
}
