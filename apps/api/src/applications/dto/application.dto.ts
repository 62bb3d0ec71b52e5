import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { cleanLine, cleanText } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';


export class CreateApplicationDto {
  @ApiProperty()
  @IsUUID('all', { message: '岗位编号无效' })
  postId!: string;

  @ApiPropertyOptional({ description: '联络员代村民投递时填写' })
  @Optional()
  @IsUUID('all', { message: '居民编号无效' })
  residentId?: string;

  @ApiPropertyOptional({ description: '在招聘活动的展位上投递：活动编号（投递和由此录用的人计入该活动）' })
  @Optional()
  @IsUUID('all', { message: '活动编号无效' })
  eventId?: string;
}

export class CreateInvitationDto {
  @ApiProperty()
  @IsUUID('all', { message: '岗位编号无效' })
  postId!: string;

  @ApiProperty()
  @IsUUID('all', { message: '居民编号无效' })
  residentId!: string;

  @ApiPropertyOptional({ example: '看您会电焊，欢迎来厂里看看' })
  @Optional()
  @Transform(cleanText)
  @IsString()
  @MaxLength(200, { message: '最多200个字' })
  note?: string;
}

export class UpdateApplicationDto {
  @ApiProperty({ enum: APPLICATION_STATUSES })
  @IsIn(APPLICATION_STATUSES, { message: '状态应为 applied、viewed、interview、offered、hired、rejected 或 withdrawn' })
  status!: ApplicationStatus;

  @ApiPropertyOptional()
  @Optional()
  @Transform(cleanText)
  @IsString()
  @MaxLength(200, { message: '最多200个字' })
  note?: string;

  @ApiPropertyOptional({ example: '2026-12-02T09:00:00+08:00', description: '约面试时必填' })
  @Optional()
  @IsISO8601({ strict: true }, { message: '应为面试时间，如 2026-12-02T09:00:00+08:00' })
  interviewAt?: string;

  @ApiPropertyOptional({ example: '桑村镇工业园3号厂办' })
  @Optional()
  @Transform(cleanLine)
  @IsString()
  @MaxLength(120, { message: '最多120个字' })
  interviewPlace?: string;

  @ApiPropertyOptional({ example: '2026-12-05', description: '入职时填写，默认今天' })
  @Optional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '应为日期，如 2026-12-05' })
  startDate?: string;
}

export class ApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '岗位编号无效' })
  postId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID('all', { message: '居民编号无效' })
  residentId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @Optional()
  @IsIn(APPLICATION_STATUSES, { message: '状态无效' })
  status?: ApplicationStatus;
}
