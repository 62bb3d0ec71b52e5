import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../../common/validators/optional';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'resident.reveal' })
  @Optional()
  @Matches(/^[a-z_.]{1,40}$/, { message: '格式不正确，如 resident.reveal' })
  action?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(36)
  targetId?: string;
}
