import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { POST_TYPES, type PostType, type SavedSearchInput } from '@zaogong/shared';
import { IsDistrictTownCode } from '../../common/validators/shared-validators';
import { cleanLine } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';

/** POST /me/saved-searches (有了告诉我): the keyword and filters of the list, as GET /posts takes them. */
export class CreateSavedSearchDto implements SavedSearchInput {
  @ApiProperty({ description: '要找的工作（关键词）', example: '焊工' })
  @Transform(cleanLine)
  @IsString({ message: '请写上要找的工作' })
  @Length(1, 30, { message: '要找的工作应为1到30个字' })
  q!: string;

  @ApiPropertyOptional({ example: '370406103' })
  @Optional()
  @IsDistrictTownCode()
  townCode?: string;

  @ApiPropertyOptional({ description: '职业代码，或中类代码(如 6-05)', example: '6-05-01' })
  @Optional()
  @Matches(/^[1-8]-\d{2}(-\d{2})?$/, { message: '应为职业代码，如 6-05-01' })
  occupationCode?: string;

  @ApiPropertyOptional({ enum: POST_TYPES })
  @Optional()
  @IsIn(POST_TYPES, { message: '应为 full_time、part_time、gig、seasonal 或 shared_staff' })
  type?: PostType;

  @ApiPropertyOptional({ description: '最低月收入（元/月，日薪和时薪按月折算）', example: 4000 })
  @Optional()
  @IsInt({ message: '应为整数（元/月）' })
  @Min(0, { message: '不能小于0' })
  @Max(1000000, { message: '不能超过1000000' })
  wageMin?: number;
}
