import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDistrictRegionCode } from '../../common/validators/shared-validators';
import { Optional } from '../../common/validators/optional';

export class OverviewQueryDto {
  @ApiPropertyOptional({ description: '区(370406)、镇街(9位)或村居(12位)代码；不填为本人管辖范围', example: '370406103' })
  @Optional()
  @IsDistrictRegionCode()
  regionCode?: string;
}
