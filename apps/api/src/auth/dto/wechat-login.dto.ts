import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class WechatLoginDto {
  @ApiProperty({ description: 'wx.login 返回的 code' })
  @IsString()
  @Length(1, 128, { message: '不能为空' })
  code!: string;
}
