import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EventCheckInVia, EventSignupStatus } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/** A seeker's ticket to an event (or place in its waiting list), and when they came in. */
@Entity({ name: 'event_signups' })
@Index('uq_event_signups_person', ['eventId', 'residentId'], { unique: true })
@Index('uq_event_signups_ticket', ['ticketCode'], { unique: true })
@Index('idx_event_signups_event', ['eventId', 'status', 'seq'])
@Index('idx_event_signups_resident', ['residentId'])
export class EventSignup {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ name: 'resident_id', type: 'varchar', length: 36 })
  residentId!: string;

  /** 8 characters, unique across events (TICKET_CODE_ALPHABET). */
  @Column({ name: 'ticket_code', type: 'varchar', length: 8 })
  ticketCode!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: EventSignupStatus;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 8 })
  source!: 'self' | 'liaison';

  @Column({ name: 'signed_up_by', type: 'varchar', length: 36 })
  signedUpBy!: string;

  @Column({ name: 'cancelled_at', ...DATETIME, nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'checked_in_at', ...DATETIME, nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'checked_in_by', type: 'varchar', length: 36, nullable: true })
  checkedInBy!: string | null;

  @Column({ name: 'check_in_via', type: 'varchar', length: 8, nullable: true })
  checkInVia!: EventCheckInVia | null;

  /** The day-before reminder went out. */
  @Column({ name: 'reminded_at', ...DATETIME, nullable: true })
  remindedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
