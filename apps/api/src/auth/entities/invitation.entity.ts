import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InvitableRole } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * A one-time code that gives the account that accepts it a staff role and region. Kept as a keyed hash
 * only; valid 7 days; one use. `createdBy` null: made by `npm run admin:create` on the server.
 */
@Entity({ name: 'invitations' })
@Index('uq_invitations_code_hash', ['codeHash'], { unique: true })
@Index('idx_invitations_created_by', ['createdBy'])
export class Invitation {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: InvitableRole;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt!: Date;

  @Column({ name: 'accepted_by', type: 'varchar', length: 36, nullable: true })
  acceptedBy!: string | null;

  @Column({ name: 'accepted_at', ...DATETIME, nullable: true })
  acceptedAt!: Date | null;
}
