import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The keyword index of posts: one row per segmented word of a post (title, description, skills,
 * occupation name and synonyms, place). A keyword query looks words up here instead of scanning
 * the text with LIKE '%…%'.
 */
@Entity({ name: 'post_search_terms' })
@Index('idx_post_search_terms_post', ['postId'])
export class PostSearchTerm {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  term!: string;

  @PrimaryColumn({ name: 'post_id', type: 'varchar', length: 36 })
  postId!: string;
}
