import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AVAILABILITIES,
  CONSENT_METHODS,
  EDUCATION_LEVELS,
  KEY_GROUPS,
  RESIDENT_STATUSES,
  WAGE_UNITS,
  type Availability,
  type ConsentMethod,
  type EducationLevel,
  type KeyGroup,
  type ResidentStatus,
  type WageUnit,
} from '@zaogong/shared';
import { IsDistrictTownCode, IsDistrictVillageCode, IsIdNumber, IsMobile } from '../../common/validators/shared-validators';
import { cleanEach, cleanLine, cleanText, trim } from '../../common/validators/transforms';
import { Optional, PartialType } from '../../common/validators/optional';


export class ConsentDto {
  @ApiProperty({ enum: CONSENT_METHODS })
  @IsIn(CONSENT_METHODS, { message: '应为 signature（本人签字）、verbal（口头同意）或 self（本人线上填写）' })
  method!: ConsentMethod;

  @ApiProperty({ example: '2026-11-20T09:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: '应为同意的时间，如 2026-11-20T09:00:00+08:00' })
  at!: string;
}

export class CreateResidentDto {
  @ApiProperty({ example: '王秀英' })
  @Transform(cleanLine)
  @IsString()
  @Length(2, 32, { message: '应为2到32个字' })
  @Matches(/^[\u4e00-\u9fff·A-Za-z ]+$/, { message: '只能是汉字、字母或间隔号·' })
  name!: string;

  @ApiProperty({ description: '18位身份证号（GB 11643）' })
  @Transform(trim)
  @IsIdNumber()
  idNumber!: string;

  @ApiProperty({ example: '13905461234' })
  @Transform(trim)
  @IsMobile()
  phone!: string;

  @ApiProperty({ example: '370406103200' })
  @IsDistrictVillageCode()
  villageCode!: string;

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS })
  @Optional()
  @IsIn(EDUCATION_LEVELS, { message: '取值不在允许范围内' })
  education?: EducationLevel;

  @ApiPropertyOptional({ example: '2025-06', description: '毕业时间（年-月），高校毕业生的政策要用' })
  @Optional()
  @IsString({ message: '毕业时间应为年-月，如 2025-06' })
  @Matches(/^(19[5-9]\d|20\d\d)-(0[1-9]|1[0-2])$/, { message: '毕业时间应为年-月，如 2025-06' })
  graduationDate?: string;

  @ApiProperty({ example: ['电焊', '叉车'] })
  @Transform(cleanEach)
  @IsArray()
  @ArrayMaxSize(20, { message: '最多20项' })
  @IsString({ each: true })
  @Length(1, 20, { each: true, message: '每项1到20个字' })
  skills!: string[];

  @ApiProperty({ example: ['6-05-01'], description: '职业代码' })
  @IsArray()
  @ArrayMaxSize(10, { message: '最多10项' })
  @Matches(/^[1-8]-\d{2}-\d{2}$/, { each: true, message: '应为职业代码，如 6-05-01' })
  desiredOccupations!: string[];

  @ApiPropertyOptional({ example: ['370406103'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(11)
  @IsDistrictTownCode({ each: true })
  desiredTownCodes?: string[];

  @ApiPropertyOptional({ example: 15 })
  @Optional()
  @IsInt({ message: '应为整数（公里）' })
  @Min(0)
  @Max(300)
  maxCommuteKm?: number;

  @ApiPropertyOptional({ example: 150 })
  @Optional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '应为金额（元）' })
  @Min(0)
  @Max(1000000)
  expectedWageMin?: number;

  @ApiPropertyOptional({ enum: WAGE_UNITS })
  @Optional()
  @IsIn(WAGE_UNITS, { message: '应为 month、day、hour 或 piece' })
  wageUnit?: WageUnit;

  @ApiProperty({ example: ['full_time', 'gig'] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少选一种' })
  @IsIn(AVAILABILITIES, { each: true, message: '应为 full_time、part_time、gig 或 seasonal' })
  availability!: Availability[];

  @ApiPropertyOptional({ enum: KEY_GROUPS, isArray: true })
  @Optional()
  @IsArray()
  @IsIn(KEY_GROUPS, { each: true, message: '取值不在允许范围内' })
  keyGroups?: KeyGroup[];

  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: '必须填写：本人同意登记的方式和时间' })
  @IsObject({ message: '应为 { method, at }：本人同意登记的方式和时间' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent!: ConsentDto;
}

/**
 * PATCH: a field left out keeps its value. The expected wage and the commute distance may also be sent as
 * null, which clears them (the form's 不限, an explicit choice); null anywhere else is refused (400).
 */
const Clearable = () => ValidateIf((_o: object, v: unknown) => v !== undefined && v !== null);

export class UpdateResidentDto extends PartialType(OmitType(CreateResidentDto, ['idNumber', 'consent', 'maxCommuteKm', 'expectedWageMin'] as const)) {
  @ApiPropertyOptional({ example: 15, nullable: true, description: 'null 清除（不限）' })
  @Clearable()
  @IsInt({ message: '应为整数（公里）' })
  @Min(0)
  @Max(300)
  maxCommuteKm?: number | null;

  @ApiPropertyOptional({ example: 150, nullable: true, description: 'null 清除（不限），工资单位一并清除' })
  @Clearable()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '应为金额（元）' })
  @Min(0)
  @Max(1000000)
  expectedWageMin?: number | null;

  @ApiPropertyOptional({ enum: RESIDENT_STATUSES })
  @Optional()
  @IsIn(RESIDENT_STATUSES, { message: '应为 seeking、employed、self_employed、not_seeking 或 migrated' })
  status?: ResidentStatus;

  @ApiPropertyOptional({ example: '在桑村塑编厂上班' })
  @Optional()
  @Transform(cleanText)
  @IsString()
  @Length(1, 200, { message: '最多200个字' })
  statusNote?: string;

  /** Only for a record made at a first application without one (先报名); a given 身份证号 never changes. */
  @ApiPropertyOptional({ description: '补全身份证号（只在档案还没有身份证号时）' })
  @Optional()
  @Transform(trim)
  @IsIdNumber()
  idNumber?: string;
}

export class ResidentQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @IsDistrictVillageCode()
  villageCode?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsDistrictTownCode()
  townCode?: string;

  @ApiPropertyOptional({ enum: RESIDENT_STATUSES })
  @Optional()
  @IsIn(RESIDENT_STATUSES, { message: '取值不在允许范围内' })
  status?: ResidentStatus;

  @ApiPropertyOptional({ enum: KEY_GROUPS })
  @Optional()
  @IsIn(KEY_GROUPS, { message: '取值不在允许范围内' })
  keyGroup?: KeyGroup;

  @ApiPropertyOptional({ description: '姓名（部分），或完整的身份证号、手机号' })
  @Optional()
  @Transform(trim)
  @IsString()
  @Length(1, 30, { message: '1到30个字' })
  q?: string;
}

/** POST /residents/id-check: the number as typed; a wrong check digit is an answer (`valid: false`), not a 400. */
export class IdCheckDto {
  @ApiProperty({ description: '18位身份证号' })
  @Transform(trim)
  @IsString({ message: '应为身份证号' })
  @Length(1, 30, { message: '应为18位身份证号' })
  idNumber!: string;
}

export class RevealDto {
  @ApiProperty({ example: '核实就业登记，需要联系本人' })
  @Transform(cleanText)
  @IsString()
  @Length(4, 200, { message: '请写明查看原因（4到200个字）' })
  reason!: string;
}
