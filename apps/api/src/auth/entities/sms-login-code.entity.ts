import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * A login code sent by SMS, kept as a keyed hash with the phone's blind index (never the number).
 * Valid 5 minutes; five wrong tries void it; at most one a minute and ten a day per phone.
 */
@Entity({ name: 'sms_login_codes' })
@Index('idx_sms_login_codes_phone_created', ['phoneIndex', 'createdAt'])
export class SmsLoginCode {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'phone_index', type: 'varchar', length: 64 })
  phoneIndex!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt!: Date;

  /** Set when the code logged someone in or was voided by wrong tries. */
  @Column({ name: 'spent_at', ...DATETIME, nullable: true })
  spentAt!: Date | null;
}
