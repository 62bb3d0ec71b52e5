import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { SHARED_CONSENT_METHODS, type SharedConsentMethod } from '@zaogong/shared';
import { IsDistrictTownCode, IsMobile } from '../../common/validators/shared-validators';
import { cleanLine, cleanText, toNumber } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = '应为日期，如 2027-01-10';

export class SharedOfferDto {
  @ApiProperty({ example: '6-02-01', description: '工种（职业代码）' })
  @IsString({ message: '请选择工种' })
  @Matches(/^\d-\d{2}-\d{2}$/, { message: '工种应为职业代码，如 6-02-01' })
  occupationCode!: string;

  @ApiProperty({ example: 5 })
  @IsInt({ message: '人数应为整数' })
  @Min(1, { message: '人数至少1人' })
  @Max(500, { message: '人数最多500人' })
  headcount!: number;

  @ApiProperty({ example: '2027-01-10' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  from!: string;

  @ApiProperty({ example: '2027-02-10' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  to!: string;

  @ApiProperty({ example: '370406104' })
  @IsDistrictTownCode()
  townCode!: string;

  @ApiPropertyOptional({ example: '淡季富余工人' })
  @Optional()
  @Transform(cleanLine)
  @IsString({ message: '备注应为文字' })
  @Length(1, 200, { message: '备注最多200个字' })
  note?: string;
}

export class SharedRequestDto extends SharedOfferDto {
  @ApiProperty({ example: 150 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '工资应为金额（元）' })
  @Min(1, { message: '工资应大于0' })
  @Max(100000, { message: '工资太高了，请核对' })
  wage!: number;

  @ApiProperty({ enum: ['day', 'month', 'hour'] })
  @IsIn(['day', 'month', 'hour'], { message: '工资单位应为 day（按天）、month（按月）或 hour（按小时）' })
  wageUnit!: 'day' | 'month' | 'hour';
}

export class SharedAgreementDto {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '富余人员信息编号无效' })
  offerId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '用工需求编号无效' })
  requestId?: string;

  @ApiProperty({ description: '出借方企业' })
  @IsUUID('all', { message: '出借方企业编号无效' })
  lenderId!: string;

  @ApiProperty({ description: '借入方企业' })
  @IsUUID('all', { message: '借入方企业编号无效' })
  borrowerId!: string;

  @ApiProperty({ example: '2027-01-10' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  from!: string;

  @ApiProperty({ example: '2027-02-10' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  to!: string;

  @ApiProperty({ example: '豆制品包装' })
  @Transform(cleanText)
  @IsString({ message: '请写干什么活' })
  @Length(1, 500, { message: '工作内容最多500个字' })
  work!: string;

  @ApiProperty({ example: '借入方按日150元结算，经出借方发放' })
  @Transform(cleanText)
  @IsString({ message: '请写工资怎么结算' })
  @Length(1, 500, { message: '结算方式最多500个字' })
  pay!: string;

  @ApiProperty({ enum: ['lender'] })
  @IsIn(['lender'], { message: '工伤保险责任由出借方承担（injuryCover 应为 lender）' })
  injuryCover!: 'lender';

  @ApiPropertyOptional({ type: [String], description: '借出的工人（居民编号）' })
  @Optional()
  @IsArray({ message: '工人应为列表' })
  @ArrayMaxSize(200, { message: '一份协议最多200人' })
  @IsUUID('all', { each: true, message: '居民编号无效' })
  workerIds?: string[];
}

export class SharedConsentDto {
  @ApiPropertyOptional({ enum: SHARED_CONSENT_METHODS, description: '本人在小程序确认为 app；联络员记录签字 signature 或口头同意 verbal' })
  @Optional()
  @IsIn(SHARED_CONSENT_METHODS, { message: '同意方式应为 app、signature（签字）或 verbal（口头）' })
  method?: SharedConsentMethod;
}

export class SharedEndDto {
  @ApiProperty({ example: '订单提前完成' })
  @Transform(cleanLine)
  @IsString({ message: '请写结束的原因' })
  @Length(2, 200, { message: '原因应为2到200个字' })
  reason!: string;
}

export class SharedExtendDto {
  @ApiProperty({ example: '2027-03-10' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  to!: string;

  @ApiProperty({ example: '订单增加' })
  @Transform(cleanLine)
  @IsString({ message: '请写延长的原因' })
  @Length(2, 200, { message: '原因应为2到200个字' })
  reason!: string;
}

/** The lender puts one of its people on an agreement: by the ledger's id, or by their name and phone. */
export class SharedWorkerDto {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '居民编号无效' })
  residentId?: string;

  @ApiPropertyOptional({ example: '王秀英' })
  @Optional()
  @Transform(cleanLine)
  @IsString({ message: '姓名应为文字' })
  @Length(2, 30, { message: '姓名应为2到30个字' })
  name?: string;

  @ApiPropertyOptional({ example: '13905466001' })
  @Optional()
  @IsMobile()
  phone?: string;
}

export class SharedStatsQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @Optional()
  @Transform(toNumber)
  @IsInt({ message: '年份应为整数' })
  @Min(2020, { message: '年份应在2020到2100之间' })
  @Max(2100, { message: '年份应在2020到2100之间' })
  year?: number;
}
