import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ResidentQueryDto } from '../dto/resident.dto';

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true：只检查、报告会怎样，不写入' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: '应为 true（只检查）或 false（导入）' })
  dryRun?: 'true' | 'false';
}

/** The ledger export takes the list's filters (not its search, paging or cursor). */
export class ExportQueryDto extends PickType(ResidentQueryDto, ['villageCode', 'townCode', 'status', 'keyGroup'] as const) {}
