import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PostType } from '@zaogong/shared';
import { DATETIME, ID_COLUMN } from '../../database/column-types';

/**
 * 有了告诉我: a seeker's search (a keyword and the list's filters) whose new posts they want to hear
 * of. When a post is published that matches it, the owner gets a notification (once per post).
 */
@Entity({ name: 'saved_searches' })
@Index('uq_saved_searches_user_key', ['userId', 'searchKey'], { unique: true })
export class SavedSearch {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  /** The keyword as the person typed it, normalised (half-width, lower case, single spaces). */
  @Column({ type: 'varchar', length: 30 })
  q!: string;

  @Column({ name: 'town_code', type: 'varchar', length: 12, nullable: true })
  townCode!: string | null;

  /** A leaf code, or a group code for all its leaves. */
  @Column({ name: 'occupation_code', type: 'varchar', length: 16, nullable: true })
  occupationCode!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  type!: PostType | null;

  /** 元/月 equivalent. */
  @Column({ name: 'wage_min', type: 'integer', nullable: true })
  wageMin!: number | null;

  /** Every criterion in one string, so the same search cannot be saved twice (the unique key). */
  @Column({ name: 'search_key', type: 'varchar', length: 100 })
  searchKey!: string;

  @Column({ name: 'created_at', ...DATETIME })
  createdAt!: Date;
}
