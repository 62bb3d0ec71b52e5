import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { INDUSTRY_CODES, VERIFICATION_STATES, type IndustryCode, type VerificationState } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsCreditCode, IsDistrictLatitude, IsDistrictLongitude, IsDistrictTownCode, IsMobile } from '../../common/validators/shared-validators';
import { cleanLine, cleanText, trim, trimUpper } from '../../common/validators/transforms';
import { Optional, PartialType } from '../../common/validators/optional';


export class CreateEmployerDto {
  @ApiProperty({ example: '山亭区桑村塑编制品有限公司' })
  @Transform(cleanLine)
  @IsString({ message: '请填写企业名称' })
  @Length(2, 60, { message: '企业名称应为2到60个字' })
  name!: string;

  @ApiProperty({ example: '91370406MA3C4X7B2K', description: '18位统一社会信用代码' })
  @Transform(trimUpper)
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ enum: INDUSTRY_CODES, description: 'GB/T 4754-2017 门类' })
  @Transform(trimUpper)
  @IsIn(INDUSTRY_CODES, { message: '请选择行业门类（A到T）' })
  industryCode!: IndustryCode;

  @ApiProperty({ example: '370406103' })
  @IsDistrictTownCode()
  townCode!: string;

  @ApiProperty({ example: '桑村镇工业园' })
  @Transform(cleanLine)
  @IsString({ message: '请填写地址' })
  @Length(2, 120, { message: '地址应为2到120个字' })
  address!: string;

  @ApiProperty({ example: '张经理' })
  @Transform(cleanLine)
  @IsString({ message: '请填写联系人' })
  @Length(1, 30, { message: '联系人应为1到30个字' })
  contactName!: string;

  @ApiProperty({ example: '13905462222' })
  @IsMobile()
  contactPhone!: string;

  @ApiPropertyOptional({ example: 35.07 })
  @Optional()
  @IsDistrictLatitude()
  lat?: number;

  @ApiPropertyOptional({ example: 117.46 })
  @Optional()
  @IsDistrictLongitude()
  lng?: number;
}

export class UpdateEmployerDto extends PartialType(CreateEmployerDto) {}

export class VerifyEmployerDto {
  @ApiProperty()
  @IsBoolean({ message: '应为 true（通过）或 false（不通过）' })
  approve!: boolean;

  @ApiPropertyOptional({ description: '不通过时必填，企业能看到', example: '营业执照名称与填写的不一致' })
  @Optional()
  @Transform(cleanText)
  @IsString()
  @MaxLength(200, { message: '最多200个字' })
  reason?: string;
}

export class RevokeEmployerDto {
  @ApiProperty({ description: '撤销的原因，企业能看到', example: '营业执照已被吊销' })
  @Transform(cleanText)
  @IsString({ message: '请写明撤销认证的原因，企业会看到' })
  @Length(2, 200, { message: '原因应为2到200个字' })
  reason!: string;
}

export class EmployerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: VERIFICATION_STATES })
  @Optional()
  @IsIn(VERIFICATION_STATES, { message: '应为 pending、verified 或 rejected' })
  verification?: VerificationState;

  @ApiPropertyOptional({ description: '企业名称中的字，或统一社会信用代码（全部或一段）' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(30, { message: '最多30个字' })
  q?: string;
}

export class JoinEmployerDto {
  @ApiProperty({ example: 'K7M2QX' })
  @Transform(trimUpper)
  @IsString({ message: '请填写加入码' })
  @Matches(/^[A-Z0-9]{6}$/, { message: '加入码是6位字母或数字' })
  code!: string;
}
