import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length } from 'class-validator';
import { DELETION_REQUEST_STATUSES, type DeletionRequestStatus } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { Optional } from '../../common/validators/optional';
import { cleanText } from '../../common/validators/transforms';

/** POST /me/deletion-request */
export class DeletionRequestDto {
  @ApiPropertyOptional({ example: '不再需要找工作了' })
  @Optional()
  @Transform(cleanText)
  @IsString({ message: '应为文字' })
  @Length(1, 200, { message: '原因应为1到200个字' })
  reason?: string;
}

/** POST /privacy/deletion-requests/:id/complete */
export class DeletionCompleteDto {
  @ApiPropertyOptional({ example: '已电话核实本人意愿' })
  @Optional()
  @Transform(cleanText)
  @IsString({ message: '应为文字' })
  @Length(1, 200, { message: '备注应为1到200个字' })
  note?: string;
}

/** POST /privacy/deletion-requests/:id/decline: the reason the person will read. */
export class DeletionDeclineDto {
  @ApiProperty({ example: '您有一笔就业补贴正在办理，办结后可再申请' })
  @Transform(cleanText)
  @IsString({ message: '应为文字' })
  @Length(4, 200, { message: '请写明不同意的原因（4到200个字）' })
  reason!: string;
}

/** POST /residents/:id/erase: why, as the person said it at the window. */
export class ResidentEraseDto {
  @ApiProperty({ example: '本人到村委会窗口申请删除个人信息' })
  @Transform(cleanText)
  @IsString({ message: '应为文字' })
  @Length(4, 200, { message: '请写明删除原因（4到200个字）' })
  reason!: string;
}

export class DeletionRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELETION_REQUEST_STATUSES })
  @Optional()
  @IsIn(DELETION_REQUEST_STATUSES, { message: '应为 pending、completed 或 declined' })
  status?: DeletionRequestStatus;
}
