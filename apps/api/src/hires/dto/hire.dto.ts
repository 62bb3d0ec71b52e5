import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { WAGE_UNITS, type WageUnit } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsIdNumber, IsTownTargets } from '../../common/validators/shared-validators';
import { cleanText, toBoolean, toNumber, trim } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';


export class CreateHireDto {
  @ApiProperty()
  @IsUUID('all', { message: '居民编号无效' })
  residentId!: string;

  @ApiProperty()
  @IsUUID('all', { message: '企业编号无效' })
  employerId!: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '岗位编号无效' })
  postId?: string;

  @ApiProperty({ example: '2026-12-01', description: '开始上班的日期' })
  @IsString({ message: '请填写开始上班的日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '应为日期，如 2026-12-01' })
  startDate!: string;

  @ApiPropertyOptional({ example: 4000 })
  @Optional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '应为金额（元）' })
  @Min(0.01, { message: '应大于0' })
  @Max(1000000, { message: '金额过大' })
  wage?: number;

  @ApiPropertyOptional({ enum: WAGE_UNITS })
  @Optional()
  @IsIn(WAGE_UNITS, { message: '应为 month、day、hour 或 piece' })
  wageUnit?: WageUnit;
}

export class VerifyHireDto {
  @ApiProperty({ example: '企业已停业，经电话与本人核实已在岗' })
  @Transform(cleanText)
  @IsString({ message: '请写明核实的理由' })
  @Length(4, 200, { message: '理由应为4到200个字' })
  reason!: string;
}

export class FlexibleHireDto {
  @ApiProperty()
  @IsUUID('all', { message: '居民编号无效' })
  residentId!: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: '从哪天算灵活就业，不填为今天；不能晚于今天' })
  @Optional()
  @IsString({ message: '应为日期，如 2026-12-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '应为日期，如 2026-12-01' })
  startDate?: string;

  @ApiProperty({ example: '近90天零工出勤42天' })
  @Transform(cleanText)
  @IsString({ message: '请写明灵活就业的依据' })
  @Length(4, 200, { message: '依据应为4到200个字' })
  evidence!: string;
}

export class RevokeHireDto {
  @ApiProperty({ example: '本人实际未到岗，企业误操作确认' })
  @Transform(cleanText)
  @IsString({ message: '请写明撤销的理由' })
  @Length(4, 200, { message: '理由应为4到200个字' })
  reason!: string;
}

export class HireQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @Optional()
  @Transform(toNumber)
  @IsInt({ message: '应为年份' })
  @Min(2000, { message: '应为年份' })
  @Max(2100, { message: '应为年份' })
  year?: number;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '居民编号无效' })
  residentId?: string;

  @ApiPropertyOptional()
  @Optional()
  @Transform(toBoolean)
  @IsBoolean({ message: '应为 true 或 false' })
  verified?: boolean;
}

export class YearQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '默认今年' })
  @Optional()
  @Transform(toNumber)
  @IsInt({ message: '应为年份，如 2026' })
  @Min(2000, { message: '应为年份，如 2026' })
  @Max(2100, { message: '应为年份，如 2026' })
  year?: number;
}

/** The most one target may be (the district has about 300,000 people). */
export const TARGET_MAX = 1_000_000;

export class TargetsDto {
  @ApiProperty({ example: 3000, description: '全区目标（人），0 到 1000000 的整数' })
  @IsInt({ message: '应为整数' })
  @Min(0, { message: '不能为负数' })
  @Max(TARGET_MAX, { message: '数目过大' })
  district!: number;

  @ApiPropertyOptional({ example: { '370406103': 300 }, description: '各镇街目标：{ 9位镇街代码: 0 到 1000000 的整数 }' })
  @Optional()
  @IsTownTargets()
  towns?: Record<string, number>;
}

/** POST /hires/:id/confirm: the person's side gives the 身份证号 here when their record has none yet (先报名). */
export class ConfirmHireDto {
  @ApiPropertyOptional({ description: '身份证号（只在档案还没有时需要）' })
  @Optional()
  @Transform(trim)
  @IsIdNumber()
  idNumber?: string;
}
