import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsDistrictVillageCode } from '../../common/validators/shared-validators';
import { Optional } from '../../common/validators/optional';

/** GET /posts/:id/poster.png and the others: which 村居's board the poster is for. */
export class PosterQueryDto {
  @ApiPropertyOptional({
    example: '370406103201',
    description: '贴在哪个村居（12位）。村居联络员不用填（就是本村）；管理员只能填本辖区的村居',
  })
  @Optional()
  @IsDistrictVillageCode()
  villageCode?: string;
}

/** GET /stats/posters: the posters of one post or one event (exactly one of the two). */
export class PosterStatsQueryDto {
  @ApiPropertyOptional({ description: '岗位编号' })
  @Optional()
  @IsUUID('all', { message: '岗位编号无效' })
  postId?: string;

  @ApiPropertyOptional({ description: '活动编号' })
  @Optional()
  @IsUUID('all', { message: '活动编号无效' })
  eventId?: string;
}
