import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '@zaogong/shared';
import { Optional } from '../../common/validators/optional';

export class DevLoginDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: '必须是 seeker（求职者）、employer（企业）、liaison（联络员）或 admin（管理员）' })
  role!: Role;

  @ApiProperty({ example: '王秀英' })
  @IsString()
  @Length(1, 32, { message: '应为1到32个字' })
  name!: string;

  @ApiPropertyOptional({ description: '联络员的村居(12位)或镇街(9位)代码；镇街干部(管理员)的镇街代码', example: '370406103201' })
  @Optional()
  @IsString()
  @Matches(/^\d{9}(\d{3})?$/, { message: '应为9位镇街代码或12位村居代码' })
  regionCode?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @Length(1, 36)
  employerId?: string;
}
