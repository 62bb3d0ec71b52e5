import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { ID_COLUMN } from '../../database/column-types';

/** A photo of a post (the workplace, the dormitory): at most 3 a post; the bytes are in the photo store. */
@Entity({ name: 'post_photos' })
@Index('idx_post_photos_post', ['postId', 'createdAt'])
export class PostPhoto {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId!: string;

  @Column({ type: 'varchar', length: 16 })
  mime!: 'image/jpeg' | 'image/png' | 'image/webp';

  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
