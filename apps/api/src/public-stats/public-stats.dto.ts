import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { toNumber } from '../common/validators/transforms';
import { Optional } from '../common/validators/optional';

export class PublicStatsQueryDto {
  @ApiPropertyOptional({ example: 2026, description: '哪一年（默认今年）' })
  @Optional()
  @Transform(toNumber)
  @IsInt({ message: '年份应为整数' })
  @Min(2020, { message: '年份应在2020到2100之间' })
  @Max(2100, { message: '年份应在2020到2100之间' })
  year?: number;
}
