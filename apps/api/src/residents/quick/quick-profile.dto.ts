import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { IsDistrictVillageCode, IsMobile } from '../../common/validators/shared-validators';
import { cleanLine, trim } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';

/**
 * POST /me/profile/quick: what a first application needs of a seeker — a name, a phone the employer can
 * call and the 村 they live in. The rest (身份证号 first) is asked when a hire is confirmed, or a liaison
 * completes it. The phone is the account's own when it has one (WeChat 手机号快速验证 or SMS login),
 * else `phoneCode` (手机号快速验证 in the apply sheet) or a typed `phone`.
 */
export class QuickProfileDto {
  @ApiProperty({ example: '王秀英' })
  @Transform(cleanLine)
  @IsString({ message: '请填写姓名' })
  @Length(2, 32, { message: '姓名应为2到32个字' })
  @Matches(/^[\u4e00-\u9fff·A-Za-z ]+$/, { message: '姓名只能是汉字、字母或间隔号·' })
  name!: string;

  @ApiPropertyOptional({ example: '13905461234' })
  @Optional()
  @Transform(trim)
  @IsMobile()
  phone?: string;

  @ApiPropertyOptional({ description: 'the code of the getPhoneNumber button (手机号快速验证)' })
  @Optional()
  @IsString({ message: '手机号验证码格式不对' })
  @Length(1, 128, { message: '手机号验证码格式不对' })
  phoneCode?: string;

  @ApiProperty({ example: '370406103200' })
  @IsDistrictVillageCode()
  villageCode!: string;

  @ApiPropertyOptional({ example: ['6-05-01'], description: 'the work the person is applying for, as 想做的工作' })
  @Optional()
  @IsArray({ message: '应为职业代码的列表' })
  @ArrayMaxSize(10, { message: '最多10项' })
  @Matches(/^[1-8]-\d{2}-\d{2}$/, { each: true, message: '应为职业代码，如 6-05-01' })
  desiredOccupations?: string[];
}
