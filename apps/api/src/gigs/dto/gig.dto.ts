import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { DISPUTE_REASONS, DISPUTE_STATUSES, GIG_PAY_METHODS, type DisputeReason, type DisputeStatus, type GigPayMethod } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsDistrictTownCode, IsDistrictVillageCode } from '../../common/validators/shared-validators';
import { cleanLine, cleanText, toNumber } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '应为日期，如 2026-12-08';

export class GigQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 35.07, description: '所在位置的纬度（和经度一起给）' })
  @ValidateIf((o: GigQueryDto) => o.lat !== undefined || o.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: '位置要同时给纬度和经度' })
  @Min(-90, { message: '纬度应在-90到90之间' })
  @Max(90, { message: '纬度应在-90到90之间' })
  lat?: number;

  @ApiPropertyOptional({ example: 117.46 })
  @ValidateIf((o: GigQueryDto) => o.lat !== undefined || o.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: '位置要同时给纬度和经度' })
  @Min(-180, { message: '经度应在-180到180之间' })
  @Max(180, { message: '经度应在-180到180之间' })
  lng?: number;

  @ApiPropertyOptional({ default: 3, maximum: 50, description: '多少公里以内（默认3公里，没有就放宽）' })
  @Optional()
  @Transform(toNumber)
  @IsNumber({}, { message: '应为1到50之间的公里数' })
  @Min(0.5, { message: '应为0.5到50之间的公里数' })
  @Max(50, { message: '最远50公里' })
  radiusKm?: number;

  @ApiPropertyOptional({ example: '2026-12-08', description: '哪一天（不填为今天起3天）' })
  @Optional()
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  date?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsDistrictTownCode()
  townCode?: string;

  @ApiPropertyOptional({ description: '没有位置时：先列这个村居的，再列同镇街的' })
  @Optional()
  @IsDistrictVillageCode()
  villageCode?: string;
}

export class GigSignupDto {
  @ApiProperty({ example: '2026-12-08' })
  @IsString({ message: '请选择哪一天' })
  @Matches(DATE, { message: DATE_MESSAGE })
  date!: string;

  @ApiPropertyOptional({ description: '联络员为村民报名时填' })
  @Optional()
  @IsUUID('all', { message: '居民编号无效' })
  residentId?: string;
}

export class GigDayQueryDto {
  @ApiProperty({ example: '2026-12-08' })
  @IsString({ message: '请给出日期' })
  @Matches(DATE, { message: DATE_MESSAGE })
  date!: string;
}

export class GigSignupListDto extends PageQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '居民编号无效' })
  residentId?: string;

  @ApiPropertyOptional({ example: '2026-12-08' })
  @Optional()
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  date?: string;
}

export class GigDayPatchDto {
  @ApiPropertyOptional({ description: '停止这天的报名' })
  @Optional()
  @IsBoolean({ message: '应为 true 或 false' })
  closed?: boolean;

  @ApiPropertyOptional({ description: '这天要几个人（只能加，或减到已报上的人数）' })
  @Optional()
  @IsInt({ message: '人数应为1到500的整数' })
  @Min(1, { message: '人数应为1到500的整数' })
  @Max(500, { message: '人数应为1到500的整数' })
  headcount?: number;
}

export class GigCheckInDto {
  @ApiPropertyOptional({ example: '204816', description: '企业手机上的6位现场码' })
  @ValidateIf((o: GigCheckInDto) => o.signupId === undefined)
  @IsString({ message: '请输入企业手机上的6位现场码' })
  @Matches(/^\d{6}$/, { message: '现场码是6位数字' })
  code?: string;

  @ApiPropertyOptional({ description: '联络员在现场为村民作证时填报名编号' })
  @Optional()
  @IsUUID('all', { message: '报名编号无效' })
  signupId?: string;

  @ApiPropertyOptional({ example: '本人到场，我在现场' })
  @Optional()
  @Transform(cleanLine)
  @IsString()
  @Length(1, 200, { message: '最多200个字' })
  note?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: GigCheckInDto) => o.lat !== undefined || o.lng !== undefined)
  @IsNumber({}, { message: '位置要同时给纬度和经度' })
  @Min(-90, { message: '纬度应在-90到90之间' })
  @Max(90, { message: '纬度应在-90到90之间' })
  lat?: number;

  @ApiPropertyOptional()
  @ValidateIf((o: GigCheckInDto) => o.lat !== undefined || o.lng !== undefined)
  @IsNumber({}, { message: '位置要同时给纬度和经度' })
  @Min(-180, { message: '经度应在-180到180之间' })
  @Max(180, { message: '经度应在-180到180之间' })
  lng?: number;
}

export class GigPayDto {
  @ApiProperty({ example: 200 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '工钱应为数字，最多两位小数' })
  @Min(0.01, { message: '工钱应大于0' })
  @Max(100000, { message: '一天的工钱不超过100000元' })
  amount!: number;

  @ApiProperty({ enum: GIG_PAY_METHODS })
  @IsIn(GIG_PAY_METHODS, { message: '应为 cash（现金）、wechat（微信）或 bank（银行转账）' })
  method!: GigPayMethod;

  @ApiProperty({ example: '2026-12-08T18:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: '应为付钱的时间，如 2026-12-08T18:00:00+08:00' })
  paidAt!: string;

  @ApiPropertyOptional({ description: '工钱比约定高很多时，确认没有填错' })
  @Optional()
  @IsBoolean({ message: '应为 true 或 false' })
  confirmUnusual?: boolean;
}

export class GigDisputeDto {
  @ApiProperty({ enum: DISPUTE_REASONS })
  @IsIn(DISPUTE_REASONS, { message: '应为 unpaid（没给工钱）、underpaid（给少了）、late（拖着不给）或 other' })
  reason!: DisputeReason;

  @ApiPropertyOptional({ example: '说好一天200元，只给了150元' })
  @Optional()
  @Transform(cleanText)
  @IsString()
  @Length(1, 500, { message: '最多500个字' })
  note?: string;
}

export class GigRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt({ message: '星级应为1到5' })
  @Min(1, { message: '星级应为1到5' })
  @Max(5, { message: '星级应为1到5' })
  stars!: number;

  @ApiPropertyOptional({ example: ['准时', '干活利索'] })
  @Optional()
  @IsArray({ message: '应为词语的列表' })
  @ArrayMaxSize(5, { message: '最多5个' })
  @IsString({ each: true })
  @Length(1, 10, { each: true, message: '每个1到10个字' })
  tags?: string[];

  @ApiPropertyOptional()
  @Optional()
  @Transform(cleanText)
  @IsString()
  @Length(1, 200, { message: '最多200个字' })
  note?: string;
}

export class LiftPauseDto {
  @ApiProperty({ example: '家里有急事，已经说明' })
  @Transform(cleanText)
  @IsString({ message: '请写明为什么恢复报名' })
  @Length(2, 200, { message: '请写2到200个字' })
  note!: string;
}

export class DisputeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DISPUTE_STATUSES })
  @Optional()
  @IsIn(DISPUTE_STATUSES, { message: '应为 open、mediating、resolved 或 referred' })
  status?: DisputeStatus;
}

export class DisputePatchDto {
  @ApiProperty({ enum: ['mediating', 'resolved', 'referred'] })
  @IsIn(['mediating', 'resolved', 'referred'], { message: '应为 mediating（调解中）、resolved（已解决）或 referred（转劳动监察）' })
  status!: Exclude<DisputeStatus, 'open'>;

  @ApiProperty({ example: '已电话联系企业，答应周五前补发' })
  @Transform(cleanText)
  @IsString({ message: '请写明做了什么' })
  @Length(2, 500, { message: '请写2到500个字' })
  note!: string;
}

export class GigStatsQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @Optional()
  @Transform(toNumber)
  @IsInt({ message: '应为年份，如 2026' })
  @Min(2020, { message: '应为2020年以后' })
  @Max(2100, { message: '年份不对' })
  year?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsDistrictTownCode()
  townCode?: string;
}
