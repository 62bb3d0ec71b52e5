import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNumber, Max, Min, ValidateIf } from 'class-validator';
import { toNumber } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';


export class MatchQueryDto {
  @ApiPropertyOptional({ default: 10, maximum: 50 })
  @Optional()
  @Transform(toNumber)
  @IsInt({ message: '应为1到50的整数' })
  @Min(1, { message: '应为1到50的整数' })
  @Max(50, { message: '应为1到50的整数' })
  limit?: number;

  @ApiPropertyOptional({ description: '求职者本人的位置（可选）', example: 35.09 })
  @ValidateIf((o: MatchQueryDto) => o.lat !== undefined || o.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: '位置需要同时有纬度和经度' })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ example: 117.46 })
  @ValidateIf((o: MatchQueryDto) => o.lat !== undefined || o.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: '位置需要同时有纬度和经度' })
  @Min(-180)
  @Max(180)
  lng?: number;
}

export class PreferencesDto {
  @ApiProperty({ description: '个性化推荐：true 开，false 关' })
  @IsBoolean({ message: '应为 true（打开）或 false（关闭）' })
  personalizedRecommendations!: boolean;
}
