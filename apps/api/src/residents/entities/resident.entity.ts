import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Availability, ConsentMethod, EducationLevel, Gender, KeyGroup, ResidentStatus, WageUnit } from '@zaogong/shared';
import { DATETIME, ID_COLUMN, decimalToNumber } from '../../database/column-types';

/** 劳动力档案: one real person. 身份证号 and phone are stored only encrypted, with keyed blind indexes. */
@Entity({ name: 'residents' })
@Index('uq_residents_id_number_hash', ['idNumberHash'], { unique: true })
@Index('idx_residents_phone_hash', ['phoneHash'])
@Index('idx_residents_village_created', ['villageCode', 'createdAt', 'id'])
@Index('idx_residents_village_status_created', ['villageCode', 'status', 'createdAt', 'id'])
@Index('idx_residents_town_created', ['townCode', 'createdAt', 'id'])
@Index('idx_residents_town_status_created', ['townCode', 'status', 'createdAt', 'id'])
@Index('idx_residents_status_created', ['status', 'createdAt', 'id'])
@Index('idx_residents_created', ['createdAt', 'id'])
@Index('idx_residents_town_name', ['townCode', 'name', 'createdAt'])
@Index('idx_residents_name', ['name', 'createdAt'])
@Index('uq_residents_user', ['userId'], { unique: true })
export class Resident {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** Empty until given: a seeker's first application needs only a name, a phone and a 村. */
  @Column({ name: 'id_number_cipher', type: 'text', nullable: true })
  idNumberCipher!: string | null;

  /** HMAC-SHA256 of the normalised 身份证号 under a key derived from DATA_KEY. */
  @Column({ name: 'id_number_hash', type: 'varchar', length: 64, nullable: true })
  idNumberHash!: string | null;

  @Column({ name: 'phone_cipher', type: 'text' })
  phoneCipher!: string;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64 })
  phoneHash!: string;

  /** Read from the 身份证号; empty while there is none. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  gender!: Gender | null;

  @Column({ name: 'birth_date', type: 'varchar', length: 10, nullable: true })
  birthDate!: string | null;

  @Column({ name: 'village_code', type: 'varchar', length: 12 })
  villageCode!: string;

  @Column({ name: 'town_code', type: 'varchar', length: 12 })
  townCode!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  education!: EducationLevel | null;

  /** 毕业时间 (YYYY-MM), for the graduate policies (政策找人); null when not given. */
  @Column({ name: 'graduation_date', type: 'varchar', length: 7, nullable: true })
  graduationDate!: string | null;

  @Column({ type: 'simple-json' })
  skills!: string[];

  @Column({ name: 'desired_occupations', type: 'simple-json' })
  desiredOccupations!: string[];

  @Column({ name: 'desired_town_codes', type: 'simple-json' })
  desiredTownCodes!: string[];

  @Column({ name: 'max_commute_km', type: 'integer', nullable: true })
  maxCommuteKm!: number | null;

  @Column({ name: 'expected_wage_min', type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: decimalToNumber })
  expectedWageMin!: number | null;

  @Column({ name: 'wage_unit', type: 'varchar', length: 8, nullable: true })
  wageUnit!: WageUnit | null;

  @Column({ type: 'simple-json' })
  availability!: Availability[];

  @Column({ name: 'key_groups', type: 'simple-json' })
  keyGroups!: KeyGroup[];

  @Column({ type: 'varchar', length: 16 })
  status!: ResidentStatus;

  @Column({ name: 'consent_method', type: 'varchar', length: 16 })
  consentMethod!: ConsentMethod;

  @Column({ name: 'consent_at', ...DATETIME })
  consentAt!: Date;

  /** The user who took the consent (a liaison, or the person themselves). */
  @Column({ name: 'consent_by', type: 'varchar', length: 36, nullable: true })
  consentBy!: string | null;

  @Column({ name: 'registered_by', type: 'varchar', length: 36, nullable: true })
  registeredBy!: string | null;

  /** The seeker account that is this person, once they sign in themselves. */
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId!: string | null;

  /** 个性化推荐 on (default) or off, the person's choice (个人信息保护法 第二十四条). */
  @Column({ name: 'personalized_recommendations', type: 'boolean', default: true })
  personalizedRecommendations!: boolean;

  /**
   * When the person's data was erased at their request (个人信息保护法 第四十七条): the record is then a
   * nameless stub kept only so the employment already counted stays counted (docs/business-logic/personal-data-rights.md).
   */
  @Column({ name: 'erased_at', ...DATETIME, nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}

/** A record with its 身份证号 (every record a liaison or an import makes; a seeker's after they give it). */
export type IdentifiedResident = Resident & { idNumberCipher: string; idNumberHash: string; gender: Gender; birthDate: string };
