import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { YearQueryDto } from '../dto/hire.dto';
import { Optional } from '../../common/validators/optional';

const REASON_MESSAGE = '导出完整身份证号须写明原因（4到200个字）';

export class LedgerQueryDto extends YearQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '完整身份证号（仅管理员，须写明原因，记入审计日志）' })
  @Optional()
  @IsIn(['true', 'false'], { message: '应为 true 或 false' })
  reveal?: 'true' | 'false';

  @ApiPropertyOptional({ example: '报送区人社局核对新增就业', description: '导出完整身份证号的原因' })
  @ValidateIf((q: LedgerQueryDto) => q.reveal === 'true' || q.reason !== undefined)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: REASON_MESSAGE })
  @Length(4, 200, { message: REASON_MESSAGE })
  reason?: string;
}
