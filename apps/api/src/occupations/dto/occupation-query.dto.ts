import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../../common/validators/optional';

export class OccupationQueryDto {
  @ApiPropertyOptional({ description: '职业名称或别称，如 电焊、保洁', example: '电焊' })
  @Optional()
  @IsString()
  @MaxLength(20, { message: '最多20个字' })
  q?: string;

  @ApiPropertyOptional({ description: '只看这一类：大类(1-8)或中类代码(如 6-05)', example: '6-05' })
  @Optional()
  @Matches(/^[1-8](-\d{2})?$/, { message: '应为大类(1-8)或中类代码，如 6-05' })
  group?: string;

  @ApiPropertyOptional({ default: 50, maximum: 300 })
  @Optional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(300)
  limit?: number;
}
