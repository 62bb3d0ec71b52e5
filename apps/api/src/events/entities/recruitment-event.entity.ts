import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EventKind, EventSeries, EventStatus, LivePlatform } from '@zaogong/shared';
import { DATETIME, ID_COLUMN, decimalToNumber } from '../../database/column-types';

/**
 * A 招聘活动 (春风行动, 职等你来, 直播带岗): when and where, who organises it, and the counts of its sign-ups.
 * Every sign-up and cancel locks this row, so registrations never go over the capacity.
 */
@Entity({ name: 'events' })
@Index('idx_events_starts', ['startsAt'])
@Index('idx_events_town_starts', ['townCode', 'startsAt'])
export class RecruitmentEvent {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'varchar', length: 24 })
  series!: EventSeries;

  @Column({ type: 'varchar', length: 16 })
  kind!: EventKind;

  @Column({ type: 'varchar', length: 16 })
  status!: EventStatus;

  @Column({ name: 'starts_at', ...DATETIME })
  startsAt!: Date;

  @Column({ name: 'ends_at', ...DATETIME })
  endsAt!: Date;

  /** The 镇街 it is held for; null = the whole district. */
  @Column({ name: 'town_code', type: 'varchar', length: 12, nullable: true })
  townCode!: string | null;

  @Column({ name: 'village_code', type: 'varchar', length: 12, nullable: true })
  villageCode!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  address!: string | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lat!: number | null;

  @Column({ type: 'decimal', precision: 9, scale: 6, nullable: true, transformer: decimalToNumber })
  lng!: number | null;

  @Column({ name: 'live_url', type: 'varchar', length: 500, nullable: true })
  liveUrl!: string | null;

  @Column({ name: 'live_platform', type: 'varchar', length: 16, nullable: true })
  livePlatform!: LivePlatform | null;

  /** Seekers' places; null = no limit. */
  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: 20, nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 200, nullable: true })
  cancelReason!: string | null;

  /** Sign-ups holding a ticket (registered), and those waiting for one. */
  @Column({ type: 'integer', default: 0 })
  registered!: number;

  @Column({ type: 'integer', default: 0 })
  waitlisted!: number;

  /** The next sign-up's number: the waiting list moves up in this order. */
  @Column({ name: 'next_seq', type: 'integer', default: 1 })
  nextSeq!: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  /** When the people of its 镇街 who seek work were told of it (once). */
  @Column({ name: 'announced_at', ...DATETIME, nullable: true })
  announcedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
