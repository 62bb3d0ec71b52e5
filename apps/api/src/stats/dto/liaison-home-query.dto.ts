import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { LIAISON_TODAY_LIMIT_DEFAULT, LIAISON_TODAY_LIMIT_MAX } from '@zaogong/shared';
import { Optional } from '../../common/validators/optional';
import { OverviewQueryDto } from './overview-query.dto';

/** GET /liaison/villages: the caller's area unless they name one inside it. */
export class LiaisonAreaQueryDto extends OverviewQueryDto {}

/** GET /liaison/today: the area, and how many items of each group to list. */
export class LiaisonTodayQueryDto extends OverviewQueryDto {
  @ApiPropertyOptional({ description: `每组列出几条（默认 ${LIAISON_TODAY_LIMIT_DEFAULT}，最多 ${LIAISON_TODAY_LIMIT_MAX}）`, example: LIAISON_TODAY_LIMIT_DEFAULT })
  @Optional()
  @Transform(({ value }) => (value === '' || value === undefined ? undefined : Number(value)))
  @IsInt({ message: `应为1到${LIAISON_TODAY_LIMIT_MAX}的整数` })
  @Min(1, { message: `应为1到${LIAISON_TODAY_LIMIT_MAX}的整数` })
  @Max(LIAISON_TODAY_LIMIT_MAX, { message: `应为1到${LIAISON_TODAY_LIMIT_MAX}的整数` })
  limit?: number;
}
