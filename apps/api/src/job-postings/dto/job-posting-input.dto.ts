import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BENEFITS, POST_STATUSES, POST_TYPES, REPORT_REASONS, REPORT_STATUSES, WAGE_UNITS, type Benefit, type PostStatus, type PostType, type ReportReason, type ReportStatus, type WageUnit } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsDistrictLatitude, IsDistrictLongitude, IsDistrictTownCode, IsDistrictVillageCode } from '../../common/validators/shared-validators';
import { cleanLine, cleanLineText, cleanText } from '../../common/validators/transforms';
import { Optional, PartialType } from '../../common/validators/optional';

const trimWords = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? cleanLineText(v) : v)).filter((v) => v !== '') : value;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The employer's form. Cross-field rules (wage range, dates, village in town) are checked in the service. */
export class CreatePostDto {
  @ApiProperty({ example: '电焊工' })
  @Transform(cleanLine)
  @IsString({ message: '请填写岗位名称' })
  @Length(2, 40, { message: '岗位名称应为2到40个字' })
  title!: string;

  @ApiProperty({ example: '6-05-01' })
  @IsString({ message: '请选择工种' })
  @Matches(/^[1-8]-\d{2}-\d{2}$/, { message: '请从工种列表中选择' })
  occupationCode!: string;

  @ApiProperty({ example: '负责塑编设备维修焊接，有焊工证优先，包吃住。' })
  @Transform(cleanText)
  @IsString({ message: '请填写岗位描述' })
  @Length(5, 2000, { message: '岗位描述应为5到2000个字' })
  description!: string;

  @ApiProperty({ example: ['电焊'], type: [String] })
  @Transform(trimWords)
  @IsArray({ message: '应为技能列表' })
  @ArrayMaxSize(12, { message: '技能最多12个' })
  @IsString({ each: true, message: '每项技能应为文字' })
  @MaxLength(12, { each: true, message: '每项技能最多12个字' })
  skills!: string[];

  @ApiProperty({ example: 5000 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '应为金额（元）' })
  @Min(0.01, { message: '应大于0' })
  @Max(1000000, { message: '金额过大' })
  wageMin!: number;

  @ApiProperty({ example: 6500 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '应为金额（元）' })
  @Min(0.01, { message: '应大于0' })
  @Max(1000000, { message: '金额过大' })
  wageMax!: number;

  @ApiProperty({ enum: WAGE_UNITS })
  @IsIn(WAGE_UNITS, { message: '应为 month（月）、day（天）、hour（小时）或 piece（件）' })
  wageUnit!: WageUnit;

  @ApiProperty({ enum: POST_TYPES })
  @IsIn(POST_TYPES, { message: '应为 full_time、part_time、gig、seasonal 或 shared_staff' })
  type!: PostType;

  @ApiProperty({ example: 3 })
  @IsInt({ message: '应为整数' })
  @Min(1, { message: '至少招1人' })
  @Max(999, { message: '一个岗位最多招999人' })
  headcount!: number;

  @ApiProperty({ example: '370406103' })
  @IsDistrictTownCode()
  townCode!: string;

  @ApiPropertyOptional({ example: '370406103201' })
  @Optional()
  @IsDistrictVillageCode()
  villageCode?: string;

  @ApiPropertyOptional({ example: '桑村镇工业园3号' })
  @Optional()
  @Transform(cleanLine)
  @IsString()
  @MaxLength(120, { message: '地址最多120个字' })
  address?: string;

  @ApiPropertyOptional({ example: 35.07 })
  @Optional()
  @IsDistrictLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 117.46 })
  @Optional()
  @IsDistrictLongitude()
  lng?: number;

  @ApiPropertyOptional({ enum: BENEFITS, isArray: true })
  @Optional()
  @IsArray({ message: '应为福利列表' })
  @IsIn(BENEFITS, { each: true, message: '福利应为 meals、housing、social_insurance、housing_fund、shuttle 或 training' })
  benefits?: Benefit[];

  @ApiPropertyOptional({ example: '2026-12-01', description: '零工的用工日，季节工、共享员工的开始日' })
  @Optional()
  @Matches(DATE, { message: '应为日期，如 2026-12-01' })
  startDate?: string;

  @ApiPropertyOptional({ example: '2026-12-20' })
  @Optional()
  @Matches(DATE, { message: '应为日期，如 2026-12-20' })
  endDate?: string;

  @ApiPropertyOptional({ example: '07:30', description: '每天几点开工（零工报名在开工时截止；不填为08:00）' })
  @Optional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为开工时间，如 07:30' })
  workStartTime?: string;

  @ApiPropertyOptional({ description: 'true：只保存草稿，不提交审核' })
  @Optional()
  @IsBoolean({ message: '应为 true 或 false' })
  draft?: boolean;
}

export class UpdatePostDto extends PartialType(CreatePostDto) {}

export class ReviewPostDto {
  @ApiProperty()
  @IsBoolean({ message: '应为 true（通过）或 false（驳回）' })
  approve!: boolean;

  @ApiPropertyOptional({ description: '驳回时必填，企业能看到', example: '工资写法不清楚，请写明月薪范围' })
  @Optional()
  @Transform(cleanText)
  @IsString()
  @MaxLength(200, { message: '最多200个字' })
  reason?: string;

  @ApiPropertyOptional({ description: '通过时同时认证还没认证的企业（同一个事务，记入审计日志）' })
  @Optional()
  @IsBoolean({ message: '应为 true（同时认证企业）或 false' })
  verifyEmployer?: boolean;
}

export class MyPostsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: POST_STATUSES })
  @Optional()
  @IsIn(POST_STATUSES, { message: '应为 draft、pending_review、published、rejected、closed 或 expired' })
  status?: PostStatus;
}

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_REASONS })
  @IsIn(REPORT_REASONS, { message: '请选择举报原因' })
  reason!: ReportReason;

  @ApiPropertyOptional({ example: '打电话过去说要先交300元押金' })
  @Optional()
  @Transform(cleanText)
  @IsString()
  @MaxLength(200, { message: '最多200个字' })
  note?: string;
}

export class ResolveReportsDto {
  @ApiProperty({ description: 'true：举报属实，岗位下架；false：未发现问题，岗位恢复显示' })
  @IsBoolean({ message: '应为 true 或 false' })
  upheld!: boolean;

  @ApiPropertyOptional({ example: '核实确有收取押金行为' })
  @Optional()
  @Transform(cleanText)
  @IsString()
  @MaxLength(150, { message: '最多150个字' })
  note?: string;
}

export class ReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REPORT_STATUSES, default: 'open' })
  @Optional()
  @IsIn(REPORT_STATUSES, { message: '应为 open、upheld 或 dismissed' })
  status?: ReportStatus;
}
