import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { WAGE_UNITS, type WageUnit } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { toBoolean, toNumber } from '../../common/validators/transforms';


export class CreateHireDto {
  @ApiProperty()
  @IsUUID('all', { message: '居民编号无效' })
  residentId!: string;

  @ApiProperty()
  @IsUUID('all', { message: '企业编号无效' })
  employerId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '岗位编号无效' })
  postId?: string;

  @ApiProperty({ example: '2026-12-01', description: '开始上班的日期' })
  @IsString({ message: '请填写开始上班的日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '应为日期，如 2026-12-01' })
  startDate!: string;

  @ApiPropertyOptional({ example: 4000 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '应为金额（元）' })
  @Min(0.01, { message: '应大于0' })
  @Max(1000000, { message: '金额过大' })
  wage?: number;

  @ApiPropertyOptional({ enum: WAGE_UNITS })
  @IsOptional()
  @IsIn(WAGE_UNITS, { message: '应为 month、day、hour 或 piece' })
  wageUnit?: WageUnit;
}

export class VerifyHireDto {
  @ApiProperty({ example: '企业已停业，经电话与本人核实已在岗' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '请写明核实的理由' })
  @Length(4, 200, { message: '理由应为4到200个字' })
  reason!: string;
}

export class HireQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: '应为年份' })
  @Min(2000, { message: '应为年份' })
  @Max(2100, { message: '应为年份' })
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: '居民编号无效' })
  residentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: '应为 true 或 false' })
  verified?: boolean;
}

export class YearQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '默认今年' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: '应为年份，如 2026' })
  @Min(2000, { message: '应为年份，如 2026' })
  @Max(2100, { message: '应为年份，如 2026' })
  year?: number;
}

export class TargetsDto {
  @ApiProperty({ example: 3000 })
  @Type(() => Number)
  @IsInt({ message: '应为整数' })
  @Min(0, { message: '不能为负数' })
  @Max(1000000, { message: '数目过大' })
  district!: number;

  @ApiPropertyOptional({ example: { '370406103': 300 } })
  @IsOptional()
  @IsObject({ message: '应为 { 镇街代码: 目标数 }' })
  towns?: Record<string, number>;
}
