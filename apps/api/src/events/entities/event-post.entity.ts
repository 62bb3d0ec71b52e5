import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A post an employer brings to an event (its own posts only). */
@Entity({ name: 'event_posts' })
@Index('idx_event_posts_post', ['postId'])
@Index('idx_event_posts_employer', ['eventId', 'employerId'])
export class EventPost {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId!: string;

  @PrimaryColumn({ name: 'post_id', type: 'varchar', length: 36 })
  postId!: string;

  @Column({ name: 'employer_id', type: 'varchar', length: 36 })
  employerId!: string;
}
