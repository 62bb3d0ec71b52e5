import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ResidentQueryDto } from '../dto/resident.dto';
import { Optional } from '../../common/validators/optional';

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true：只检查、报告会怎样，不写入' })
  @Optional()
  @IsIn(['true', 'false'], { message: '应为 true（只检查）或 false（导入）' })
  dryRun?: 'true' | 'false';
}

/** The ledger export takes the list's filters (not its search, paging or cursor). */
export class ExportQueryDto extends PickType(ResidentQueryDto, ['villageCode', 'townCode', 'status', 'keyGroup'] as const) {}
