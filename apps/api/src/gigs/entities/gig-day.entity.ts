import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One working day of a gig post: its places and the counts of its roster. Made at the first sign-up (or
 * the employer's first change) with the post's headcount. Every sign-up, cancel and move-up locks this row,
 * so the roster is never over the headcount, however many sign up in the same second.
 */
@Entity({ name: 'gig_days' })
export class GigDay {
  @PrimaryColumn({ name: 'post_id', type: 'varchar', length: 36 })
  postId!: string;

  /** YYYY-MM-DD, China date. */
  @PrimaryColumn({ name: 'work_date', type: 'varchar', length: 10 })
  workDate!: string;

  @Column({ type: 'integer' })
  headcount!: number;

  /** Sign-ups holding a place: confirmed, checked in or out. */
  @Column({ type: 'integer', default: 0 })
  confirmed!: number;

  @Column({ type: 'integer', default: 0 })
  waitlisted!: number;

  /** The next sign-up's number: first come, first served, and the waiting list's order. */
  @Column({ name: 'next_seq', type: 'integer', default: 1 })
  nextSeq!: number;

  /** The employer closed sign-ups for the day. */
  @Column({ type: 'boolean', default: false })
  closed!: boolean;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
