import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { POST_TYPES, type PostType } from '@zaogong/shared';

const toNumber = ({ value }: { value: unknown }) => (value === '' || value === undefined ? undefined : Number(value));

export class JobPostingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '关键词：岗位名称、职业或描述', example: '焊工' })
  @IsOptional()
  @IsString()
  @MaxLength(30, { message: '最多30个字' })
  q?: string;

  @ApiPropertyOptional({ example: '370406103' })
  @IsOptional()
  @Matches(/^370406\d{3}$/, { message: '应为山亭区的9位镇街代码' })
  townCode?: string;

  @ApiPropertyOptional({ description: '职业代码，或中类代码(如 6-05)包含其下所有职业', example: '6-05-01' })
  @IsOptional()
  @Matches(/^[1-8]-\d{2}(-\d{2})?$/, { message: '应为职业代码，如 6-05-01' })
  occupationCode?: string;

  @ApiPropertyOptional({ enum: POST_TYPES })
  @IsOptional()
  @IsIn(POST_TYPES, { message: '应为 full_time、part_time、gig、seasonal 或 shared_staff' })
  type?: PostType;

  @ApiPropertyOptional({ description: '最低月收入（元/月，日薪和时薪按月折算）', example: 4000 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: '应为整数（元/月）' })
  @Min(0)
  @Max(1000000)
  wageMin?: number;
}
