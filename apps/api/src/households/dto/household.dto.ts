import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { CreatePostDto } from '../../job-postings/dto/job-posting-input.dto';
import { IsDistrictVillageCode, IsMobile } from '../../common/validators/shared-validators';
import { cleanLine } from '../../common/validators/transforms';
import { Optional } from '../../common/validators/optional';

/** POST /households: a 农户 its liaison registers (no 统一社会信用代码, no account). */
export class CreateHouseholdDto {
  @ApiProperty({ example: '王大爷家' })
  @Transform(cleanLine)
  @IsString({ message: '请填写农户的称呼，如“王大爷家”' })
  @Length(2, 30, { message: '农户称呼应为2到30个字' })
  name!: string;

  @ApiProperty({ example: '370406103201' })
  @IsDistrictVillageCode()
  villageCode!: string;

  @ApiProperty({ example: '王守田' })
  @Transform(cleanLine)
  @IsString({ message: '请填写联系人' })
  @Length(1, 30, { message: '联系人应为1到30个字' })
  contactName!: string;

  @ApiProperty({ example: '13905462222' })
  @IsMobile()
  contactPhone!: string;

  @ApiPropertyOptional({ example: '户口村东头', description: '干活的地方；不填就是本村' })
  @Optional()
  @Transform(cleanLine)
  @IsString()
  @Length(2, 120, { message: '地址应为2到120个字' })
  address?: string;
}

/** GET /households: the caller's area, or one 村居 of it. */
export class HouseholdQueryDto {
  @ApiPropertyOptional({ example: '370406103201' })
  @Optional()
  @IsDistrictVillageCode()
  villageCode?: string;
}

/** POST /households/:id/gigs: the employer's post form, always a 零工, at the household's 村. */
export class HouseholdGigDto extends OmitType(CreatePostDto, ['type', 'townCode', 'villageCode', 'benefits', 'draft'] as const) {}
