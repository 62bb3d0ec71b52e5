import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class OverviewQueryDto {
  @ApiPropertyOptional({ description: '区(370406)、镇街(9位)或村居(12位)代码；不填为本人管辖范围', example: '370406103' })
  @IsOptional()
  @Matches(/^370406(\d{3}(\d{3})?)?$/, { message: '应为山亭区、其镇街或村居的代码' })
  regionCode?: string;
}
