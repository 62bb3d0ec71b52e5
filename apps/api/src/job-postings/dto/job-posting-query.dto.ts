import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { BENEFITS, POST_SORTS, POST_TYPES, type Benefit, type PostSort, type PostType } from '@zaogong/shared';
import { IsDistrictTownCode } from '../../common/validators/shared-validators';
import { toNumber } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';


export class JobPostingQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '关键词：岗位名称、职业或描述', example: '焊工' })
  @Optional()
  @IsString()
  @MaxLength(30, { message: '最多30个字' })
  q?: string;

  @ApiPropertyOptional({ example: '370406103' })
  @Optional()
  @IsDistrictTownCode()
  townCode?: string;

  @ApiPropertyOptional({ description: '职业代码，或中类代码(如 6-05)包含其下所有职业', example: '6-05-01' })
  @Optional()
  @Matches(/^[1-8]-\d{2}(-\d{2})?$/, { message: '应为职业代码，如 6-05-01' })
  occupationCode?: string;

  @ApiPropertyOptional({ enum: POST_TYPES })
  @Optional()
  @IsIn(POST_TYPES, { message: '应为 full_time、part_time、gig、seasonal 或 shared_staff' })
  type?: PostType;

  @ApiPropertyOptional({ description: '最低月收入（元/月，日薪和时薪按月折算）', example: 4000 })
  @Optional()
  @Transform(toNumber)
  @IsInt({ message: '应为整数（元/月）' })
  @Min(0)
  @Max(1000000)
  wageMin?: number;

  @ApiPropertyOptional({ description: '福利，逗号分隔，须全部提供', example: 'meals,housing' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value))
  @IsIn(BENEFITS, { each: true, message: '福利应为 meals、housing、social_insurance、housing_fund、shuttle 或 training' })
  benefits?: Benefit[];

  @ApiPropertyOptional({ enum: POST_SORTS, default: 'newest' })
  @Optional()
  @IsIn(POST_SORTS, { message: '应为 newest、wage 或 distance' })
  sort?: PostSort;

  @ApiPropertyOptional({ description: '求职者的位置（按距离排序时必填）', example: 35.07 })
  @ValidateIf((o: JobPostingQueryDto) => o.sort === 'distance' || o.lat !== undefined || o.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: '按距离排序需要您的位置（纬度）' })
  @Min(-90)
  @Max(90)
  lat?: number;

  @ApiPropertyOptional({ example: 117.46 })
  @ValidateIf((o: JobPostingQueryDto) => o.sort === 'distance' || o.lat !== undefined || o.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: '按距离排序需要您的位置（经度）' })
  @Min(-180)
  @Max(180)
  lng?: number;
}
