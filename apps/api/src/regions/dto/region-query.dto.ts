import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class RegionQueryDto {
  @ApiPropertyOptional({ description: '上级代码：370406 得到11个镇街，9位镇街代码得到其村居', example: '370406' })
  @IsOptional()
  @Matches(/^\d{6}(\d{3})?$/, { message: '应为6位区县代码或9位镇街代码' })
  parent?: string;
}
