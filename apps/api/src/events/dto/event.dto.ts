import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { EVENT_KINDS, LIVE_PLATFORMS, type EventKind, type LivePlatform } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsDistrictLatitude, IsDistrictLongitude, IsDistrictTownCode, IsDistrictVillageCode } from '../../common/validators/shared-validators';
import { cleanLine, cleanText, toBoolean, toNumber, trim } from '../../common/validators/transforms';
import { Optional, PartialType } from '../../common/validators/optional';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '应为日期，如 2026-12-08';
const TIME_MESSAGE = '应为时间，如 2026-12-12T09:00:00+08:00';
/** A mobile, a landline with or without its area code (0632-1234567), or a short hotline such as 12333. */
const PHONE = /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}|12333)$/;

export class EventInputDto {
  @ApiProperty({ example: '2027年春风行动·桑村镇专场' })
  @Transform(cleanLine)
  @IsString({ message: '请填写活动名称' })
  @Length(2, 60, { message: '活动名称应为2到60个字' })
  title!: string;

  @ApiPropertyOptional({ example: 'chunfeng', description: '系列：chunfeng 春风行动、zhidengnilai 职等你来、private_firms_month 民营企业招聘月、golden_autumn 金秋招聘月、village_fair 村居小型招聘会、other；也可直接写中文名' })
  @Optional()
  @Transform(trim)
  @IsString({ message: '活动系列应为文字' })
  @MaxLength(24, { message: '没有这个活动系列' })
  series?: string;

  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS, { message: '活动形式应为 onsite（现场）、online（线上）或 livestream（直播）' })
  kind!: EventKind;

  @ApiProperty({ example: '2027-02-20T09:00:00+08:00' })
  @IsString({ message: TIME_MESSAGE })
  @IsISO8601({ strict: true }, { message: TIME_MESSAGE })
  startsAt!: string;

  @ApiProperty({ example: '2027-02-20T12:00:00+08:00' })
  @IsString({ message: TIME_MESSAGE })
  @IsISO8601({ strict: true }, { message: TIME_MESSAGE })
  endsAt!: string;

  @ApiPropertyOptional({ description: '哪个镇街的活动；不填为全区（区人社局组织）' })
  @Optional()
  @IsDistrictTownCode()
  townCode?: string;

  @ApiPropertyOptional({ description: '村居小型招聘会：在哪个村居' })
  @Optional()
  @IsDistrictVillageCode()
  villageCode?: string;

  @ApiPropertyOptional({ example: '桑村镇政府广场' })
  @Optional()
  @Transform(cleanLine)
  @IsString({ message: '地点应为文字' })
  @Length(1, 120, { message: '地点最多120个字' })
  address?: string;

  @ApiPropertyOptional({ example: 35.07 })
  @Optional()
  @IsDistrictLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 117.46 })
  @Optional()
  @IsDistrictLongitude()
  lng?: number;

  @ApiPropertyOptional({ example: 'https://v.kuaishou.com/xxxx' })
  @Optional()
  @Transform(trim)
  @IsString({ message: '直播链接应为文字' })
  @MaxLength(500, { message: '直播链接太长了' })
  @Matches(/^https?:\/\/[^\s]+$/, { message: '直播链接应以 http:// 或 https:// 开头' })
  liveUrl?: string;

  @ApiPropertyOptional({ enum: LIVE_PLATFORMS })
  @Optional()
  @IsIn(LIVE_PLATFORMS, { message: '直播平台应为 kuaishou（快手）、douyin（抖音）、channels（视频号）或 other' })
  livePlatform?: LivePlatform;

  @ApiPropertyOptional({ example: 300, description: '求职者名额；不填为不限' })
  @Optional()
  @IsInt({ message: '名额应为整数' })
  @Min(1, { message: '名额至少1人' })
  @Max(100000, { message: '名额最多100000人' })
  capacity?: number;

  @ApiProperty({ example: '桑村镇及周边20多家企业现场招聘，带上身份证即可。' })
  @Transform(cleanText)
  @IsString({ message: '请写活动介绍' })
  @Length(1, 2000, { message: '活动介绍最多2000个字' })
  description!: string;

  @ApiPropertyOptional({ example: '0632-8811234' })
  @Optional()
  @Transform(trim)
  @IsString({ message: '联系电话应为文字' })
  @Matches(PHONE, { message: '联系电话应为手机号或座机号，如 0632-8811234' })
  contactPhone?: string;
}

export class EventPatchDto extends PartialType(EventInputDto) {}

export class EventCancelDto {
  @ApiProperty({ example: '大风降温，改期举办' })
  @Transform(cleanLine)
  @IsString({ message: '请写取消的原因' })
  @Length(2, 200, { message: '原因应为2到200个字' })
  reason!: string;
}

export class EventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-12-01', description: '从哪天起（默认今天）' })
  @Optional()
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @Optional()
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  to?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsDistrictTownCode()
  townCode?: string;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString({ message: '没有这个活动系列' })
  @MaxLength(24, { message: '没有这个活动系列' })
  series?: string;

  @ApiPropertyOptional({ description: 'true：连已结束和已取消的一起列出' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'all 应为 true 或 false' })
  all?: boolean;
}

export class EventJoinDto {
  @ApiProperty({ type: [String], description: '带来参加活动的岗位（本企业已发布的）' })
  @IsArray({ message: '请选择要带来的岗位' })
  @ArrayMinSize(1, { message: '请至少选择一个岗位' })
  @ArrayMaxSize(30, { message: '一次最多带30个岗位' })
  @IsUUID('all', { each: true, message: '岗位编号无效' })
  postIds!: string[];
}

export class EventReviewDto {
  @ApiProperty()
  @IsBoolean({ message: 'approve 应为 true（通过）或 false（不通过）' })
  approve!: boolean;

  @ApiPropertyOptional({ example: 'A12' })
  @Optional()
  @Transform(cleanLine)
  @IsString({ message: '展位号应为文字' })
  @Length(1, 20, { message: '展位号应为1到20个字' })
  booth?: string;

  @ApiPropertyOptional({ example: '岗位与本次活动不符' })
  @Optional()
  @Transform(cleanLine)
  @IsString({ message: '原因应为文字' })
  @Length(2, 200, { message: '原因应为2到200个字' })
  reason?: string;
}

export class EventSignupDto {
  @ApiPropertyOptional({ description: '联络员为村民报名时填' })
  @Optional()
  @IsUUID('all', { message: '居民编号无效' })
  residentId?: string;
}

export class EventCheckInDto {
  @ApiPropertyOptional({ example: 'K7QW3M9P', description: '工作人员扫票或输入票号' })
  @Optional()
  @IsString({ message: '票号应为文字' })
  @MaxLength(40, { message: '票号不对，请核对' })
  ticketCode?: string;

  @ApiPropertyOptional({ example: '483920', description: '求职者扫入场码' })
  @Optional()
  @IsString({ message: '入场码应为文字' })
  @MaxLength(80, { message: '入场码不对，请核对' })
  venueCode?: string;
}

export class EventSignupListDto extends PageQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '活动编号无效' })
  eventId?: string;
}

export class EventSummaryQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @Optional()
  @Transform(toNumber)
  @IsInt({ message: '年份应为整数' })
  @Min(2020, { message: '年份应在2020到2100之间' })
  @Max(2100, { message: '年份应在2020到2100之间' })
  year?: number;

  @ApiPropertyOptional()
  @Optional()
  @Transform(trim)
  @IsString({ message: '没有这个活动系列' })
  @MaxLength(24, { message: '没有这个活动系列' })
  series?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsDistrictTownCode()
  townCode?: string;
}
