import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Optional } from '../../common/validators/optional';

export class WechatLoginDto {
  @ApiProperty({ description: 'wx.login 返回的 code' })
  @IsString({ message: '应为文字' })
  @Length(1, 128, { message: '不能为空' })
  code!: string;

  @ApiPropertyOptional({ description: '手机号快速验证（getPhoneNumber）返回的 code' })
  @Optional()
  @IsString({ message: '应为文字' })
  @Length(1, 128, { message: '不能为空' })
  phoneCode?: string;
}
