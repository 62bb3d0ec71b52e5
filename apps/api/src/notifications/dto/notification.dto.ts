import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFICATION_TYPES, type DeliveryChannel, type DeliveryStatus, type NotificationType } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { toBoolean } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '只看未读' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean({ message: '应为 true 或 false' })
  unread?: boolean;
}

export class SubscriptionAcceptanceDto {
  @ApiProperty({ type: [String], description: '用户在 wx.requestSubscribeMessage 中同意的模板' })
  @IsArray({ message: '请给出模板列表' })
  @ArrayMinSize(1, { message: '至少一个模板' })
  @ArrayMaxSize(20, { message: '最多20个模板' })
  @IsString({ each: true, message: '模板编号应为文字' })
  @MaxLength(64, { each: true, message: '模板编号太长' })
  templateIds!: string[];
}

export class NotificationSettingsDto {
  @ApiProperty({ enum: NOTIFICATION_TYPES, isArray: true })
  @IsArray({ message: '请给出要关闭的消息类型列表' })
  @ArrayMaxSize(NOTIFICATION_TYPES.length, { message: '消息类型太多' })
  @IsIn(NOTIFICATION_TYPES, { each: true, message: `消息类型应为 ${NOTIFICATION_TYPES.join('、')} 之一` })
  mutedTypes!: NotificationType[];

  @ApiProperty()
  @IsBoolean({ message: '短信开关应为 true 或 false' })
  sms!: boolean;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @Optional()
  @IsIn(DELIVERY_STATUSES, { message: `状态应为 ${DELIVERY_STATUSES.join('、')} 之一` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: DELIVERY_CHANNELS })
  @Optional()
  @IsIn(DELIVERY_CHANNELS, { message: '渠道应为 wechat 或 sms' })
  channel?: DeliveryChannel;
}
