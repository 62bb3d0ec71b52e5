import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/column-types';

/**
 * Scan-to-log-in for a PC browser: the PC makes a ticket and shows it as a QR; a logged-in phone
 * approves it; the PC's next poll receives a new session for that account, once.
 */
@Entity({ name: 'qr_login_tickets' })
export class QrLoginTicket {
  /** SHA-256 of the ticket: the ticket itself lives only in the QR and the PC's poll. */
  @PrimaryColumn({ name: 'ticket_hash', type: 'varchar', length: 64 })
  ticketHash!: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt!: Date;

  @Column({ name: 'approved_by', type: 'varchar', length: 36, nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_at', ...DATETIME, nullable: true })
  approvedAt!: Date | null;

  /** Set when the PC received its tokens: the ticket is spent. */
  @Column({ name: 'claimed_at', ...DATETIME, nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
