import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { OUTREACH_STATUSES, POLICY_AUDIENCES, POLICY_STATUSES, type OutreachStatus, type PolicyAudience, type PolicyRule, type PolicyStatus } from '@zaogong/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { cleanLine, cleanText, toBoolean, trim } from '../../common/validators/transforms';
import { Optional, PartialType } from '../../common/validators/optional';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = '应为日期，如 2027-01-01';
const PHONE = /^(1[3-9]\d{9}|(0\d{2,3}-?)?\d{7,8}|12333)$/;

export class PolicyInputDto {
  @ApiProperty({ example: '高校毕业生就业创业补贴' })
  @Transform(cleanLine)
  @IsString({ message: '请填写政策名称' })
  @Length(2, 80, { message: '政策名称应为2到80个字' })
  title!: string;

  @ApiProperty({ example: '山亭区人力资源和社会保障局' })
  @Transform(cleanLine)
  @IsString({ message: '请填写发文单位' })
  @Length(2, 80, { message: '发文单位应为2到80个字' })
  issuer!: string;

  @ApiPropertyOptional({ example: '枣人社发〔2026〕1号' })
  @Optional()
  @Transform(cleanLine)
  @IsString({ message: '文号应为文字' })
  @Length(1, 60, { message: '文号最多60个字' })
  docNumber?: string;

  @ApiProperty({ description: '用大白话说这是什么政策' })
  @Transform(cleanText)
  @IsString({ message: '请写政策简介' })
  @Length(2, 2000, { message: '政策简介应为2到2000个字' })
  summary!: string;

  @ApiProperty({ description: '能得到什么（金额只写公布的）' })
  @Transform(cleanText)
  @IsString({ message: '请写能享受什么' })
  @Length(2, 2000, { message: '享受内容应为2到2000个字' })
  benefit!: string;

  @ApiProperty({ enum: POLICY_AUDIENCES })
  @IsIn(POLICY_AUDIENCES, { message: '对象应为 person（个人）或 employer（企业）' })
  audience!: PolicyAudience;

  @ApiProperty({ description: '条件：[{ field, op, value }]，全部满足才算符合' })
  @IsArray({ message: '条件应为列表' })
  rules!: PolicyRule[];

  @ApiPropertyOptional({ description: '要带的材料' })
  @Optional()
  @Transform(cleanText)
  @IsString({ message: '材料应为文字' })
  @Length(1, 2000, { message: '材料最多2000个字' })
  materials?: string;

  @ApiProperty({ description: '怎么办、去哪里办' })
  @Transform(cleanText)
  @IsString({ message: '请写怎么申请' })
  @Length(2, 2000, { message: '申请办法应为2到2000个字' })
  howToApply!: string;

  @ApiPropertyOptional({ example: '0632-8811234' })
  @Optional()
  @Transform(trim)
  @IsString({ message: '电话应为文字' })
  @Matches(PHONE, { message: '电话应为手机号或座机号，如 0632-8811234' })
  contactPhone?: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  validFrom!: string;

  @ApiPropertyOptional({ example: '2027-12-31' })
  @Optional()
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  validTo?: string;

  @ApiPropertyOptional({ example: 'http://www.shanting.gov.cn/' })
  @Optional()
  @Transform(trim)
  @IsString({ message: '原文链接应为文字' })
  @MaxLength(500, { message: '原文链接太长了' })
  @Matches(/^https?:\/\/[^\s]+$/, { message: '原文链接应以 http:// 或 https:// 开头' })
  sourceUrl?: string;

  @ApiPropertyOptional({ description: 'true：先存草稿，预览后再发布' })
  @Optional()
  @IsBoolean({ message: 'draft 应为 true 或 false' })
  draft?: boolean;
}

export class PolicyPatchDto extends PartialType(PolicyInputDto) {
  @ApiPropertyOptional({ enum: POLICY_STATUSES })
  @Optional()
  @IsIn(POLICY_STATUSES, { message: '状态应为 draft（草稿）、published（发布）或 withdrawn（撤回）' })
  status?: PolicyStatus;
}

/** POST /policies/preview: rules not saved yet (the form, as the admin types). */
export class PolicyRulesDto {
  @ApiProperty({ enum: POLICY_AUDIENCES })
  @IsIn(POLICY_AUDIENCES, { message: '对象应为 person（个人）或 employer（企业）' })
  audience!: PolicyAudience;

  @ApiProperty()
  @IsArray({ message: '条件应为列表' })
  rules!: PolicyRule[];
}

export class PolicyQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true（区级管理员）：连草稿、已撤回和过期的一起列出' })
  @Optional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'all 应为 true 或 false' })
  all?: boolean;

  @ApiPropertyOptional({ enum: POLICY_AUDIENCES })
  @Optional()
  @IsIn(POLICY_AUDIENCES, { message: '对象应为 person 或 employer' })
  audience?: PolicyAudience;
}

export class EligibleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTREACH_STATUSES })
  @Optional()
  @IsIn(OUTREACH_STATUSES, { message: '应为 not_contacted、told、applying、received 或 declined' })
  outreach?: OutreachStatus;
}

export class OutreachDto {
  @ApiProperty({ enum: OUTREACH_STATUSES })
  @IsIn(OUTREACH_STATUSES, { message: '应为 not_contacted（未联系）、told（已告知）、applying（办理中）、received（已享受）或 declined（不需要）' })
  outreach!: OutreachStatus;

  @ApiPropertyOptional({ example: '电话告知，下周一带材料去镇上办' })
  @Optional()
  @Transform(cleanLine)
  @IsString({ message: '备注应为文字' })
  @Length(1, 200, { message: '备注最多200个字' })
  note?: string;
}
