import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDistrictRegionCode } from '../../common/validators/shared-validators';
import { Optional } from '../../common/validators/optional';

export class RegionQueryDto {
  @ApiPropertyOptional({ description: '上级代码：370406 得到11个镇街，9位镇街代码得到其村居', example: '370406' })
  @Optional()
  @IsDistrictRegionCode(['district', 'town'])
  parent?: string;
}
