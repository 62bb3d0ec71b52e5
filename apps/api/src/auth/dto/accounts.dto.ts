import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { INVITABLE_ROLES, ROLES, type InvitableRole, type Role } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { Optional } from '../../common/validators/optional';
import { cleanLine } from '../../common/validators/transforms';
import { IsDistrictRegionCode, IsMobile } from '../../common/validators/shared-validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RefreshDto {
  @ApiProperty()
  @IsString({ message: '应为文字' })
  @Length(16, 200, { message: '登录凭证格式不对' })
  refreshToken!: string;
}

export class LogoutDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString({ message: '应为文字' })
  @MaxLength(200)
  refreshToken?: string;
}

export class SmsSendDto {
  @ApiProperty({ example: '13800138000' })
  @Transform(trim)
  @IsMobile()
  phone!: string;
}

export class SmsLoginDto extends SmsSendDto {
  @ApiProperty({ example: '123456' })
  @Transform(trim)
  @IsString({ message: '请输入6位数字验证码' })
  @Matches(/^\d{6}$/, { message: '请输入6位数字验证码' })
  code!: string;
}

export class TotpDto {
  @ApiProperty({ example: '123456', description: '身份验证器上的6位数字' })
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '') : value))
  @IsString({ message: '请输入6位数字' })
  @Matches(/^\d{6}$/, { message: '请输入身份验证器上的6位数字' })
  totp!: string;
}

export class InvitationDto {
  @ApiProperty({ enum: INVITABLE_ROLES })
  @IsIn(INVITABLE_ROLES, { message: '必须是 liaison（联络员）或 admin（管理员）' })
  role!: InvitableRole;

  @ApiPropertyOptional({ description: '联络员的村居或镇街；镇街干部的镇街；区级管理员不填' })
  @Optional()
  @IsDistrictRegionCode(['town', 'village'])
  regionCode?: string;

  @ApiProperty({ example: '李书记' })
  @Transform(cleanLine)
  @IsString({ message: '请填写被邀请人的姓名' })
  @Length(1, 32, { message: '姓名应为1到32个字' })
  name!: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ example: 'ABCD2345' })
  @IsString({ message: '请输入邀请码' })
  @Length(4, 20, { message: '邀请码是8位字母和数字' })
  code!: string;
}

export class DisableUserDto {
  @ApiProperty({ example: '已调离岗位' })
  @Transform(cleanLine)
  @IsString({ message: '请写明停用原因' })
  @Length(2, 200, { message: '请写明停用原因（2到200个字）' })
  reason!: string;
}

export class AdminUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES, { message: '必须是 seeker、employer、liaison 或 admin' })
  role?: Role;

  @ApiPropertyOptional()
  @Optional()
  @IsDistrictRegionCode(['town', 'village'])
  regionCode?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString({ message: '应为文字' })
  @MaxLength(32)
  q?: string;
}

export class QrTicketParamDto {
  @IsString()
  @Matches(/^[\w-]{20,64}$/, { message: '二维码无效' })
  ticket!: string;
}
