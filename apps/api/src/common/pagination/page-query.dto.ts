import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from '@zaogong/shared';
import { Optional } from '../validators/optional';

/** `cursor` and `limit` of every list route (API.md: limit default 20, max 100). */
export class PageQueryDto {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: LIST_LIMIT_DEFAULT, maximum: LIST_LIMIT_MAX })
  @Optional()
  @Transform(({ value }) => (value === '' || value === undefined ? undefined : Number(value)))
  @IsInt({ message: '应为1到100的整数' })
  @Min(1, { message: '应为1到100的整数' })
  @Max(LIST_LIMIT_MAX, { message: '应为1到100的整数' })
  limit?: number;
}
