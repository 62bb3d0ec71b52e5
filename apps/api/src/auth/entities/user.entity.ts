import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@zaogong/shared';
import { ID_COLUMN } from '../../database/column-types';

@Entity({ name: 'users' })
@Index('uq_users_wechat_openid', ['wechatOpenid'], { unique: true })
@Index('uq_users_dev_key', ['devKey'], { unique: true })
export class User {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** A liaison's 村居 or 镇街; a 镇街 officer's 镇街. */
  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'employer_id', type: 'varchar', length: 36, nullable: true })
  employerId!: string | null;

  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid!: string | null;

  @Column({ name: 'wechat_unionid', type: 'varchar', length: 64, nullable: true })
  wechatUnionid!: string | null;

  /** Identity of a development login: role, name, region and employer. */
  @Column({ name: 'dev_key', type: 'varchar', length: 191, nullable: true })
  devKey!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
