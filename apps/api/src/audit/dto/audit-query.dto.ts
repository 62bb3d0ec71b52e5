import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'resident.reveal' })
  @IsOptional()
  @Matches(/^[a-z_.]{1,40}$/, { message: '格式不正确，如 resident.reveal' })
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  targetId?: string;
}
